//! The supply record (seed 002 audit trail): every mint and burn counted under its reason, the
//! attributes `reason`, `height`, `account` on each, `SupplyRecord {}` answering the totals, and
//! cw20-base's JSON (no reason) still accepted.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::{to_json_binary, Addr, Binary, CosmosMsg, Uint128, WasmMsg};
use cw20::Cw20ExecuteMsg;
use cw_multi_test::Executor;
use poe_token::msg::{BurnReason, BurnTotal, MintReason, MintTotal, SupplyRecordResponse};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

fn height(s: &Suite) -> String {
    s.app.borrow().block_info().height.to_string()
}

/// Runs `json` verbatim as an execute of the token, from `sender`.
fn execute_raw(s: &Suite, sender: &Addr, json: &str) -> anyhow::Result<cw_multi_test::AppResponse> {
    s.app.borrow_mut().execute(
        sender.clone(),
        CosmosMsg::Wasm(WasmMsg::Execute {
            contract_addr: s.token.addr.to_string(),
            msg: Binary::from(json.as_bytes().to_vec()),
            funds: vec![],
        }),
    )
}

fn record(s: &Suite) -> SupplyRecordResponse {
    s.token.supply_record().unwrap()
}

#[test]
fn a_fresh_token_has_an_empty_record() {
    let s = Suite::new(0);
    // the initial balances are no mints
    assert_eq!(
        record(&s),
        SupplyRecordResponse {
            minted: vec![],
            burned: vec![],
            total_minted: Uint128::zero(),
            total_burned: Uint128::zero(),
        }
    );
}

#[test]
fn each_mint_and_burn_is_counted_under_its_reason() {
    let s = Suite::new(0);
    let (minter, alice, bob) = (&s.minter, &s.alice, &s.bob);
    let supply = s.supply();

    let res = s
        .token
        .mint_for(minter, bob, u(100), MintReason::PoeEmission)
        .unwrap();
    assert_eq!(
        wasm_attrs(&res, &s.token.addr),
        attrs(&[
            ("action", "mint"),
            ("to", bob.as_str()),
            ("amount", "100"),
            ("reason", "poe_emission"),
            ("height", &height(&s)),
            ("account", bob.as_str()),
        ])
    );
    s.token
        .mint_for(minter, alice, u(40), MintReason::PoeEmission)
        .unwrap();
    s.token
        .mint_for(minter, alice, u(30), MintReason::AurPurchase)
        .unwrap();
    s.token.mint(minter, alice, u(7)).unwrap();

    let res = s
        .token
        .burn_for(alice, u(25), BurnReason::Redemption)
        .unwrap();
    assert_eq!(
        wasm_attrs(&res, &s.token.addr),
        attrs(&[
            ("action", "burn"),
            ("from", alice.as_str()),
            ("amount", "25"),
            ("reason", "redemption"),
            ("height", &height(&s)),
            ("account", alice.as_str()),
        ])
    );
    s.token.burn(bob, u(12)).unwrap();
    // BurnFrom with a reason: the account is the owner, not the spender
    s.token.increase_allowance(alice, bob, u(50)).unwrap();
    let json =
        format!(r#"{{"burn_from":{{"owner":"{alice}","amount":"9","reason":"contraction"}}}}"#);
    let res = execute_raw(&s, bob, &json).unwrap();
    assert_eq!(
        wasm_attrs(&res, &s.token.addr),
        attrs(&[
            ("action", "burn_from"),
            ("from", alice.as_str()),
            ("by", bob.as_str()),
            ("amount", "9"),
            ("reason", "contraction"),
            ("height", &height(&s)),
            ("account", alice.as_str()),
        ])
    );

    assert_eq!(
        record(&s),
        SupplyRecordResponse {
            minted: vec![
                MintTotal {
                    reason: MintReason::Unspecified,
                    amount: u(7)
                },
                MintTotal {
                    reason: MintReason::PoeEmission,
                    amount: u(140)
                },
                MintTotal {
                    reason: MintReason::AurPurchase,
                    amount: u(30)
                },
            ],
            burned: vec![
                BurnTotal {
                    reason: BurnReason::User,
                    amount: u(12)
                },
                BurnTotal {
                    reason: BurnReason::Redemption,
                    amount: u(25)
                },
                BurnTotal {
                    reason: BurnReason::Contraction,
                    amount: u(9)
                },
            ],
            total_minted: u(177),
            total_burned: u(46),
        }
    );
    assert_eq!(s.supply(), supply + 177 - 46);
}

#[test]
fn cw20_base_json_without_a_reason_is_accepted_and_counted_by_default() {
    let s = Suite::new(0);
    let (minter, alice) = (&s.minter, &s.alice);
    // the token's message without a reason is byte for byte cw20-base's
    assert_eq!(
        to_json_binary(&ExecuteMsg::Mint {
            recipient: alice.to_string(),
            amount: u(5),
            reason: None,
        })
        .unwrap(),
        to_json_binary(&Cw20ExecuteMsg::Mint {
            recipient: alice.to_string(),
            amount: u(5),
        })
        .unwrap()
    );
    assert_eq!(
        to_json_binary(&ExecuteMsg::Burn {
            amount: u(5),
            reason: None,
        })
        .unwrap(),
        to_json_binary(&Cw20ExecuteMsg::Burn { amount: u(5) }).unwrap()
    );
    let app = &s.app;
    app.borrow_mut()
        .execute_contract(
            minter.clone(),
            s.token.addr.clone(),
            &Cw20ExecuteMsg::Mint {
                recipient: alice.to_string(),
                amount: u(60),
            },
            &[],
        )
        .unwrap();
    app.borrow_mut()
        .execute_contract(
            alice.clone(),
            s.token.addr.clone(),
            &Cw20ExecuteMsg::Burn { amount: u(15) },
            &[],
        )
        .unwrap();
    let r = record(&s);
    assert_eq!(
        r.minted,
        vec![MintTotal {
            reason: MintReason::Unspecified,
            amount: u(60)
        }]
    );
    assert_eq!(
        r.burned,
        vec![BurnTotal {
            reason: BurnReason::User,
            amount: u(15)
        }]
    );
    assert_eq!(s.balance(alice), ALICE_START + 60 - 15);
}

#[test]
fn an_unknown_reason_is_refused_and_nothing_changes() {
    let s = Suite::new(0);
    let (minter, alice) = (s.minter.clone(), s.alice.clone());
    let attempts = [
        (
            minter,
            format!(r#"{{"mint":{{"recipient":"{alice}","amount":"5","reason":"bonus"}}}}"#),
            "bonus",
        ),
        (
            alice.clone(),
            r#"{"burn":{"amount":"5","reason":"fee"}}"#.to_string(),
            "fee",
        ),
        // a mint reason is no burn reason
        (
            alice,
            r#"{"burn":{"amount":"5","reason":"airdrop"}}"#.to_string(),
            "airdrop",
        ),
    ];
    for (sender, json, reason) in attempts {
        let before = s.snapshot();
        let err = execute_raw(&s, &sender, &json).unwrap_err();
        let text = format!("{err:#}");
        assert!(
            text.contains(&format!("unknown variant `{reason}`")),
            "{json}: {text}"
        );
        assert_eq!(s.snapshot(), before, "state changed after {json}");
    }
    assert_eq!(record(&s).total_minted, Uint128::zero());
}

#[test]
fn the_transfer_burn_is_counted_as_transfer_fee() {
    let s = Suite::new(100);
    let (alice, bob, receiver) = (&s.alice, &s.bob, &s.receiver);
    let supply = s.supply();
    s.token.transfer(alice, bob, u(1_000)).unwrap();
    s.token
        .send(alice, receiver, u(500), to_json_binary(&"hook").unwrap())
        .unwrap();
    // 1 % of 1,000 and of 500
    assert_eq!(
        record(&s),
        SupplyRecordResponse {
            minted: vec![],
            burned: vec![BurnTotal {
                reason: BurnReason::TransferFee,
                amount: u(15)
            }],
            total_minted: Uint128::zero(),
            total_burned: u(15),
        }
    );
    assert_eq!(s.supply(), supply - 15);
}

#[test]
fn reasons_have_their_json_names_and_stable_keys() {
    for (i, r) in MintReason::ALL.iter().enumerate() {
        assert_eq!(*r as usize, i);
        assert_eq!(
            to_json_binary(r).unwrap().as_slice(),
            format!("\"{}\"", r.as_str()).as_bytes()
        );
    }
    for (i, r) in BurnReason::ALL.iter().enumerate() {
        assert_eq!(*r as usize, i);
        assert_eq!(
            to_json_binary(r).unwrap().as_slice(),
            format!("\"{}\"", r.as_str()).as_bytes()
        );
    }
}

#[derive(Clone, Debug)]
enum Op {
    Mint(usize, u128),
    Burn(usize, u128),
    Transfer(u128),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..MintReason::ALL.len(), 1u128..5_000).prop_map(|(r, a)| Op::Mint(r, a)),
        (0..BurnReason::ALL.len(), 1u128..3_000).prop_map(|(r, a)| Op::Burn(r, a)),
        (1u128..4_000).prop_map(Op::Transfer),
    ]
}

fn run(ops: Vec<Op>) -> Result<(), TestCaseError> {
    let s = Suite::new(250);
    let (minter, alice, bob) = (&s.minter, &s.alice, &s.bob);
    let initial = s.supply();
    for op in ops {
        // failures (above the cap, a balance too small) must leave the record as it was
        let before = record(&s);
        let ok = match op {
            Op::Mint(r, amount) => s
                .token
                .mint_for(minter, alice, u(amount), MintReason::ALL[r])
                .is_ok(),
            Op::Burn(r, amount) => s
                .token
                .burn_for(alice, u(amount), BurnReason::ALL[r])
                .is_ok(),
            Op::Transfer(amount) => s.token.transfer(alice, bob, u(amount)).is_ok(),
        };
        let after = record(&s);
        if !ok {
            prop_assert_eq!(&after, &before);
        }
        // Σ mint totals − total_burned = total supply − initial supply (either side may be < 0)
        let net = after.total_minted.u128() as i128 - after.total_burned.u128() as i128;
        prop_assert_eq!(net, s.supply() as i128 - initial as i128);
        let minted: u128 = after.minted.iter().map(|t| t.amount.u128()).sum();
        let burned: u128 = after.burned.iter().map(|t| t.amount.u128()).sum();
        prop_assert_eq!(minted, after.total_minted.u128());
        prop_assert_eq!(burned, after.total_burned.u128());
    }
    Ok(())
}

proptest! {
    #![proptest_config(Config {
        cases: 24,
        rng_seed: RngSeed::Fixed(0x5EED_0002),
        failure_persistence: None,
        ..Config::default()
    })]

    #[test]
    fn minted_minus_burned_is_the_change_of_supply(ops in proptest::collection::vec(op(), 8..60)) {
        run(ops)?;
    }
}
