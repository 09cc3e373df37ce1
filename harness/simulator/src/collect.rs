//! The report of a finished run: the final contract queries (supplies, treasury, miners,
//! statistics) and the run-wide checks (the fee parts, GEN's supply, NEX minted and held, the
//! treasury's FLX, the PoE index and fee split of every epoch), with the parts the run gathered.

use std::collections::BTreeMap;

use anyhow::Result as AnyResult;
use cosmwasm_std::{Addr, Uint128};
use poe_deploy::Scenario;
use poe_interface::poe_mining::OwnerSalaryReportResponse;
use poe_interface::treasury::AssetInfo;
use poe_math::genesis::gen_total_supply;
use poe_testing::{Suite, TreasuryHandle};

use crate::economy::EconomyRun;
use crate::report::{
    fmt_units, job_type_name, Check, EpochReport, GovernanceReport, JobsReport, MinerActions,
    MinerSummary, MinersReport, MiningStatisticsReport, RejectedJob, Report, RunInfo, SalaryAction,
    ScenarioInfo, Supplies, TreasuryReport,
};

/// What the run gathered before the final queries.
pub struct ReportParts {
    /// The proposals and staking at the end.
    pub governance: GovernanceReport,
    /// Epochs whose fee split differs from the rates in force.
    pub fee_mismatches: Vec<String>,
    /// Epochs whose PoE index or NEX differs from `poe_math` on the accepted jobs.
    pub index_mismatches: Vec<String>,
    /// Every epoch's index.
    pub epochs: Vec<EpochReport>,
    /// The refused jobs.
    pub rejected: Vec<RejectedJob>,
    /// Jobs sent.
    pub submitted: u64,
    /// What the miners did.
    pub actions: MinerActions,
    /// The owner salary's approvals and claims.
    pub salary_actions: Vec<SalaryAction>,
    /// The owner salary report of every month the run touched.
    pub salary_reports: Vec<OwnerSalaryReportResponse>,
    /// Miners active in at least one epoch.
    pub with_jobs: u64,
    /// The FLX controller, the AUR reserve and the pools.
    pub economy: EconomyRun,
}

/// The report of `scenario`'s run (from the scenario file `file`) on `suite` (`names`: the
/// scenario name of each address), its wall time left at zero for the caller.
pub fn collect(
    scenario: &Scenario,
    file: &str,
    suite: &Suite,
    names: &BTreeMap<Addr, String>,
    parts: ReportParts,
) -> AnyResult<Report> {
    let mut checks: Vec<Check> = Vec::new();
    let config = suite.poe.config()?;
    let stats = suite.poe.mining_statistics()?;
    let supplies = Supplies {
        GEN: suite.gen.total_supply()?,
        NEX: suite.nex.total_supply()?,
        FLX: suite.flx.total_supply()?,
        AUR: suite.aur.total_supply()?,
    };
    let symbols: BTreeMap<String, String> = suite
        .tokens()
        .iter()
        .map(|t| (t.addr.to_string(), t.symbol.clone()))
        .collect();
    let mut treasury = TreasuryReport {
        balances: BTreeMap::new(),
        total_received: BTreeMap::new(),
        total_spent: BTreeMap::new(),
    };
    for b in suite.treasury.all_balances()? {
        let key = match &b.asset {
            AssetInfo::Cw20 { contract_addr } => symbols
                .get(contract_addr)
                .cloned()
                .unwrap_or(contract_addr.clone()),
            AssetInfo::Native { denom } => denom.clone(),
        };
        let balance = b.balance.ok_or_else(|| {
            anyhow::anyhow!(
                "the treasury's balance of {key} is unavailable: {}",
                b.balance_error.clone().unwrap_or_default()
            )
        })?;
        treasury.balances.insert(key.clone(), balance);
        treasury
            .total_received
            .insert(key.clone(), b.total_received);
        treasury.total_spent.insert(key, b.total_spent);
    }
    let treasury_flx = suite.treasury.cw20_balance(&suite.flx.addr)?;

    let mut summaries = Vec::new();
    for m in suite.poe.all_miners()? {
        summaries.push(MinerSummary {
            name: names
                .get(&m.address)
                .cloned()
                .unwrap_or_else(|| m.address.to_string()),
            address: m.address.to_string(),
            specialization: m.specialization.map(job_type_name),
            nex_balance: suite.nex.balance(&m.address)?,
            rewards_claimed: m.rewards_claimed,
            jobs_completed: m.jobs_completed,
            total_poe_score: m.total_poe_score,
            spendable: m.spendable,
            locked_reserve: m.locked_reserve,
            active_streak: m.active_streak,
        });
    }
    let total_miners = summaries.len() as u64;
    let nex_held_by_miners: Uint128 = summaries.iter().map(|m| m.nex_balance).sum();
    summaries.sort_by(|a, b| {
        b.nex_balance
            .cmp(&a.nex_balance)
            .then_with(|| a.name.cmp(&b.name))
    });
    summaries.truncate(10);

    // checks
    let f = &stats.fee_split_totals;
    let parts_sum = f.miner_locked_reserve + f.miner_spendable + f.owner_salary + f.treasury_net;
    checks.push(Check {
        name: "fee parts sum to the fee".into(),
        ok: parts_sum == f.fee,
        detail: format!(
            "{} + {} + {} + {} = {} vs fee {}",
            f.miner_locked_reserve,
            f.miner_spendable,
            f.owner_salary,
            f.treasury_net,
            parts_sum,
            f.fee
        ),
    });
    checks.push(Check {
        name: "GEN supply is exactly 100,000 GEN".into(),
        ok: supplies.GEN == gen_total_supply(),
        detail: format!("{} GEN", fmt_units(supplies.GEN.u128(), true)),
    });
    let minted_sum: Uint128 = parts.epochs.iter().map(|e| e.nex_minted).sum();
    checks.push(Check {
        name: "NEX supply equals the NEX minted by the epochs".into(),
        ok: supplies.NEX == minted_sum && supplies.NEX == stats.nex_minted_total,
        detail: format!(
            "supply {}, sum of epochs {}, nex_minted_total {}",
            supplies.NEX, minted_sum, stats.nex_minted_total
        ),
    });
    checks.push(Check::listing(
        "PoE index and NEX of every epoch match poe_math on the accepted jobs",
        &parts.index_mismatches,
        format!("{} epochs", parts.epochs.len()),
    ));
    checks.push(Check::listing(
        "the fee split of every epoch matches the rates in force (governance changes included)",
        &parts.fee_mismatches,
        format!("{} epochs", parts.epochs.len()),
    ));
    let accepted = stats.total_jobs;
    checks.push(Check {
        name: "accepted + rejected jobs equal the jobs submitted".into(),
        ok: accepted + parts.rejected.len() as u64 == parts.submitted,
        detail: format!(
            "{} + {} vs {}",
            accepted,
            parts.rejected.len(),
            parts.submitted
        ),
    });
    // FLX reaches the treasury as deposits (PoE mining's fee share, AUR purchases: its ledger's
    // total_received) and as plain transfers (the controller's mints, the pools' protocol fees)
    let flx_ledger = suite
        .treasury
        .balance(TreasuryHandle::cw20(&suite.flx.addr))?;
    let minted_flx = if scenario.flux_controller.is_some() {
        suite.flux.status()?.total_minted
    } else {
        Uint128::zero()
    };
    // the marketplace pays its proceeds by Send with the treasury's Deposit hook
    let proceeds = parts.economy.marketplace_proceeds_flx();
    let deposits = stats.treasury_paid + parts.economy.aur_payments_flx() + proceeds;
    let expected_flx = (deposits + minted_flx + parts.economy.protocol_fees_flx())
        .checked_sub(flx_ledger.total_spent)?;
    checks.push(Check {
        name: "the treasury holds the FLX PoE mining, AUR buyers, the FLX controller, the pools and the marketplace paid it, less its spends".into(),
        ok: treasury_flx == expected_flx && flx_ledger.total_received == deposits,
        detail: format!(
            "balance {} vs {} paid by PoE mining + {} AUR purchases + {} marketplace proceeds + {} minted + {} protocol fees - {} spent; deposits recorded {}",
            treasury_flx,
            stats.treasury_paid,
            parts.economy.aur_payments_flx(),
            proceeds,
            minted_flx,
            parts.economy.protocol_fees_flx(),
            flx_ledger.total_spent,
            flx_ledger.total_received
        ),
    });
    let sold = parts.economy.nex_bought_from_miners();
    let moved = &parts.economy.miner_nex;
    checks.push(Check {
        name: "NEX claimed is held by the miners (less what they sold to the market maker, and what they sent and received through the marketplace and the guarantees)".into(),
        ok: nex_held_by_miners + sold + moved.out == stats.nex_claimed_total + moved.into,
        detail: format!(
            "miners hold {} + sold {} + sent {} - received {} vs nex_claimed_total {}",
            nex_held_by_miners, sold, moved.out, moved.into, stats.nex_claimed_total
        ),
    });

    checks.extend(parts.economy.checks());

    let reports = parts.economy.into_reports();
    let by_job_type = stats
        .job_type_distribution
        .iter()
        .map(|c| (job_type_name(c.job_type), c.jobs))
        .collect();
    Ok(Report {
        scenario: ScenarioInfo {
            name: scenario.name.clone(),
            seed: scenario.seed,
            file: file.to_string(),
            epochs: scenario.epochs,
            miners: total_miners,
            reporters: scenario
                .reporter_names()
                .map(|r| r.len() as u64)
                .unwrap_or(0),
            start_time: config.genesis_time.seconds(),
            min_poe_threshold: config.params.min_poe_threshold,
        },
        epochs: parts.epochs,
        supplies,
        fee_split_totals: stats.fee_split_totals,
        jobs: JobsReport {
            submitted: parts.submitted,
            accepted,
            rejected: parts.rejected.len() as u64,
            by_job_type,
        },
        treasury,
        mining_statistics: MiningStatisticsReport {
            total_miners: stats.total_miners,
            epochs_closed: stats.epochs_closed,
            total_job_value: stats.total_job_value,
            total_network_poe: stats.total_network_poe,
            nex_minted_total: stats.nex_minted_total,
            nex_claimed_total: stats.nex_claimed_total,
            treasury_paid: stats.treasury_paid,
            treasury_pending: stats.treasury_pending,
        },
        governance: parts.governance,
        rejected_jobs: parts.rejected,
        miner_actions: parts.actions,
        owner_salary_actions: parts.salary_actions,
        owner_salary_reports: parts.salary_reports,
        miners: MinersReport {
            total: total_miners,
            with_jobs: parts.with_jobs,
            top_by_nex: summaries,
        },
        flux: reports.flux,
        aurum: reports.aurum,
        pools: reports.pools,
        marketplace: reports.marketplace,
        guarantees: reports.guarantees,
        checks,
        run: RunInfo {
            wall_time_seconds: 0.0,
            jobs_per_second: 0.0,
        },
    })
}
