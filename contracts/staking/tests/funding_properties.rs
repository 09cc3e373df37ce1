//! Seeded property test of who may shape a reward stream: random fundings of the GEN pool (paid in
//! NEX) by the owner and three strangers, with durations up to `MAX_PERIOD_SECONDS`, between
//! stakes, unstakes, reward claims and time passing (up to years). Alice's stake never leaves, so
//! the stream never pauses and its schedule is exactly what the fundings promised. After every
//! step:
//!
//! - a stranger's accepted funding of a running stream kept its end and did not lower its rate;
//!   a refused one got the exact error (`FundWouldExtendStream` with the stream's end and the
//!   asked end, or `OpenFundTooLong`) and changed nothing (storage and every balance);
//! - what was already funded is released no later than promised: the stream's unreleased amount
//!   never exceeds the sum over the fundings since the owner last re-scheduled of
//!   `amount x (end - now) / (end - funded_at)` (each funding's promise: linear until the end the
//!   funding was told, its `period_finish` attribute), up to one base unit of rounding per step;
//! - rewards paid + pending + unreleased <= funded, and paid matches the claims' responses.
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
use poe_staking::msg::{MAX_OPEN_FUND_SECONDS, MAX_PERIOD_SECONDS};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

#[derive(Debug, Clone)]
enum Op {
    /// `by` 0 is the owner, 1..=3 strangers (the funder, bob, carol).
    Fund {
        by: usize,
        amount: u128,
        duration: u64,
    },
    Advance {
        seconds: u64,
    },
    /// Bob stakes (alice's stake stays).
    Stake {
        amount: u128,
    },
    /// Bob unstakes a share of his stake.
    Unstake {
        percent: u128,
    },
    /// 0: alice, 1: bob.
    ClaimRewards {
        who: usize,
    },
}

fn duration() -> impl Strategy<Value = u64> {
    prop_oneof![
        2 => 1u64..=300,
        2 => 1u64..=MAX_OPEN_FUND_SECONDS + 1_000,
        2 => 1u64..=MAX_PERIOD_SECONDS,
        1 => Just(MAX_PERIOD_SECONDS),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (0..4usize, 1u128..1_000_000, duration())
            .prop_map(|(by, amount, duration)| Op::Fund { by, amount, duration }),
        5 => prop_oneof![0u64..200, 0u64..100_000, 0u64..100_000_000]
            .prop_map(|seconds| Op::Advance { seconds }),
        2 => (0u128..5_000).prop_map(|amount| Op::Stake { amount }),
        1 => (0u128..=100).prop_map(|percent| Op::Unstake { percent }),
        2 => (0..2usize).prop_map(|who| Op::ClaimRewards { who }),
    ]
}

/// One funding's promise: `amount` (base units) released linearly over `[from, end)`.
struct Promise {
    amount: u128,
    from: u64,
    end: u64,
}

/// What the promises still hold back at `now`: `sum of amount x (end - now) / (end - from)`,
/// rounded up.
fn promised_remaining(promises: &[Promise], now: u64) -> u128 {
    promises
        .iter()
        .map(|p| {
            if now >= p.end {
                0
            } else {
                let left = (p.end - now) as u128;
                let span = (p.end - p.from.min(now)) as u128;
                (p.amount * left).div_ceil(span)
            }
        })
        .sum()
}

fn run(ops: Vec<Op>) -> Result<(), TestCaseError> {
    let s = Suite::new();
    let (alice, bob, gen, nex, staking) = (&s.alice, &s.bob, &s.gen, &s.nex, &s.staking);
    let funders = [&s.owner, &s.funder, bob, &s.carol];
    staking.stake(gen, alice, u(10_000)).unwrap();
    let mut promises: Vec<Promise> = vec![];
    let (mut funded, mut paid) = (0u128, 0u128);
    let mut steps = 0u128;

    for op in ops {
        steps += 1;
        match &op {
            Op::Fund {
                by,
                amount,
                duration,
            } => {
                let before_pool = staking.pool(gen).unwrap();
                let before = s.snapshot();
                let now = s.now().seconds();
                let running =
                    !before_pool.reward_remaining.is_zero() && before_pool.period_finish > now;
                let res = staking.fund(nex, funders[*by], gen, u(*amount), *duration);
                let after = staking.pool(gen).unwrap();
                match res {
                    Ok(res) => {
                        funded += amount;
                        let end: u64 = wasm_attrs(&res, &staking.addr)
                            .into_iter()
                            .find(|(k, _)| k == "period_finish")
                            .map(|(_, v)| v.parse().unwrap())
                            .unwrap();
                        prop_assert_eq!(end, after.period_finish);
                        let moved_later = running && end > before_pool.period_finish;
                        if *by != 0 {
                            if running {
                                prop_assert_eq!(
                                    end,
                                    before_pool.period_finish,
                                    "a stranger moved the end: {:?}",
                                    op
                                );
                                prop_assert!(
                                    after.reward_rate >= before_pool.reward_rate,
                                    "a stranger lowered the rate {} -> {}: {:?}",
                                    before_pool.reward_rate,
                                    after.reward_rate,
                                    op
                                );
                            } else {
                                prop_assert!(*duration <= MAX_OPEN_FUND_SECONDS);
                            }
                        }
                        if *by == 0 && moved_later {
                            // the owner re-scheduled everything still unreleased
                            promises = vec![Promise {
                                amount: after.reward_remaining.u128(),
                                from: now,
                                end,
                            }];
                        } else {
                            promises.push(Promise {
                                amount: *amount,
                                from: now,
                                end,
                            });
                        }
                    }
                    Err(err) => {
                        prop_assert!(*by != 0, "the owner was refused: {:?} {}", op, err);
                        let expected = if running {
                            ContractError::FundWouldExtendStream {
                                period_finish: before_pool.period_finish,
                                requested_end: now + duration,
                            }
                        } else {
                            ContractError::OpenFundTooLong {
                                duration_seconds: *duration,
                                max: MAX_OPEN_FUND_SECONDS,
                            }
                        };
                        prop_assert_eq!(contract_err(&err), &expected);
                        prop_assert_eq!(&s.snapshot(), &before, "a refused fund changed state");
                    }
                }
            }
            Op::Advance { seconds } => s.advance(*seconds, 1 + seconds / 5),
            Op::Stake { amount } => {
                let _ = staking.stake(gen, bob, u(*amount));
            }
            Op::Unstake { percent } => {
                let staked = staking.position(bob, gen).unwrap().staked.u128();
                let _ = staking.unstake(gen, bob, u(staked * percent / 100));
            }
            Op::ClaimRewards { who } => {
                let user = if *who == 0 { alice } else { bob };
                if let Ok(res) = staking.claim_rewards(gen, user) {
                    let amount: u128 = wasm_attrs(&res, &staking.addr)
                        .into_iter()
                        .find(|(k, _)| k == "amount")
                        .map(|(_, v)| v.parse().unwrap())
                        .unwrap();
                    paid += amount;
                }
            }
        }

        let now = s.now().seconds();
        let pool = staking.pool(gen).unwrap();
        let promised = promised_remaining(&promises, now);
        prop_assert!(
            pool.reward_remaining.u128() <= promised + steps,
            "released later than promised at {}: {} unreleased, promised at most {} (+{} rounding)",
            now,
            pool.reward_remaining,
            promised,
            steps
        );
        let pending = s.pending(alice, gen).u128() + s.pending(bob, gen).u128();
        prop_assert_eq!(pool.total_funded.u128(), funded);
        prop_assert_eq!(pool.total_rewards_paid.u128(), paid);
        prop_assert!(
            paid + pending + pool.reward_remaining.u128() <= funded,
            "paid {} + pending {} + unreleased {} > funded {}",
            paid,
            pending,
            pool.reward_remaining,
            funded
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(Config {
        cases: 32,
        rng_seed: RngSeed::Fixed(0x5EED_F00D),
        failure_persistence: None,
        ..Config::default()
    })]

    #[test]
    fn strangers_never_delay_or_dilute_a_stream(ops in proptest::collection::vec(op(), 8..48)) {
        run(ops)?;
    }
}
