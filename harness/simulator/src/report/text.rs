//! The report as text for a terminal: the PoE index and fee split per epoch, each domain's section
//! (governance and staking, the FLX controller, the AUR reserve, the pools), supplies, jobs, the
//! treasury, miners, the owner salary and the checks.

use std::fmt::Write as _;

use cosmwasm_std::Decimal;
use poe_math::fee::FeeRates;
use poe_math::poe::PoeWeights;

use super::fmt::{fmt_dec, fmt_units};
use super::{aurum, flux, governance, guarantees, marketplace, pools, Report};

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

    governance::render_section(&mut o, &report.governance);
    if let Some(f) = &report.flux {
        flux::render_section(&mut o, f);
    }
    if let Some(a) = &report.aurum {
        aurum::render_section(&mut o, a);
    }
    if let Some(p) = &report.pools {
        pools::render_section(&mut o, p);
    }
    if let Some(m) = &report.marketplace {
        marketplace::render_section(&mut o, m);
    }
    if let Some(g) = &report.guarantees {
        guarantees::render_section(&mut o, g);
    }
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
