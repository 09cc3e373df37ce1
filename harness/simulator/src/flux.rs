//! The FLX supply controller during a run (scenario block `flux_controller`, report key `flux`):
//! before epoch 0 a genesis FLX holder funds the burn buffer; at each epoch's start the
//! controller's reporters post the usage whose `U_net` is the demand profile's value; after the
//! epoch's end `rebalance` is called and its decision checked against `poe_math::flux`.

use anyhow::{Context, Result as AnyResult};
use cosmwasm_std::{to_json_binary, Decimal, Decimal256};
use poe_deploy::scenario::FluxConfig;
use poe_deploy::FluxSettings;
use poe_interface::flux_controller::{
    DecisionAction, FreezeReason, ReceiveMsg as FluxReceiveMsg, SupplyLimit,
};
use poe_math::flux::{net_demand, DemandWeights, NetworkUsage};
use poe_testing::Suite;

use crate::report::flux::{FluxEpoch, FluxReport};
use crate::report::Check;

/// The controller's part of a run and what it saw.
pub struct FluxRun {
    cfg: FluxConfig,
    /// The deployed settings (the scenario's, epochs aligned with PoE mining's).
    settings: FluxSettings,
    /// The report's `flux` part, filled in as the run goes.
    pub report: FluxReport,
    violations: Vec<String>,
    demand_mismatches: Vec<String>,
}

/// The usage whose `U_net` is `d` when the weights sum to 1: gas buffer = fee average = `d`,
/// queue = `round(d × 1000)`.
fn usage_for(d: Decimal) -> NetworkUsage {
    let queue = d
        .checked_mul(Decimal::from_ratio(1000u64, 1u64))
        .map(|q| q.to_uint_floor().u128() as u64 + u64::from(q - q.floor() >= Decimal::percent(50)))
        .unwrap_or(0);
    NetworkUsage {
        pending_gas_buffer: d,
        tx_fee_moving_average: d,
        queue_length: queue,
    }
}

impl FluxRun {
    /// The controller of `cfg`, with epochs of `epoch_length` seconds (PoE mining's).
    pub fn new(cfg: &FluxConfig, epoch_length: u64) -> Self {
        FluxRun {
            cfg: cfg.clone(),
            settings: cfg.settings(epoch_length),
            report: FluxReport::default(),
            violations: Vec::new(),
            demand_mismatches: Vec::new(),
        }
    }

    /// Before epoch 0: the parameters in force, and the burn buffer's funding.
    pub fn genesis(&mut self, suite: &Suite) -> AnyResult<()> {
        self.report.params = Some(suite.flux.config()?.params);
        if let Some(b) = &self.cfg.buffer_funding {
            suite
                .flx
                .send(
                    &suite.addr(&b.from),
                    &suite.flux.addr,
                    b.amount.0,
                    to_json_binary(&FluxReceiveMsg::FundBuffer {})?,
                )
                .context("funding the FLX controller's buffer")?;
            self.report.buffer_funded = b.amount.0;
        }
        Ok(())
    }

    /// At the start of `epoch`: every reporter posts the usage of the profile's demand (nothing
    /// when the profile says `~`).
    pub fn report_usage(&self, suite: &Suite, epoch: u64) -> AnyResult<()> {
        let Some(d) = self.cfg.demand_of(epoch) else {
            return Ok(());
        };
        let usage = usage_for(d);
        for r in &self.settings.reporters {
            suite
                .flux
                .report_usage(
                    &suite.addr(r),
                    usage.pending_gas_buffer,
                    usage.tx_fee_moving_average,
                    usage.queue_length,
                )
                .with_context(|| format!("usage report of epoch {epoch} by {r}"))?;
        }
        Ok(())
    }

    /// After the end of `epoch`: the rebalance, its decision checked (cap, direction, supply,
    /// `U_net` recomputed) and reported.
    pub fn rebalance(&mut self, suite: &Suite, epoch: u64) -> AnyResult<()> {
        let supply_before = suite.flx.total_supply()?;
        suite
            .flux
            .rebalance(&suite.deployer)
            .with_context(|| format!("rebalancing epoch {epoch}"))?;
        let d = suite.flux.decision(epoch)?;
        let supply_after = suite.flx.total_supply()?;
        let status = suite.flux.status()?;
        let target = self.cfg.demand_of(epoch);
        let max_delta = poe_math::flux::epoch_cap(
            d.supply_before,
            d.max_annual_inflation_rate,
            d.adjustment
                .as_ref()
                .map_or(self.settings.params.epoch_length_seconds, |a| {
                    a.epoch_seconds
                }),
        )?;
        let action = match &d.action {
            DecisionAction::Expand => "expand".to_string(),
            DecisionAction::Contract => "contract".to_string(),
            DecisionAction::Hold => "hold".to_string(),
            DecisionAction::Frozen { reason } => format!(
                "frozen ({})",
                match reason {
                    FreezeReason::MissingReports {} => "no report",
                    FreezeReason::StaleReports { .. } => "stale reports",
                    FreezeReason::NotMinter { .. } => "not the minter",
                    FreezeReason::BelowQuorum { .. } => "below quorum",
                }
            ),
        };
        // checks: cap, direction, supply bookkeeping, U_net recomputed
        let u = d.net_demand();
        let upper = Decimal256::from(d.expansion_threshold);
        let lower = Decimal256::from(d.contraction_threshold);
        let direction_ok = match (&d.action, u) {
            (DecisionAction::Expand, Some(u)) => u > upper,
            (DecisionAction::Contract, Some(u)) => u < lower,
            (DecisionAction::Hold, Some(u)) => u >= lower && u <= upper,
            (DecisionAction::Frozen { .. }, _) => d.amount.is_zero() && target.is_none(),
            _ => false,
        };
        let expected_supply = match d.action {
            DecisionAction::Expand => supply_before.checked_add(d.amount)?,
            DecisionAction::Contract => supply_before.checked_sub(d.amount)?,
            _ => supply_before,
        };
        if d.amount > max_delta || !direction_ok || supply_after != expected_supply {
            self.violations.push(format!(
                "epoch {epoch}: {action} {} with U_net {u:?}, cap {max_delta}, supply {supply_before} -> {supply_after}",
                d.amount
            ));
        }
        if let Some(t) = target {
            let p = &self.settings.params;
            let expected = net_demand(
                &vec![usage_for(t); self.settings.reporters.len()],
                &DemandWeights {
                    alpha: p.alpha,
                    beta: p.beta,
                    gamma: p.gamma,
                },
            )?;
            if u != Some(expected.net_demand) {
                self.demand_mismatches.push(format!(
                    "epoch {epoch}: contract {u:?}, poe_math {}",
                    expected.net_demand
                ));
            }
        }
        let rep = &mut self.report;
        rep.epochs.push(FluxEpoch {
            epoch,
            target_u_net: target,
            u_net: u,
            action,
            amount: d.amount,
            max_delta,
            computed_delta: d.computed_delta(),
            bound_applied: d.bound_applied.as_ref().map(|b| {
                match b {
                    SupplyLimit::MaxInflationRate => "max_inflation_rate",
                    SupplyLimit::Buffer => "buffer",
                    SupplyLimit::MintCap => "mint_cap",
                }
                .to_string()
            }),
            supply_before,
            supply_after,
            buffer_after: status.buffer,
        });
        rep.total_minted = status.total_minted;
        rep.total_burned = status.total_burned;
        rep.buffer = status.buffer;
        Ok(())
    }

    /// The controller's checks: every supply change within the cap and in the band's
    /// direction, and `U_net` as `poe_math` computes it.
    pub fn checks(&self) -> Vec<Check> {
        let rep = &self.report;
        vec![
            Check::listing(
                "every FLX supply change is at most the epoch's cap (max_annual_inflation_rate x supply, scaled to the epoch), in the band's direction",
                &self.violations,
                format!(
                    "{} epochs: minted {}, burned {}",
                    rep.epochs.len(),
                    rep.total_minted,
                    rep.total_burned
                ),
            ),
            Check::listing(
                "the controller's U_net equals poe_math::flux on the reports posted",
                &self.demand_mismatches,
                format!(
                    "{} epochs with reports",
                    rep.epochs
                        .iter()
                        .filter(|e| e.target_u_net.is_some())
                        .count()
                ),
            ),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_posts_the_demand_it_stands_for() {
        let d = Decimal::from_ratio(12_345u64, 10_000u64);
        let u = usage_for(d);
        assert_eq!((u.pending_gas_buffer, u.tx_fee_moving_average), (d, d));
        assert_eq!(u.queue_length, 1_235); // 1,234.5 rounds half up
        assert_eq!(usage_for(Decimal::percent(60)).queue_length, 600);
        assert_eq!(usage_for(Decimal::zero()).queue_length, 0);
    }
}
