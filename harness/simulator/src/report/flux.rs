//! The FLX supply controller in the report: its parameters, the burn buffer, and each epoch's
//! rebalance (demand, action, amount, the cap and the bound applied); and its text section.

use std::fmt::Write as _;

use cosmwasm_std::{Decimal, Decimal256, Uint128, Uint256};
use poe_interface::flux_controller::FluxParams;
use serde::Serialize;

use super::fmt::{d256, units};

/// The FLX controller over the run.
#[derive(Clone, Debug, Default, Serialize)]
pub struct FluxReport {
    /// The parameters in force (from the contract's config).
    pub params: Option<FluxParams>,
    /// FLX put into the burn buffer before epoch 0.
    pub buffer_funded: Uint128,
    /// FLX the controller minted over the run (to the treasury), from its status at the end.
    pub total_minted: Uint128,
    /// FLX it burned from its buffer over the run.
    pub total_burned: Uint128,
    /// Its buffer at the end.
    pub buffer: Uint128,
    /// One entry per epoch closed by a rebalance.
    pub epochs: Vec<FluxEpoch>,
}

/// One epoch's rebalance.
#[derive(Clone, Debug, Serialize)]
pub struct FluxEpoch {
    /// The epoch.
    pub epoch: u64,
    /// The profile's `U_net` (`None`: no report).
    pub target_u_net: Option<Decimal>,
    /// `U_net` as the contract computed it from the reports.
    pub u_net: Option<Decimal256>,
    /// `expand`, `contract`, `hold` or `frozen (<reason>)`.
    pub action: String,
    /// FLX minted or burned, base units.
    pub amount: Uint128,
    /// The epoch's cap `floor(supply_before × max_annual_inflation_rate × epoch seconds /
    /// 31,557,600)`.
    pub max_delta: Uint128,
    /// What the formula asked for before the bounds.
    pub computed_delta: Uint256,
    /// `max_inflation_rate`, `buffer` or `mint_cap`.
    pub bound_applied: Option<String>,
    /// FLX supply before the rebalance.
    pub supply_before: Uint128,
    /// FLX supply after it.
    pub supply_after: Uint128,
    /// The burn buffer after it.
    pub buffer_after: Uint128,
}

/// The FLX controller's section of the text report.
pub fn render_section(o: &mut String, f: &FluxReport) {
    let (band, k, rate) = f.params.as_ref().map_or_else(Default::default, |p| {
        (
            format!("[{}, {}]", p.contraction_threshold, p.expansion_threshold),
            p.elasticity_factor.to_string(),
            p.max_annual_inflation_rate.to_string(),
        )
    });
    let _ = writeln!(
        o,
        "FLX supply controller: band {band}, elasticity {k}, cap {rate} of the supply per year (scaled to each epoch); burn buffer funded with {} FLX",
        units(f.buffer_funded)
    );
    let _ = writeln!(
        o,
        "epoch   U_net  action                   amount FLX          cap FLX  bound                FLX supply after        buffer FLX"
    );
    for e in &f.epochs {
        let sign = match e.action.as_str() {
            "expand" => "+",
            "contract" => "-",
            _ => " ",
        };
        let _ = writeln!(
            o,
            "{:>5}  {:>6}  {:<18} {}{:>16} {:>16}  {:<18} {:>18} {:>17}",
            e.epoch,
            d256(e.u_net, 3),
            e.action,
            sign,
            units(e.amount),
            units(e.max_delta),
            e.bound_applied.as_deref().unwrap_or("-"),
            units(e.supply_after),
            units(e.buffer_after)
        );
    }
    let _ = writeln!(
        o,
        "  minted {} FLX to the treasury, burned {} FLX from the buffer",
        units(f.total_minted),
        units(f.total_burned)
    );
    let _ = writeln!(o);
}
