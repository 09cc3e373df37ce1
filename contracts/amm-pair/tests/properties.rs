//! Seeded property test: random sequences of swaps (by offer, or by an asked amount through the
//! reverse simulation), deposits, withdrawals, donations and time passing, by three actors on a
//! cw20/cw20 and a cw20/native pair, with a fourth actor (dave) who deposits first and never acts
//! again (the bystander). After every step, for each pair:
//!
//! - a swap never lowers `k = R0 · R1`;
//! - `k / S^2` never falls (the value of an LP share at any price), and a deposit or a withdrawal
//!   never lowers `R_i / S` for either asset: the bystander's share never loses value;
//! - `Simulation` equals the execution to the base unit (the trader's receipt, the treasury's fee,
//!   both reserves), and `ReverseSimulation`'s offer returns exactly its `return_amount` (at least
//!   the ask); a swap the simulation says returns nothing is refused with `ZeroReturn`;
//! - the pair's balance of each asset is at least its recorded reserve, and the LP token's supply
//!   is the recorded total share;
//! - a rejected message changes nothing;
//! - the TWAP (8 observations at least 60 s apart) never answers a shorter window: for windows
//!   of 1 s to 1 h it either starts at or before `now - window`, by less than one interval, and
//!   ends now, or refuses with `WindowNotCovered`; the ring never holds more than its capacity.
//!
//! Fixed seed and case count; no failure persistence (a failure prints the seed and the ops).
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::{Uint128, Uint512};
use cw_multi_test::Executor;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

#[derive(Debug, Clone)]
enum Op {
    /// Swap `amount` (a fraction of the offer reserve, in millionths, when `scaled`) of side `offer`.
    Swap {
        pair: usize,
        actor: usize,
        offer: usize,
        millionths: u128,
    },
    /// Ask for `millionths` of the ask reserve through `ReverseSimulation`, then swap its offer.
    SwapFor {
        pair: usize,
        actor: usize,
        ask: usize,
        millionths: u128,
    },
    Provide {
        pair: usize,
        actor: usize,
        a: u128,
        b: u128,
    },
    Withdraw {
        pair: usize,
        actor: usize,
        percent: u128,
    },
    Donate {
        pair: usize,
        side: usize,
        amount: u128,
    },
    Advance {
        seconds: u64,
        blocks: u64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let pair = 0..2usize;
    let actor = 0..3usize;
    prop_oneof![
        6 => (pair.clone(), actor.clone(), 0..2usize, 0u128..300_000).prop_map(|(pair, actor, offer, millionths)| Op::Swap { pair, actor, offer, millionths }),
        3 => (pair.clone(), actor.clone(), 0..2usize, 1u128..300_000).prop_map(|(pair, actor, ask, millionths)| Op::SwapFor { pair, actor, ask, millionths }),
        3 => (pair.clone(), actor.clone(), 1u128..10u128.pow(10), 1u128..10u128.pow(10)).prop_map(|(pair, actor, a, b)| Op::Provide { pair, actor, a, b }),
        3 => (pair.clone(), actor, 1u128..=100).prop_map(|(pair, actor, percent)| Op::Withdraw { pair, actor, percent }),
        1 => (pair, 0..2usize, 1u128..10u128.pow(9)).prop_map(|(pair, side, amount)| Op::Donate { pair, side, amount }),
        2 => (0u64..600, 0u64..3).prop_map(|(seconds, blocks)| Op::Advance { seconds, blocks }),
    ]
}

/// What the test tracks of one pair between steps.
#[derive(Clone, Copy, Debug)]
struct Seen {
    reserves: [u128; 2],
    total: u128,
}

fn seen(s: &Suite, pair: &PairHandle) -> Seen {
    Seen {
        reserves: s.reserves(pair),
        total: s.total_share(pair),
    }
}

fn k(r: [u128; 2]) -> Uint512 {
    Uint512::from(Uint128::new(r[0]).full_mul(Uint128::new(r[1])))
}

fn sq(x: u128) -> Uint512 {
    Uint512::from(Uint128::new(x).full_mul(Uint128::new(x)))
}

/// Swaps `amount` of side `offer` of `pair` for `actor`, checking the execution against
/// `Simulation` (and against a reverse simulation's `return_amount` when given).
fn checked_swap(
    s: &mut Suite,
    pair: &PairHandle,
    actor: &cosmwasm_std::Addr,
    offer: usize,
    amount: u128,
    expected_return: Option<u128>,
) -> Result<bool, TestCaseError> {
    let ask = 1 - offer;
    let sim = s.simulate(pair, offer, amount).expect("simulation answers");
    if let Some(expected) = expected_return {
        prop_assert_eq!(sim.return_amount.u128(), expected, "reverse vs simulation");
    }
    let before = s.snapshot();
    let reserves = s.reserves(pair);
    let treasury = s.treasury.clone();
    let (actor_before, fee_before) = (
        s.balance(&pair.assets[ask], actor),
        s.balance(&pair.assets[ask], &treasury),
    );
    match s.swap(actor, pair, offer, amount, &SwapBounds::any_spread()) {
        Ok(_) => {
            prop_assert_eq!(
                s.balance(&pair.assets[ask], actor) - actor_before,
                sim.return_amount.u128(),
                "receipt vs simulation"
            );
            prop_assert_eq!(
                s.balance(&pair.assets[ask], &treasury) - fee_before,
                sim.protocol_fee_amount.u128(),
                "protocol fee vs simulation"
            );
            let mut expected = reserves;
            expected[offer] += amount;
            expected[ask] -= sim.return_amount.u128() + sim.protocol_fee_amount.u128();
            prop_assert_eq!(s.reserves(pair), expected, "reserves vs simulation");
            Ok(true)
        }
        Err(err) => {
            prop_assert!(sim.return_amount.is_zero(), "refused with {:?}", err);
            prop_assert_eq!(contract_err(&err), &ContractError::ZeroReturn);
            prop_assert_eq!(s.snapshot(), before);
            Ok(false)
        }
    }
}

/// The ring's capacity and interval of the property test's pairs.
const CAPACITY: u32 = 8;
const INTERVAL: u64 = 60;

/// The TWAP's window guarantee on `pair` now.
fn check_twap(s: &Suite, pair: &PairHandle) -> Result<(), TestCaseError> {
    let now = s.now();
    prop_assert!(pair.config().unwrap().observation_count <= CAPACITY);
    for window in [1, 59, 60, 61, 300, 3_600] {
        match pair.twap(window) {
            Ok(t) => {
                prop_assert_eq!((t.end, t.window_seconds), (now, window));
                prop_assert!(t.start <= now - window, "{:?}", t);
                prop_assert!(t.start + INTERVAL > now - window, "{:?}", t);
            }
            Err(err) => {
                let err = err.to_string();
                prop_assert!(
                    err.contains(&format!("TWAP window of {window} s is not covered")),
                    "{}",
                    err
                );
            }
        }
    }
    Ok(())
}

fn run(ops: Vec<Op>) -> Result<(), TestCaseError> {
    let mut s = Suite::with_ring(CAPACITY, INTERVAL);
    let actors = [s.alice.clone(), s.bob.clone(), s.carol.clone()];
    let dave = s.dave.clone();
    let pairs = [s.ab.clone(), s.an.clone()];
    s.provide(&dave, &pairs[0], [3_000_000_000, 7_000_000_000])
        .expect("seed AB");
    s.provide(&dave, &pairs[1], [5_000_000_000, 2_000_000_000])
        .expect("seed AN");
    let mut last = [seen(&s, &pairs[0]), seen(&s, &pairs[1])];

    for op in ops {
        let touched = match &op {
            Op::Swap {
                pair,
                actor,
                offer,
                millionths,
            } => {
                let p = &pairs[*pair];
                let amount = (s.reserves(p)[*offer] * millionths / 1_000_000).max(1);
                checked_swap(&mut s, p, &actors[*actor], *offer, amount, None)?;
                Some((*pair, true))
            }
            Op::SwapFor {
                pair,
                actor,
                ask,
                millionths,
            } => {
                let p = &pairs[*pair];
                let wanted = (s.reserves(p)[*ask] * millionths / 1_000_000).max(1);
                let rev = s
                    .reverse(p, *ask, wanted)
                    .expect("reverse simulation answers");
                prop_assert!(rev.return_amount.u128() >= wanted);
                let less = s
                    .simulate(p, 1 - ask, rev.offer_amount.u128() - 1)
                    .map(|r| r.return_amount.u128())
                    .unwrap_or(0);
                prop_assert!(less < wanted, "reverse offer is not the smallest");
                let ok = checked_swap(
                    &mut s,
                    p,
                    &actors[*actor],
                    1 - ask,
                    rev.offer_amount.u128(),
                    Some(rev.return_amount.u128()),
                )?;
                prop_assert!(ok, "a reverse-simulated swap was refused");
                Some((*pair, true))
            }
            Op::Provide { pair, actor, a, b } => {
                let p = &pairs[*pair];
                let before = s.snapshot();
                if let Err(err) = s.provide(&actors[*actor], p, [*a, *b]) {
                    prop_assert_eq!(
                        contract_err(&err),
                        &ContractError::Math(poe_math::amm::AmmMathError::ZeroShare)
                    );
                    prop_assert_eq!(s.snapshot(), before);
                }
                Some((*pair, false))
            }
            Op::Withdraw {
                pair,
                actor,
                percent,
            } => {
                let p = &pairs[*pair];
                let share = s.lp_balance(p, &actors[*actor]) * percent / 100;
                if share > 0 {
                    s.withdraw(&actors[*actor], p, share, None)
                        .expect("a withdrawal of an own share works");
                }
                Some((*pair, false))
            }
            Op::Donate { pair, side, amount } => {
                let p = &pairs[*pair];
                let donor = actors[0].clone();
                match p.assets[*side].clone() {
                    AssetInfo::Token { contract_addr } => {
                        let token = cosmwasm_std::Addr::unchecked(contract_addr);
                        Cw20Handle::new(s.app.clone(), token)
                            .transfer(&donor, &p.addr, Uint128::new(*amount))
                            .expect("donation");
                    }
                    AssetInfo::NativeToken { denom } => {
                        s.app
                            .borrow_mut()
                            .send_tokens(
                                donor,
                                p.addr.clone(),
                                &[cosmwasm_std::coin(*amount, denom)],
                            )
                            .expect("donation");
                    }
                }
                // a donation changes neither reserves nor shares
                prop_assert_eq!(seen(&s, p).reserves, last[*pair].reserves);
                None
            }
            Op::Advance { seconds, blocks } => {
                s.advance(*seconds, *blocks);
                None
            }
        };

        for (i, p) in pairs.iter().enumerate() {
            let now = seen(&s, p);
            let was = last[i];
            for side in 0..2 {
                prop_assert!(
                    s.balance(&p.assets[side], &p.addr) >= now.reserves[side],
                    "balance below reserve"
                );
            }
            prop_assert_eq!(s.lp_supply(p), now.total, "LP supply vs total share");
            // k / S^2 never falls
            prop_assert!(
                k(now.reserves) * sq(was.total) >= k(was.reserves) * sq(now.total),
                "k per share squared fell"
            );
            match touched {
                Some((j, true)) if j == i => {
                    prop_assert!(k(now.reserves) >= k(was.reserves), "k fell on a swap");
                }
                Some((j, false)) if j == i => {
                    for side in 0..2 {
                        prop_assert!(
                            Uint128::new(now.reserves[side]).full_mul(Uint128::new(was.total))
                                >= Uint128::new(was.reserves[side])
                                    .full_mul(Uint128::new(now.total)),
                            "reserve per share fell"
                        );
                    }
                }
                _ => prop_assert_eq!((now.reserves, now.total), (was.reserves, was.total)),
            }
            last[i] = now;
        }
        // the bystander never acted: its LP balance is what it got first
        prop_assert!(s.lp_balance(&pairs[0], &dave) > 0);
        for pair in &pairs {
            check_twap(&s, pair)?;
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(Config {
        cases: 64,
        rng_seed: RngSeed::Fixed(0x5EED_0A11),
        failure_persistence: None,
        ..Config::default()
    })]

    #[test]
    fn pair_invariants_hold_after_every_step(ops in proptest::collection::vec(op(), 8..40)) {
        run(ops)?;
    }
}
