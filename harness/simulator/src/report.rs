//! The run's report: one structure, serialized as JSON (`--json`) and rendered for humans.
//! Every figure in it comes from a contract query (token_info, poe_index, mining_statistics,
//! treasury balances, owner salary reports); the simulator's own bookkeeping only feeds `checks`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use cosmwasm_std::{Decimal, Int128, Uint128};
use poe_interface::poe_mining::OwnerSalaryReportResponse;
use poe_math::fee::{FeeRates, FeeSplit};
use poe_math::poe::PoeWeights;

use crate::economy::{AurumReport, FluxReport, PoolsReport};
use crate::governance::{ProposalReport, StakingReport};
use serde::Serialize;

use crate::values::UNIT;

/// The whole report. Field order is the JSON's key order; `run` (wall time) comes last.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// Which scenario ran.
    pub scenario: ScenarioInfo,
    /// The PoE index of every epoch, as closed by the contract.
    pub epochs: Vec<EpochReport>,
    /// Total supplies, base units (6 decimals).
    pub supplies: Supplies,
    /// Seed 001 `PoEFeeSplit` summed over every accepted job (contract running totals).
    pub fee_split_totals: FeeSplit,
    /// Job counts.
    pub jobs: JobsReport,
    /// The treasury's holdings by asset.
    pub treasury: TreasuryReport,
    /// Seed 001 `MiningStatistics` (the parts not shown elsewhere).
    pub mining_statistics: MiningStatisticsReport,
    /// Proposals of the run and staking at its end.
    pub governance: GovernanceReport,
    /// Jobs the contracts refused, with the contract's error text.
    pub rejected_jobs: Vec<RejectedJob>,
    /// What the miners did between epochs.
    pub miner_actions: MinerActions,
    /// Approvals and claims of the owner salary after the last epoch.
    pub owner_salary_actions: Vec<SalaryAction>,
    /// Seed 001 `OwnerSalaryReport` of every month the run touched.
    pub owner_salary_reports: Vec<OwnerSalaryReportResponse>,
    /// Miners summary, top miners by NEX held.
    pub miners: MinersReport,
    /// The FLX supply controller epoch by epoch (`null` without a `flux_controller` block).
    pub flux: Option<FluxReport>,
    /// The AUR reserve epoch by epoch (`null` without an `aurum` block).
    pub aurum: Option<AurumReport>,
    /// The NEX/FLX and AUR/FLX pools epoch by epoch (`null` without a `pools` block).
    pub pools: Option<PoolsReport>,
    /// Cross-checks of the contracts' figures against each other and against the simulator's
    /// own recomputation.
    pub checks: Vec<Check>,
    /// Wall time of the run (not deterministic).
    pub run: RunInfo,
}

/// The scenario's identity.
#[derive(Clone, Debug, Serialize)]
pub struct ScenarioInfo {
    /// `name:` of the file.
    pub name: String,
    /// `seed:` of the file.
    pub seed: u64,
    /// The file as given.
    pub file: String,
    /// Epochs run.
    pub epochs: u64,
    /// Miners registered.
    pub miners: u64,
    /// Reporters on the allow-list.
    pub reporters: u64,
    /// Block time of the deployment (start of epoch 0), Unix seconds.
    pub start_time: u64,
    /// Gamma at or above which an epoch mints NEX.
    pub min_poe_threshold: Decimal,
}

/// Seed 000 `PoEIndex` of one epoch, from the `poe_index` query.
#[derive(Clone, Debug, Serialize)]
pub struct EpochReport {
    /// Epoch number.
    pub epoch: u64,
    /// The scenario's activity label (`outage`, ...), if any.
    pub label: Option<String>,
    /// Phi.
    pub phi_value: Decimal,
    /// `w_V * sum(V) / scale_V`.
    pub volume_component: Decimal,
    /// `w_L * max(sum(dL), 0) / scale_L`.
    pub liquidity_component: Decimal,
    /// `w_U * uptime_avg`.
    pub uptime_component: Decimal,
    /// `w_Q * QualityScore`.
    pub quality_component: Decimal,
    /// `Gamma = Phi / (1 + Phi)`.
    pub gamma: Decimal,
    /// `gamma < min_poe_threshold`: no NEX minted.
    pub below_threshold: bool,
    /// NEX minted at close, base units.
    pub nex_minted: Uint128,
    /// Jobs accepted in the epoch.
    pub job_count: u64,
    /// Miners with at least one job.
    pub active_miners: u64,
    /// `sum(V)`, FLX base units.
    pub total_job_value: Uint128,
    /// `sum(dL)`, FLX base units.
    pub net_liquidity_delta: Int128,
    /// Seed 001 `PoEFeeSplit` of the epoch's accepted jobs (contract running totals' difference).
    pub fee_split: FeeSplit,
    /// PoE mining's fee rates in force for the epoch's jobs.
    pub fee_rates: FeeRates,
    /// PoE mining's weights in force at the epoch's close.
    pub poe_weights: PoeWeights,
}

/// Governance in the run.
#[derive(Clone, Debug, Serialize)]
pub struct GovernanceReport {
    /// Every proposal: the scenario's, then the owner-salary approvals.
    pub proposals: Vec<ProposalReport>,
    /// Pools and stakers at the end.
    pub staking: StakingReport,
}

/// Total supplies, base units.
#[derive(Clone, Debug, Serialize)]
#[allow(non_snake_case)]
pub struct Supplies {
    /// Genesis.
    pub GEN: Uint128,
    /// Nexus.
    pub NEX: Uint128,
    /// Flux.
    pub FLX: Uint128,
    /// Aurum.
    pub AUR: Uint128,
}

/// Job counts.
#[derive(Clone, Debug, Serialize)]
pub struct JobsReport {
    /// Jobs the simulator sent.
    pub submitted: u64,
    /// Jobs the contract recorded (`mining_statistics.total_jobs`).
    pub accepted: u64,
    /// Jobs refused.
    pub rejected: u64,
    /// Accepted jobs per job type (snake_case), from `mining_statistics.job_type_distribution`.
    pub by_job_type: BTreeMap<String, u64>,
}

/// The treasury by asset (token symbol, or the asset's address/denom when not a suite token).
#[derive(Clone, Debug, Serialize)]
pub struct TreasuryReport {
    /// Live balances.
    pub balances: BTreeMap<String, Uint128>,
    /// Recorded deposits since instantiation.
    pub total_received: BTreeMap<String, Uint128>,
    /// Recorded payouts since instantiation.
    pub total_spent: BTreeMap<String, Uint128>,
}

/// Running totals of PoE mining not shown elsewhere.
#[derive(Clone, Debug, Serialize)]
pub struct MiningStatisticsReport {
    /// Registered miners.
    pub total_miners: u64,
    /// Epochs closed.
    pub epochs_closed: u64,
    /// Sum of accepted job values, FLX base units.
    pub total_job_value: Uint128,
    /// Sum of the miners' PoE scores.
    pub total_network_poe: Uint128,
    /// NEX minted since genesis.
    pub nex_minted_total: Uint128,
    /// NEX claimed by miners.
    pub nex_claimed_total: Uint128,
    /// FLX sent to the treasury.
    pub treasury_paid: Uint128,
    /// FLX waiting for the next close.
    pub treasury_pending: Uint128,
}

/// A job the contracts refused.
#[derive(Clone, Debug, Serialize)]
pub struct RejectedJob {
    /// Position in the run's submission order (0-based).
    pub index: u64,
    /// `generated` or `jobs[i]`.
    pub source: String,
    /// Epoch it was sent in.
    pub epoch: u64,
    /// Job type.
    pub job_type: String,
    /// Miner name.
    pub miner: String,
    /// Reporter name.
    pub reporter: String,
    /// FLX base units.
    pub job_value: Uint128,
    /// The contract's error text.
    pub reason: String,
    /// The explicit job's note.
    pub note: Option<String>,
}

/// What miners did between epochs.
#[derive(Clone, Debug, Default, Serialize)]
pub struct MinerActions {
    /// Successful `claim_rewards`.
    pub claims: u64,
    /// Active miners with no NEX pending (epoch below the threshold): no claim sent.
    pub claims_skipped: u64,
    /// Refused `claim_rewards`.
    pub claims_failed: u64,
    /// Successful `withdraw_spendable`.
    pub withdrawals: u64,
    /// Refused `withdraw_spendable`.
    pub withdrawals_failed: u64,
    /// The first refusals, with the contract's error text.
    pub errors: Vec<String>,
}

/// One owner-salary step after the last epoch.
#[derive(Clone, Debug, Serialize)]
pub struct SalaryAction {
    /// `YYYY-MM`.
    pub month: String,
    /// `approve_owner_salary` or `claim_owner_salary`.
    pub action: String,
    /// Whether the contract accepted it.
    pub ok: bool,
    /// The contract's error text when refused.
    pub error: Option<String>,
}

/// Miners summary.
#[derive(Clone, Debug, Serialize)]
pub struct MinersReport {
    /// Registered miners.
    pub total: u64,
    /// Miners that did at least one job.
    pub with_jobs: u64,
    /// The top miners by NEX held (at most 10).
    pub top_by_nex: Vec<MinerSummary>,
}

/// One miner, from the `miner` query and its NEX balance.
#[derive(Clone, Debug, Serialize)]
pub struct MinerSummary {
    /// Scenario name.
    pub name: String,
    /// Address.
    pub address: String,
    /// Specialization (snake_case).
    pub specialization: Option<String>,
    /// NEX balance, base units.
    pub nex_balance: Uint128,
    /// NEX claimed from PoE mining, base units.
    pub rewards_claimed: Uint128,
    /// Jobs completed.
    pub jobs_completed: u64,
    /// Lifetime PoE score.
    pub total_poe_score: Uint128,
    /// Spendable FLX still in the contract.
    pub spendable: Uint128,
    /// Locked reserve FLX.
    pub locked_reserve: Uint128,
    /// Consecutive active epochs.
    pub active_streak: u32,
}

/// A cross-check.
#[derive(Clone, Debug, Serialize)]
pub struct Check {
    /// What is checked.
    pub name: String,
    /// Whether it holds.
    pub ok: bool,
    /// The figures compared.
    pub detail: String,
}

/// Wall time of the run.
#[derive(Clone, Debug, Serialize)]
pub struct RunInfo {
    /// Seconds from deployment to the last query.
    pub wall_time_seconds: f64,
    /// Jobs submitted per second of wall time.
    pub jobs_per_second: f64,
}

impl Report {
    /// Whether every check holds.
    pub fn checks_pass(&self) -> bool {
        self.checks.iter().all(|c| c.ok)
    }

    /// The report as a JSON value without the `run` key (for comparing two runs).
    pub fn deterministic_json(&self) -> serde_json::Value {
        let mut value = serde_json::to_value(self).unwrap_or_default();
        if let Some(map) = value.as_object_mut() {
            map.remove("run");
        }
        value
    }
}

/// `units` base units of a 6-decimal token: `1,234.567800` for a table (`thousands`), or the
/// shortest exact text `1234.5678` otherwise.
pub fn fmt_units(units: u128, thousands: bool) -> String {
    let whole = units / UNIT;
    let frac = units % UNIT;
    if thousands {
        return format!("{}.{frac:06}", group(whole));
    }
    if frac == 0 {
        return whole.to_string();
    }
    format!("{whole}.{}", format!("{frac:06}").trim_end_matches('0'))
}

fn group(n: u128) -> String {
    let digits: Vec<char> = n.to_string().chars().collect();
    let groups: Vec<String> = digits
        .rchunks(3)
        .rev()
        .map(|c| c.iter().collect())
        .collect();
    groups.join(",")
}

/// A decimal with exactly `places` decimals, rounded down.
pub fn fmt_dec(d: Decimal, places: u32) -> String {
    let atomics = d.atomics().u128();
    let scale = 10u128.pow(18 - places);
    let truncated = atomics / scale;
    let p = 10u128.pow(places);
    format!(
        "{}.{:0width$}",
        truncated / p,
        truncated % p,
        width = places as usize
    )
}

/// Renders the report for a terminal.
pub fn render(report: &Report) -> String {
    let mut o = String::new();
    let s = &report.scenario;
    let _ = writeln!(
        o,
        "PoE economy simulation: {} (seed {}, {})",
        s.name, s.seed, s.file
    );
    let _ = writeln!(
        o,
        "{} miners, {} reporters, {} epochs from t={} (min_poe_threshold {})",
        s.miners, s.reporters, s.epochs, s.start_time, s.min_poe_threshold
    );
    let _ = writeln!(o);
    let _ = writeln!(o, "PoE index per epoch (Phi = V + L + U + Q, Gamma = Phi / (1 + Phi)); * = Gamma below the threshold, no NEX");
    let _ = writeln!(
        o,
        "{:>5} {:>6} {:>6} {:>20} {:>9} {:>8} {:>8} {:>8} {:>8} {:>8}  {:>18}  label",
        "epoch", "jobs", "miners", "value FLX", "Phi", "V", "L", "U", "Q", "Gamma", "NEX minted",
    );
    for e in &report.epochs {
        let _ = writeln!(
            o,
            "{:>5} {:>6} {:>6} {:>20} {:>9} {:>8} {:>8} {:>8} {:>8} {:>8}{} {:>18}  {}",
            e.epoch,
            e.job_count,
            e.active_miners,
            fmt_units(e.total_job_value.u128(), true),
            fmt_dec(e.phi_value, 4),
            fmt_dec(e.volume_component, 4),
            fmt_dec(e.liquidity_component, 4),
            fmt_dec(e.uptime_component, 4),
            fmt_dec(e.quality_component, 4),
            fmt_dec(e.gamma, 4),
            if e.below_threshold { "*" } else { " " },
            fmt_units(e.nex_minted.u128(), true),
            e.label.as_deref().unwrap_or("")
        );
    }
    let below = report.epochs.iter().filter(|e| e.below_threshold).count();
    let _ = writeln!(
        o,
        "{} of {} epochs below the threshold",
        below,
        report.epochs.len()
    );
    let _ = writeln!(o);

    let _ = writeln!(
        o,
        "Fee split per epoch (FLX) and the parameters in force; rates in per mille of the job value"
    );
    let _ = writeln!(
        o,
        "{:>5} {:>16} {:>16} {:>16} {:>16} {:>16}  {:<23}  weights V/L/U/Q",
        "epoch",
        "fee",
        "locked",
        "spendable",
        "owner_salary",
        "treasury_net",
        "rates lock/spend/own/tr",
    );
    let permille = |d: Decimal| fmt_dec(d * Decimal::from_ratio(1_000u64, 1u64), 1);
    let mut last_params: Option<(&FeeRates, &PoeWeights)> = None;
    for e in &report.epochs {
        let r = &e.fee_rates;
        let w = &e.poe_weights;
        let changed = last_params.is_some_and(|(lr, lw)| lr != r || lw != w);
        last_params = Some((r, w));
        let _ = writeln!(
            o,
            "{:>5} {:>16} {:>16} {:>16} {:>16} {:>16}  {:<23}  {}/{}/{}/{}{}",
            e.epoch,
            fmt_units(e.fee_split.fee.u128(), true),
            fmt_units(e.fee_split.miner_locked_reserve.u128(), true),
            fmt_units(e.fee_split.miner_spendable.u128(), true),
            fmt_units(e.fee_split.owner_salary.u128(), true),
            fmt_units(e.fee_split.treasury_net.u128(), true),
            format!(
                "{}/{}/{}/{}",
                permille(r.miner_lock_rate),
                permille(r.miner_spendable_rate),
                permille(r.owner_salary_rate),
                permille(r.treasury_net_rate)
            ),
            fmt_dec(w.volume_weight, 2),
            fmt_dec(w.liquidity_weight, 2),
            fmt_dec(w.uptime_weight, 2),
            fmt_dec(w.quality_weight, 2),
            if changed {
                "  <- changed by governance"
            } else {
                ""
            }
        );
    }
    let _ = writeln!(o);

    let g = &report.governance;
    let _ = writeln!(
        o,
        "Governance: {} proposals; staking total voting power {}",
        g.proposals.len(),
        fmt_units(g.staking.total_power.u128(), true)
    );
    for p in &g.proposals {
        let made = p
            .made_in_epoch
            .map_or("after the run".to_string(), |e| format!("epoch {e}"));
        let executed = p
            .executed_in_epoch
            .map_or(String::new(), |e| format!(", in force from epoch {e}"));
        let _ = writeln!(
            o,
            "  #{} {:?} by {} ({made}): {}{executed}; yes {} no {} abstain {} veto {} of {} (quorum {})",
            p.id,
            p.title,
            p.proposer,
            p.status,
            fmt_units(p.yes.u128(), true),
            fmt_units(p.no.u128(), true),
            fmt_units(p.abstain.u128(), true),
            fmt_units(p.no_with_veto.u128(), true),
            fmt_units(p.total_power.u128(), true),
            if p.quorum_reached { "reached" } else { "missed" }
        );
        for e in &p.errors {
            let _ = writeln!(o, "      {e}");
        }
    }
    for pool in &g.staking.pools {
        let _ = writeln!(
            o,
            "  pool {:?} (tier {}): staked {}, rewards funded {} FLX, paid {} FLX",
            pool.token,
            pool.tier,
            fmt_units(pool.total_staked.u128(), true),
            fmt_units(pool.total_funded.u128(), true),
            fmt_units(pool.total_rewards_paid.u128(), true)
        );
    }
    for st in &g.staking.stakers {
        let _ = writeln!(
            o,
            "  staker {} {:?}: staked {}, voting power {}, rewards claimed {} FLX",
            st.name,
            st.token,
            fmt_units(st.staked.u128(), true),
            fmt_units(st.voting_power.u128(), true),
            fmt_units(st.rewards_claimed.u128(), true)
        );
    }
    let _ = writeln!(o);

    crate::economy::render(
        &mut o,
        report.flux.as_ref(),
        report.aurum.as_ref(),
        report.pools.as_ref(),
    );
    let _ = writeln!(o, "Supplies");
    let sup = &report.supplies;
    for (sym, v) in [
        ("GEN", sup.GEN),
        ("NEX", sup.NEX),
        ("FLX", sup.FLX),
        ("AUR", sup.AUR),
    ] {
        let _ = writeln!(o, "  {sym:<4} {:>26}", fmt_units(v.u128(), true));
    }
    let _ = writeln!(o);

    let f = &report.fee_split_totals;
    let _ = writeln!(o, "Fee split totals (FLX)");
    for (name, v) in [
        ("miner_locked_reserve", f.miner_locked_reserve),
        ("miner_spendable", f.miner_spendable),
        ("owner_salary", f.owner_salary),
        ("treasury_net", f.treasury_net),
        ("fee", f.fee),
    ] {
        let _ = writeln!(o, "  {name:<22} {:>22}", fmt_units(v.u128(), true));
    }
    let sum = f.miner_locked_reserve + f.miner_spendable + f.owner_salary + f.treasury_net;
    let _ = writeln!(
        o,
        "  check: the four parts sum to {} {} the fee {}",
        fmt_units(sum.u128(), true),
        if sum == f.fee { "==" } else { "!=" },
        fmt_units(f.fee.u128(), true)
    );
    let _ = writeln!(o);

    let j = &report.jobs;
    let _ = writeln!(
        o,
        "Jobs: {} submitted, {} accepted, {} rejected",
        j.submitted, j.accepted, j.rejected
    );
    for (t, n) in &j.by_job_type {
        let _ = writeln!(o, "  {t:<24} {n:>8}");
    }
    let _ = writeln!(o);

    let _ = writeln!(o, "Treasury");
    for (asset, balance) in &report.treasury.balances {
        let received = report
            .treasury
            .total_received
            .get(asset)
            .copied()
            .unwrap_or_default();
        let spent = report
            .treasury
            .total_spent
            .get(asset)
            .copied()
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "  {asset:<6} balance {:>20}  received {:>20}  spent {:>16}",
            fmt_units(balance.u128(), true),
            fmt_units(received.u128(), true),
            fmt_units(spent.u128(), true)
        );
    }
    if report.treasury.balances.is_empty() {
        let _ = writeln!(o, "  (empty)");
    }
    let m = &report.mining_statistics;
    let _ = writeln!(
        o,
        "  PoE mining paid {} FLX to the treasury, {} pending",
        fmt_units(m.treasury_paid.u128(), true),
        fmt_units(m.treasury_pending.u128(), true)
    );
    let _ = writeln!(o);

    let _ = writeln!(
        o,
        "NEX: {} minted, {} claimed by miners",
        fmt_units(m.nex_minted_total.u128(), true),
        fmt_units(m.nex_claimed_total.u128(), true)
    );
    let a = &report.miner_actions;
    let _ = writeln!(
        o,
        "Miner actions: {} claims ({} skipped with nothing pending, {} refused), {} spendable withdrawals ({} refused)",
        a.claims, a.claims_skipped, a.claims_failed, a.withdrawals, a.withdrawals_failed
    );
    let _ = writeln!(
        o,
        "Top miners by NEX ({} registered, {} with jobs)",
        report.miners.total, report.miners.with_jobs
    );
    for ms in &report.miners.top_by_nex {
        let _ = writeln!(
            o,
            "  {:<14} {:>16} NEX  {:>5} jobs  streak {:>2}  {}",
            ms.name,
            fmt_units(ms.nex_balance.u128(), true),
            ms.jobs_completed,
            ms.active_streak,
            ms.specialization.as_deref().unwrap_or("-")
        );
    }
    let _ = writeln!(o);

    let _ = writeln!(o, "Rejected jobs: {}", report.rejected_jobs.len());
    for r in report.rejected_jobs.iter().take(20) {
        let _ = writeln!(
            o,
            "  #{} {} epoch {} {} miner {} by {}: {}{}",
            r.index,
            r.source,
            r.epoch,
            r.job_type,
            r.miner,
            r.reporter,
            r.reason,
            r.note
                .as_deref()
                .map(|n| format!("  ({n})"))
                .unwrap_or_default()
        );
    }
    if report.rejected_jobs.len() > 20 {
        let _ = writeln!(
            o,
            "  ... {} more in the JSON report",
            report.rejected_jobs.len() - 20
        );
    }
    let _ = writeln!(o);

    let _ = writeln!(o, "Owner salary (seed 001 OwnerSalaryReport)");
    for r in &report.owner_salary_reports {
        let b = &r.breakdown;
        let _ = writeln!(
            o,
            "  {} gross {} capped {} final {} vested {} escrow {} | closed {} approved {} paid {}",
            r.month,
            fmt_units(r.gross_salary.u128(), true),
            fmt_units(b.capped_salary.u128(), true),
            fmt_units(b.final_payout.u128(), true),
            fmt_units(b.vested_amount.u128(), true),
            fmt_units(b.escrow_amount.u128(), true),
            r.closed,
            r.governance_approval,
            fmt_units(r.paid_final.u128() + r.paid_vested.u128(), true)
        );
    }
    for act in &report.owner_salary_actions {
        let _ = writeln!(
            o,
            "  {} {}: {}",
            act.month,
            act.action,
            if act.ok {
                "ok".to_string()
            } else {
                format!("refused: {}", act.error.as_deref().unwrap_or(""))
            }
        );
    }
    let _ = writeln!(o);

    let _ = writeln!(o, "Checks");
    for c in &report.checks {
        if c.ok {
            let _ = writeln!(o, "  ok    {}: {}", c.name, c.detail);
        } else {
            let _ = writeln!(o, "  CHECK FAILED {}: {}", c.name, c.detail);
        }
    }
    let _ = writeln!(o);
    let _ = writeln!(
        o,
        "Wall time {:.2} s, {:.0} jobs/s (native cw-multi-test; a figure, not a test)",
        report.run.wall_time_seconds, report.run.jobs_per_second
    );
    o
}

/// `v` signed base units as `-1,234.567890`.
pub fn fmt_signed_units(v: Int128) -> String {
    let sign = if v.i128() < 0 { "-" } else { "" };
    format!("{sign}{}", fmt_units(v.i128().unsigned_abs(), true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_units_and_decimals() {
        assert_eq!(fmt_units(100_000_000_000, true), "100,000.000000");
        assert_eq!(fmt_units(1_500_250_000, false), "1500.25");
        assert_eq!(fmt_units(7, true), "0.000007");
        assert_eq!(fmt_dec(Decimal::percent(12345), 4), "123.4500");
        assert_eq!(fmt_signed_units(Int128::new(-2_000_000)), "-2.000000");
    }
}
