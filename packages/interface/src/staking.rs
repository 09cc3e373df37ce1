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

/// Instantiates the staking contract.
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

/// The staking contract's executes.
#[cw_serde]
pub enum ExecuteMsg {
    /// cw20 hook: `msg` must be a [`ReceiveMsg`]. The calling token decides what it may do: a
    /// pool's token may `Stake` into that pool, a pool's reward token may `Fund` that pool.
    Receive(Cw20ReceiveMsg),
    /// Owner only: opens a pool staking `token` and paying rewards in `reward_token` (both cw20
    /// contracts, may be the same). Power of its stakes is `tier` x staked.
    CreatePool {
        /// The staked cw20 contract; one pool per token.
        token: String,
        /// The cw20 contract the pool's rewards are funded and paid in.
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
        /// The pool's staked token (its key).
        token: String,
        /// New smallest stake that opens a position, base units of `token`.
        min_stake: Option<Uint128>,
        /// New lock after each stake, seconds, at most [`MAX_PERIOD_SECONDS`].
        lock_period_seconds: Option<u64>,
        /// New delay between an unstake and its claim, seconds, at most [`MAX_PERIOD_SECONDS`].
        unbonding_period_seconds: Option<u64>,
        /// New voting-power multiplier of the token.
        tier: Option<Decimal>,
    },
    /// Owner only: changes the caps; `None` keeps a value. `max_pools` cannot go below the
    /// number of pools.
    UpdateConfig {
        /// New most pools, 1..=[`MAX_POOLS_LIMIT`].
        max_pools: Option<u32>,
        /// New most pending claims per (pool, address), 1..=[`MAX_CLAIMS_LIMIT`].
        max_claims: Option<u32>,
    },
    /// Moves `amount` of the sender's stake in `token`'s pool into a claim released after the
    /// pool's unbonding period (paid at once when that period is zero). Refused before the
    /// position's lock ends, and when it would leave a non-zero stake below `min_stake`.
    Unstake {
        /// The pool's staked token.
        token: String,
        /// Base units of `token` to unstake, at most the position's stake.
        amount: Uint128,
    },
    /// Pays the sender's matured claims of `token`'s pool.
    Claim {
        /// The pool's staked token.
        token: String,
    },
    /// Pays the sender's accrued rewards of `token`'s pool, in its reward token.
    ClaimRewards {
        /// The pool's staked token.
        token: String,
    },
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
        /// The staked token of the pool funded.
        pool_token: String,
        /// Length of the stream asked, seconds from now.
        duration_seconds: u64,
    },
}

/// The staking contract's queries.
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// The caps and the pool count.
    #[returns(ConfigResponse)]
    Config {},
    /// One pool, its stream brought up to the current block time.
    #[returns(PoolResponse)]
    Pool {
        /// The pool's staked token.
        token: String,
    },
    /// Pools by token address; paginated (default 10, at most 30).
    #[returns(PoolsResponse)]
    Pools {
        /// Token address of the last pool of the previous page (exclusive).
        start_after: Option<String>,
        /// Page size, at most 30; default 10.
        limit: Option<u32>,
    },
    /// An address's position in one pool, with its rewards accrued up to the current block time.
    #[returns(PositionResponse)]
    Position {
        /// The staker.
        address: String,
        /// The pool's staked token.
        token: String,
    },
    /// An address's pending (unpaid) claims in one pool.
    #[returns(ClaimsResponse)]
    Claims {
        /// The staker.
        address: String,
        /// The pool's staked token.
        token: String,
    },
    /// `floor(sum over pools of tier x staked)` of `address` at the start of block `height`
    /// (default the current block): stakes made in block `height` do not count at `height`.
    #[returns(VotingPowerResponse)]
    VotingPower {
        /// The staker.
        address: String,
        /// Block height; default the current one.
        height: Option<u64>,
    },
    /// `floor(sum over pools of tier x total staked)` at the start of block `height` (default the
    /// current block).
    #[returns(TotalPowerResponse)]
    TotalPower {
        /// Block height; default the current one.
        height: Option<u64>,
    },
    /// The owner and any pending transfer (cw-ownable).
    #[returns(cw_ownable::Ownership<String>)]
    Ownership {},
}

/// The staking contract's caps.
#[cw_serde]
pub struct ConfigResponse {
    /// Most pools that may exist.
    pub max_pools: u32,
    /// Most pending claims per (pool, address).
    pub max_claims: u32,
    /// Pools created so far.
    pub pool_count: u32,
}

/// A pool's parameters and state.
#[cw_serde]
pub struct PoolResponse {
    /// The staked cw20 contract (the pool's key).
    pub token: String,
    /// The cw20 contract rewards are paid in.
    pub reward_token: String,
    /// Smallest stake that opens a position, base units of `token`.
    pub min_stake: Uint128,
    /// Lock after each stake, seconds.
    pub lock_period_seconds: u64,
    /// Delay between an unstake and its claim, seconds.
    pub unbonding_period_seconds: u64,
    /// Voting-power multiplier: a position's power is `tier x staked`.
    pub tier: Decimal,
    /// Staked now, base units of `token`.
    pub total_staked: Uint128,
    /// Unstaked and not yet claimed, base units of `token`.
    pub total_unbonding: Uint128,
    /// Base units of `reward_token` per second the stream releases now (zero once ended or while paused).
    pub reward_rate: Decimal,
    /// Base units of `reward_token` not yet released by the stream.
    pub reward_remaining: Uint128,
    /// When the stream ends, seconds since the epoch (later if it is paused while nothing is
    /// staked).
    pub period_finish: u64,
    /// Accumulated reward per staked unit: base units of `reward_token` per base unit of `token`.
    pub reward_per_share: Decimal256,
    /// Every reward ever received by `Fund`, base units of `reward_token`.
    pub total_funded: Uint128,
    /// Every reward ever paid by `ClaimRewards`, base units of `reward_token`.
    pub total_rewards_paid: Uint128,
}

/// A page of pools.
#[cw_serde]
pub struct PoolsResponse {
    /// The pools, by token address.
    pub pools: Vec<PoolResponse>,
}

/// An address's position in one pool.
#[cw_serde]
pub struct PositionResponse {
    /// Staked now, base units of the pool's token.
    pub staked: Uint128,
    /// Unstaking is refused before this time.
    pub lock_until: Timestamp,
    /// Rewards accrued and not claimed, base units of the pool's reward token.
    pub pending_rewards: Uint128,
}

/// An unstaked amount waiting for its release.
#[cw_serde]
pub struct Claim {
    /// Base units of the pool's token.
    pub amount: Uint128,
    /// When `Claim` may pay it (block time).
    pub release_at: Timestamp,
}

/// An address's pending claims in one pool.
#[cw_serde]
pub struct ClaimsResponse {
    /// The pending claims, matured or not.
    pub claims: Vec<Claim>,
}

/// An address's voting power at a height.
#[cw_serde]
pub struct VotingPowerResponse {
    /// `floor(sum over pools of tier x staked)`, in tier-weighted base units.
    pub power: Uint128,
    /// The block height it is measured at (its start).
    pub height: u64,
}

/// The total voting power at a height.
#[cw_serde]
pub struct TotalPowerResponse {
    /// `floor(sum over pools of tier x total staked)`, in tier-weighted base units.
    pub power: Uint128,
    /// The block height it is measured at (its start).
    pub height: u64,
}

/// Migrates the staking contract (no parameters).
#[cw_serde]
pub struct MigrateMsg {}
