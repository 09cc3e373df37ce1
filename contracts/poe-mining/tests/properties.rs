//! Seeded property test of poe-mining alone: random sequences of jobs (liquidity deltas up to
//! twice the bound, dust and large values, every job type), time, closes, claims, withdrawals
//! and slashes, checking after every step that
//! 1. FLX held by poe-mining == sum(spendable) + sum(reserve) + treasury pending + unpaid salary,
//!    to the base unit, and the fee parts sum exactly to the fees;
//! 2. NEX supply == minted == held here + claimed;
//! 3. each miner's unlocked reserve is at most its reserve, and a job never moves its unlock
//!    time past `now + lock_period_seconds` nor before its previous unlock time;
//! 4. a refused liquidity delta is exactly one beyond `job_value * max_liquidity_ratio`;
//! 5. the epoch's uptime and quality components stay within their weights.
//!
//! Fixed seed and case count (as the suite's other property tests).
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::{Decimal, Int128, Uint128};
use poe_math::poe::max_liquidity_delta;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

const MINERS: usize = 3;

#[derive(Clone, Debug)]
enum Step {
    Job {
        miner: usize,
        job_type: usize,
        value: u128,
        quality: u64,
        uptime: u64,
        liquidity_permille: i64,
    },
    Advance(u64),
    Close,
    Claim(usize),
    WithdrawSpendable(usize),
    WithdrawReserve(usize),
    Slash(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (0..MINERS, 0..10usize, prop_oneof![1u128..1_000, 1_000_000u128..50_000_000_000], 0u64..=100, 0u64..=100, -2_000i64..=2_000)
            .prop_map(|(miner, job_type, value, quality, uptime, liquidity_permille)| Step::Job { miner, job_type, value, quality, uptime, liquidity_permille }),
        2 => (1u64..200_000).prop_map(Step::Advance),
        2 => Just(Step::Close),
        1 => (0..MINERS).prop_map(Step::Claim),
        1 => (0..MINERS).prop_map(Step::WithdrawSpendable),
        1 => (0..MINERS).prop_map(Step::WithdrawReserve),
        1 => (0..MINERS).prop_map(Step::Slash),
    ]
}

struct World {
    s: Suite,
    miners: Vec<cosmwasm_std::Addr>,
    slashed: u128,
}

impl World {
    fn new() -> Self {
        let s = Suite::new();
        let mut miners = vec![s.alice.clone()];
        for i in 1..MINERS {
            let m = s.addr(&format!("miner{i}"));
            s.poe.register_miner(&m, None).unwrap();
            miners.push(m);
        }
        World {
            s,
            miners,
            slashed: 0,
        }
    }

    fn apply(&mut self, step: &Step) -> Result<(), TestCaseError> {
        let s = &self.s;
        match step {
            Step::Job {
                miner,
                job_type,
                value,
                quality,
                uptime,
                liquidity_permille,
            } => {
                let addr = self.miners[*miner].clone();
                let value = Uint128::new(*value);
                let delta = value.multiply_ratio(liquidity_permille.unsigned_abs(), 1_000u64);
                let delta = Int128::try_from(delta).unwrap();
                let delta = if *liquidity_permille < 0 {
                    -delta
                } else {
                    delta
                };
                let report = JobReport {
                    job_type: EconomicJobType::ALL[*job_type],
                    miner: addr.to_string(),
                    job_value: value,
                    quality_score: Decimal::percent(*quality),
                    liquidity_delta: delta,
                    uptime: Decimal::percent(*uptime),
                };
                let before = s.poe.miner(&addr).unwrap().lock_expires_at;
                let bound = max_liquidity_delta(value, Decimal::one());
                match s.submit(report) {
                    Ok(_) => {
                        prop_assert!(delta.unsigned_abs() <= bound);
                        let after = s.poe.miner(&addr).unwrap().lock_expires_at.seconds();
                        let lock_end = ceil_seconds(s.now()) + default_params().lock_period_seconds;
                        prop_assert!(after <= lock_end);
                        prop_assert!(after >= before.seconds().min(lock_end));
                    }
                    Err(err) => {
                        let err = poe_test_utils::find_error::<ContractError>(&err);
                        prop_assert_eq!(
                            err,
                            &ContractError::LiquidityDeltaTooLarge {
                                liquidity_delta: delta,
                                max: bound
                            }
                        );
                        prop_assert!(delta.unsigned_abs() > bound);
                    }
                }
            }
            Step::Advance(seconds) => {
                let t = s.now().plus_seconds(*seconds);
                s.advance_to(t);
            }
            Step::Close => {
                let epoch = s.poe.current_epoch().unwrap();
                let _ = s.close(epoch.next_epoch_to_close);
            }
            Step::Claim(m) => {
                let m = self.miners[*m].clone();
                let _ = s.poe.claim_rewards(&m, None);
            }
            Step::WithdrawSpendable(m) => {
                let m = self.miners[*m].clone();
                let _ = s.poe.withdraw_spendable(&m, None);
            }
            Step::WithdrawReserve(m) => {
                let m = self.miners[*m].clone();
                let withdrawable = s.poe.miner(&m).unwrap().unlocked_reserve;
                let res = s.poe.withdraw_locked_reserve(&m, None);
                prop_assert_eq!(res.is_ok(), !withdrawable.is_zero());
            }
            Step::Slash(m) => {
                let m = self.miners[*m].clone();
                let reserve = s.poe.miner(&m).unwrap().locked_reserve;
                let amount = reserve.multiply_ratio(1u128, 3u128);
                let res = s.poe.slash(&s.owner, &m, amount, "property");
                if res.is_ok() {
                    self.slashed += amount.u128();
                }
            }
        }
        Ok(())
    }

    fn check(&self) -> Result<(), TestCaseError> {
        let s = &self.s;
        let stats = s.poe.mining_statistics().unwrap();
        let mut ledgers = 0u128;
        for m in &self.miners {
            let r = s.poe.miner(m).unwrap();
            prop_assert!(r.unlocked_reserve <= r.locked_reserve);
            ledgers += r.spendable.u128() + r.locked_reserve.u128();
        }
        // salary: nothing is paid out in this test, so all of it is held (capped part) and the
        // part over the cap went to the treasury's pending share
        let mut salary = 0u128;
        let mut months = std::collections::BTreeSet::new();
        let genesis = s.poe.config().unwrap().genesis_time;
        let mut t = genesis;
        while t <= s.now() {
            months.insert(poe_math::calendar::YearMonth::of(t));
            t = t.plus_seconds(86_400);
        }
        months.insert(poe_math::calendar::YearMonth::of(s.now()));
        for month in months {
            let r = s.poe.owner_salary_report(&month.to_string()).unwrap();
            salary += r.breakdown.capped_salary.u128();
        }
        prop_assert_eq!(
            s.flx_of(&s.poe.addr),
            ledgers + stats.treasury_pending.u128() + salary,
            "FLX held by poe-mining"
        );
        prop_assert_eq!(
            s.flx_of(&s.treasury.addr),
            stats.treasury_paid.u128() + self.slashed
        );
        let f = stats.fee_split_totals;
        prop_assert_eq!(
            f.miner_locked_reserve + f.miner_spendable + f.owner_salary + f.treasury_net,
            f.fee
        );
        let claimed: u128 = self.miners.iter().map(|m| s.nex_of(m)).sum();
        prop_assert_eq!(
            s.nex.total_supply().unwrap().u128(),
            stats.nex_minted_total.u128()
        );
        // every NEX is counted by the token as PoE emission
        let record = s.nex.supply_record().unwrap();
        prop_assert_eq!(record.total_minted, stats.nex_minted_total);
        prop_assert!(record
            .minted
            .iter()
            .all(|t| t.reason == poe_interface::token::MintReason::PoeEmission));
        prop_assert_eq!(
            s.nex_of(&s.poe.addr) + claimed,
            stats.nex_minted_total.u128()
        );
        let epoch = s.poe.current_epoch().unwrap();
        let weights = default_params().poe_weights;
        prop_assert!(epoch.index.uptime_component <= weights.uptime_weight);
        prop_assert!(epoch.index.quality_component <= weights.quality_weight);
        Ok(())
    }
}

proptest! {
    #![proptest_config(Config { cases: 24, rng_seed: RngSeed::Fixed(0x5EED_00F1), failure_persistence: None, ..Config::default() })]

    #[test]
    fn ledgers_balance_and_inputs_stay_bounded(steps in proptest::collection::vec(step(), 1..40)) {
        let mut world = World::new();
        world.check()?;
        for step in &steps {
            world.apply(step)?;
            world.check()?;
        }
    }
}
