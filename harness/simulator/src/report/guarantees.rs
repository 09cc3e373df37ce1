//! The guarantees in the report: each guarantee at the end of each epoch (status, collateral,
//! coverage, claims outstanding, value at the TWAP and health), every event of their lives, and
//! their text section.

use std::fmt::Write as _;

use cosmwasm_std::{Decimal, Uint128};
use serde::Serialize;

use super::fmt::{fmt_dec, units};

/// The guarantees over the run.
#[derive(Clone, Debug, Default, Serialize)]
pub struct GuaranteesReport {
    /// Each guarantee not yet closed at the end of each epoch.
    pub epochs: Vec<GuaranteeEpoch>,
    /// Opens, claim sales, defaults, liquidations, redemptions, releases, closes and price
    /// shocks, in order.
    pub events: Vec<GuaranteeEvent>,
}

/// One guarantee at the end of one epoch.
#[derive(Clone, Debug, Serialize)]
pub struct GuaranteeEpoch {
    /// The epoch.
    pub epoch: u64,
    /// The guarantee.
    pub guarantee_id: u64,
    /// The collateral's label (`NEX`, `AUR`, `FLX`).
    pub collateral_token: String,
    /// `open`, `defaulted`, `liquidated`, `released` or `closed`.
    pub status: String,
    /// Collateral held, base units.
    pub collateral: Uint128,
    /// FLX covered, base units.
    pub coverage: Uint128,
    /// Claims outstanding (the claim token's supply), base units.
    pub claims_outstanding: Uint128,
    /// What is left for the claim holders after a default or liquidation, base units of the
    /// set-aside asset.
    pub set_aside_remaining: Uint128,
    /// The collateral's value at the TWAP, FLX base units (open guarantees).
    pub value: Option<Uint128>,
    /// `value / coverage`.
    pub health_ratio: Option<Decimal>,
    /// Whether anyone may liquidate it now.
    pub liquidatable: bool,
}

/// Something that happened.
#[derive(Clone, Debug, Serialize)]
pub struct GuaranteeEvent {
    /// The epoch.
    pub epoch: u64,
    /// The guarantee, if the event has one.
    pub guarantee_id: Option<u64>,
    /// `open`, `sell_claims`, `price_shock`, `release`, `default`, `liquidate`, `redeem`,
    /// `close`.
    pub kind: String,
    /// What happened, with the figures (or `refused: <error>`).
    pub detail: String,
}

/// The guarantees' section of the text report.
pub fn render_section(o: &mut String, g: &GuaranteesReport) {
    let _ = writeln!(
        o,
        "Guarantees (seed 003: collateral valued at the pool's TWAP backs a beneficiary's obligation; one claim token per guarantee, redeemed pro rata after a default)"
    );
    let _ = writeln!(
        o,
        "epoch   id coll. status            collateral        coverage          claims      set aside   value at TWAP  health"
    );
    for e in &g.epochs {
        let _ = writeln!(
            o,
            "{:>5} {:>4} {:<5} {:<10} {:>15} {:>15} {:>15} {:>14} {:>15} {:>7}{}",
            e.epoch,
            e.guarantee_id,
            e.collateral_token,
            e.status,
            units(e.collateral),
            units(e.coverage),
            units(e.claims_outstanding),
            units(e.set_aside_remaining),
            e.value.map_or("-".into(), units),
            e.health_ratio.map_or("-".into(), |h| fmt_dec(h, 3)),
            if e.liquidatable { " !" } else { "" },
        );
    }
    for e in &g.events {
        let id = e.guarantee_id.map_or(String::new(), |id| format!(" #{id}"));
        let _ = writeln!(o, "  epoch {} {}{id}: {}", e.epoch, e.kind, e.detail);
    }
    let _ = writeln!(o);
}
