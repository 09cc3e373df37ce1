//! Seeded property test of the router: random routes of one to four hops along the pairs of the
//! fixture (burn-free assets only, each pair at most once), random amounts, senders and
//! receivers. After every route:
//!
//! - the receiver got exactly `SimulateSwapOperations`' amount, and the sender paid the input;
//! - the router holds nothing of any asset;
//! - the same route with `minimum_receive` one unit above the simulation is refused with
//!   `MinimumReceiveNotMet` and changes nothing.
//!
//! Fixed seed and case count; no failure persistence.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::Uint128;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

/// The burn-free graph: AAA-BBB, BBB-CCC, CCC-DDD, DDD-uatom, BBB-uatom (indices into `nodes`).
const EDGES: [(usize, usize); 5] = [(0, 1), (1, 2), (2, 3), (3, 4), (1, 4)];

fn neighbours(n: usize) -> Vec<usize> {
    EDGES
        .iter()
        .filter_map(|&(x, y)| {
            if x == n {
                Some(y)
            } else if y == n {
                Some(x)
            } else {
                None
            }
        })
        .collect()
}

fn run(steps: Vec<(usize, Vec<usize>, u128, usize, usize)>) -> Result<(), TestCaseError> {
    let s = Suite::new();
    let nodes = s.burn_free();
    let users = [s.alice.clone(), s.bob.clone()];
    for (start, choices, amount, sender, receiver) in steps {
        // a walk of 1..=4 hops from `start`, each step picking a neighbour by `choices`
        // (never back along an edge already used: a route uses each pair at most once)
        let mut path = vec![start];
        let mut used: Vec<(usize, usize)> = vec![];
        for choice in choices {
            let here = *path.last().expect("non-empty");
            let next: Vec<usize> = neighbours(here)
                .into_iter()
                .filter(|&n| !used.contains(&(here.min(n), here.max(n))))
                .collect();
            if next.is_empty() {
                break;
            }
            let n = next[choice % next.len()];
            used.push((here.min(n), here.max(n)));
            path.push(n);
        }
        if path.len() < 2 {
            continue;
        }
        let assets: Vec<&AssetInfo> = path.iter().map(|&i| &nodes[i]).collect();
        let ops = route(&assets);
        let (sender, receiver) = (users[sender].clone(), users[receiver].clone());
        let last = assets[assets.len() - 1].clone();
        let first = assets[0].clone();
        let expected = s.simulate(ops.clone(), amount).expect("simulation");
        if expected == 0 {
            continue;
        }
        let bounds = SwapBounds {
            to: Some(receiver.to_string()),
            ..SwapBounds::any_spread()
        };
        // one unit too demanding: refused, nothing changes
        let before = s.snapshot();
        let err = s
            .swap(
                &sender,
                ops.clone(),
                amount,
                &SwapBounds {
                    minimum_receive: Some(u(expected + 1)),
                    ..bounds.clone()
                },
            )
            .unwrap_err();
        prop_assert_eq!(
            contract_err(&err),
            &ContractError::MinimumReceiveNotMet {
                minimum: Uint128::new(expected + 1),
                received: Uint128::new(expected),
            }
        );
        prop_assert_eq!(s.snapshot(), before);
        // exactly the simulation
        let (paid_before, got_before) = (s.balance(&first, &sender), s.balance(&last, &receiver));
        s.swap(
            &sender,
            ops,
            amount,
            &SwapBounds {
                minimum_receive: Some(u(expected)),
                ..bounds
            },
        )
        .map_err(|e| TestCaseError::fail(format!("route failed: {e:?}")))?;
        let got = s.balance(&last, &receiver) as i128 - got_before as i128;
        let paid = paid_before as i128 - s.balance(&first, &sender) as i128;
        if sender == receiver && first == last {
            // a round trip: one balance moves by the difference
            prop_assert_eq!(got, expected as i128 - amount as i128);
        } else {
            prop_assert_eq!(got, expected as i128);
            prop_assert_eq!(paid, amount as i128);
        }
        for asset in s.assets() {
            prop_assert_eq!(s.balance(&asset, &s.router.addr), 0);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(Config {
        cases: 64,
        rng_seed: RngSeed::Fixed(0x5EED_0A22),
        failure_persistence: None,
        ..Config::default()
    })]

    #[test]
    fn routes_pay_exactly_the_simulation_and_leave_nothing_behind(
        steps in proptest::collection::vec(
            (0..5usize, proptest::collection::vec(0..3usize, 1..=4), 1u128..10u128.pow(10), 0..2usize, 0..2usize),
            1..6,
        ),
    ) {
        run(steps)?;
    }
}
