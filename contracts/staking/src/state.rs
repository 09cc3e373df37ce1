//! Storage layout, built for gas: on chain every read costs 1,000 + 3 per byte and every write
//! 2,000 + 30 per byte of key (with wasmd's 33-byte contract prefix) plus value, so the entries
//! a stake, an unstake or a claim touch are few, their keys short and their values compact:
//!
//! - one-letter namespaces; everything but the token-to-pool lookup is keyed by the pool's
//!   one-byte id, not by its 63-character token address;
//! - stakers are keyed by their canonical address (20 bytes for an account) instead of its bech32
//!   string (43 characters);
//! - serde field names of one letter; times as JSON numbers;
//! - the pool's static parameters ([`POOLS`], read only by the hot paths) apart from its changing
//!   state ([`STATES`]: stream, accumulator, total stake), the reward token ([`REWARD_TOKENS`]) and
//!   the unbonding total ([`UNBONDING`]) apart too, so that each operation reads only what it needs
//!   and writes only what it changes;
//! - the stake by height is our own changelog instead of two cw-storage-plus `SnapshotMap`s: the
//!   current stake lives in the position record (read and written anyway) and the total in the
//!   pool's state, each with the height of its last change, so the once-per-block changelog entry
//!   is written without the `SnapshotMap`'s changelog probe and re-read of the primary value.
//!
//! Every operation reads and writes a fixed set of entries; nothing iterates over stakers. Only
//! the voting-power queries iterate, over pools (at most `max_pools`). Layout change = new keys:
//! this layout shares no key with the previous one (`cfg`, `pl`, `ps`, `cl`, `st`, `ts`, `tr`),
//! and `migrate` refuses a contract that still holds the old one (see [`OLD_CONFIG_KEY`]).

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Decimal, Decimal256, Order, StdResult, Storage, Uint128};
use cw_storage_plus::{Bound, Item, Map, SnapshotMap, Strategy};

/// Caps.
#[cw_serde]
pub struct Config {
    /// Most pools that may exist.
    #[serde(rename = "p")]
    pub max_pools: u32,
    /// Most pending claims per (pool, address).
    #[serde(rename = "c")]
    pub max_claims: u32,
    /// Pools created so far (also the next pool's id).
    #[serde(rename = "n")]
    pub pool_count: u32,
}

/// A pool's parameters, by staked token: what stake, unstake and claim read and never write.
/// Its tier is in [`TIERS`], its reward token in [`REWARD_TOKENS`], its changing state in
/// [`STATES`], all by `id`.
#[cw_serde]
pub struct PoolInfo {
    /// The pool's id, its creation order (0, 1, ...): the key of everything else of the pool.
    #[serde(rename = "i")]
    pub id: u8,
    /// Smallest stake that opens a position.
    #[serde(rename = "m")]
    pub min_stake: Uint128,
    /// Lock after each stake, seconds.
    #[serde(rename = "l")]
    pub lock_period_seconds: u64,
    /// Delay between an unstake and its claim's release, seconds.
    #[serde(rename = "u")]
    pub unbonding_period_seconds: u64,
}

/// A pool's changing state: its total stake (with the height of its last change, for the total's
/// changelog [`TOTAL_LOG`]), its linear reward stream and its reward-per-share accumulator (see
/// [`crate::rewards`]). Read and written by every stake, unstake, funding and reward claim. Zero
/// amounts are left out of the stored JSON.
#[cw_serde]
pub struct RewardStream {
    /// Staked now, base units of the staked token.
    #[serde(rename = "t", default, skip_serializing_if = "Uint128::is_zero")]
    pub total_staked: Uint128,
    /// The last height at which `total_staked` changed (0: never); its [`TOTAL_LOG`] entry for
    /// that height exists.
    #[serde(rename = "h", default)]
    pub total_changed_at: u64,
    /// Reward units not yet released into the accumulator (what is left of the stream, plus the
    /// rounding dust of earlier releases).
    #[serde(rename = "r", default, skip_serializing_if = "Uint128::is_zero")]
    pub remaining: Uint128,
    /// When the stream was last brought up to date, seconds.
    #[serde(rename = "l")]
    pub last_update: u64,
    /// When the stream ends, seconds; moved later while the pool's total stake is zero.
    #[serde(rename = "f")]
    pub period_finish: u64,
    /// Reward units released per staked unit since the pool opened.
    #[serde(rename = "a", default)]
    pub reward_per_share: Decimal256,
    /// Every reward received by `Fund`.
    #[serde(rename = "d", default, skip_serializing_if = "Uint128::is_zero")]
    pub total_funded: Uint128,
    /// Every reward paid by `ClaimRewards`.
    #[serde(rename = "p", default, skip_serializing_if = "Uint128::is_zero")]
    pub total_paid: Uint128,
}

/// An address's position in one pool: its stake and rewards.
#[cw_serde]
pub struct Position {
    /// Staked now, base units of the pool's token.
    #[serde(rename = "s", default)]
    pub staked: Uint128,
    /// The last height at which `staked` changed (0: never); its [`STAKE_LOG`] entry for that
    /// height exists.
    #[serde(rename = "h", default)]
    pub changed_at: u64,
    /// Unstaking is refused before this time, nanoseconds since the epoch.
    #[serde(rename = "l", default)]
    pub lock_until: u64,
    /// The pool's `reward_per_share` when `pending_rewards` was last brought up to date.
    #[serde(rename = "a", default)]
    pub reward_per_share_paid: Decimal256,
    /// Rewards accrued and not claimed (omitted when zero).
    #[serde(rename = "p", default, skip_serializing_if = "Uint128::is_zero")]
    pub pending_rewards: Uint128,
}

/// A pending claim as stored: `(amount, release_at)`, the amount in base units of the staked
/// token and the release time in nanoseconds since the epoch (a two-element JSON array; a plain
/// tuple, since serde-json-wasm does not serialize tuple structs).
pub type StoredClaim = (Uint128, u64);

/// The key the previous layout kept its config under; `migrate` refuses a contract that has it.
pub const OLD_CONFIG_KEY: &[u8] = b"cfg";

/// The caps and the pool count.
pub const CONFIG: Item<Config> = Item::new("c");
/// Pool parameters by staked token.
pub const POOLS: Map<&Addr, PoolInfo> = Map::new("p");
/// Reward token by pool id (read by funding, reward claims and queries only).
pub const REWARD_TOKENS: Map<u8, Addr> = Map::new("r");
/// Total stake, reward stream and accumulator by pool id.
pub const STATES: Map<u8, RewardStream> = Map::new("s");
/// Unstaked and not yet claimed, by pool id, base units of the staked token (absent: zero).
pub const UNBONDING: Map<u8, Uint128> = Map::new("u");
/// Positions by (pool id, canonical staker address).
pub const POSITIONS: Map<(u8, &[u8]), Position> = Map::new("a");
/// Pending claims by (pool id, canonical address), in unstake order, at most `max_claims`.
pub const CLAIMS: Map<(u8, &[u8]), Vec<StoredClaim>> = Map::new("q");
/// Stake changelog by (pool id, canonical address, height): the position's stake at the start of
/// block `height`, written once, before its first change in that block.
pub const STAKE_LOG: Map<(u8, &[u8], u64), Uint128> = Map::new("h");
/// Total-stake changelog by (pool id, height): the pool's total stake at the start of block
/// `height`, written once, before its first change in that block.
pub const TOTAL_LOG: Map<(u8, u64), Uint128> = Map::new("t");
/// Tier (voting-power multiplier) by pool id, by height, so that changing a tier never changes
/// the power of a past height. Written only by `CreatePool` and `UpdatePool`.
pub const TIERS: SnapshotMap<u8, Decimal> = SnapshotMap::new("i", "ic", "il", Strategy::EveryBlock);

/// Records `position`'s stake at the start of block `height` before it changes (once per block).
/// `is_new`: the position was not stored; only then can a log entry of this block exist without
/// `changed_at` saying so (the position was removed earlier in the block), so only then is the
/// log probed (one read, on a staker's first stake).
///
/// Errors: storage.
pub fn log_stake(
    storage: &mut dyn Storage,
    id: u8,
    who: &[u8],
    position: &mut Position,
    is_new: bool,
    height: u64,
) -> StdResult<()> {
    if position.changed_at == height {
        return Ok(());
    }
    let key = (id, who, height);
    if !(is_new && STAKE_LOG.has(storage, key)) {
        STAKE_LOG.save(storage, key, &position.staked)?;
    }
    position.changed_at = height;
    Ok(())
}

/// Records the pool's total stake at the start of block `height` before it changes (once per
/// block).
///
/// Errors: storage.
pub fn log_total(
    storage: &mut dyn Storage,
    id: u8,
    state: &mut RewardStream,
    height: u64,
) -> StdResult<()> {
    if state.total_changed_at != height {
        TOTAL_LOG.save(storage, (id, height), &state.total_staked)?;
        state.total_changed_at = height;
    }
    Ok(())
}

/// `who`'s stake in pool `id` at the start of block `height`: the first changelog entry at or
/// after `height`, else the current stake (no change since).
///
/// Errors: storage.
pub fn stake_at(storage: &dyn Storage, id: u8, who: &[u8], height: u64) -> StdResult<Uint128> {
    let logged = STAKE_LOG
        .prefix((id, who))
        .range(
            storage,
            Some(Bound::inclusive(height)),
            None,
            Order::Ascending,
        )
        .next()
        .transpose()?;
    match logged {
        Some((_, staked)) => Ok(staked),
        None => Ok(POSITIONS
            .may_load(storage, (id, who))?
            .map(|p| p.staked)
            .unwrap_or_default()),
    }
}

/// Pool `id`'s total stake at the start of block `height`: the first changelog entry at or after
/// `height`, else the current total.
///
/// Errors: storage.
pub fn total_at(storage: &dyn Storage, id: u8, height: u64) -> StdResult<Uint128> {
    let logged = TOTAL_LOG
        .prefix(id)
        .range(
            storage,
            Some(Bound::inclusive(height)),
            None,
            Order::Ascending,
        )
        .next()
        .transpose()?;
    match logged {
        Some((_, total)) => Ok(total),
        None => Ok(STATES
            .may_load(storage, id)?
            .map(|s| s.total_staked)
            .unwrap_or_default()),
    }
}
