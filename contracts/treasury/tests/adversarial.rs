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
