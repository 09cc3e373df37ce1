//! Storage layout. Keys are short and distinct; a layout change gets a new key and a migration.
//! The owner is cw-ownable's (key `ownership`); the cw2 version is cw2's.
//!
//! Every operation reads and writes a fixed set of entries (config, one pool, its total, one
//! position, one stake, one claims list of at most `max_claims`): nothing iterates over stakers.
//! Only the voting-power queries iterate, over pools, of which there are at most `max_pools`.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Decimal, Decimal256, Timestamp, Uint128};
use cw_storage_plus::{Item, Map, SnapshotMap, Strategy};
use poe_interface::staking::Claim;

/// Caps.
#[cw_serde]
pub struct Config {
    /// Most pools that may exist.
    pub max_pools: u32,
    /// Most pending claims per (pool, address).
    pub max_claims: u32,
    /// Pools created so far.
    pub pool_count: u32,
}

/// A pool's parameters and reward stream. Its tier is in [`TIERS`] and its total stake in
/// [`TOTAL_STAKED`], both by height.
#[cw_serde]
pub struct Pool {
    /// The cw20 token rewards are paid in.
    pub reward_token: Addr,
    /// Smallest stake that opens a position.
    pub min_stake: Uint128,
    /// Lock after each stake, seconds.
    pub lock_period_seconds: u64,
    /// Delay between an unstake and its claim's release, seconds.
    pub unbonding_period_seconds: u64,
    /// Unstaked and not yet claimed, base units of the staked token.
    pub total_unbonding: Uint128,
    /// The reward stream and accumulator.
    pub reward: RewardStream,
}

/// A pool's linear reward stream and its reward-per-share accumulator (see [`crate::rewards`]).
#[cw_serde]
pub struct RewardStream {
    /// Reward units not yet released into the accumulator (what is left of the stream, plus the
    /// rounding dust of earlier releases).
    pub remaining: Uint128,
    /// When the stream was last brought up to date, seconds.
    pub last_update: u64,
    /// When the stream ends, seconds; moved later while the pool's total stake is zero.
    pub period_finish: u64,
    /// Reward units released per staked unit since the pool opened.
    pub reward_per_share: Decimal256,
    /// Every reward received by `Fund`.
    pub total_funded: Uint128,
    /// Every reward paid by `ClaimRewards`.
    pub total_paid: Uint128,
}

/// An address's position in one pool, besides its stake (in [`STAKED`]).
#[cw_serde]
pub struct Position {
    /// Unstaking is refused before this time.
    pub lock_until: Timestamp,
    /// The pool's `reward_per_share` when `pending_rewards` was last brought up to date.
    pub reward_per_share_paid: Decimal256,
    /// Rewards accrued and not claimed.
    pub pending_rewards: Uint128,
}

pub const CONFIG: Item<Config> = Item::new("cfg");
/// Pools by staked token.
pub const POOLS: Map<&Addr, Pool> = Map::new("pl");
/// Pending claims by (staked token, address), in unstake order, at most `max_claims`.
pub const CLAIMS: Map<(&Addr, &Addr), Vec<Claim>> = Map::new("cl");
/// Positions by (staked token, address).
pub const POSITIONS: Map<(&Addr, &Addr), Position> = Map::new("ps");
/// Stake by (staked token, address), by height: the value at height `h` is the one at the start
/// of block `h`.
pub const STAKED: SnapshotMap<(&Addr, &Addr), Uint128> =
    SnapshotMap::new("st", "st__c", "st__l", Strategy::EveryBlock);
/// Total stake by staked token, by height.
pub const TOTAL_STAKED: SnapshotMap<&Addr, Uint128> =
    SnapshotMap::new("ts", "ts__c", "ts__l", Strategy::EveryBlock);
/// Tier (voting-power multiplier) by staked token, by height, so that changing a tier never
/// changes the power of a past height.
pub const TIERS: SnapshotMap<&Addr, Decimal> =
    SnapshotMap::new("tr", "tr__c", "tr__l", Strategy::EveryBlock);
