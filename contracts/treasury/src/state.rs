//! The treasury's state. The owner is cw-ownable's (key `ownership`); the cw2 version is cw2's.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::Uint128;
use cw_storage_plus::Map;

/// What moved through the treasury for one asset, base units.
#[cw_serde]
#[derive(Default)]
pub struct Ledger {
    /// Deposits recorded by `Receive` hooks and native `Deposit`s.
    pub received: Uint128,
    /// Payouts made by `Spend`.
    pub spent: Uint128,
}

/// One ledger per asset, keyed by the asset's short key ([`crate::asset::CheckedAsset::key`]):
/// `c<address>` for a cw20 token, `n<denom>` for a native coin. Byte order of the keys is the
/// order of `AssetInfo` (every cw20 before every native, then by address or denom).
pub const LEDGER: Map<&str, Ledger> = Map::new("l");
