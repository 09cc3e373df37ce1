//! The PoE economy through poe-mining on the embedded chain: fee parts landing to the base unit,
//! Phi/Gamma against the math package, NEX shared by miner weight, prestige streaks, paginated
//! claims, the locked reserve, the owner salary guardrails and epoch-length changes.

use cosmwasm_std::{Addr, Decimal, Int128, Uint128};
use poe_testing::poe_interface::poe_mining::{ConfigUpdate, EconomicJobType, JobReport};
use poe_testing::poe_math::{
    calendar::YearMonth,
    fee::split_fee,
    poe::{epoch_emission, poe_index, EpochActivity},
    salary::OwnerSalaryPolicy,
    weight::{effective_job_types, pro_rata, weighted_score},
};
use poe_testing::{default_params, flx, Suite, SuiteBuilder};

fn suite_with(miners: &[&str]) -> (Suite, Addr, Vec<Addr>) {
    let suite = SuiteBuilder::new()
        .with_reporter("reporter")
        .with_flx_balance("reporter", flx(100_000_000))
        .build();
    let reporter = suite.addr("reporter");
    let miners: Vec<Addr> = miners.iter().map(|m| suite.addr(m)).collect();
    for m in &miners {
        suite.poe.register_miner(m, None).unwrap();
    }
    (suite, reporter, miners)
}

fn job(
    miner: &Addr,
    job_type: EconomicJobType,
    value: u128,
    quality: u64,
    uptime: u64,
) -> JobReport {
    JobReport {
        job_type,
        miner: miner.to_string(),
        job_value: Uint128::new(value),
        quality_score: Decimal::percent(quality),
        liquidity_delta: Int128::zero(),
        uptime: Decimal::percent(uptime),
    }
}

#[test]
fn nex_is_shared_by_weighted_score_and_matches_the_math() {
    let (suite, reporter, m) = suite_with(&["alice", "bob", "carol"]);
    let jobs = [
        job(&m[0], EconomicJobType::Compute, 200_000_000_000, 90, 99),
        job(&m[0], EconomicJobType::DataStorage, 100_000_000_000, 80, 95),
        job(&m[1], EconomicJobType::Transaction, 400_000_000_000, 95, 97),
        job(
            &m[2],
            EconomicJobType::AuditCompliance,
            50_000_000_000,
            0,
            90,
        ),
    ];
    let mut activity = EpochActivity::default();
    for j in &jobs {
        activity
            .record_job(j.job_value, j.liquidity_delta, j.uptime, j.quality_score)
            .unwrap();
        suite.poe.submit_job(&reporter, j.clone()).unwrap();
    }
    suite.close_epoch(0).unwrap();

    let params = default_params();
    let expected = poe_index(&activity, &params.poe_weights, &params.poe_scales);
    let index = suite.poe.poe_index(0).unwrap();
    assert!(index.closed);
    assert_eq!(
        (
            index.phi_value,
            index.volume_component,
            index.liquidity_component,
            index.uptime_component,
            index.quality_component,
            index.gamma
        ),
        (
            expected.phi_value,
            expected.volume_component,
            expected.liquidity_component,
            expected.uptime_component,
            expected.quality_component,
            expected.gamma
        )
    );
    let minted = epoch_emission(
        params.max_emission_per_epoch,
        expected.gamma,
        params.min_poe_threshold,
    );
    assert!(!minted.is_zero());
    assert_eq!(index.nex_minted, minted);
    assert_eq!(suite.nex.balance(&suite.poe.addr).unwrap(), minted);
    assert_eq!(suite.nex.total_supply().unwrap(), minted);

    // w_i = PoE_i * prestige * diversity, PoE_i = sum floor(value * quality); each part here
    // is a job of its own type, so the effective number of types is (sum v)^2 / sum v^2
    let w = |parts: &[(u128, u64)]| {
        let score: Uint128 = parts
            .iter()
            .map(|(v, q)| Uint128::new(*v).mul_floor(Decimal::percent(*q)))
            .sum();
        let values: Vec<Uint128> = parts.iter().map(|(v, _)| Uint128::new(*v)).collect();
        let effective = effective_job_types(&values).unwrap();
        weighted_score(
            score,
            Decimal::one(),
            params.miner_weight.diversity_multiplier(effective),
        )
        .unwrap()
    };
    let weights = [
        w(&[(200_000_000_000, 90), (100_000_000_000, 80)]),
        w(&[(400_000_000_000, 95)]),
        Uint128::zero(),
    ];
    let total: Uint128 = weights.iter().copied().sum();
    assert_eq!(index.total_weighted_score, total);
    let mut paid = Uint128::zero();
    for (miner, weight) in m.iter().zip(weights) {
        let share = pro_rata(minted, weight, total).unwrap();
        assert_eq!(suite.poe.pending_rewards(miner, None).unwrap().nex, share);
        suite.poe.claim_rewards(miner, None).unwrap();
        assert_eq!(suite.nex.balance(miner).unwrap(), share);
        paid += share;
    }
    assert!(
        paid <= minted && minted - paid < Uint128::new(3),
        "dust below one unit per miner"
    );
    // alice's weight in the seed's normalized form: PoE_hat * lambda_P * lambda_D; her two
    // types of values 2:1 count as D = 9/5 = 1.8 effective types, so lambda_D = 1.08
    let alice = suite.poe.miner(&m[0]).unwrap().latest_weight.unwrap();
    assert_eq!(alice.effective_job_types, Decimal::percent(180));
    assert_eq!(alice.diversity_multiplier, Decimal::percent(108));
    assert_eq!(alice.distinct_job_types, 2);
}

#[test]
fn a_quiet_epoch_below_the_threshold_mints_nothing() {
    let (suite, reporter, m) = suite_with(&["alice"]);
    suite
        .poe
        .submit_job(
            &reporter,
            job(&m[0], EconomicJobType::Compute, 1_000_000, 10, 10),
        )
        .unwrap();
    suite.close_epoch(0).unwrap();
    let index = suite.poe.poe_index(0).unwrap();
    assert!(index.gamma < Decimal::percent(10), "gamma {}", index.gamma);
    assert_eq!(index.nex_minted, Uint128::zero());
    assert_eq!(suite.nex.total_supply().unwrap(), Uint128::zero());
    // claiming consumes the epoch and pays nothing
    suite.poe.claim_rewards(&m[0], None).unwrap();
    assert_eq!(suite.nex.balance(&m[0]).unwrap(), Uint128::zero());
    assert!(!suite.poe.minting_eligibility().unwrap().poe_threshold_met);
}

#[test]
fn fee_parts_land_where_they_belong_to_the_base_unit() {
    let (suite, reporter, m) = suite_with(&["alice", "bob"]);
    let values = [1_000_000u128, 1_234, 7, 999_999_999, 55_555_555];
    let reporter_before = suite.flx.balance(&reporter).unwrap();
    let mut totals = poe_testing::poe_math::fee::FeeSplit::default();
    for (i, v) in values.iter().enumerate() {
        let miner = &m[i % 2];
        suite
            .poe
            .submit_job(&reporter, job(miner, EconomicJobType::ALL[i], *v, 90, 90))
            .unwrap();
        totals = totals
            .checked_add(&split_fee(Uint128::new(*v), &default_params().fee_rates).unwrap())
            .unwrap();
    }
    assert_eq!(
        totals.miner_locked_reserve
            + totals.miner_spendable
            + totals.owner_salary
            + totals.treasury_net,
        totals.fee
    );
    assert_eq!(
        reporter_before - suite.flx.balance(&reporter).unwrap(),
        totals.fee
    );
    let stats = suite.poe.mining_statistics().unwrap();
    assert_eq!(stats.fee_split_totals, totals);
    assert_eq!(stats.treasury_pending, totals.treasury_net);
    assert_eq!(suite.flx.balance(&suite.poe.addr).unwrap(), totals.fee);

    suite.close_epoch(0).unwrap();
    // treasury_net reached the treasury at the close, recorded by its ledger
    assert_eq!(
        suite.flx.balance(&suite.treasury.addr).unwrap(),
        totals.treasury_net
    );
    assert_eq!(
        suite
            .treasury
            .balance(poe_testing::TreasuryHandle::cw20(&suite.flx.addr))
            .unwrap()
            .total_received,
        totals.treasury_net
    );
    // what stays in poe-mining is exactly the miners' ledgers plus the salary
    let miners = suite.poe.all_miners().unwrap();
    let spendable: Uint128 = miners.iter().map(|x| x.spendable).sum();
    let locked: Uint128 = miners.iter().map(|x| x.locked_reserve).sum();
    assert_eq!(
        (spendable, locked),
        (totals.miner_spendable, totals.miner_locked_reserve)
    );
    let month = YearMonth::of(suite.block_time()).to_string();
    assert_eq!(
        suite.poe.owner_salary_report(&month).unwrap().gross_salary,
        totals.owner_salary
    );
    assert_eq!(
        suite.flx.balance(&suite.poe.addr).unwrap(),
        spendable + locked + totals.owner_salary
    );

    // spendable is withdrawable now, the reserve after the lock
    let alice_spendable = miners.iter().find(|x| x.address == m[0]).unwrap().spendable;
    suite.poe.withdraw_spendable(&m[0], None).unwrap();
    assert_eq!(suite.flx.balance(&m[0]).unwrap(), alice_spendable);
    let alice = suite.poe.miner(&m[0]).unwrap();
    suite.advance_to(alice.lock_expires_at);
    suite.poe.withdraw_locked_reserve(&m[0], None).unwrap();
    assert_eq!(
        suite.flx.balance(&m[0]).unwrap(),
        alice_spendable + alice.locked_reserve
    );
    // the owner slashes bob's reserve into the treasury
    let bob = suite.poe.miner(&m[1]).unwrap();
    suite
        .poe
        .slash(&suite.owner, &m[1], bob.locked_reserve, "misreport")
        .unwrap();
    assert_eq!(
        suite.poe.miner(&m[1]).unwrap().locked_reserve,
        Uint128::zero()
    );
    assert_eq!(
        suite.flx.balance(&suite.treasury.addr).unwrap(),
        totals.treasury_net + bob.locked_reserve
    );
}

#[test]
fn prestige_counts_consecutive_epochs_and_resets_after_a_gap() {
    let (suite, reporter, m) = suite_with(&["alice"]);
    let params = default_params();
    for epoch in 0..5u64 {
        if epoch != 3 {
            suite.advance_to(suite.epoch_start(epoch).plus_seconds(10));
            suite
                .poe
                .submit_job(
                    &reporter,
                    job(&m[0], EconomicJobType::Compute, 1_000_000_000, 90, 90),
                )
                .unwrap();
            let expected_streak = if epoch < 3 { epoch as u32 + 1 } else { 1 };
            let miner = suite.poe.miner(&m[0]).unwrap();
            assert_eq!(miner.active_streak, expected_streak, "epoch {epoch}");
            assert_eq!(
                miner.latest_weight.unwrap().prestige_multiplier,
                params.miner_weight.prestige_multiplier(expected_streak)
            );
        }
        suite.close_epoch(epoch).unwrap();
    }
}

#[test]
fn claims_are_paginated_and_resume() {
    let (suite, reporter, m) = suite_with(&["alice"]);
    for epoch in 0..12u64 {
        suite.advance_to(suite.epoch_start(epoch).plus_seconds(1));
        suite
            .poe
            .submit_job(
                &reporter,
                job(&m[0], EconomicJobType::Compute, 500_000_000_000, 90, 90),
            )
            .unwrap();
        suite.close_epoch(epoch).unwrap();
    }
    let minted = suite.poe.mining_statistics().unwrap().nex_minted_total;
    let pending = suite.poe.pending_rewards(&m[0], Some(5)).unwrap();
    assert_eq!((pending.epochs, pending.more), (5, true));
    let res = suite.poe.claim_rewards(&m[0], Some(5)).unwrap();
    assert!(res.events.iter().any(|e| e
        .attributes
        .iter()
        .any(|a| a.key == "more" && a.value == "true")));
    suite.poe.claim_rewards(&m[0], Some(5)).unwrap();
    let last = suite.poe.pending_rewards(&m[0], Some(5)).unwrap();
    assert_eq!((last.epochs, last.more), (2, false));
    suite.poe.claim_rewards(&m[0], Some(5)).unwrap();
    // a single miner gets every minted unit
    assert_eq!(suite.nex.balance(&m[0]).unwrap(), minted);
    assert_eq!(suite.poe.miner(&m[0]).unwrap().rewards_claimed, minted);
}

#[test]
fn owner_salary_is_capped_approved_vested_and_escrowed() {
    let cap = Uint128::new(5_000);
    let policy = OwnerSalaryPolicy {
        monthly_cap: cap,
        ..OwnerSalaryPolicy::seed_default()
    };
    let suite = SuiteBuilder::new()
        .with_reporter("reporter")
        .with_flx_balance("reporter", flx(1_000))
        .with_params(poe_testing::poe_interface::poe_mining::PoeParams {
            owner_salary_policy: policy,
            ..default_params()
        })
        .build();
    let (reporter, alice) = (suite.addr("reporter"), suite.addr("alice"));
    suite.poe.register_miner(&alice, None).unwrap();
    // three jobs of 1,000,000: 2,000 salary each; the cap keeps 5,000, 1,000 goes to the treasury
    for _ in 0..3 {
        suite
            .poe
            .submit_job(
                &reporter,
                job(&alice, EconomicJobType::Compute, 1_000_000, 90, 90),
            )
            .unwrap();
    }
    let ym = YearMonth::of(suite.block_time());
    let month = ym.to_string();
    let report = suite.poe.owner_salary_report(&month).unwrap();
    assert_eq!(
        (report.gross_salary, report.breakdown.capped_salary),
        (Uint128::new(6_000), cap)
    );
    assert_eq!(
        suite.poe.mining_statistics().unwrap().treasury_pending,
        Uint128::new(3 * 3_000 + 1_000)
    );
    // 5,000 -> vested 1,500, immediate 3,500 -> escrow 350, final 3,150
    assert_eq!(
        (
            report.breakdown.vested_amount,
            report.breakdown.escrow_amount,
            report.breakdown.final_payout
        ),
        (Uint128::new(1_500), Uint128::new(350), Uint128::new(3_150))
    );
    let recipient = suite.owner_salary_recipient.clone();
    suite.advance_to(ym.end());
    suite
        .poe
        .approve_owner_salary(&suite.owner, &month)
        .unwrap();
    suite.poe.claim_owner_salary(&recipient, &month).unwrap();
    assert_eq!(suite.flx.balance(&recipient).unwrap(), Uint128::new(3_150));
    // one whole month later 1/12 of the vested part is due: 125
    suite.advance_to(ym.next().end());
    suite.poe.claim_owner_salary(&recipient, &month).unwrap();
    assert_eq!(suite.flx.balance(&recipient).unwrap(), Uint128::new(3_275));
    suite
        .poe
        .resolve_salary_escrow(&suite.owner, &month, true)
        .unwrap();
    assert_eq!(suite.flx.balance(&recipient).unwrap(), Uint128::new(3_625));
    // after the vesting period everything is paid, to the unit
    let mut later = ym;
    for _ in 0..13 {
        later = later.next();
    }
    suite.advance_to(later.start());
    suite.poe.claim_owner_salary(&recipient, &month).unwrap();
    assert_eq!(suite.flx.balance(&recipient).unwrap(), cap);
    let report = suite.poe.owner_salary_report(&month).unwrap();
    assert_eq!(
        (
            report.paid_final,
            report.paid_vested,
            report.escrow_released
        ),
        (Uint128::new(3_150), Uint128::new(1_500), Uint128::new(350))
    );
    assert_eq!(report.transparency_hash.len(), 64);
    // an emergency halt stops payouts until resumed
    suite.poe.halt_owner_salary(&suite.owner, true).unwrap();
    let before = suite.snapshot(&[&alice]);
    let err = suite
        .poe
        .claim_owner_salary(&recipient, &month)
        .unwrap_err();
    assert_eq!(
        err.downcast_ref::<poe_testing::poe_mining::ContractError>(),
        Some(&poe_testing::poe_mining::ContractError::SalaryHalted {})
    );
    assert_eq!(
        suite.snapshot(&[&alice]),
        before,
        "a refused salary claim changed state"
    );
}

#[test]
fn an_epoch_length_change_applies_from_the_next_boundary() {
    let (suite, reporter, m) = suite_with(&["alice"]);
    let genesis = suite.poe.config().unwrap().genesis_time;
    suite.advance_to(genesis.plus_seconds(1_800));
    suite
        .poe
        .update_config(
            &suite.owner,
            ConfigUpdate {
                epoch_length_seconds: Some(600),
                ..Default::default()
            },
        )
        .unwrap();
    let current = suite.poe.current_epoch().unwrap();
    assert_eq!(
        (current.epoch, current.end_time),
        (0, genesis.plus_seconds(3_600))
    );
    suite.advance_to(genesis.plus_seconds(3_600 + 600 + 1));
    let current = suite.poe.current_epoch().unwrap();
    assert_eq!(
        (current.epoch, current.start_time, current.end_time),
        (2, genesis.plus_seconds(4_200), genesis.plus_seconds(4_800))
    );
    suite
        .poe
        .submit_job(
            &reporter,
            job(&m[0], EconomicJobType::Compute, 1_000_000, 90, 90),
        )
        .unwrap();
    assert_eq!(suite.poe.jobs(&m[0], None, None).unwrap()[0].epoch, 2);
    for epoch in 0..2 {
        suite.poe.close_epoch(&reporter, epoch).unwrap();
    }
}

#[test]
fn a_dust_epoch_mints_nothing_even_when_gamma_passes() {
    // one job of one base unit with perfect quality and uptime: Phi = 0.25 + 0.2, Gamma = 0.31
    let (suite, reporter, m) = suite_with(&["alice"]);
    suite
        .poe
        .submit_job(&reporter, job(&m[0], EconomicJobType::Compute, 1, 100, 100))
        .unwrap();
    assert!(!suite.poe.minting_eligibility().unwrap().nexus_eligible);
    suite.close_epoch(0).unwrap();
    let index = suite.poe.poe_index(0).unwrap();
    assert!(index.gamma > Decimal::percent(30), "gamma {}", index.gamma);
    assert_eq!(index.nex_minted, Uint128::zero());
    assert_eq!(suite.nex.total_supply().unwrap(), Uint128::zero());
    // governance may lower the floor: the same dust epoch then mints
    let update = ConfigUpdate {
        min_epoch_job_value: Some(Uint128::zero()),
        ..Default::default()
    };
    suite.poe.update_config(&suite.owner, update).unwrap();
    suite.advance_to(suite.epoch_start(1));
    suite
        .poe
        .submit_job(&reporter, job(&m[0], EconomicJobType::Compute, 1, 100, 100))
        .unwrap();
    assert!(suite.poe.minting_eligibility().unwrap().nexus_eligible);
    suite.close_epoch(1).unwrap();
    assert!(!suite.poe.poe_index(1).unwrap().nex_minted.is_zero());
}

#[test]
fn idle_epochs_close_together_in_one_call() {
    let (suite, reporter, m) = suite_with(&["alice"]);
    suite
        .poe
        .submit_job(
            &reporter,
            job(&m[0], EconomicJobType::Compute, 500_000_000_000, 90, 90),
        )
        .unwrap();
    // a day of silence, then jobs resume in epoch 30 before anyone closed anything
    suite.advance_to(suite.epoch_start(30).plus_seconds(5));
    suite
        .poe
        .submit_job(
            &reporter,
            job(&m[0], EconomicJobType::Compute, 500_000_000_000, 90, 90),
        )
        .unwrap();
    // epoch 0 had jobs: it must be closed first
    let before = suite.snapshot(&m.iter().collect::<Vec<_>>());
    let err = suite.poe.close_epoch(&reporter, 29).unwrap_err();
    assert_eq!(
        err.downcast_ref::<poe_testing::poe_mining::ContractError>(),
        Some(&poe_testing::poe_mining::ContractError::EpochNotNext { epoch: 29, next: 0 })
    );
    assert_eq!(
        suite.snapshot(&m.iter().collect::<Vec<_>>()),
        before,
        "a refused close changed state"
    );
    suite.poe.close_epoch(&reporter, 0).unwrap();
    // epochs 1..=28 were empty: closing 29 closes them all in one call, minting nothing
    let res = suite.poe.close_epoch(&reporter, 29).unwrap();
    assert!(res.events.iter().any(|e| e
        .attributes
        .iter()
        .any(|a| a.key == "empty_epochs_closed_before" && a.value == "28")));
    for epoch in [1, 15, 28, 29] {
        let index = suite.poe.poe_index(epoch).unwrap();
        assert!(index.closed, "epoch {epoch}");
        assert_eq!((index.job_count, index.nex_minted), (0, Uint128::zero()));
    }
    assert_eq!(suite.poe.current_epoch().unwrap().next_epoch_to_close, 30);
    // epoch 30, with a job, is closed on its own after it ends, and both rewards are claimable
    suite.advance_to(suite.epoch_end(30));
    suite.poe.close_epoch(&reporter, 30).unwrap();
    assert_eq!(suite.poe.pending_rewards(&m[0], None).unwrap().epochs, 2);
    suite.poe.claim_rewards(&m[0], None).unwrap();
    assert_eq!(
        suite.nex.balance(&m[0]).unwrap(),
        suite.poe.mining_statistics().unwrap().nex_minted_total
    );
    // the streak restarted after the gap
    assert_eq!(suite.poe.miner(&m[0]).unwrap().active_streak, 1);
}
