//! Storage layout. Keys are short and distinct; a layout change gets a new key and a migration.
//! The owner is cw-ownable's (key `ownership`); the cw2 version is cw2's.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Decimal};
use cw_storage_plus::{Item, Map};
use poe_interface::amm::{AssetInfo, PairInfo};

/// The parameters given to every new pair.
#[cw_serde]
pub struct Config {
    /// Code id of `poe-amm-pair`.
    pub pair_code_id: u64,
    /// Code id of `poe-token` (LP tokens).
    pub token_code_id: u64,
    /// Owner and wasm admin of new pairs (governance).
    pub pair_owner: Addr,
    /// Receiver of new pairs' protocol fee share; `None`: no protocol fee.
    pub fee_address: Option<Addr>,
    /// New pairs' total swap fee, bps.
    pub total_fee_bps: u16,
    /// New pairs' protocol share of the swap fee, a fraction of 1.
    pub protocol_fee_share: Decimal,
    /// New pairs' number of TWAP observations kept.
    pub observation_capacity: u32,
    /// New pairs' least time between two TWAP observations, seconds.
    pub observation_interval_seconds: u64,
    /// Pairs registered so far.
    pub pair_count: u64,
}

/// A pair being instantiated (between `CreatePair` and its reply).
#[cw_serde]
pub struct PendingPair {
    /// The registry key (see [`registry_key`]).
    pub key: (String, String),
    /// The assets, in the order the pair was asked for.
    pub asset_infos: [AssetInfo; 2],
}

/// The registry key of one asset: `t:<cw20 address>` or `n:<denom>`.
pub fn asset_key(info: &AssetInfo) -> String {
    match info {
        AssetInfo::Token { contract_addr } => format!("t:{contract_addr}"),
        AssetInfo::NativeToken { denom } => format!("n:{denom}"),
    }
}

/// The registry key of a pair: both asset keys, sorted (so either order finds the pair).
pub fn registry_key(asset_infos: &[AssetInfo; 2]) -> (String, String) {
    let (a, b) = (asset_key(&asset_infos[0]), asset_key(&asset_infos[1]));
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

/// `<asset>-<asset>` in registry order, for errors and attributes.
pub fn pair_name(asset_infos: &[AssetInfo; 2]) -> String {
    let (a, b) = (asset_infos[0].to_string(), asset_infos[1].to_string());
    if asset_key(&asset_infos[0]) <= asset_key(&asset_infos[1]) {
        format!("{a}-{b}")
    } else {
        format!("{b}-{a}")
    }
}

/// The parameters given to new pairs, and the pair count.
pub const CONFIG: Item<Config> = Item::new("cfg");
/// Registered pairs by [`registry_key`].
pub const PAIRS: Map<(String, String), PairInfo> = Map::new("pairs");
/// Present only within a `CreatePair` transaction.
pub const PENDING_PAIR: Item<PendingPair> = Item::new("pend");
