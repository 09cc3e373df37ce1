//! The AUR reserve in the report: its price and required backing, every purchase and
//! redemption, and the reserve after each epoch (the `backing` query); and its text section.

use std::fmt::Write as _;

use cosmwasm_std::{Decimal, Decimal256, Uint128};
use serde::Serialize;

use super::fmt::{d256, units};

/// The AUR reserve over the run.
#[derive(Clone, Debug, Default, Serialize)]
pub struct AurumReport {
    /// FLX per AUR (the reserve's config).
    pub price: Decimal,
    /// Reserve value / supply the reserve keeps.
    pub required_backing_ratio: Decimal,
    /// Every purchase, in order.
    pub purchases: Vec<PurchaseRecord>,
    /// Every redemption, in order.
    pub redemptions: Vec<RedemptionRecord>,
    /// The reserve at the end of each epoch.
    pub epochs: Vec<AurumEpoch>,
}

/// A purchase, accepted or refused.
#[derive(Clone, Debug, Serialize)]
pub struct PurchaseRecord {
    /// The epoch it was made at the start of.
    pub epoch: u64,
    /// Who bought.
    pub buyer: String,
    /// FLX offered, base units.
    pub flx: Uint128,
    /// AUR received.
    pub aur: Uint128,
    /// Whether the reserve accepted it.
    pub ok: bool,
    /// The contract's error text when refused.
    pub error: Option<String>,
    /// The scenario's note.
    pub note: Option<String>,
}

/// A redemption, accepted or refused.
#[derive(Clone, Debug, Serialize)]
pub struct RedemptionRecord {
    /// The epoch it was made at the start of.
    pub epoch: u64,
    /// Who redeemed.
    pub holder: String,
    /// AUR sent to be burned, base units.
    pub aur: Uint128,
    /// Whether the reserve accepted it.
    pub ok: bool,
    /// The contract's error text when refused.
    pub error: Option<String>,
}

/// The reserve at the end of an epoch (the `backing` query).
#[derive(Clone, Debug, Serialize)]
pub struct AurumEpoch {
    /// The epoch.
    pub epoch: u64,
    /// Milligrams attested at this epoch's start, if any.
    pub attested_mg: Option<Uint128>,
    /// Gold attested, milligrams.
    pub reserve_mg: Uint128,
    /// Gold not owed to redemptions, milligrams.
    pub available_reserve_mg: Uint128,
    /// AUR supply, base units.
    pub supply: Uint128,
    /// The most AUR the available gold backs at the required ratio.
    pub max_supply: Uint128,
    /// Reserve value / supply (`None` without supply).
    pub backing_ratio: Option<Decimal256>,
    /// Whether the backing is below the required ratio.
    pub under_backed: bool,
    /// Whether minting is halted.
    pub minting_halted: bool,
    /// Why (`no attestation`, `stale attestation`, ...).
    pub halt_reason: Option<String>,
    /// Purchases accepted in this epoch.
    pub purchases_ok: u32,
    /// Purchases refused in this epoch.
    pub purchases_refused: u32,
}

/// The AUR reserve's section of the text report.
pub fn render_section(o: &mut String, a: &AurumReport) {
    let _ = writeln!(
        o,
        "AUR reserve: {} FLX per AUR, required backing {} (reserve value / supply)",
        a.price, a.required_backing_ratio
    );
    let _ = writeln!(
        o,
        "epoch   attested g    reserve g  available g        AUR supply        max supply  backing  halted"
    );
    for e in &a.epochs {
        let _ = writeln!(
            o,
            "{:>5} {:>12} {:>12} {:>12} {:>17} {:>17} {:>8}  {}",
            e.epoch,
            e.attested_mg.map_or("-".into(), grams),
            grams(e.reserve_mg),
            grams(e.available_reserve_mg),
            units(e.supply),
            units(e.max_supply),
            d256(e.backing_ratio, 4),
            match (&e.minting_halted, &e.halt_reason) {
                (true, Some(r)) => format!("yes ({r})"),
                (true, None) => "yes".into(),
                _ => "no".into(),
            }
        );
    }
    for p in &a.purchases {
        let what = if p.ok {
            format!("bought {} AUR", units(p.aur))
        } else {
            format!("REFUSED: {}", p.error.as_deref().unwrap_or("?"))
        };
        let _ = writeln!(
            o,
            "  epoch {:>2} purchase by {} of {} FLX: {}{}",
            p.epoch,
            p.buyer,
            units(p.flx),
            what,
            p.note
                .as_ref()
                .map(|n| format!("  ({n})"))
                .unwrap_or_default()
        );
    }
    for r in &a.redemptions {
        let _ = writeln!(
            o,
            "  epoch {:>2} redemption by {} of {} AUR: {}",
            r.epoch,
            r.holder,
            units(r.aur),
            if r.ok {
                "burned, gold owed".to_string()
            } else {
                format!("REFUSED: {}", r.error.as_deref().unwrap_or("?"))
            }
        );
    }
    let _ = writeln!(o);
}

/// Milligrams as grams with 3 decimals.
fn grams(mg: Uint128) -> String {
    let mg = mg.u128();
    format!("{}.{:03}", mg / 1000, mg % 1000)
}
