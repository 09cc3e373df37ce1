//! Behaviour of the router: two-hop cw20 routes, native input and output, four hops, a single
//! hop, a receiver, the simulation matching execution, and a transfer-burn token in the middle.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;

#[test]
fn a_two_hop_cw20_route_pays_what_the_simulation_says() {
    let s = Suite::new();
    let alice = s.alice.clone();
    let (a, b, c) = (s.aaa.clone(), s.bbb.clone(), s.ccc.clone());
    let ops = route(&[&a, &b, &c]);
    let amount = 1_000_000_000;
    let expected = s.simulate(ops.clone(), amount).unwrap();
    // the same as asking each pair in turn
    let first = s.pair_simulation(&a, &b, amount);
    assert_eq!(expected, s.pair_simulation(&b, &c, first));
    let res = s.swap(&alice, ops, amount, &at_least(expected)).unwrap();
    assert_eq!(s.balance(&c, &alice), START + expected);
    assert_eq!(s.balance(&a, &alice), START - amount);
    // the router keeps nothing
    for asset in s.assets() {
        assert_eq!(s.balance(&asset, &s.router.addr), 0);
    }
    let attrs = wasm_attrs(&res, &s.router.addr);
    assert!(attrs.contains(&("action".to_string(), "execute_swap_operations".to_string())));
    assert!(attrs.contains(&("hops".to_string(), "2".to_string())));
    assert!(attrs.contains(&("received".to_string(), first.to_string())));
    assert!(attrs.contains(&("return_amount".to_string(), expected.to_string())));
}

#[test]
fn native_in_native_out_and_to_a_receiver() {
    let s = Suite::new();
    let (alice, bob) = (s.alice.clone(), s.bob.clone());
    let (a, b, atom) = (s.aaa.clone(), s.bbb.clone(), s.atom.clone());
    // uatom -> BBB -> AAA, paid to bob
    let ops = route(&[&atom, &b, &a]);
    let expected = s.simulate(ops.clone(), 5_000_000).unwrap();
    s.swap(
        &alice,
        ops,
        5_000_000,
        &SwapBounds {
            to: Some(bob.to_string()),
            ..at_least(expected)
        },
    )
    .unwrap();
    assert_eq!(s.balance(&a, &bob), START + expected);
    assert_eq!(s.balance(&atom, &alice), START - 5_000_000);
    // AAA -> BBB -> uatom
    let ops = route(&[&a, &b, &atom]);
    let expected = s.simulate(ops.clone(), 7_000_000).unwrap();
    s.swap(&alice, ops, 7_000_000, &SwapBounds::any_spread())
        .unwrap();
    assert_eq!(s.balance(&atom, &alice), START - 5_000_000 + expected);
    assert_eq!(s.balance(&atom, &s.router.addr), 0);
}

#[test]
fn four_hops_and_one_hop() {
    let s = Suite::new();
    let alice = s.alice.clone();
    let [a, b, c, d, atom] = s.burn_free();
    let ops = route(&[&a, &b, &c, &d, &atom]);
    assert_eq!(ops.len(), MAX_SWAP_OPERATIONS);
    let expected = s.simulate(ops.clone(), 2_000_000).unwrap();
    s.swap(
        &alice,
        ops,
        2_000_000,
        &SwapBounds {
            minimum_receive: Some(u(expected)),
            ..SwapBounds::default()
        },
    )
    .unwrap();
    assert_eq!(s.balance(&atom, &alice), START + expected);
    let ops = route(&[&d, &c]);
    let expected = s.simulate(ops.clone(), 3_000).unwrap();
    assert_eq!(expected, s.pair_simulation(&d, &c, 3_000));
    s.swap(&alice, ops, 3_000, &SwapBounds::default()).unwrap();
    assert_eq!(s.balance(&c, &alice), START + expected);
}

#[test]
fn a_transfer_burn_token_in_the_middle_is_measured_not_assumed() {
    let s = Suite::new();
    let alice = s.alice.clone();
    let (a, brn, c) = (s.aaa.clone(), s.brn.clone(), s.ccc.clone());
    let amount = 1_000_000_000;
    // AAA -> BRN: the pair pays x BRN, the router receives 98 % of it; sending it on burns 2 %
    // again, so the second pair swaps 98 % of what the router holds
    let x = s.pair_simulation(&a, &brn, amount);
    let held = x - (x * 200).div_ceil(10_000);
    let delivered = held - (held * 200).div_ceil(10_000);
    let expected = s.pair_simulation(&brn, &c, delivered);
    let simulated = s.simulate(route(&[&a, &brn, &c]), amount).unwrap();
    assert!(expected < simulated);
    let res = s
        .swap(&alice, route(&[&a, &brn, &c]), amount, &at_least(expected))
        .unwrap();
    assert_eq!(s.balance(&c, &alice), START + expected);
    assert_eq!(s.balance(&brn, &s.router.addr), 0);
    let attrs = wasm_attrs(&res, &s.router.addr);
    assert!(attrs.contains(&("received".to_string(), held.to_string())));
}

#[test]
fn the_config_names_the_factory() {
    let s = Suite::new();
    let res = s.router.config().unwrap();
    assert_eq!(res.factory, s.factory.addr.to_string());
}
