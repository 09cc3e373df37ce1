//! The marketplace in the report: each pool at the end of each epoch (available, reserved,
//! balance held, open allocations, totals), every replenishment and sale with what became of
//! it; and their text section.

use std::fmt::Write as _;

use cosmwasm_std::Uint128;
use serde::Serialize;

use super::fmt::units;

/// The marketplace over the run.
#[derive(Clone, Debug, Default, Serialize)]
pub struct MarketplaceReport {
    /// Each pool at the end of each epoch.
    pub epochs: Vec<MarketPoolEpoch>,
    /// Every replenishment and sale in order, with its result.
    pub events: Vec<MarketEvent>,
}

/// One pool at the end of one epoch.
#[derive(Clone, Debug, Serialize)]
pub struct MarketPoolEpoch {
    /// The epoch.
    pub epoch: u64,
    /// The pool's name (its token's label).
    pub pool: String,
    /// Free to allocate, base units.
    pub available: Uint128,
    /// Held for open allocations, base units.
    pub reserved: Uint128,
    /// The marketplace's balance of the pool's token, base units.
    pub balance: Uint128,
    /// Open allocations.
    pub pending_allocations: u32,
    /// Every replenishment so far, base units.
    pub total_replenished: Uint128,
    /// Every released allocation so far, base units.
    pub total_released: Uint128,
    /// Every FLX price paid so far, base units.
    pub total_proceeds: Uint128,
}

/// A replenishment or a sale.
#[derive(Clone, Debug, Serialize)]
pub struct MarketEvent {
    /// The epoch.
    pub epoch: u64,
    /// The pool.
    pub pool: String,
    /// `replenish`, `release`, `expire` or `cancel` (what the scenario asked).
    pub kind: String,
    /// Who sent (replenish) or bought (a sale).
    pub account: String,
    /// Base units of the pool's token.
    pub amount: Uint128,
    /// FLX base units (a sale's price).
    pub price: Uint128,
    /// The allocation, if one was made.
    pub allocation_id: Option<u64>,
    /// `replenished`, `released`, `expired`, `cancelled`, or `refused: <error>`.
    pub result: String,
    /// The scenario's note.
    pub note: Option<String>,
}

/// The marketplace's section of the text report.
pub fn render_section(o: &mut String, m: &MarketplaceReport) {
    let _ = writeln!(
        o,
        "Marketplace (seed 002 liquidity pools: available + reserved = the balance held; proceeds in FLX to the pool's recipient, the treasury)"
    );
    let _ = writeln!(
        o,
        "epoch pool       available        reserved         balance  open   replenished        released    proceeds FLX"
    );
    for e in &m.epochs {
        let _ = writeln!(
            o,
            "{:>5} {:<5} {:>14} {:>15} {:>15} {:>5} {:>13} {:>15} {:>15}",
            e.epoch,
            e.pool,
            units(e.available),
            units(e.reserved),
            units(e.balance),
            e.pending_allocations,
            units(e.total_replenished),
            units(e.total_released),
            units(e.total_proceeds),
        );
    }
    for e in &m.events {
        let id = e
            .allocation_id
            .map_or(String::new(), |id| format!(" #{id}"));
        let price = if e.kind == "replenish" {
            String::new()
        } else {
            format!(" for {} FLX", units(e.price))
        };
        let note = e.note.as_ref().map_or(String::new(), |n| format!(" ({n})"));
        let _ = writeln!(
            o,
            "  epoch {} {} {}{id}: {} {}{price}: {}{note}",
            e.epoch,
            e.pool,
            e.kind,
            e.account,
            units(e.amount),
            e.result
        );
    }
    let _ = writeln!(o);
}
