//! Adversarial inputs to the factory: unauthorized callers, duplicate pairs in either order,
//! identical assets, a non-token posing as a cw20, invalid denoms, funds where none belong,
//! out-of-range parameters, a pair code that does not instantiate. Each asserts the exact error
//! and that the factory's storage did not change.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::{coins, Addr, Decimal};
use cw_multi_test::Executor;
use cw_ownable::{Action, OwnershipError};
use cw_utils::PaymentError;
use poe_math::amm::AmmMathError;

#[test]
fn only_the_owner_changes_the_parameters() {
    let mut s = Suite::new();
    let (alice, treasury) = (s.alice.clone(), s.treasury.clone());
    for who in [&alice, &treasury] {
        s.assert_rejected(ContractError::Ownership(OwnershipError::NotOwner), |s| {
            s.factory.execute(who, &update!(total_fee_bps: Some(0)))
        });
        s.assert_rejected(ContractError::Ownership(OwnershipError::NotOwner), |s| {
            s.factory.update_ownership(
                who,
                Action::TransferOwnership {
                    new_owner: who.to_string(),
                    expiry: None,
                },
            )
        });
    }
}

#[test]
fn parameters_out_of_range_are_refused() {
    let mut s = Suite::new();
    let gov = s.gov.clone();
    s.assert_rejected(
        ContractError::Math(AmmMathError::FeeTooHigh {
            bps: 1_001,
            max: 1_000,
        }),
        |s| {
            s.factory
                .execute(&gov, &update!(total_fee_bps: Some(1_001)))
        },
    );
    s.assert_rejected(
        ContractError::Math(AmmMathError::FractionAboveOne {
            name: "protocol_fee_share".to_string(),
            value: Decimal::percent(120),
        }),
        |s| {
            s.factory.execute(
                &gov,
                &update!(protocol_fee_share: Some(Decimal::percent(120))),
            )
        },
    );
    s.assert_rejected(
        ContractError::invalid("observation_capacity", "0 is not in 1..=4096"),
        |s| {
            s.factory
                .execute(&gov, &update!(observation_capacity: Some(0)))
        },
    );
    for (interval, reason) in [
        (0, "0 is not in 1..=86400"),
        (86_401, "86401 is not in 1..=86400"),
    ] {
        s.assert_rejected(
            ContractError::invalid("observation_interval_seconds", reason),
            |s| {
                s.factory
                    .execute(&gov, &update!(observation_interval_seconds: Some(interval)))
            },
        );
    }
    s.assert_rejected(
        ContractError::invalid("pair_code_id", "must be positive"),
        |s| s.factory.execute(&gov, &update!(pair_code_id: Some(0))),
    );
    let before = s.snapshot();
    let err = s
        .factory
        .execute(
            &gov,
            &update!(fee_address: Some("Not An Address".to_string())),
        )
        .unwrap_err();
    assert!(matches!(contract_err(&err), ContractError::Std(_)));
    assert_eq!(s.snapshot(), before);
}

#[test]
fn a_pair_exists_once_whatever_the_order() {
    let mut s = Suite::new();
    let (alice, bob) = (s.alice.clone(), s.bob.clone());
    let [a, b] = s.assets();
    s.factory
        .create_pair(&alice, [a.clone(), b.clone()])
        .unwrap();
    let existing = s
        .factory
        .pair([a.clone(), b.clone()])
        .unwrap()
        .contract_addr;
    let name = if format!("t:{}", s.tokens[0].addr) < format!("t:{}", s.tokens[1].addr) {
        format!("{}-{}", s.tokens[0].addr, s.tokens[1].addr)
    } else {
        format!("{}-{}", s.tokens[1].addr, s.tokens[0].addr)
    };
    for (who, assets) in [
        (&alice, [a.clone(), b.clone()]),
        (&bob, [b.clone(), a.clone()]),
    ] {
        s.assert_rejected(
            ContractError::PairExists {
                assets: name.clone(),
                pair: existing.clone(),
            },
            |s| s.factory.create_pair(who, assets),
        );
    }
    // the same for a native pair
    s.factory
        .create_pair(&alice, [a.clone(), native(DENOM)])
        .unwrap();
    let existing = s
        .factory
        .pair([native(DENOM), a.clone()])
        .unwrap()
        .contract_addr;
    s.assert_rejected(
        ContractError::PairExists {
            assets: format!("{DENOM}-{}", s.tokens[0].addr),
            pair: existing,
        },
        |s| s.factory.create_pair(&bob, [native(DENOM), a]),
    );
}

#[test]
fn pair_assets_are_checked() {
    let mut s = Suite::new();
    let alice = s.alice.clone();
    let [a] = s.assets();
    s.assert_rejected(ContractError::IdenticalAssets, |s| {
        s.factory.create_pair(&alice, [a.clone(), a.clone()])
    });
    s.assert_rejected(ContractError::IdenticalAssets, |s| {
        s.factory
            .create_pair(&alice, [native(DENOM), native(DENOM)])
    });
    // an account is not a cw20
    let before = s.snapshot();
    let err = s
        .factory
        .create_pair(&alice, [a.clone(), cw20(&alice)])
        .unwrap_err();
    assert!(matches!(
        contract_err(&err),
        ContractError::NotCw20 { address, .. } if *address == alice.to_string()
    ));
    assert_eq!(s.snapshot(), before);
    // invalid denoms and addresses
    for bad in [
        native("x"),
        native("1atom"),
        native("u atom"),
        cw20(&Addr::unchecked("NotAnAddress")),
    ] {
        let err = s.factory.create_pair(&alice, [a.clone(), bad]).unwrap_err();
        assert!(matches!(contract_err(&err), ContractError::Std(_)));
        assert_eq!(s.snapshot(), before);
    }
    // no funds
    s.assert_rejected(ContractError::Payment(PaymentError::NonPayable {}), |s| {
        s.factory.execute_with_funds(
            &alice,
            &ExecuteMsg::CreatePair {
                asset_infos: [a.clone(), native(DENOM)],
            },
            &coins(10, DENOM),
        )
    });
    // unknown pairs
    let err = s.factory.pair([a, native(DENOM)]).unwrap_err().to_string();
    assert!(
        err.contains(&format!("no pair of {DENOM}-{}", s.tokens[0].addr)),
        "{err}"
    );
}

#[test]
fn a_pair_code_that_fails_leaves_nothing_registered() {
    let s = Suite::new();
    let (gov, alice) = (s.gov.clone(), s.alice.clone());
    // the token code as the pair code: its instantiation fails, the whole message reverts
    let token_code = s.token_code;
    s.factory
        .execute(&gov, &update!(pair_code_id: Some(token_code)))
        .unwrap();
    let before = s.snapshot();
    let [a, b] = s.assets();
    assert!(s
        .factory
        .create_pair(&alice, [a.clone(), b.clone()])
        .is_err());
    assert_eq!(s.snapshot(), before);
    assert!(s.factory.pair([a, b]).is_err());
    assert_eq!(s.factory.config().unwrap().pair_count, 0);
}

#[test]
fn instantiation_refuses_bad_parameters() {
    let s = Suite::new();
    let code = s.app.borrow_mut().store_code(factory_contract());
    let alice = s.alice.clone();
    let msg = |fee: Option<u16>, capacity: Option<u32>| InstantiateMsg {
        owner: None,
        pair_code_id: 2,
        token_code_id: 1,
        pair_owner: None,
        fee_address: None,
        total_fee_bps: fee,
        protocol_fee_share: None,
        observation_capacity: capacity,
        observation_interval_seconds: None,
    };
    let err = s
        .app
        .borrow_mut()
        .instantiate_contract(code, alice.clone(), &msg(Some(5_000), None), &[], "f", None)
        .unwrap_err();
    assert_eq!(
        contract_err(&err),
        &ContractError::Math(AmmMathError::FeeTooHigh {
            bps: 5_000,
            max: 1_000
        })
    );
    let err = s
        .app
        .borrow_mut()
        .instantiate_contract(code, alice, &msg(None, Some(5_000)), &[], "f", None)
        .unwrap_err();
    assert_eq!(
        contract_err(&err),
        &ContractError::invalid("observation_capacity", "5000 is not in 1..=4096")
    );
}
