//! Runs a scenario on the suite deployed in cw-multi-test: deploys the scenario's
//! [`poe_deploy::Deployment`], registers the miners, then epoch by epoch submits the jobs around
//! governance ([`crate::governance`]) and the rest of the economy ([`crate::economy`]), closes the
//! epoch, checks it against `poe_math`, and lets miners claim and withdraw; after the last epoch
//! the owner salary. [`crate::collect`] makes the report from contract queries.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

use anyhow::{Context, Result as AnyResult};
use cosmwasm_std::{Addr, Timestamp, Uint128};
use indicatif::{ProgressBar, ProgressStyle};
use poe_deploy::Scenario;
use poe_interface::poe_mining::{JobReport, PoeIndexResponse};
use poe_math::calendar::YearMonth;
use poe_math::fee::{split_fee, FeeSplit};
use poe_math::poe::{epoch_emission, poe_index, EpochActivity};
use poe_testing::SuiteBuilder;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::collect::{collect, ReportParts};
use crate::economy::EconomyRun;
use crate::generate::{chance, plan, EpochPlan};
use crate::governance::GovernanceRun;
use crate::report::{
    job_type_name, reason, EpochReport, GovernanceReport, MinerActions, RejectedJob, Report,
    RunInfo, SalaryAction,
};

/// How to run.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    /// Show a progress bar on stderr.
    pub progress: bool,
    /// The scenario file's name, for the report.
    pub file: String,
}

/// At most this many miner-action errors are kept in the report.
const MAX_ACTION_ERRORS: usize = 20;

/// Salt of the RNG stream that decides miner actions (independent of the job plan's stream).
const ACTIONS_SALT: u64 = 0xAC71_0000_5EED_0001;

/// The suite this scenario deploys ([`Scenario::deployment`]: its parameters, reporters (funded
/// with FLX at genesis), salary recipient and start time): the plan `poe-deploy-plan` prints
/// for the on-chain deploy tool, run in cw-multi-test.
pub fn suite_builder(scenario: &Scenario) -> AnyResult<SuiteBuilder> {
    Ok(SuiteBuilder::from_deployment(scenario.deployment()?))
}

/// Runs `scenario` on a freshly deployed suite and reports on it (see the crate docs).
pub fn run(scenario: &Scenario, options: &RunOptions) -> AnyResult<Report> {
    let clock = Instant::now();
    let miners = scenario
        .miner_specs()
        .map_err(|(p, m)| anyhow::anyhow!("miners{p}: {m}"))?;
    let plans: Vec<EpochPlan> = plan(scenario);
    let total_jobs: u64 = plans.iter().map(|p| p.jobs.len() as u64).sum();

    let builder = suite_builder(scenario)?;
    let suite = builder.try_build()?;
    let config = suite.poe.config().context("poe-mining config")?;
    let genesis = config.genesis_time;
    let epoch_length = config.params.epoch_length_seconds;

    let miner_addrs: BTreeMap<String, Addr> = miners
        .iter()
        .map(|m| (m.name.clone(), suite.addr(&m.name)))
        .collect();
    let mut names: BTreeMap<Addr, String> = miner_addrs
        .iter()
        .map(|(n, a)| (a.clone(), n.clone()))
        .collect();
    for m in &miners {
        suite
            .poe
            .register_miner(&miner_addrs[&m.name], m.specialization)
            .with_context(|| format!("registering miner {}", m.name))?;
    }
    for r in scenario.funded_reporters() {
        // funded with FLX at genesis by the deployment plan (see suite_builder)
        names.insert(suite.addr(&r), r.clone());
    }
    let mut governance = GovernanceRun::new(&scenario.staking, &scenario.governance);
    governance.stake(&suite)?;
    let mut economy = EconomyRun::new(
        scenario,
        epoch_length,
        miner_addrs.values().cloned().collect(),
    );
    economy.genesis(&suite).context("the economy's genesis")?;

    let bar = if options.progress {
        let bar = ProgressBar::new(total_jobs);
        let style = ProgressStyle::with_template(
            "{spinner} epoch {msg} [{bar:40.cyan/blue}] {human_pos}/{human_len} jobs  {elapsed}  eta {eta}",
        )
        .map(|s| s.progress_chars("=> "))
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        bar
    } else {
        ProgressBar::hidden()
    };

    let mut actions_rng = ChaCha8Rng::seed_from_u64(scenario.seed ^ ACTIONS_SALT);
    let mut rejected: Vec<RejectedJob> = Vec::new();
    let mut submitted = 0u64;
    let mut actions = MinerActions::default();
    let mut epochs: Vec<EpochReport> = Vec::new();
    let mut ever_active: BTreeSet<String> = BTreeSet::new();
    let mut index_mismatches: Vec<String> = Vec::new();
    let mut fee_mismatches: Vec<String> = Vec::new();

    for epoch_plan in &plans {
        let epoch = epoch_plan.epoch;
        bar.set_message(format!("{}/{}", epoch + 1, plans.len()));
        let start = genesis.seconds() + epoch * epoch_length;
        let n = epoch_plan.jobs.len() as u64;
        // governance first: proposals whose timelock ended execute now, this epoch's are made
        suite.advance_to(Timestamp::from_seconds(start));
        governance
            .tick(&suite, epoch)
            .with_context(|| format!("governance at the start of epoch {epoch}"))?;
        economy
            .epoch_start(&suite, epoch)
            .with_context(|| format!("FLX/AUR/pools at the start of epoch {epoch}"))?;
        // the parameters in force for this epoch's jobs and its close
        let params = suite.poe.config().context("poe-mining config")?.params;
        let fees_before = suite.poe.mining_statistics()?.fee_split_totals;
        let mut expected_fees = FeeSplit::default();
        let mut activity = EpochActivity::default();
        let mut active: BTreeSet<String> = BTreeSet::new();
        // whether some accepted job has a positive PoE contribution floor(value * quality)
        let mut any_poe = false;
        for (i, job) in epoch_plan.jobs.iter().enumerate() {
            // spread the jobs over the epoch, never reaching its end
            let offset = ((i as u128 + 1) * u128::from(epoch_length.saturating_sub(1))
                / (u128::from(n) + 1)) as u64;
            economy.trades_until(&suite, start + offset)?;
            suite.advance_to(Timestamp::from_seconds(start + offset));
            let report = JobReport {
                job_type: job.job_type,
                miner: miner_addrs
                    .get(&job.miner)
                    .map(Addr::to_string)
                    .unwrap_or_else(|| job.miner.clone()),
                job_value: job.job_value,
                quality_score: job.quality_score,
                liquidity_delta: job.liquidity_delta,
                uptime: job.uptime,
            };
            let reporter = suite.addr(&job.reporter);
            match suite.poe.submit_job(&reporter, report) {
                Ok(_) => {
                    activity
                        .record_job(
                            job.job_value,
                            job.liquidity_delta,
                            job.uptime,
                            job.quality_score,
                        )
                        .context("recomputing the epoch's activity")?;
                    expected_fees =
                        expected_fees.checked_add(&split_fee(job.job_value, &params.fee_rates)?)?;
                    active.insert(job.miner.clone());
                    any_poe |= !job.job_value.mul_floor(job.quality_score).is_zero();
                }
                Err(err) => rejected.push(RejectedJob {
                    index: submitted,
                    source: job.source.to_string(),
                    epoch,
                    job_type: job_type_name(job.job_type),
                    miner: job.miner.clone(),
                    reporter: job.reporter.clone(),
                    job_value: job.job_value,
                    reason: reason(&err),
                    note: job.note.clone(),
                }),
            }
            submitted += 1;
            bar.inc(1);
        }

        economy.trades_until(&suite, start + epoch_length - 1)?;
        suite.advance_to(Timestamp::from_seconds(start + epoch_length));
        suite
            .poe
            .close_epoch(&suite.deployer, epoch)
            .with_context(|| format!("closing epoch {epoch}"))?;
        let index: PoeIndexResponse = suite
            .poe
            .poe_index(epoch)
            .with_context(|| format!("poe_index {epoch}"))?;
        let fees_after = suite.poe.mining_statistics()?.fee_split_totals;
        let fee_split = fee_delta(&fees_after, &fees_before)?;
        if fee_split != expected_fees {
            fee_mismatches.push(format!(
                "epoch {epoch}: contract {fee_split:?}, recomputed with the rates in force {expected_fees:?}"
            ));
        }

        // cross-check: the contract's index is the formula applied to the jobs it accepted
        let expected = poe_index(&activity, &params.poe_weights, &params.poe_scales);
        // the contract mints nothing when no miner has a positive weight (nobody could claim it)
        // or when the epoch's job value is below min_epoch_job_value (the dust guard)
        let expected_nex = if any_poe && activity.total_job_value >= params.min_epoch_job_value {
            epoch_emission(
                params.max_emission_per_epoch,
                expected.gamma,
                params.min_poe_threshold,
            )
        } else {
            Uint128::zero()
        };
        if (
            index.phi_value,
            index.gamma,
            index.nex_minted,
            index.job_count,
        ) != (
            expected.phi_value,
            expected.gamma,
            expected_nex,
            activity.job_count,
        ) {
            index_mismatches.push(format!(
                "epoch {epoch}: contract Phi {} Gamma {} NEX {} jobs {}, recomputed Phi {} Gamma {} NEX {} jobs {}",
                index.phi_value,
                index.gamma,
                index.nex_minted,
                index.job_count,
                expected.phi_value,
                expected.gamma,
                expected_nex,
                activity.job_count
            ));
        }
        epochs.push(EpochReport {
            epoch,
            label: epoch_plan.label.clone(),
            phi_value: index.phi_value,
            volume_component: index.volume_component,
            liquidity_component: index.liquidity_component,
            uptime_component: index.uptime_component,
            quality_component: index.quality_component,
            gamma: index.gamma,
            below_threshold: index.gamma < params.min_poe_threshold,
            nex_minted: index.nex_minted,
            job_count: index.job_count,
            active_miners: index.active_miners,
            total_job_value: index.total_job_value,
            net_liquidity_delta: index.net_liquidity_delta,
            fee_split,
            fee_rates: params.fee_rates,
            poe_weights: params.poe_weights,
        });

        // miners active in the epoch claim their NEX, some withdraw their spendable FLX
        for name in &active {
            let addr = &miner_addrs[name];
            if scenario.actions.claim_rewards {
                let pending = suite.poe.pending_rewards(addr, None)?;
                if pending.nex.is_zero() {
                    actions.claims_skipped += 1;
                } else {
                    match suite.poe.claim_rewards(addr, None) {
                        Ok(_) => actions.claims += 1,
                        Err(err) => {
                            actions.claims_failed += 1;
                            if actions.errors.len() < MAX_ACTION_ERRORS {
                                actions.errors.push(format!(
                                    "epoch {epoch} claim_rewards by {name}: {}",
                                    reason(&err)
                                ));
                            }
                        }
                    }
                }
            }
            if chance(
                &mut actions_rng,
                scenario.actions.withdraw_spendable_probability.0,
            ) {
                let spendable = suite.poe.miner(addr)?.spendable;
                if !spendable.is_zero() {
                    match suite.poe.withdraw_spendable(addr, None) {
                        Ok(_) => actions.withdrawals += 1,
                        Err(err) => {
                            actions.withdrawals_failed += 1;
                            if actions.errors.len() < MAX_ACTION_ERRORS {
                                actions.errors.push(format!(
                                    "epoch {epoch} withdraw_spendable by {name}: {}",
                                    reason(&err)
                                ));
                            }
                        }
                    }
                }
            }
        }
        ever_active.extend(active);
        economy
            .after_claims(&suite, epoch, &miner_addrs)
            .with_context(|| format!("seeding the pools after epoch {epoch}"))?;
        economy
            .epoch_end(&suite, epoch)
            .with_context(|| format!("FLX/AUR/pools at the end of epoch {epoch}"))?;
    }
    bar.finish_and_clear();
    // proposals still undecided run to their end
    governance.finish(&suite)?;

    // owner salary: every month the run touched; claim the ones that have ended
    let first = YearMonth::of(genesis);
    let last = YearMonth::of(suite.block_time());
    let mut months = vec![first];
    while months.last().is_some_and(|m| *m < last) {
        if let Some(m) = months.last().map(YearMonth::next) {
            months.push(m);
        }
    }
    let mut salary_actions = Vec::new();
    if scenario.actions.claim_owner_salary {
        for month in &months {
            let m = month.to_string();
            let report = suite.poe.owner_salary_report(&m)?;
            if !report.closed || report.gross_salary.is_zero() {
                continue;
            }
            if report.approval_required && !report.governance_approval {
                // the owner is governance: approval is a proposal the stakers pass
                let res = governance.approve_owner_salary(&suite, &m);
                salary_actions.push(SalaryAction {
                    month: m.clone(),
                    action: "approve_owner_salary (proposal)".into(),
                    ok: res.is_ok(),
                    error: res.err().map(|e| reason(&e)),
                });
            }
            let res = suite
                .poe
                .claim_owner_salary(&suite.owner_salary_recipient, &m);
            salary_actions.push(SalaryAction {
                month: m.clone(),
                action: "claim_owner_salary".into(),
                ok: res.is_ok(),
                error: res.err().map(|e| reason(&e)),
            });
        }
    }
    let mut salary_reports = Vec::new();
    for month in &months {
        salary_reports.push(suite.poe.owner_salary_report(&month.to_string())?);
    }

    let staking = governance.claim_and_report(&suite)?;
    let proposals = governance.report(&suite)?;
    // last, since it moves time past the guarantees' redemption period
    economy
        .finish(&suite, scenario.epochs - 1)
        .context("closing the guarantees")?;
    let report = collect(
        scenario,
        &options.file,
        &suite,
        &names,
        ReportParts {
            governance: GovernanceReport { proposals, staking },
            fee_mismatches,
            index_mismatches,
            epochs,
            rejected,
            submitted,
            actions,
            salary_actions,
            salary_reports,
            with_jobs: ever_active.len() as u64,
            economy,
        },
    )?;
    let wall = clock.elapsed().as_secs_f64();
    Ok(Report {
        run: RunInfo {
            wall_time_seconds: wall,
            jobs_per_second: if wall > 0.0 {
                submitted as f64 / wall
            } else {
                0.0
            },
        },
        ..report
    })
}

/// `after - before`, part by part: the fee split of the jobs between two `mining_statistics`.
fn fee_delta(after: &FeeSplit, before: &FeeSplit) -> AnyResult<FeeSplit> {
    Ok(FeeSplit {
        fee: after.fee.checked_sub(before.fee)?,
        miner_locked_reserve: after
            .miner_locked_reserve
            .checked_sub(before.miner_locked_reserve)?,
        miner_spendable: after.miner_spendable.checked_sub(before.miner_spendable)?,
        owner_salary: after.owner_salary.checked_sub(before.owner_salary)?,
        treasury_net: after.treasury_net.checked_sub(before.treasury_net)?,
    })
}
