//! The supply's record (seed 002 audit trail): one counter per mint or burn reason, and the
//! attributes `reason`, `height`, `account` on every mint and burn. The history itself is the
//! chain's event index; the counters are its totals.

use cosmwasm_std::{Attribute, BlockInfo, StdResult, Storage, Uint128};

use crate::msg::{BurnReason, MintReason};
use crate::state::{BURNED, MINTED};

/// Adds `amount` to the counter of `reason` under `MINTED`: one read and one write.
///
/// Errors: `Overflow` when the counter would pass `Uint128::MAX`.
pub fn record_mint(
    storage: &mut dyn Storage,
    reason: MintReason,
    amount: Uint128,
) -> StdResult<()> {
    MINTED.update(storage, reason as u8, |total| -> StdResult<_> {
        Ok(total.unwrap_or_default().checked_add(amount)?)
    })?;
    Ok(())
}

/// Adds `amount` to the counter of `reason` under `BURNED`: one read and one write.
///
/// Errors: `Overflow` when the counter would pass `Uint128::MAX`.
pub fn record_burn(
    storage: &mut dyn Storage,
    reason: BurnReason,
    amount: Uint128,
) -> StdResult<()> {
    BURNED.update(storage, reason as u8, |total| -> StdResult<_> {
        Ok(total.unwrap_or_default().checked_add(amount)?)
    })?;
    Ok(())
}

/// The attributes every mint and burn carries: `reason` (the snake_case name), `height` (the
/// block) and `account` (credited by a mint, debited by a burn).
pub fn record_attributes(reason: &str, block: &BlockInfo, account: &str) -> [Attribute; 3] {
    [
        Attribute::new("reason", reason),
        Attribute::new("height", block.height.to_string()),
        Attribute::new("account", account),
    ]
}
