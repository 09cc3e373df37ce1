//! The NEX/FLX and AUR/FLX pools in the report: how each was seeded, each pool at the end of
//! each epoch (reserves, spot price, TWAP, trades, volume, fees) and the refused trades; and their
//! text section.

use std::fmt::Write as _;

use cosmwasm_std::{Decimal, Decimal256, Uint128};
use serde::Serialize;

use super::fmt::{d256, fmt_dec, units};

/// The pools over the run.
#[derive(Clone, Debug, Default, Serialize)]
pub struct PoolsReport {
    /// The market maker.
    pub provider: String,
    /// How each pool was seeded (or why not).
    pub seeding: Vec<String>,
    /// Each pool at the end of each epoch.
    pub epochs: Vec<PoolEpoch>,
    /// The first refused trades, with the contract's error text.
    pub trade_errors: Vec<String>,
}

/// One pool at the end of one epoch, and its trades in the epoch.
#[derive(Clone, Debug, Serialize)]
pub struct PoolEpoch {
    /// The epoch.
    pub epoch: u64,
    /// `NEX/FLX` or `AUR/FLX`.
    pub pool: String,
    /// Reserve of the non-FLX token, base units.
    pub reserve_token: Uint128,
    /// Reserve of FLX, base units.
    pub reserve_flx: Uint128,
    /// FLX per token at the end of the epoch (`reserve_flx / reserve_token`).
    pub spot_price: Option<Decimal>,
    /// FLX per token, time-weighted over the epoch (`twap(epoch_length)`).
    pub twap: Option<Decimal256>,
    /// Why there is no TWAP (the pool's observations do not cover the epoch).
    pub twap_unavailable: Option<String>,
    /// Swaps made in the epoch.
    pub trades: u32,
    /// Swaps refused in the epoch.
    pub trades_failed: u32,
    /// FLX side of the trades, base units.
    pub volume_flx: Uint128,
    /// Swap fees (commission) taken in FLX.
    pub fee_flx: Uint128,
    /// Swap fees taken in the token.
    pub fee_token: Uint128,
    /// The protocol's share of the FLX fees, paid to the treasury.
    pub protocol_fee_flx: Uint128,
    /// The protocol's share of the token fees, paid to the treasury.
    pub protocol_fee_token: Uint128,
}

impl PoolEpoch {
    /// `pool` in `epoch` before any trade: nothing traded, reserves not yet read.
    pub fn empty(epoch: u64, pool: &str) -> PoolEpoch {
        PoolEpoch {
            epoch,
            pool: pool.to_string(),
            reserve_token: Uint128::zero(),
            reserve_flx: Uint128::zero(),
            spot_price: None,
            twap: None,
            twap_unavailable: None,
            trades: 0,
            trades_failed: 0,
            volume_flx: Uint128::zero(),
            fee_flx: Uint128::zero(),
            fee_token: Uint128::zero(),
            protocol_fee_flx: Uint128::zero(),
            protocol_fee_token: Uint128::zero(),
        }
    }
}

/// The pools' section of the text report.
pub fn render_section(o: &mut String, p: &PoolsReport) {
    let _ = writeln!(
        o,
        "Pools (x * y = k; prices in FLX per token; TWAP over the epoch; fees = commission, of which the protocol's share goes to the treasury)"
    );
    for s in &p.seeding {
        let _ = writeln!(o, "  {s}");
    }
    let _ = writeln!(
        o,
        "epoch pool      reserve token      reserve FLX      spot      TWAP  trades     volume FLX     fee FLX   fee token  to treasury FLX / token"
    );
    for e in &p.epochs {
        let _ = writeln!(
            o,
            "{:>5} {:<8} {:>14} {:>16} {:>9} {:>9} {:>4}{:<3} {:>14} {:>11} {:>11}  {} / {}",
            e.epoch,
            e.pool,
            units(e.reserve_token),
            units(e.reserve_flx),
            e.spot_price.map_or("-".into(), |d| fmt_dec(d, 4)),
            d256(e.twap, 4),
            e.trades,
            if e.trades_failed > 0 {
                format!("+{}!", e.trades_failed)
            } else {
                String::new()
            },
            units(e.volume_flx),
            units(e.fee_flx),
            units(e.fee_token),
            units(e.protocol_fee_flx),
            units(e.protocol_fee_token),
        );
    }
    for e in &p.trade_errors {
        let _ = writeln!(o, "  refused trade: {e}");
    }
    let _ = writeln!(o);
}
