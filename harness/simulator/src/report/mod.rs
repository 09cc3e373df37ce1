//! The run's report: one structure, serialized as JSON (`--json`) and rendered for humans
//! ([`text::render`]). Every figure in it comes from a contract query (token_info, poe_index,
//! mining_statistics, treasury balances, owner salary reports); the simulator's own bookkeeping
//! only feeds `checks`.
//!
//! The parts of each domain are in their own module ([`flux`], [`aurum`], [`pools`],
//! [`marketplace`], [`guarantees`], [`governance`]: types and text section), which the run modules fill in; nothing here runs
//! anything. Within: [`fmt`] imports nothing of the simulator; the domain modules import `fmt`;
//! this module imports the domain modules; [`text`] imports all of them.

pub mod aurum;
pub mod flux;
pub mod fmt;
pub mod governance;
pub mod guarantees;
pub mod marketplace;
pub mod pools;
pub mod text;

use std::collections::BTreeMap;

use cosmwasm_std::{Decimal, Int128, Uint128};
use poe_interface::poe_mining::{EconomicJobType, OwnerSalaryReportResponse};
use poe_math::fee::{FeeRates, FeeSplit};
use poe_math::poe::PoeWeights;
use serde::Serialize;

pub use self::aurum::AurumReport;
pub use self::flux::FluxReport;
pub use self::fmt::{fmt_dec, fmt_signed_units, fmt_units};
pub use self::governance::GovernanceReport;
pub use self::guarantees::GuaranteesReport;
pub use self::marketplace::MarketplaceReport;
pub use self::pools::PoolsReport;

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
    /// The marketplace's pools epoch by epoch (`null` without a `marketplace` block).
    pub marketplace: Option<MarketplaceReport>,
    /// The guarantees epoch by epoch (`null` without a `guarantees` block).
    pub guarantees: Option<GuaranteesReport>,
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

impl Check {
    /// A check that holds when `problems` is empty: its detail is `ok_detail` then, else the
    /// problems joined by `; `.
    pub fn listing(name: &str, problems: &[String], ok_detail: String) -> Check {
        Check {
            name: name.to_string(),
            ok: problems.is_empty(),
            detail: if problems.is_empty() {
                ok_detail
            } else {
                problems.join("; ")
            },
        }
    }
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

/// The text of a refusal: the innermost error, which is the contract's own error message.
pub fn reason(err: &anyhow::Error) -> String {
    err.root_cause().to_string()
}

/// A job type's snake_case name (`cross_border_transfer`), as the scenario and the JSON write it.
pub fn job_type_name(t: EconomicJobType) -> String {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| t.seed_name().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn job_types_are_named_as_the_scenario_writes_them() {
        assert_eq!(
            job_type_name(EconomicJobType::CrossBorderTransfer),
            "cross_border_transfer"
        );
        assert_eq!(job_type_name(EconomicJobType::Compute), "compute");
    }

    #[test]
    fn a_listing_check_holds_exactly_without_problems() {
        let ok = Check::listing("x", &[], "3 epochs".into());
        assert!(ok.ok);
        assert_eq!(ok.detail, "3 epochs");
        let failed = Check::listing("x", &["a".into(), "b".into()], "3 epochs".into());
        assert!(!failed.ok);
        assert_eq!(failed.detail, "a; b");
    }
}
