//! Adversarial inputs: unauthorized spenders, zero and overflowing amounts, spends above the
//! balance, forged and malformed hooks, funds where none belong. Each asserts the exact error and
//! that nothing changed (the treasury's storage and every balance of every account).
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::marker::PhantomData;

use common::*;
use cosmwasm_std::testing::{message_info, mock_env, MockApi, MockQuerier, MockStorage};
use cosmwasm_std::{coin, coins, to_json_binary, Binary, OwnedDeps, StdError, Storage, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_multi_test::Executor;
use cw_ownable::{Action, OwnershipError};
use cw_utils::PaymentError;
use poe_treasury::msg::MAX_HOOK_MSG_BYTES;
use poe_treasury::MAX_MEMO_BYTES;

/// A treasury with 5,000 FLX, 5,000 NEX-after-burn and 1,000 of each native denom.
fn funded() -> Suite {
    let s = Suite::new();
    let (alice, treasury) = (&s.alice, &s.treasury);
    treasury
        .deposit_cw20(&s.flx, alice, u(5_000), None)
        .unwrap();
    treasury
        .deposit_cw20(&s.nex, alice, u(5_000), None)
        .unwrap();
    treasury
        .deposit_native(alice, &[coin(1_000, ATOM), coin(1_000, COSM)], None)
        .unwrap();
    s
}

#[test]
fn only_the_owner_spends() {
    let mut s = funded();
    let (alice, admin, bob) = (s.alice.clone(), s.admin.clone(), s.bob.clone());
    for who in [&alice, &admin, &bob] {
        for asset in [
            TreasuryHandle::cw20(&s.flx.addr),
            TreasuryHandle::native(ATOM),
        ] {
            s.assert_rejected(ContractError::Ownership(OwnershipError::NotOwner), |s| {
                s.treasury.spend(who, asset, who, u(1), None)
            });
        }
    }
}

#[test]
fn a_renounced_treasury_never_spends_again() {
    let mut s = funded();
    let owner = s.owner.clone();
    s.treasury
        .update_ownership(&owner, Action::RenounceOwnership)
        .unwrap();
    s.assert_rejected(ContractError::Ownership(OwnershipError::NoOwner), |s| {
        s.treasury
            .spend(&owner, TreasuryHandle::native(ATOM), &owner, u(1), None)
    });
}

#[test]
fn ownership_cannot_be_taken() {
    let mut s = funded();
    let alice = s.alice.clone();
    s.assert_rejected(ContractError::Ownership(OwnershipError::NotOwner), |s| {
        s.treasury.update_ownership(
            &alice,
            Action::TransferOwnership {
                new_owner: alice.to_string(),
                expiry: None,
            },
        )
    });
    s.assert_rejected(
        ContractError::Ownership(OwnershipError::TransferNotFound),
        |s| s.treasury.update_ownership(&alice, Action::AcceptOwnership),
    );
}

#[test]
fn spending_more_than_the_live_balance_is_refused() {
    let mut s = funded();
    let (owner, bob) = (s.owner.clone(), s.bob.clone());
    let (flx, nex) = (&s.flx.addr, &s.nex.addr);
    for (asset, label, balance, requested) in [
        (
            TreasuryHandle::cw20(flx),
            format!("cw20:{flx}"),
            5_000,
            u(5_001),
        ),
        // NEX lost 1 % on the way in: the ledger says 4,950 and so does the token
        (
            TreasuryHandle::cw20(nex),
            format!("cw20:{nex}"),
            4_950,
            u(5_000),
        ),
        (
            TreasuryHandle::native(ATOM),
            "native:uatom".to_string(),
            1_000,
            Uint128::MAX,
        ),
        // an asset it never held
        (
            TreasuryHandle::native("uother"),
            "native:uother".to_string(),
            0,
            u(1),
        ),
    ] {
        s.assert_rejected(
            ContractError::InsufficientBalance {
                asset: label,
                balance: u(balance),
                requested,
            },
            |s| s.treasury.spend(&owner, asset, &bob, requested, None),
        );
    }
}

#[test]
fn spend_inputs_are_checked() {
    let mut s = funded();
    let (owner, bob, treasury) = (s.owner.clone(), s.bob.clone(), s.treasury.addr.clone());
    for asset in [
        TreasuryHandle::cw20(&s.flx.addr),
        TreasuryHandle::native(COSM),
    ] {
        let label = match &asset {
            AssetInfo::Cw20 { contract_addr } => format!("cw20:{contract_addr}"),
            AssetInfo::Native { denom } => format!("native:{denom}"),
        };
        s.assert_rejected(ContractError::ZeroAmount { asset: label }, |s| {
            s.treasury.spend(&owner, asset.clone(), &bob, u(0), None)
        });
        s.assert_rejected(
            ContractError::InvalidRecipient {
                recipient: treasury.to_string(),
                reason: "the treasury cannot pay itself".to_string(),
            },
            |s| {
                s.treasury
                    .spend(&owner, asset.clone(), &treasury, u(1), None)
            },
        );
        let before = s.snapshot();
        let err = s
            .treasury
            .execute(
                &owner,
                &ExecuteMsg::Spend {
                    asset: asset.clone(),
                    recipient: "Not An Address".to_string(),
                    amount: u(1),
                    memo: None,
                },
                &[],
            )
            .unwrap_err();
        assert!(matches!(
            contract_err(err),
            ContractError::Std(StdError::GenericErr { .. })
        ));
        assert_eq!(s.snapshot(), before);
        let memo = "m".repeat(MAX_MEMO_BYTES + 1);
        s.assert_rejected(
            ContractError::MemoTooLong {
                len: MAX_MEMO_BYTES + 1,
                max: MAX_MEMO_BYTES,
            },
            |s| s.treasury.spend(&owner, asset, &bob, u(1), Some(&memo)),
        );
    }
    for denom in ["", "ab", "1atom", "u atom", "uatom!"] {
        let before = s.snapshot();
        let err = s
            .treasury
            .spend(&owner, TreasuryHandle::native(denom), &bob, u(1), None)
            .unwrap_err();
        assert!(
            matches!(contract_err(err), ContractError::InvalidDenom { denom: d, .. } if d == denom)
        );
        assert_eq!(s.snapshot(), before);
    }
    // a cw20 "token" that is not a contract
    let before = s.snapshot();
    let err = s.treasury.spend_cw20(&owner, &bob, &bob, u(1)).unwrap_err();
    assert!(matches!(contract_err(err), ContractError::Std(_)));
    assert_eq!(s.snapshot(), before);
}

#[test]
fn funds_are_refused_where_they_would_go_unrecorded() {
    let mut s = funded();
    let (owner, bob) = (s.owner.clone(), s.bob.clone());
    let funds = coins(10, ATOM);
    for msg in [
        ExecuteMsg::Spend {
            asset: TreasuryHandle::native(ATOM),
            recipient: bob.to_string(),
            amount: u(1),
            memo: None,
        },
        ExecuteMsg::UpdateOwnership(Action::RenounceOwnership),
        ExecuteMsg::Receive(Cw20ReceiveMsg {
            sender: owner.to_string(),
            amount: u(10),
            msg: to_json_binary(&ReceiveMsg::Deposit { memo: None }).unwrap(),
        }),
    ] {
        s.assert_rejected(ContractError::Payment(PaymentError::NonPayable {}), |s| {
            s.treasury.execute(&owner, &msg, &funds)
        });
    }
    // nor at instantiation
    let (code_id, admin) = (s.code_id, s.admin.clone());
    let err = s
        .app
        .borrow_mut()
        .instantiate_contract(
            code_id,
            owner.clone(),
            &InstantiateMsg { owner: None },
            &funds,
            "t2",
            Some(admin.to_string()),
        )
        .unwrap_err();
    assert_eq!(
        contract_err(err),
        ContractError::Payment(PaymentError::NonPayable {})
    );
}

#[test]
fn native_deposits_need_real_coins() {
    let mut s = funded();
    let alice = s.alice.clone();
    s.assert_rejected(ContractError::Payment(PaymentError::NoFunds {}), |s| {
        s.treasury.deposit_native(&alice, &[], None)
    });
    let memo = "x".repeat(MAX_MEMO_BYTES + 1);
    s.assert_rejected(
        ContractError::MemoTooLong {
            len: MAX_MEMO_BYTES + 1,
            max: MAX_MEMO_BYTES,
        },
        |s| {
            s.treasury
                .deposit_native(&alice, &coins(1, ATOM), Some(&memo))
        },
    );
    // more than alice holds: the bank refuses before the treasury runs
    let before = s.snapshot();
    assert!(s
        .treasury
        .deposit_native(&alice, &coins(START * 10, ATOM), None)
        .is_err());
    assert_eq!(s.snapshot(), before);
}

/// The chain never delivers a zero coin, but the handler refuses one anyway (checked on the
/// entry point directly, as multi-test's bank would not carry it).
#[test]
fn a_zero_coin_is_refused_and_nothing_is_written() {
    let mut deps = OwnedDeps {
        storage: MockStorage::default(),
        api: MockApi::default(),
        querier: MockQuerier::default(),
        custom_query_type: PhantomData,
    };
    let owner = deps.api.addr_make("owner");
    poe_treasury::contract::instantiate(
        deps.as_mut(),
        mock_env(),
        message_info(&owner, &[]),
        InstantiateMsg { owner: None },
    )
    .unwrap();
    let before: Vec<_> = deps
        .storage
        .range(None, None, cosmwasm_std::Order::Ascending)
        .collect();
    let err = poe_treasury::contract::execute(
        deps.as_mut(),
        mock_env(),
        message_info(&owner, &[coin(5, ATOM), coin(0, COSM)]),
        ExecuteMsg::Deposit { memo: None },
    )
    .unwrap_err();
    assert_eq!(
        err,
        ContractError::ZeroAmount {
            asset: "native:ucosm".to_string()
        }
    );
    let after: Vec<_> = deps
        .storage
        .range(None, None, cosmwasm_std::Order::Ascending)
        .collect();
    assert_eq!(before, after);
}

#[test]
fn a_forged_hook_from_an_account_is_refused() {
    let mut s = funded();
    let alice = s.alice.clone();
    let forged = |amount: u128| {
        ExecuteMsg::Receive(Cw20ReceiveMsg {
            sender: alice.to_string(),
            amount: u(amount),
            msg: to_json_binary(&ReceiveMsg::Deposit { memo: None }).unwrap(),
        })
    };
    // alice is not a token: querying her balance fails
    let before = s.snapshot();
    let err = s
        .treasury
        .execute(&alice, &forged(1_000_000), &[])
        .unwrap_err();
    assert!(matches!(
        contract_err(err),
        ContractError::NotCw20 { token, .. } if token == format!("cw20:{alice}")
    ));
    assert_eq!(s.snapshot(), before);
    // a zero amount is refused first
    s.assert_rejected(
        ContractError::ZeroAmount {
            asset: format!("cw20:{alice}"),
        },
        |s| s.treasury.execute(&alice, &forged(0), &[]),
    );
}

#[test]
fn forging_contracts_cannot_enter_the_ledger() {
    let s = funded();
    let (admin, alice, treasury) = (s.admin.clone(), s.alice.clone(), s.treasury.addr.clone());
    let code = s.app.borrow_mut().store_code(forger_contract());
    for (mode, is_liar) in [(ForgerMode::Liar, true), (ForgerMode::Mute, false)] {
        let forger = s
            .app
            .borrow_mut()
            .instantiate_contract(code, admin.clone(), &mode, &[], "forger", None)
            .unwrap();
        let before = s.snapshot();
        let err = s
            .app
            .borrow_mut()
            .execute_contract(
                alice.clone(),
                forger.clone(),
                &Forge {
                    treasury: treasury.to_string(),
                    amount: u(1_000_000),
                },
                &[],
            )
            .unwrap_err();
        let err = contract_err(err);
        if is_liar {
            assert_eq!(
                err,
                ContractError::DepositNotHeld {
                    asset: format!("cw20:{forger}"),
                    amount: u(1_000_000),
                    balance: u(0),
                }
            );
        } else {
            assert!(
                matches!(err, ContractError::NotCw20 { token, .. } if token == format!("cw20:{forger}"))
            );
        }
        assert_eq!(s.snapshot(), before);
    }
    // the Balances query still answers for every asset
    assert_eq!(s.balances(None, None).len(), 4);
}

#[test]
fn malformed_hooks_revert_the_send() {
    let s = funded();
    let (alice, flx, treasury) = (&s.alice, &s.flx, &s.treasury);
    for msg in [
        Binary::from(b"{\"withdraw\":{}}".as_slice()),
        Binary::from(b"not json".as_slice()),
        Binary::default(),
        to_json_binary(&ReceiveMsg::Deposit {
            memo: Some("y".repeat(MAX_MEMO_BYTES + 1)),
        })
        .unwrap(),
    ] {
        let before = s.snapshot();
        let err = flx
            .send(alice, &treasury.addr, u(10), msg.clone())
            .unwrap_err();
        match contract_err(err) {
            ContractError::Std(StdError::ParseErr { target_type, .. }) => {
                assert!(target_type.contains("ReceiveMsg"), "{target_type}")
            }
            ContractError::MemoTooLong { len, max } => {
                assert_eq!((len, max), (MAX_MEMO_BYTES + 1, MAX_MEMO_BYTES))
            }
            other => panic!("{msg:?}: {other:?}"),
        }
        // the tokens went nowhere
        assert_eq!(s.snapshot(), before);
    }
}

#[test]
fn malformed_messages_change_nothing() {
    let s = funded();
    let (owner, treasury) = (s.owner.clone(), s.treasury.addr.clone());
    let flx = s.flx.addr.to_string();
    for json in [
        r#"{"spend":{"asset":{"cw20":{"contract_addr":"FLX"}},"recipient":"x","amount":"-5"}}"#
            .replace("FLX", &flx),
        r#"{"spend":{"asset":{"cw721":{"contract_addr":"FLX"}},"recipient":"x","amount":"5"}}"#
            .replace("FLX", &flx),
        r#"{"spend":{"asset":{"native":{}},"recipient":"x","amount":"5"}}"#.to_string(),
        r#"{"withdraw_all":{}}"#.to_string(),
    ] {
        let before = s.snapshot();
        let err = s
            .app
            .borrow_mut()
            .execute(
                owner.clone(),
                cosmwasm_std::WasmMsg::Execute {
                    contract_addr: treasury.to_string(),
                    msg: Binary::from(json.as_bytes()),
                    funds: vec![],
                }
                .into(),
            )
            .unwrap_err();
        assert!(
            matches!(
                err.downcast_ref::<StdError>(),
                Some(StdError::ParseErr { .. })
            ),
            "{json}: {err:?}"
        );
        assert_eq!(s.snapshot(), before, "{json}");
    }
}

/// HOLE (closed): a token that answered the first-deposit balance check and fails later broke
/// every `Balances` page it fell on (the whole query failed). Now its entry reports the ledger,
/// `balance: None` and the error, and the other entries of the page keep their live balances;
/// the `Balance` query of that one asset still fails, naming it.
#[test]
fn a_token_that_breaks_after_its_first_deposit_cannot_break_a_balances_page() {
    let s = funded();
    let (admin, alice, treasury) = (s.admin.clone(), s.alice.clone(), s.treasury.addr.clone());
    let code = s.app.borrow_mut().store_code(flaky_token_contract());
    let flaky = s
        .app
        .borrow_mut()
        .instantiate_contract(
            code,
            admin.clone(),
            &cosmwasm_std::Empty {},
            &[],
            "flaky",
            None,
        )
        .unwrap();
    s.app
        .borrow_mut()
        .execute_contract(
            alice.clone(),
            flaky.clone(),
            &FlakyMsg::Forge {
                treasury: treasury.to_string(),
                amount: u(500),
            },
            &[],
        )
        .unwrap();
    let healthy = s.balances(None, Some(30));
    assert_eq!(healthy.len(), 5);
    assert!(healthy.iter().all(|b| b.balance.is_some()));
    s.app
        .borrow_mut()
        .execute_contract(alice.clone(), flaky.clone(), &FlakyMsg::Break {}, &[])
        .unwrap();
    // the whole page still answers: the flaky entry marked, the others unchanged
    let page = s.balances(None, Some(30));
    assert_eq!(page.len(), 5);
    for (before, now) in healthy.iter().zip(&page) {
        assert_eq!(before.asset, now.asset);
        assert_eq!(
            (before.total_received, before.total_spent),
            (now.total_received, now.total_spent)
        );
        if now.asset == TreasuryHandle::cw20(&flaky) {
            assert_eq!(now.balance, None);
            assert_eq!(now.total_received, u(500));
            let err = now.balance_error.as_deref().unwrap();
            assert!(err.contains("flaky token is broken"), "{err}");
        } else {
            assert_eq!(now, before);
        }
    }
    // pages around the flaky token answer too
    let mut seen = 0;
    let mut start_after = None;
    loop {
        let page = s.balances(start_after.clone(), Some(1));
        if page.is_empty() {
            break;
        }
        seen += page.len();
        start_after = page.last().map(|b| b.asset.clone());
    }
    assert_eq!(seen, 5);
    // the one-asset query names its failure
    let err = s
        .treasury
        .balance(TreasuryHandle::cw20(&flaky))
        .unwrap_err();
    assert!(err.to_string().contains("flaky token is broken"), "{err}");
}

// ---- Distribution schedules and common tools ----------------------------------------------

/// A `CreateSchedule` message.
fn schedule_msg(
    asset: AssetInfo,
    amount: ScheduleAmount,
    interval: Interval,
    duration_intervals: Option<u64>,
    recipient: Recipient,
) -> ExecuteMsg {
    ExecuteMsg::CreateSchedule {
        asset,
        amount,
        interval,
        duration_intervals,
        recipient,
        memo: None,
    }
}

/// 10 FLX an hour to bob for 3 hours.
fn flx_schedule(s: &Suite) -> ExecuteMsg {
    schedule_msg(
        s.asset("FLX"),
        TreasuryHandle::fixed(10),
        TreasuryHandle::every_seconds(3_600, None),
        Some(3),
        TreasuryHandle::to_address(&s.bob),
    )
}

/// A `RegisterTool` message for `name`: 100 FLX a month to bob.
fn tool_msg(s: &Suite, name: &str) -> ExecuteMsg {
    ExecuteMsg::RegisterTool {
        name: name.to_string(),
        asset: s.asset("FLX"),
        monthly_cost: u(100),
        payee: s.bob.to_string(),
        credential_commitment: commitment(7),
    }
}

/// [`funded`] with schedule 1 ([`flx_schedule`]) and the tool `geoip` ([`tool_msg`]).
fn with_schedule_and_tool() -> Suite {
    let s = funded();
    s.treasury
        .execute(&s.owner, &flx_schedule(&s), &[])
        .unwrap();
    s.treasury
        .execute(&s.owner, &tool_msg(&s, "geoip"), &[])
        .unwrap();
    s
}

#[test]
fn only_the_owner_manages_schedules_and_tools() {
    let mut s = with_schedule_and_tool();
    let (alice, bob, admin, owner) = (
        s.alice.clone(),
        s.bob.clone(),
        s.admin.clone(),
        s.owner.clone(),
    );
    let msgs = [
        flx_schedule(&s),
        ExecuteMsg::CancelSchedule { schedule_id: 1 },
        tool_msg(&s, "other"),
        ExecuteMsg::Deprecate {
            tool: "geoip".into(),
        },
    ];
    for who in [&alice, &bob, &admin] {
        for msg in &msgs {
            s.assert_rejected(ContractError::Ownership(OwnershipError::NotOwner), |s| {
                s.treasury.execute(who, msg, &[])
            });
        }
    }
    s.treasury
        .update_ownership(&owner, Action::RenounceOwnership)
        .unwrap();
    for msg in &msgs {
        s.assert_rejected(ContractError::Ownership(OwnershipError::NoOwner), |s| {
            s.treasury.execute(&owner, msg, &[])
        });
    }
    // what anyone may call still runs without an owner
    s.advance(3_600, 1);
    s.treasury.distribute(&alice, None, None).unwrap();
    assert_eq!(s.cw20_balance(&s.flx, &bob), 100 + 10);
}

#[test]
fn the_new_messages_refuse_funds() {
    let mut s = with_schedule_and_tool();
    s.advance(30 * DAY, 30);
    let owner = s.owner.clone();
    let msgs = [
        flx_schedule(&s),
        ExecuteMsg::CancelSchedule { schedule_id: 1 },
        ExecuteMsg::Distribute {
            start_after: None,
            limit: None,
        },
        tool_msg(&s, "other"),
        ExecuteMsg::Maintain {
            tool: "geoip".into(),
        },
        ExecuteMsg::Deprecate {
            tool: "geoip".into(),
        },
    ];
    for msg in &msgs {
        s.assert_rejected(ContractError::Payment(PaymentError::NonPayable {}), |s| {
            s.treasury.execute(&owner, msg, &coins(5, ATOM))
        });
    }
}

#[test]
fn schedule_amounts_intervals_durations_and_starts_are_checked() {
    let mut s = funded();
    let owner = s.owner.clone();
    let (now, height) = (s.now(), s.height());
    let flx = s.asset("FLX");
    let bob = TreasuryHandle::to_address(&s.bob);
    let every_hour = TreasuryHandle::every_seconds(3_600, None);
    let cases = [
        (
            schedule_msg(
                flx.clone(),
                TreasuryHandle::fixed(0),
                every_hour.clone(),
                None,
                bob.clone(),
            ),
            ContractError::ZeroAmount {
                asset: format!("cw20:{}", s.flx.addr),
            },
        ),
        (
            schedule_msg(
                flx.clone(),
                TreasuryHandle::fixed(1),
                TreasuryHandle::every_seconds(0, None),
                None,
                bob.clone(),
            ),
            ContractError::ZeroInterval {
                clock: "seconds".into(),
            },
        ),
        (
            schedule_msg(
                flx.clone(),
                TreasuryHandle::fixed(1),
                TreasuryHandle::every_blocks(0, None),
                None,
                bob.clone(),
            ),
            ContractError::ZeroInterval {
                clock: "blocks".into(),
            },
        ),
        (
            schedule_msg(
                flx.clone(),
                TreasuryHandle::fixed(1),
                every_hour.clone(),
                Some(0),
                bob.clone(),
            ),
            ContractError::ZeroDuration {},
        ),
        (
            schedule_msg(
                flx.clone(),
                TreasuryHandle::fixed(1),
                TreasuryHandle::every_seconds(3_600, Some(now.minus_seconds(1))),
                None,
                bob.clone(),
            ),
            ContractError::StartInPast {
                start: now.seconds() - 1,
                now: now.seconds(),
                clock: "seconds".into(),
            },
        ),
        (
            schedule_msg(
                flx.clone(),
                TreasuryHandle::fixed(1),
                TreasuryHandle::every_blocks(5, Some(height - 1)),
                None,
                bob.clone(),
            ),
            ContractError::StartInPast {
                start: height - 1,
                now: height,
                clock: "blocks".into(),
            },
        ),
        (
            schedule_msg(
                flx.clone(),
                TreasuryHandle::fixed(1),
                TreasuryHandle::every_blocks(u64::MAX, None),
                Some(2),
                bob.clone(),
            ),
            ContractError::InvalidParameter {
                name: "duration_intervals".into(),
                reason: format!(
                    "2 intervals of {} from {height} end past u64::MAX",
                    u64::MAX
                ),
            },
        ),
        (
            schedule_msg(
                TreasuryHandle::native("u"),
                TreasuryHandle::fixed(1),
                every_hour.clone(),
                None,
                bob.clone(),
            ),
            ContractError::InvalidDenom {
                denom: "u".into(),
                reason: "must be 3 to 128 characters".into(),
            },
        ),
        (
            ExecuteMsg::CreateSchedule {
                asset: flx.clone(),
                amount: TreasuryHandle::fixed(1),
                interval: every_hour.clone(),
                duration_intervals: None,
                recipient: bob.clone(),
                memo: Some("m".repeat(MAX_MEMO_BYTES + 1)),
            },
            ContractError::MemoTooLong {
                len: MAX_MEMO_BYTES + 1,
                max: MAX_MEMO_BYTES,
            },
        ),
    ];
    for (msg, expected) in cases {
        s.assert_rejected(expected, |s| s.treasury.execute(&owner, &msg, &[]));
    }
    assert!(s.treasury.all_schedules().unwrap().is_empty());
}

#[test]
fn inflation_needs_a_cw20_the_treasury_mints_at_a_valid_rate() {
    let mut s = funded();
    let (owner, alice, treasury) = (s.owner.clone(), s.alice.clone(), s.treasury.addr.clone());
    let bob = TreasuryHandle::to_address(&s.bob);
    let inflation = |bps: Option<u16>, blocks_per_year: Option<u64>| ScheduleAmount::Inflation {
        inflation_rate_bps: bps,
        blocks_per_year,
    };
    let cases = [
        (
            schedule_msg(
                s.asset("INF"),
                inflation(Some(0), None),
                TreasuryHandle::every_seconds(60, None),
                None,
                bob.clone(),
            ),
            ContractError::InvalidParameter {
                name: "inflation_rate_bps".into(),
                reason: "0 is not within 1..=10000".into(),
            },
        ),
        (
            schedule_msg(
                s.asset("INF"),
                inflation(Some(10_001), None),
                TreasuryHandle::every_seconds(60, None),
                None,
                bob.clone(),
            ),
            ContractError::InvalidParameter {
                name: "inflation_rate_bps".into(),
                reason: "10001 is not within 1..=10000".into(),
            },
        ),
        (
            schedule_msg(
                s.asset("INF"),
                inflation(None, Some(1_000)),
                TreasuryHandle::every_seconds(60, None),
                None,
                bob.clone(),
            ),
            ContractError::InvalidParameter {
                name: "blocks_per_year".into(),
                reason: "applies to a blocks interval only".into(),
            },
        ),
        (
            schedule_msg(
                s.asset("INF"),
                inflation(None, Some(0)),
                TreasuryHandle::every_blocks(1, None),
                None,
                bob.clone(),
            ),
            ContractError::InvalidParameter {
                name: "blocks_per_year".into(),
                reason: "must be above 0".into(),
            },
        ),
        (
            schedule_msg(
                s.asset(ATOM),
                inflation(None, None),
                TreasuryHandle::every_blocks(1, None),
                None,
                bob.clone(),
            ),
            ContractError::InvalidParameter {
                name: "asset".into(),
                reason: "inflation mints a cw20 token: a native denom cannot be minted".into(),
            },
        ),
        // FLX has no minter at all
        (
            schedule_msg(
                s.asset("FLX"),
                inflation(None, None),
                TreasuryHandle::every_blocks(1, None),
                None,
                bob.clone(),
            ),
            ContractError::NotMinter {
                token: format!("cw20:{}", s.flx.addr),
                minter: "none".into(),
            },
        ),
    ];
    for (msg, expected) in cases {
        s.assert_rejected(expected, |s| s.treasury.execute(&owner, &msg, &[]));
    }
    // INF minted by someone else
    s.inf.update_minter(&treasury, Some(&alice)).unwrap();
    let msg = schedule_msg(
        s.asset("INF"),
        inflation(None, None),
        TreasuryHandle::every_blocks(1, None),
        None,
        bob,
    );
    s.assert_rejected(
        ContractError::NotMinter {
            token: format!("cw20:{}", s.inf.addr),
            minter: alice.to_string(),
        },
        |s| s.treasury.execute(&owner, &msg, &[]),
    );
}

#[test]
fn schedule_recipients_are_checked() {
    let mut s = funded();
    let owner = s.owner.clone();
    let treasury = s.treasury.addr.clone();
    let with = |recipient: Recipient| {
        schedule_msg(
            TreasuryHandle::native(ATOM),
            TreasuryHandle::fixed(1),
            TreasuryHandle::every_seconds(60, None),
            None,
            recipient,
        )
    };
    let to_self = || ContractError::InvalidRecipient {
        recipient: treasury.to_string(),
        reason: "the treasury cannot pay itself".into(),
    };
    s.assert_rejected(to_self(), |s| {
        s.treasury
            .execute(&owner, &with(TreasuryHandle::to_address(&treasury)), &[])
    });
    s.assert_rejected(to_self(), |s| {
        let hook = TreasuryHandle::to_hook(&treasury, &ReceiveMsg::Deposit { memo: None });
        s.treasury.execute(&owner, &with(hook), &[])
    });
    // a hook into an account
    let bob = s.bob.clone();
    s.assert_rejected(
        ContractError::InvalidRecipient {
            recipient: bob.to_string(),
            reason: "a hook's recipient must be a contract".into(),
        },
        |s| {
            let hook = TreasuryHandle::to_hook(&bob, &ReceiveMsg::Deposit { memo: None });
            s.treasury.execute(&owner, &with(hook), &[])
        },
    );
    let sink = s.sink.clone();
    for len in [0, MAX_HOOK_MSG_BYTES + 1] {
        s.assert_rejected(
            ContractError::InvalidHook {
                len,
                max: MAX_HOOK_MSG_BYTES,
            },
            |s| {
                let hook = Recipient::Hook {
                    contract: sink.to_string(),
                    msg: Binary::from(vec![b'x'; len]),
                };
                s.treasury.execute(&owner, &with(hook), &[])
            },
        );
    }
    // an invalid address
    let before = s.snapshot();
    let err = s
        .treasury
        .execute(
            &owner,
            &with(Recipient::Address {
                address: "not an address".into(),
            }),
            &[],
        )
        .unwrap_err();
    assert!(matches!(contract_err(err), ContractError::Std(_)));
    assert_eq!(s.snapshot(), before);
}

#[test]
fn a_fixed_schedule_of_something_that_is_not_a_cw20_is_refused() {
    let s = funded();
    let bob = s.bob.clone();
    let msg = schedule_msg(
        TreasuryHandle::cw20(&bob),
        TreasuryHandle::fixed(1),
        TreasuryHandle::every_seconds(60, None),
        None,
        TreasuryHandle::to_address(&s.alice),
    );
    let before = s.snapshot();
    let err = s.treasury.execute(&s.owner, &msg, &[]).unwrap_err();
    assert!(
        matches!(contract_err(err), ContractError::NotCw20 { ref token, .. } if *token == format!("cw20:{bob}"))
    );
    assert_eq!(s.snapshot(), before);
}

#[test]
fn unknown_and_ended_schedules_cannot_be_cancelled() {
    let mut s = with_schedule_and_tool();
    let owner = s.owner.clone();
    s.assert_rejected(ContractError::ScheduleNotFound { schedule_id: 2 }, |s| {
        s.treasury.cancel_schedule(&owner, 2)
    });
    s.assert_rejected(ContractError::ScheduleNotFound { schedule_id: 0 }, |s| {
        s.treasury.cancel_schedule(&owner, 0)
    });
    s.treasury.cancel_schedule(&owner, 1).unwrap();
    s.assert_rejected(
        ContractError::ScheduleEnded {
            schedule_id: 1,
            status: "cancelled".into(),
        },
        |s| s.treasury.cancel_schedule(&owner, 1),
    );
    // a completed one
    s.treasury.execute(&owner, &flx_schedule(&s), &[]).unwrap();
    s.advance(3 * 3_600, 3);
    s.distribute(None, None);
    s.assert_rejected(
        ContractError::ScheduleEnded {
            schedule_id: 2,
            status: "completed".into(),
        },
        |s| s.treasury.cancel_schedule(&owner, 2),
    );
    let err = s.treasury.schedule(3).unwrap_err();
    assert!(err.to_string().contains("no schedule 3"), "{err}");
}

#[test]
fn tool_registrations_are_checked() {
    let mut s = with_schedule_and_tool();
    let owner = s.owner.clone();
    let treasury = s.treasury.addr.clone();
    let base = |s: &Suite| tool_msg(s, "new");
    let edit = |msg: ExecuteMsg, f: &dyn Fn(&mut ExecuteMsg)| {
        let mut msg = msg;
        f(&mut msg);
        msg
    };
    let long = "a".repeat(65);
    let mut cases = vec![(
        tool_msg(&s, "geoip"),
        ContractError::ToolExists {
            tool: "geoip".into(),
        },
    )];
    for (name, reason) in [
        ("", "must be 1 to 64 bytes"),
        (long.as_str(), "must be 1 to 64 bytes"),
        ("GeoIP", "may hold only a-z, 0-9 and _ - ."),
        ("geo ip", "may hold only a-z, 0-9 and _ - ."),
    ] {
        cases.push((
            tool_msg(&s, name),
            ContractError::InvalidToolName {
                name: name.into(),
                reason: reason.into(),
            },
        ));
    }
    cases.push((
        edit(base(&s), &|m| {
            if let ExecuteMsg::RegisterTool { monthly_cost, .. } = m {
                *monthly_cost = u(0);
            }
        }),
        ContractError::ZeroAmount {
            asset: format!("cw20:{}", s.flx.addr),
        },
    ));
    let treasury_str = treasury.to_string();
    cases.push((
        edit(base(&s), &|m| {
            if let ExecuteMsg::RegisterTool { payee, .. } = m {
                *payee = treasury_str.clone();
            }
        }),
        ContractError::InvalidRecipient {
            recipient: treasury.to_string(),
            reason: "the treasury cannot pay itself".into(),
        },
    ));
    cases.push((
        edit(base(&s), &|m| {
            if let ExecuteMsg::RegisterTool {
                credential_commitment,
                ..
            } = m
            {
                *credential_commitment = cosmwasm_std::HexBinary::from(vec![1u8; 31]);
            }
        }),
        ContractError::InvalidCommitment {
            len: 31,
            expected: 32,
        },
    ));
    // a first month the treasury cannot pay: 5,000 FLX less the first tool's 100
    cases.push((
        edit(base(&s), &|m| {
            if let ExecuteMsg::RegisterTool { monthly_cost, .. } = m {
                *monthly_cost = u(4_901);
            }
        }),
        ContractError::InsufficientBalance {
            asset: format!("cw20:{}", s.flx.addr),
            balance: u(4_900),
            requested: u(4_901),
        },
    ));
    for (msg, expected) in cases {
        s.assert_rejected(expected, |s| s.treasury.execute(&owner, &msg, &[]));
    }
}

#[test]
fn unknown_tools_and_deprecated_tools_are_refused() {
    let mut s = with_schedule_and_tool();
    let (owner, alice) = (s.owner.clone(), s.alice.clone());
    let missing = || ContractError::ToolNotFound {
        tool: "nope".into(),
    };
    s.assert_rejected(missing(), |s| s.treasury.maintain(&alice, "nope"));
    s.assert_rejected(missing(), |s| s.treasury.deprecate(&owner, "nope"));
    assert!(s.treasury.tool_status("nope").is_err());

    s.treasury.deprecate(&owner, "geoip").unwrap();
    let deprecated = || ContractError::ToolDeprecated {
        tool: "geoip".into(),
    };
    s.assert_rejected(deprecated(), |s| s.treasury.deprecate(&owner, "geoip"));
    s.advance(MONTH, 30);
    s.assert_rejected(deprecated(), |s| s.treasury.maintain(&alice, "geoip"));
    // its name stays taken
    s.assert_rejected(
        ContractError::ToolExists {
            tool: "geoip".into(),
        },
        |s| {
            let msg = tool_msg(s, "geoip");
            s.treasury.execute(&owner, &msg, &[])
        },
    );
}

#[test]
fn maintaining_twice_within_thirty_days_is_refused() {
    let mut s = with_schedule_and_tool();
    let alice = s.alice.clone();
    let paid_until = s.treasury.tool("geoip").unwrap().paid_until;
    let not_due = |paid_until| ContractError::MaintenanceNotDue {
        tool: "geoip".into(),
        paid_until,
    };
    // right after registration, and a second before the month ends
    s.assert_rejected(not_due(paid_until), |s| {
        s.treasury.maintain(&alice, "geoip")
    });
    s.advance(MONTH - 1, 29);
    s.assert_rejected(not_due(paid_until), |s| {
        s.treasury.maintain(&alice, "geoip")
    });
    // paid at the month's end, then refused again until the next
    s.advance(1, 1);
    s.treasury.maintain(&alice, "geoip").unwrap();
    let next = s.treasury.tool("geoip").unwrap().paid_until;
    assert_eq!(next, s.now().plus_seconds(MONTH));
    s.assert_rejected(not_due(next), |s| s.treasury.maintain(&alice, "geoip"));
    s.advance(DAY, 1);
    s.assert_rejected(not_due(next), |s| s.treasury.maintain(&alice, "geoip"));
}

#[test]
fn a_distribution_with_nothing_due_writes_nothing() {
    let s = with_schedule_and_tool();
    let before = s.snapshot();
    s.distribute(None, None);
    s.distribute(Some(1), Some(30));
    assert_eq!(s.snapshot(), before);
}
