//! `Retire`: the minter of a retirable token (a guarantee's claim token) burns every
//! outstanding token at once; afterwards balances read 0 and nothing moves. A token without
//! `retirable` can never be retired.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::{to_json_binary, Addr, Uint128};
use cw20::{Cw20Coin, MinterResponse};
use cw_multi_test::Executor;
use poe_test_utils::Snapshot;
use poe_token::msg::{BurnReason, BurnTotal};

/// A retirable token in the suite's app: alice 700, bob 300, `s.minter` its minter.
fn claim_token(s: &Suite) -> TokenHandle {
    let msg = InstantiateMsg {
        name: "GUAR claim #1".to_string(),
        symbol: "GUAR".to_string(),
        decimals: 6,
        initial_balances: vec![
            Cw20Coin {
                address: s.alice.to_string(),
                amount: Uint128::new(700),
            },
            Cw20Coin {
                address: s.bob.to_string(),
                amount: Uint128::new(300),
            },
        ],
        mint: Some(MinterResponse {
            minter: s.minter.to_string(),
            cap: None,
        }),
        marketing: None,
        transfer_burn_bps: None,
        owner: Some(s.owner.to_string()),
        retirable: Some(true),
    };
    let addr = s
        .app
        .borrow_mut()
        .instantiate_contract(s.code_id, s.admin.clone(), &msg, &[], "guar", None)
        .unwrap();
    TokenHandle::new(s.app.clone(), addr, "GUAR")
}

fn run(
    s: &Suite,
    token: &Addr,
    sender: &Addr,
    msg: &ExecuteMsg,
) -> anyhow::Result<cw_multi_test::AppResponse> {
    s.app
        .borrow_mut()
        .execute_contract(sender.clone(), token.clone(), msg, &[])
}

fn storage_of(s: &Suite, token: &Addr) -> Snapshot {
    Snapshot::of(&s.app.borrow()).storage([token]).take()
}

#[test]
fn the_minter_retires_every_claim_at_once() {
    let s = Suite::new(0);
    let guar = claim_token(&s);
    let res = run(&s, &guar.addr, &s.minter, &ExecuteMsg::Retire {}).unwrap();
    let a = wasm_attrs(&res, &guar.addr);
    let get = |k: &str| a.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
    assert_eq!(get("action"), Some("retire"));
    assert_eq!(get("burned"), Some("1000"));
    assert_eq!(get("reason"), Some("guarantee_release"));
    assert_eq!(guar.balance(&s.alice).unwrap(), Uint128::zero());
    assert_eq!(guar.balance(&s.bob).unwrap(), Uint128::zero());
    assert_eq!(guar.total_supply().unwrap(), Uint128::zero());
    let record = guar.supply_record().unwrap();
    assert_eq!(
        record.burned,
        vec![BurnTotal {
            reason: BurnReason::GuaranteeRelease,
            amount: Uint128::new(1_000)
        }]
    );
    assert_eq!(record.total_burned, Uint128::new(1_000));
}

#[test]
fn a_retired_token_refuses_everything_and_changes_nothing() {
    let s = Suite::new(0);
    let guar = claim_token(&s);
    run(
        &s,
        &guar.addr,
        &s.alice,
        &ExecuteMsg::IncreaseAllowance {
            spender: s.carol.to_string(),
            amount: Uint128::new(100),
            expires: None,
        },
    )
    .unwrap();
    run(&s, &guar.addr, &s.minter, &ExecuteMsg::Retire {}).unwrap();
    let attempts: Vec<(&Addr, ExecuteMsg)> = vec![
        (
            &s.alice,
            ExecuteMsg::Transfer {
                recipient: s.carol.to_string(),
                amount: Uint128::new(1),
            },
        ),
        (
            &s.alice,
            ExecuteMsg::Send {
                contract: s.receiver.to_string(),
                amount: Uint128::new(1),
                msg: to_json_binary(&"x").unwrap(),
            },
        ),
        (
            &s.carol,
            ExecuteMsg::TransferFrom {
                owner: s.alice.to_string(),
                recipient: s.carol.to_string(),
                amount: Uint128::new(1),
            },
        ),
        (
            &s.carol,
            ExecuteMsg::SendFrom {
                owner: s.alice.to_string(),
                contract: s.receiver.to_string(),
                amount: Uint128::new(1),
                msg: to_json_binary(&"x").unwrap(),
            },
        ),
        (
            &s.alice,
            ExecuteMsg::Burn {
                amount: Uint128::new(1),
                reason: None,
            },
        ),
        (
            &s.carol,
            ExecuteMsg::BurnFrom {
                owner: s.alice.to_string(),
                amount: Uint128::new(1),
                reason: None,
            },
        ),
        (
            &s.minter,
            ExecuteMsg::Mint {
                recipient: s.alice.to_string(),
                amount: Uint128::new(1),
                reason: None,
            },
        ),
        (
            &s.owner,
            ExecuteMsg::UpdateTransferBurn {
                transfer_burn_bps: 10,
            },
        ),
        (&s.minter, ExecuteMsg::Retire {}),
    ];
    for (sender, msg) in attempts {
        let before = storage_of(&s, &guar.addr);
        let err = run(&s, &guar.addr, sender, &msg).unwrap_err();
        assert_eq!(contract_err(err), ContractError::Retired {}, "{msg:?}");
        assert_eq!(
            storage_of(&s, &guar.addr),
            before,
            "{msg:?} changed the token"
        );
    }
    assert_eq!(
        guar.transfer_burn().unwrap(),
        0,
        "a retired token reports no rate"
    );
}

#[test]
fn only_the_minter_of_a_retirable_token_may_retire() {
    let mut s = Suite::new(0);
    // the standard token was instantiated without `retirable`
    let nex = s.token.addr.clone();
    let minter = s.minter.clone();
    s.assert_rejected(ContractError::NotRetirable {}, |s| {
        run(s, &nex, &minter, &ExecuteMsg::Retire {})
    });
    let guar = claim_token(&s);
    for stranger in [&s.alice, &s.owner, &s.admin] {
        let before = storage_of(&s, &guar.addr);
        let err = run(&s, &guar.addr, stranger, &ExecuteMsg::Retire {}).unwrap_err();
        assert_eq!(
            contract_err(err),
            ContractError::Cw20(cw20_base::ContractError::Unauthorized {})
        );
        assert_eq!(storage_of(&s, &guar.addr), before);
    }
    assert_eq!(guar.total_supply().unwrap(), Uint128::new(1_000));
    // a live retirable token moves as any other
    run(
        &s,
        &guar.addr,
        &s.alice,
        &ExecuteMsg::Transfer {
            recipient: s.carol.to_string(),
            amount: Uint128::new(200),
        },
    )
    .unwrap();
    assert_eq!(guar.balance(&s.carol).unwrap(), Uint128::new(200));
}
