//! Staking: one pool per staked cw20 token (GEN, NEX, FLX, AUR, later LP shares), with a minimum
//! stake, a lock after each stake, an unbonding period paid out through claims, a linear reward
//! stream per pool in the pool's reward token, and tier-weighted voting power by height
//! (seed 003 "staking pools"; seed 000 tier multipliers GEN 10, AUR 5, NEX 3, FLX 1).
//!
//! Deposits arrive as cw20 `Send`s: stakes with [`ReceiveMsg::Stake`] from the pool's token,
//! reward funding with [`ReceiveMsg::Fund`] from the pool's reward token.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Decimal, Decimal256, Timestamp, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_ownable::Action;

/// Default of [`InstantiateMsg::max_pools`].
pub const DEFAULT_MAX_POOLS: u32 = 16;
/// Highest `max_pools` accepted: voting-power queries sum over every pool.
pub const MAX_POOLS_LIMIT: u32 = 32;
/// Default of [`InstantiateMsg::max_claims`].
pub const DEFAULT_MAX_CLAIMS: u32 = 10;
/// Highest `max_claims` accepted: `Claim` reads an address's claims of one pool in one go.
pub const MAX_CLAIMS_LIMIT: u32 = 100;
/// Longest lock, unbonding period or reward stream accepted, seconds (10 years of 365 days).
pub const MAX_PERIOD_SECONDS: u64 = 10 * 365 * 24 * 3600;
/// Longest reward stream an account other than the owner may start on a pool with no running
/// stream, seconds (30 days). Longer streams (up to [`MAX_PERIOD_SECONDS`]) are the owner's
/// (governance's): every later funding by others must end no later than the running stream, so a
/// stranger's far end would otherwise hold every later funding to it.
pub const MAX_OPEN_FUND_SECONDS: u64 = 30 * 24 * 3600;

#[cw_serde]
pub struct InstantiateMsg {
    /// The owner (creates and updates pools; governance after bootstrap); default the
    /// instantiator.
    pub owner: Option<String>,
    /// Most pools that may exist, 1..=[`MAX_POOLS_LIMIT`]; default [`DEFAULT_MAX_POOLS`].
    pub max_pools: Option<u32>,
    /// Most pending (unpaid) claims per (pool, address), 1..=[`MAX_CLAIMS_LIMIT`]; default
    /// [`DEFAULT_MAX_CLAIMS`].
    pub max_claims: Option<u32>,
}

#[cw_serde]
pub enum ExecuteMsg {
    /// cw20 hook: `msg` must be a [`ReceiveMsg`]. The calling token decides what it may do: a
    /// pool's token may `Stake` into that pool, a pool's reward token may `Fund` that pool.
    Receive(Cw20ReceiveMsg),
    /// Owner only: opens a pool staking `token` and paying rewards in `reward_token` (both cw20
    /// contracts, may be the same). Power of its stakes is `tier` x staked.
    CreatePool {
        token: String,
        reward_token: String,
        /// Smallest stake that opens a position, base units of `token`.
        min_stake: Uint128,
        /// A position cannot be unstaked before its last stake's time plus this, seconds.
        lock_period_seconds: u64,
        /// An unstaked amount is paid by `Claim` this long after the unstake, seconds.
        unbonding_period_seconds: u64,
        /// Voting-power multiplier of the token (seed 000: GEN 10, AUR 5, NEX 3, FLX 1).
        tier: Decimal,
    },
    /// Owner only: changes a pool's parameters; `None` keeps a value. A new lock or unbonding
    /// period applies to stakes and unstakes made after the update; a new tier applies to voting
    /// power from the next block on (past heights keep the tier they had).
    UpdatePool {
        token: String,
        min_stake: Option<Uint128>,
        lock_period_seconds: Option<u64>,
        unbonding_period_seconds: Option<u64>,
        tier: Option<Decimal>,
    },
    /// Owner only: changes the caps; `None` keeps a value. `max_pools` cannot go below the
    /// number of pools.
    UpdateConfig {
        max_pools: Option<u32>,
        max_claims: Option<u32>,
    },
    /// Moves `amount` of the sender's stake in `token`'s pool into a claim released after the
    /// pool's unbonding period (paid at once when that period is zero). Refused before the
    /// position's lock ends, and when it would leave a non-zero stake below `min_stake`.
    Unstake { token: String, amount: Uint128 },
    /// Pays the sender's matured claims of `token`'s pool.
    Claim { token: String },
    /// Pays the sender's accrued rewards of `token`'s pool, in its reward token.
    ClaimRewards { token: String },
    /// cw-ownable two-step ownership transfer.
    UpdateOwnership(Action),
}

/// The `msg` of a cw20 `Send` to the staking contract.
#[cw_serde]
pub enum ReceiveMsg {
    /// Stakes the sent tokens for the cw20 sender in the pool of the calling token.
    Stake {},
    /// Adds the sent tokens to the reward stream of `pool_token`'s pool (the calling token must be
    /// that pool's reward token). `duration_seconds` in `1..=MAX_PERIOD_SECONDS`. From the owner
    /// (governance): the stream's unreleased amount plus the sent amount is released linearly
    /// until `max(now + duration_seconds, period_finish)`. From anyone else: while a stream runs,
    /// only if `now + duration_seconds <= period_finish`, and the amount joins the stream until
    /// its current end (its rate goes up); when none runs, a new stream over
    /// `[now, now + duration_seconds)` of at most [`MAX_OPEN_FUND_SECONDS`]. So only the owner can
    /// lower the rate of a running stream or move its end later.
    Fund {
        pool_token: String,
        duration_seconds: u64,
    },
}

#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(ConfigResponse)]
    Config {},
    /// One pool, its stream brought up to the current block time.
    #[returns(PoolResponse)]
    Pool { token: String },
    /// Pools by token address; paginated (default 10, at most 30).
    #[returns(PoolsResponse)]
    Pools {
        start_after: Option<String>,
        limit: Option<u32>,
    },
    /// An address's position in one pool, with its rewards accrued up to the current block time.
    #[returns(PositionResponse)]
    Position { address: String, token: String },
    /// An address's pending (unpaid) claims in one pool.
    #[returns(ClaimsResponse)]
    Claims { address: String, token: String },
    /// `floor(sum over pools of tier x staked)` of `address` at the start of block `height`
    /// (default the current block): stakes made in block `height` do not count at `height`.
    #[returns(VotingPowerResponse)]
    VotingPower {
        address: String,
        height: Option<u64>,
    },
    /// `floor(sum over pools of tier x total staked)` at the start of block `height` (default the
    /// current block).
    #[returns(TotalPowerResponse)]
    TotalPower { height: Option<u64> },
    #[returns(cw_ownable::Ownership<String>)]
    Ownership {},
}

#[cw_serde]
pub struct ConfigResponse {
    pub max_pools: u32,
    pub max_claims: u32,
    /// Pools created so far.
    pub pool_count: u32,
}

#[cw_serde]
pub struct PoolResponse {
    pub token: String,
    pub reward_token: String,
    pub min_stake: Uint128,
    pub lock_period_seconds: u64,
    pub unbonding_period_seconds: u64,
    pub tier: Decimal,
    /// Staked now, base units of `token`.
    pub total_staked: Uint128,
    /// Unstaked and not yet claimed, base units of `token`.
    pub total_unbonding: Uint128,
    /// Reward units per second the stream releases now (zero once ended or while paused).
    pub reward_rate: Decimal,
    /// Reward units not yet released by the stream.
    pub reward_remaining: Uint128,
    /// When the stream ends, seconds since the epoch (later if it is paused while nothing is
    /// staked).
    pub period_finish: u64,
    /// Accumulated reward per staked unit.
    pub reward_per_share: Decimal256,
    /// Every reward ever received by `Fund`, base units of `reward_token`.
    pub total_funded: Uint128,
    /// Every reward ever paid by `ClaimRewards`.
    pub total_rewards_paid: Uint128,
}

#[cw_serde]
pub struct PoolsResponse {
    pub pools: Vec<PoolResponse>,
}

#[cw_serde]
pub struct PositionResponse {
    pub staked: Uint128,
    /// Unstaking is refused before this time.
    pub lock_until: Timestamp,
    /// Rewards accrued and not claimed, base units of the pool's reward token.
    pub pending_rewards: Uint128,
}

/// An unstaked amount waiting for its release.
#[cw_serde]
pub struct Claim {
    pub amount: Uint128,
    pub release_at: Timestamp,
}

#[cw_serde]
pub struct ClaimsResponse {
    pub claims: Vec<Claim>,
}

#[cw_serde]
pub struct VotingPowerResponse {
    pub power: Uint128,
    pub height: u64,
}

#[cw_serde]
pub struct TotalPowerResponse {
    pub power: Uint128,
    pub height: u64,
}

#[cw_serde]
pub struct MigrateMsg {}
