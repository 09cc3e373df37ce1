//! Adversarial inputs to the router: empty, too long, broken and self-swapping routes, an input
//! that is not the route's first offer, unknown pairs, wrong or several native coins, funds on
//! the hook, a passed deadline, a minimum not met by one base unit, the router as receiver, a
//! spread bound above 1, a malformed hook, and a hop's own refusal. Each asserts the exact error
//! and that nothing changed (the router's and every pair's storage, every balance).
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::{coin, coins, to_json_binary, Binary, Decimal, StdError, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_utils::PaymentError;
use poe_math::amm::AmmMathError;

#[test]
fn route_shapes_are_checked() {
    let mut s = Suite::new();
    let alice = s.alice.clone();
    let [a, b, c, d, atom] = s.burn_free();
    // alice sells 1,000 of the first offer along `ops`, any spread accepted
    let swap =
        |s: &Suite, ops: Vec<SwapOperation>| s.swap(&alice, ops, 1_000, &SwapBounds::any_spread());
    // alice sends 1,000 of `offer` whatever the route, without the pair's spread bound
    let send = |s: &Suite, offer: &AssetInfo, ops: Vec<SwapOperation>| {
        let offer = offer.with_amount(u(1_000));
        s.router
            .execute_swap_operations(&alice, offer, ops, &SwapBounds::default())
    };
    s.assert_rejected(ContractError::NoOperations, |s| send(s, &a, vec![]));
    s.assert_rejected(
        ContractError::TooManyOperations {
            count: 5,
            max: MAX_SWAP_OPERATIONS,
        },
        |s| swap(s, route(&[&a, &b, &c, &d, &atom, &b])),
    );
    s.assert_rejected(ContractError::NotChained { index: 1 }, |s| {
        swap(s, vec![op(&a, &b), op(&c, &d)])
    });
    s.assert_rejected(ContractError::IdenticalAssets { index: 1 }, |s| {
        swap(s, vec![op(&a, &b), op(&b, &b)])
    });
    // back through the AAA/BBB pair
    s.assert_rejected(ContractError::PairUsedTwice { index: 1 }, |s| {
        swap(s, route(&[&a, &b, &a]))
    });
    // AAA sent, but the route starts with BBB
    s.assert_rejected(
        ContractError::FirstOfferMismatch {
            expected: b.to_string(),
            received: a.to_string(),
        },
        |s| send(s, &a, route(&[&b, &c])),
    );
    // no AAA/DDD pair
    s.assert_rejected(
        ContractError::PairNotFound {
            offer: a.to_string(),
            ask: d.to_string(),
        },
        |s| swap(s, route(&[&a, &d])),
    );
    s.assert_rejected(
        ContractError::PairNotFound {
            offer: c.to_string(),
            ask: atom.to_string(),
        },
        |s| swap(s, route(&[&b, &c, &atom])),
    );
    // an invalid asset in a route
    let before = s.snapshot();
    let err = swap(&s, vec![op(&a, &native("x"))]).unwrap_err();
    assert!(matches!(contract_err(&err), ContractError::Std(_)));
    assert_eq!(s.snapshot(), before);
}

#[test]
fn native_input_needs_exactly_one_coin_of_the_first_offer() {
    let mut s = Suite::new();
    let alice = s.alice.clone();
    let (a, b, atom) = (s.aaa.clone(), s.bbb.clone(), s.atom.clone());
    let msg = |ops: Vec<SwapOperation>| ExecuteMsg::ExecuteSwapOperations {
        operations: ops,
        minimum_receive: None,
        to: None,
        max_spread: Some(Decimal::one()),
        deadline: None,
    };
    let ops = route(&[&atom, &b, &a]);
    s.assert_rejected(ContractError::Payment(PaymentError::NoFunds {}), |s| {
        s.router.execute(&alice, &msg(ops.clone()))
    });
    s.assert_rejected(
        ContractError::Payment(PaymentError::MultipleDenoms {}),
        |s| {
            s.router.execute_with_funds(
                &alice,
                &msg(ops.clone()),
                &[coin(10, DENOM), coin(10, OTHER_DENOM)],
            )
        },
    );
    s.assert_rejected(
        ContractError::FirstOfferMismatch {
            expected: DENOM.to_string(),
            received: OTHER_DENOM.to_string(),
        },
        |s| {
            s.router
                .execute_with_funds(&alice, &msg(ops.clone()), &coins(10, OTHER_DENOM))
        },
    );
    // a cw20-first route paid with a coin
    s.assert_rejected(
        ContractError::FirstOfferMismatch {
            expected: a.to_string(),
            received: DENOM.to_string(),
        },
        |s| {
            s.router
                .execute_with_funds(&alice, &msg(route(&[&a, &b])), &coins(10, DENOM))
        },
    );
}

#[test]
fn a_forged_hook_spends_nothing() {
    let mut s = Suite::new();
    let alice = s.alice.clone();
    let (a, b) = (s.aaa.clone(), s.bbb.clone());
    // alice calls Receive herself, claiming AAA she never sent: the route would start with
    // "alice" as a token, which is not the route's first offer
    let forged = ExecuteMsg::Receive(Cw20ReceiveMsg {
        sender: alice.to_string(),
        amount: Uint128::new(1_000_000),
        msg: to_json_binary(&Cw20HookMsg::ExecuteSwapOperations {
            operations: route(&[&a, &b]),
            minimum_receive: None,
            to: None,
            max_spread: None,
            deadline: None,
        })
        .unwrap(),
    });
    s.assert_rejected(
        ContractError::FirstOfferMismatch {
            expected: a.to_string(),
            received: alice.to_string(),
        },
        |s| s.router.execute(&alice, &forged),
    );
    // funds on the hook
    s.assert_rejected(ContractError::Payment(PaymentError::NonPayable {}), |s| {
        s.router
            .execute_with_funds(&alice, &forged, &coins(5, DENOM))
    });
}

#[test]
fn bounds_are_enforced_and_change_nothing() {
    let mut s = Suite::new();
    let alice = s.alice.clone();
    let (a, b, c) = (s.aaa.clone(), s.bbb.clone(), s.ccc.clone());
    let ops = route(&[&a, &b, &c]);
    let expected = s.simulate(ops.clone(), 1_000_000).unwrap();
    // alice sells 1,000,000 AAA along `ops` within `bounds`
    let swap = |s: &Suite, bounds: SwapBounds| s.swap(&alice, ops.clone(), 1_000_000, &bounds);
    // one base unit short: refused after the last hop, and everything reverts
    s.assert_rejected(
        ContractError::MinimumReceiveNotMet {
            minimum: Uint128::new(expected + 1),
            received: Uint128::new(expected),
        },
        |s| swap(s, at_least(expected + 1)),
    );
    let now = s.now();
    s.assert_rejected(
        ContractError::DeadlinePassed {
            deadline: now - 1,
            now,
        },
        |s| {
            let deadline = Some(now - 1);
            swap(
                s,
                SwapBounds {
                    deadline,
                    ..SwapBounds::any_spread()
                },
            )
        },
    );
    let router = s.router.addr.to_string();
    s.assert_rejected(ContractError::InvalidReceiver, |s| {
        let to = Some(router);
        swap(
            s,
            SwapBounds {
                to,
                ..SwapBounds::any_spread()
            },
        )
    });
    s.assert_rejected(
        ContractError::Math(AmmMathError::FractionAboveOne {
            name: "max_spread".to_string(),
            value: Decimal::percent(200),
        }),
        |s| {
            let max_spread = Some(Decimal::percent(200));
            swap(
                s,
                SwapBounds {
                    max_spread,
                    ..SwapBounds::default()
                },
            )
        },
    );
    // a hop's own refusal (the pair's default 0.5 % spread on a 10 % trade) reverts the route
    let before = s.snapshot();
    let err = s
        .swap(&alice, ops, 100_000_000_000, &SwapBounds::default())
        .unwrap_err();
    assert!(
        err.chain().any(|e| e
            .to_string()
            .starts_with("spread above the maximum of 0.005")),
        "{err:?}"
    );
    assert_eq!(s.snapshot(), before);
}

#[test]
fn a_malformed_hook_is_refused() {
    let s = Suite::new();
    let alice = s.alice.clone();
    let before = s.snapshot();
    let err = s
        .token(&s.aaa)
        .send(
            &alice,
            &s.router.addr,
            Uint128::new(1_000),
            Binary::from(br#"{"execute_swap_operations":{"operations":"none"}}"#.to_vec()),
        )
        .unwrap_err();
    assert!(matches!(
        contract_err(&err),
        ContractError::Std(StdError::ParseErr { .. })
    ));
    assert_eq!(s.snapshot(), before);
}

#[test]
fn simulations_of_bad_routes_are_errors() {
    let s = Suite::new();
    let (a, b, d) = (s.aaa.clone(), s.bbb.clone(), s.ddd.clone());
    assert!(s.simulate(vec![], 1_000).is_err());
    assert!(s.simulate(route(&[&a, &d]), 1_000).is_err());
    assert!(s.simulate(route(&[&a, &b]), 0).is_err());
}
