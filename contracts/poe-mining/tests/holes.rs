//! The PoE input holes of the hardening issue, one test each. Every test fails on the code before
//! the fix (it asserts the refusal, or the outcome the fix gives) and checks that nothing else
//! changed.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::{coins, Decimal, Int128, Timestamp, Uint128};
use cw_multi_test::Executor;
use cw_utils::PaymentError;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// Hole 1: `liquidity_delta` was unbounded and fee-free. A 10,000 FLX job (100 FLX fee) could
/// report any liquidity and push Gamma to ~1, or report `Int128::MAX` and make every later
/// job of the epoch overflow. Now `|dL| <= job_value * max_liquidity_ratio` (1 by default).
#[test]
fn a_liquidity_delta_beyond_the_job_value_is_refused() {
    let mut s = Suite::new();
    let alice = s.alice.clone();
    let value = tokens(10_000).u128();
    for delta in [
        Int128::MAX,
        Int128::MIN,
        Int128::new(value as i128 + 1),
        Int128::new(-(value as i128) - 1),
    ] {
        let mut report = job(&alice, EconomicJobType::LiquidityProvision, value);
        report.liquidity_delta = delta;
        s.assert_rejected(
            ContractError::LiquidityDeltaTooLarge {
                liquidity_delta: delta,
                max: Uint128::new(value),
            },
            |s| s.submit(report),
        );
    }
    // at the bound the job is accepted, and a later job of the epoch still goes through
    let mut report = job(&alice, EconomicJobType::LiquidityProvision, value);
    report.liquidity_delta = Int128::new(value as i128);
    s.submit(report).unwrap();
    s.submit(job(&alice, EconomicJobType::Compute, value))
        .unwrap();
    // Phi: volume 0.3 * 20,000/1,000,000 = 0.006; liquidity 0.25 * 10,000/100,000 = 0.025;
    // uptime 0.25 * 0.99; quality 0.2 * 0.9: Phi = 0.4585, far from the ~1 of an unbounded delta
    s.advance_to(s.epoch_end(0));
    s.close(0).unwrap();
    let index = s.poe.poe_index(0).unwrap();
    assert_eq!(index.liquidity_component, d("0.025"));
    assert_eq!(index.phi_value, d("0.4585"));
    assert_eq!(index.net_liquidity_delta, Int128::new(value as i128));
    // governance may tighten it: a ratio of 0 refuses every liquidity report
    s.update_config(ConfigUpdate {
        max_liquidity_ratio: Some(Decimal::zero()),
        ..Default::default()
    })
    .unwrap();
    let mut report = job(&alice, EconomicJobType::LiquidityProvision, value);
    report.liquidity_delta = Int128::new(-1);
    s.assert_rejected(
        ContractError::LiquidityDeltaTooLarge {
            liquidity_delta: Int128::new(-1),
            max: Uint128::zero(),
        },
        |s| s.submit(report),
    );
}

/// Hole 2: the uptime and quality averages were per job, so one-unit jobs with perfect scores
/// lifted them for one base unit of fee each. Now they are weighted by job value.
#[test]
fn one_unit_jobs_do_not_lift_the_uptime_and_quality_averages() {
    let s = Suite::new();
    let alice = s.alice.clone();
    let big = tokens(20_000).u128();
    let mut report = job(&alice, EconomicJobType::Compute, big);
    report.quality_score = d("0.5");
    report.uptime = d("0.5");
    s.submit(report).unwrap();
    for _ in 0..50 {
        let mut dust = job(&alice, EconomicJobType::Compute, 1);
        dust.quality_score = Decimal::one();
        dust.uptime = Decimal::one();
        s.submit(dust).unwrap();
    }
    s.advance_to(s.epoch_end(0));
    s.close(0).unwrap();
    let index = s.poe.poe_index(0).unwrap();
    // sum floor(V * x) / sum V = (10,000 FLX + 50) / (20,000 FLX + 50): still ~0.5, where the
    // per-job average was (0.5 + 50) / 51 = 0.990...
    let avg = Decimal::from_ratio(big / 2 + 50, big + 50);
    assert_eq!(index.uptime_component, d("0.25") * avg);
    assert_eq!(index.quality_component, d("0.2") * avg);
    assert!(
        index.uptime_component < d("0.1250001"),
        "{}",
        index.uptime_component
    );
    assert_eq!(index.job_count, 51);
}

/// Hole 3: four one-unit jobs of other types bought the full diversity multiplier (+30 %).
/// Now a type counts in proportion to its share of the miner's value (effective number of
/// types, the inverse Simpson index).
#[test]
fn one_unit_jobs_of_other_types_buy_no_diversity() {
    let s = Suite::new();
    let (alice, carol) = (s.alice.clone(), s.addr("carol"));
    s.poe.register_miner(&carol, None).unwrap();
    let big = tokens(20_000).u128();
    s.submit(job(&alice, EconomicJobType::Compute, big))
        .unwrap();
    for t in [
        EconomicJobType::Transaction,
        EconomicJobType::DataStorage,
        EconomicJobType::ValidatorReward,
        EconomicJobType::AuditCompliance,
    ] {
        s.submit(job(&alice, t, 1)).unwrap();
    }
    let w = s.poe.miner(&alice).unwrap().latest_weight.unwrap();
    assert_eq!(w.distinct_job_types, 5);
    assert!(
        w.effective_job_types < d("1.000000001"),
        "{}",
        w.effective_job_types
    );
    assert!(
        w.diversity_multiplier < d("1.0000000001"),
        "{}",
        w.diversity_multiplier
    );
    // carol spreads the same value evenly over four types: D = 4, lambda_D = 1.3
    for t in [
        EconomicJobType::Transaction,
        EconomicJobType::DataStorage,
        EconomicJobType::ValidatorReward,
        EconomicJobType::AuditCompliance,
    ] {
        s.submit(job(&carol, t, big / 4)).unwrap();
    }
    let c = s.poe.miner(&carol).unwrap().latest_weight.unwrap();
    assert_eq!(c.effective_job_types, d("4"));
    assert_eq!(c.diversity_multiplier, d("1.3"));
    // the epoch's sum of weighted scores is exactly the two miners' w_i
    let alice_w = w.poe_score.mul_floor(w.diversity_multiplier);
    let carol_w = c.poe_score.mul_floor(c.diversity_multiplier);
    assert_eq!(
        s.poe.poe_index(0).unwrap().total_weighted_score,
        alice_w + carol_w
    );
}

/// Hole 3b: a one-unit job per epoch kept the prestige streak alive for a one-unit fee. Now an
/// epoch continues the streak only when the miner's job value in it reaches
/// `prestige_min_epoch_value` (100 FLX by default).
#[test]
fn dust_epochs_keep_no_prestige_streak() {
    let s = Suite::new();
    let (alice, carol) = (s.alice.clone(), s.addr("carol"));
    s.poe.register_miner(&carol, None).unwrap();
    for epoch in 0..4u64 {
        s.advance_to(s.epoch_start(epoch).plus_seconds(10));
        s.submit(job(&alice, EconomicJobType::Compute, 1)).unwrap();
        s.submit(job(&carol, EconomicJobType::Compute, tokens(100).u128()))
            .unwrap();
    }
    s.advance_to(s.epoch_start(4).plus_seconds(10));
    let big = tokens(20_000).u128();
    s.submit(job(&alice, EconomicJobType::Compute, big))
        .unwrap();
    s.submit(job(&carol, EconomicJobType::Compute, big))
        .unwrap();
    let a = s.poe.miner(&alice).unwrap();
    assert_eq!(a.active_streak, 1);
    assert_eq!(a.latest_weight.unwrap().prestige_multiplier, Decimal::one());
    // carol paid 100 FLX of job value per epoch: streak 5, lambda_P = 1 + 0.05 * 4
    let c = s.poe.miner(&carol).unwrap();
    assert_eq!(c.active_streak, 5);
    assert_eq!(c.latest_weight.unwrap().prestige_multiplier, d("1.2"));
}

/// Hole 4: every job restarted the miner's lock, so a one-unit job (which locks nothing) kept a
/// reserve locked for ever. Now the still-locked part moves by the value-weighted mean of the
/// lock ends, and a reserve whose lock has expired stays withdrawable.
#[test]
fn dust_jobs_do_not_relock_the_reserve() {
    let mut s = Suite::new();
    let alice = s.alice.clone();
    let lock = default_params().lock_period_seconds;
    let t0 = s.now();
    s.submit(job(&alice, EconomicJobType::Compute, tokens(10_000).u128()))
        .unwrap();
    let reserve = tokens(20).u128(); // 0.2 % of 10,000 FLX
    let until = Timestamp::from_seconds(ceil_seconds(t0) + lock);
    assert_eq!(s.poe.miner(&alice).unwrap().lock_expires_at, until);

    // a one-unit job an hour before the end locks nothing and moves nothing
    s.advance_to(until.minus_seconds(3_600));
    s.submit(job(&alice, EconomicJobType::Compute, 1)).unwrap();
    assert_eq!(s.poe.miner(&alice).unwrap().lock_expires_at, until);
    // a job locking one base unit (value 500: floor(500 * 0.002) = 1) moves the unlock by
    // ceil((R * until + 1 * (now + lock)) / (R + 1)) - until: one second, not seven days
    let now = ceil_seconds(s.now());
    s.submit(job(&alice, EconomicJobType::Compute, 500))
        .unwrap();
    let expected = (reserve * u128::from(until.seconds()) + u128::from(now + lock))
        .div_ceil(reserve + 1) as u64;
    assert_eq!(
        s.poe.miner(&alice).unwrap().lock_expires_at.seconds(),
        expected
    );
    assert_eq!(expected, until.seconds() + 1);
    s.assert_rejected(
        ContractError::ReserveLocked {
            until: Timestamp::from_seconds(expected),
        },
        |s| s.poe.withdraw_locked_reserve(&alice, None),
    );

    // once the lock has expired a new job locks only its own part: the old reserve stays
    // withdrawable right after it
    s.advance_to(Timestamp::from_seconds(expected));
    s.submit(job(&alice, EconomicJobType::Compute, tokens(10_000).u128()))
        .unwrap();
    let m = s.poe.miner(&alice).unwrap();
    assert_eq!(m.locked_reserve.u128(), reserve + 1 + reserve);
    assert_eq!(m.unlocked_reserve.u128(), reserve + 1);
    assert_eq!(m.lock_expires_at.seconds(), ceil_seconds(s.now()) + lock);
    let before = s.flx_of(&alice);
    s.poe.withdraw_locked_reserve(&alice, None).unwrap();
    assert_eq!(s.flx_of(&alice), before + reserve + 1);
    let m = s.poe.miner(&alice).unwrap();
    assert_eq!(
        (m.locked_reserve.u128(), m.unlocked_reserve.u128()),
        (reserve, 0)
    );
    s.assert_rejected(
        ContractError::ReserveLocked {
            until: m.lock_expires_at,
        },
        |s| s.poe.withdraw_locked_reserve(&alice, None),
    );
}

/// Hole 5: `lock_period_seconds` (and the epoch length) were not bounded: a lock of `u64::MAX`
/// seconds was accepted and made every later `SubmitJob` panic (`Timestamp::plus_seconds`
/// overflow, aborting the VM). Every duration and ratio is now bounded, and times are clamped.
#[test]
fn durations_and_ratios_that_could_overflow_are_refused() {
    let mut s = Suite::new();
    for (update, name, reason) in [
        (
            ConfigUpdate {
                lock_period_seconds: Some(u64::MAX),
                ..Default::default()
            },
            "lock_period_seconds",
            format!("must be at most {MAX_LOCK_PERIOD_SECONDS}"),
        ),
        (
            ConfigUpdate {
                epoch_length_seconds: Some(MAX_EPOCH_LENGTH_SECONDS + 1),
                ..Default::default()
            },
            "epoch_length_seconds",
            format!("must be at most {MAX_EPOCH_LENGTH_SECONDS}"),
        ),
        (
            ConfigUpdate {
                max_liquidity_ratio: Some(Decimal::from_ratio(MAX_LIQUIDITY_RATIO + 1, 1u64)),
                ..Default::default()
            },
            "max_liquidity_ratio",
            format!("must be at most {MAX_LIQUIDITY_RATIO}"),
        ),
    ] {
        s.assert_rejected(ContractError::invalid(name, reason), |s| {
            s.update_config(update)
        });
    }
    // the largest lock is accepted and a job under it neither panics nor overflows
    s.update_config(ConfigUpdate {
        lock_period_seconds: Some(MAX_LOCK_PERIOD_SECONDS),
        ..Default::default()
    })
    .unwrap();
    let alice = s.alice.clone();
    s.submit(job(&alice, EconomicJobType::Compute, tokens(1_000).u128()))
        .unwrap();
    assert_eq!(
        s.poe.miner(&alice).unwrap().lock_expires_at.seconds(),
        ceil_seconds(s.now()) + MAX_LOCK_PERIOD_SECONDS
    );
    // and instantiation refuses the same values
    let params = PoeParams {
        lock_period_seconds: u64::MAX,
        ..default_params()
    };
    let code_id = s.code_id;
    let owner = s.owner.clone();
    let msg = InstantiateMsg {
        owner: None,
        flx_token: s.flx.addr.to_string(),
        nex_token: s.nex.addr.to_string(),
        treasury: s.treasury.addr.to_string(),
        owner_salary_recipient: s.recipient.to_string(),
        reporters: vec![],
        params,
    };
    let err = s
        .app
        .borrow_mut()
        .instantiate_contract(code_id, owner, &msg, &[], "bad", None)
        .unwrap_err();
    assert_eq!(
        poe_test_utils::find_error::<ContractError>(&err),
        &ContractError::invalid(
            "lock_period_seconds",
            format!("must be at most {MAX_LOCK_PERIOD_SECONDS}")
        )
    );
}

/// Smaller hole: poe-mining accepted native coins on every message and could never pay them
/// out. Every message now refuses them, before anything else runs.
#[test]
fn native_coins_are_refused_on_every_message() {
    let mut s = Suite::new();
    let (alice, bob, owner) = (s.alice.clone(), s.bob.clone(), s.owner.clone());
    s.submit(job(&alice, EconomicJobType::Compute, tokens(10_000).u128()))
        .unwrap();
    let funds = coins(5, DENOM);
    let cases: Vec<(cosmwasm_std::Addr, ExecuteMsg)> = vec![
        (
            bob.clone(),
            ExecuteMsg::RegisterMiner {
                specialization: None,
            },
        ),
        (
            alice.clone(),
            ExecuteMsg::WithdrawSpendable { amount: None },
        ),
        (alice.clone(), ExecuteMsg::ClaimRewards { limit: None }),
        (bob.clone(), ExecuteMsg::CloseEpoch { epoch: 0 }),
        (
            owner.clone(),
            ExecuteMsg::UpdateReporters {
                add: vec![bob.to_string()],
                remove: vec![],
            },
        ),
        (
            owner.clone(),
            ExecuteMsg::UpdateConfig(Box::new(ConfigUpdate {
                min_poe_threshold: Some(Decimal::percent(20)),
                ..Default::default()
            })),
        ),
        (owner.clone(), ExecuteMsg::Pause { until: None }),
        (
            owner.clone(),
            ExecuteMsg::SlashLockedReserve {
                miner: alice.to_string(),
                amount: Uint128::one(),
                reason: "paid".into(),
            },
        ),
        (owner.clone(), ExecuteMsg::HaltOwnerSalary { halted: true }),
        (
            owner.clone(),
            ExecuteMsg::UpdateOwnership(cw_ownable::Action::TransferOwnership {
                new_owner: bob.to_string(),
                expiry: None,
            }),
        ),
    ];
    for (sender, msg) in cases {
        s.assert_rejected(ContractError::Payment(PaymentError::NonPayable {}), |s| {
            s.poe.execute_with_funds(&sender, &msg, &funds)
        });
    }
    // without funds the same messages work
    s.poe.register_miner(&bob, None).unwrap();
}
