//! The token's own state. Balances, allowances, token info, marketing and logo are cw20-base's
//! (`cw20_base::state`); the owner is cw-ownable's (key `ownership`); the cw2 version is cw2's.

use cosmwasm_std::{Storage, Uint128};
use cw_storage_plus::{Item, Map};

use crate::error::ContractError;

/// Basis points burned from every transfer, send, transfer_from and send_from (0..=1,000).
///
/// Deliberately tiny (a `u16` under the 2-byte key `tb`): every transfer reads it.
/// A missing value means 0.
///
/// The same slot also records retirement ([`RETIRED_MARKER`]), so the transfer paths learn that
/// a token is retired from the one read they already make; read it only through
/// [`live_transfer_burn_bps`] (or [`is_retired`]), never directly as a rate.
pub const TRANSFER_BURN_BPS: Item<u16> = Item::new("tb");

/// The value of `tb` once the minter has retired a retirable token: above any valid rate
/// (at most 1,000 bps), so it can never be set by `UpdateTransferBurn`.
pub const RETIRED_MARKER: u16 = u16::MAX;

/// Present (`true`) only on a token instantiated with `retirable: true` (a guarantee's claim
/// token); absent on every other token, which can never be retired.
pub const RETIRABLE: Item<bool> = Item::new("rt");

/// The transfer burn in bps of a live token (a missing value is 0).
///
/// Errors: [`ContractError::Retired`] once the token is retired; `Std`.
pub fn live_transfer_burn_bps(storage: &dyn Storage) -> Result<u16, ContractError> {
    match TRANSFER_BURN_BPS.may_load(storage)?.unwrap_or_default() {
        RETIRED_MARKER => Err(ContractError::Retired {}),
        bps => Ok(bps),
    }
}

/// Whether the minter has retired the token.
///
/// Errors: `Std`.
pub fn is_retired(storage: &dyn Storage) -> Result<bool, ContractError> {
    Ok(TRANSFER_BURN_BPS.may_load(storage)?.unwrap_or_default() == RETIRED_MARKER)
}

/// Base units minted per [`poe_interface::token::MintReason`] (key: the reason's `u8`
/// discriminant under the 2-byte namespace `mr`). One entry is written per mint.
pub const MINTED: Map<u8, Uint128> = Map::new("mr");

/// Base units burned per [`poe_interface::token::BurnReason`] (key: the reason's `u8`
/// discriminant under the 2-byte namespace `br`), the transfer burn included. One entry is
/// written per burn; `total_burned` is their sum, computed by the query rather than stored.
pub const BURNED: Map<u8, Uint128> = Map::new("br");
