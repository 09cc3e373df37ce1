//! The staking contract's errors.

use cosmwasm_std::{OverflowError, StdError, Timestamp, Uint128};
use thiserror::Error;

/// Every error the staking contract returns. `token` fields are the pool's staked token address.
#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    /// Storage, serialization (a malformed hook `msg`), address and query errors.
    #[error(transparent)]
    Std(#[from] StdError),

    /// An amount or a time pushed past its type's maximum.
    #[error(transparent)]
    Overflow(#[from] OverflowError),

    /// Not the owner, no owner (renounced), or a failed ownership transfer step.
    #[error(transparent)]
    Ownership(#[from] cw_ownable::OwnershipError),

    /// Native funds attached: the contract takes none.
    #[error(transparent)]
    Payment(#[from] cw_utils::PaymentError),

    /// Errors of the math package (reward accrual or voting power beyond `Uint128`).
    #[error(transparent)]
    Math(#[from] poe_math::MathError),

    /// No pool stakes this token (also: a `Stake` hook from a token that has no pool).
    #[error("no staking pool for token {token}")]
    UnknownPool {
        /// The token asked for (or the hook's caller).
        token: String,
    },

    /// `CreatePool` for a token that already has a pool.
    #[error("a staking pool for token {token} already exists")]
    PoolExists {
        /// The token.
        token: String,
    },

    /// `CreatePool` when `max_pools` pools exist.
    #[error("too many pools: at most {max}")]
    TooManyPools {
        /// `max_pools`.
        max: u32,
    },

    /// A stake, unstake or funding of zero.
    #[error("invalid zero amount")]
    ZeroAmount,

    /// A stake opening a position with less than the pool's `min_stake`.
    #[error("stake of {amount} is below the pool's minimum stake of {min_stake}")]
    BelowMinStake {
        /// The pool's `min_stake`.
        min_stake: Uint128,
        /// The stake sent.
        amount: Uint128,
    },

    /// A partial unstake that would leave a non-zero stake below the pool's `min_stake`.
    #[error("unstake would leave {remainder}, below the pool's minimum stake of {min_stake}: unstake all or less")]
    RemainderBelowMinStake {
        /// The pool's `min_stake`.
        min_stake: Uint128,
        /// What would be left staked.
        remainder: Uint128,
    },

    /// An unstake above the position.
    #[error("insufficient stake: staked {staked}, asked to unstake {requested}")]
    InsufficientStake {
        /// The position's stake.
        staked: Uint128,
        /// The amount asked for.
        requested: Uint128,
    },

    /// An unstake before the position's lock ends.
    #[error("position is locked until {lock_until}")]
    Locked {
        /// When the lock ends.
        lock_until: Timestamp,
    },

    /// An unstake when the address already has `max_claims` pending claims in the pool.
    #[error("too many pending claims: at most {max} per pool and address")]
    TooManyClaims {
        /// `max_claims`.
        max: u32,
    },

    /// `Claim` with no matured claim.
    #[error("no matured claim")]
    NothingToClaim,

    /// `ClaimRewards` with no accrued reward.
    #[error("no rewards to claim")]
    NoRewards,

    /// A `Fund` hook from a token that is not the pool's reward token.
    #[error("pool {pool_token} pays rewards in {expected}, not in {got}")]
    WrongRewardToken {
        /// The pool's staked token.
        pool_token: String,
        /// The pool's reward token.
        expected: String,
        /// The hook's caller.
        got: String,
    },

    /// A `Fund` by an account other than the owner into a running stream whose end it would move
    /// later (`now + duration_seconds > period_finish`): that would lower the stream's rate and
    /// delay what was already funded. Fund with `duration_seconds <= period_finish - now` (the
    /// amount is then released with the stream until its end, raising the rate), or ask the
    /// owner (governance).
    #[error("only the owner may move the end of a running reward stream later: it ends at {period_finish} s, the funding asks for {requested_end} s")]
    FundWouldExtendStream {
        /// The running stream's end, seconds since the epoch.
        period_finish: u64,
        /// `now + duration_seconds` of the refused funding, seconds since the epoch.
        requested_end: u64,
    },

    /// A `Fund` by an account other than the owner that would start a new stream (none running)
    /// longer than [`poe_interface::staking::MAX_OPEN_FUND_SECONDS`]: only the owner may set a
    /// far end, which every later funding by others has to fit in.
    #[error("only the owner may start a reward stream longer than {max} s: asked for {duration_seconds} s")]
    OpenFundTooLong {
        /// The refused duration, seconds.
        duration_seconds: u64,
        /// [`poe_interface::staking::MAX_OPEN_FUND_SECONDS`].
        max: u64,
    },

    /// A period (lock, unbonding, reward stream) out of range.
    #[error("invalid {name} of {seconds} s: must be at most {max} s{}", if *.must_be_positive { " and positive" } else { "" })]
    InvalidPeriod {
        /// Which period.
        name: String,
        /// The value given, seconds.
        seconds: u64,
        /// The longest accepted, seconds.
        max: u64,
        /// Whether zero is refused.
        must_be_positive: bool,
    },

    /// A cap out of range.
    #[error("invalid {name} {value}: {reason}")]
    InvalidConfig {
        /// Which setting.
        name: String,
        /// The value given.
        value: u32,
        /// What is wrong with it.
        reason: String,
    },

    /// `CreatePool` with an address that does not answer the cw20 `TokenInfo` query.
    #[error("{address} is not a cw20 token: {reason}")]
    NotCw20 {
        /// The address given.
        address: String,
        /// The query's error.
        reason: String,
    },

    /// `migrate` of a contract that still holds the previous storage layout (config under
    /// `cfg`): no migration from it is provided.
    #[error("this contract holds the previous storage layout; no migration from it is provided: instantiate a new one")]
    OldLayout,

    /// A voting-power query for a block after the current one (its value could still change).
    #[error("height {height} is in the future (current block {current})")]
    FutureHeight {
        /// The height asked for.
        height: u64,
        /// The current block height.
        current: u64,
    },
}
