//! The contract's errors.

use cosmwasm_std::{Int128, OverflowError, StdError, Timestamp, Uint128};
use cw_ownable::OwnershipError;
use cw_utils::PaymentError;
use poe_controllers::{AllowListError, PauseError};
use poe_math::MathError;
use thiserror::Error;

/// Every error of the PoE mining contract. A rejected message changes nothing.
#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    /// Storage, serialization or address validation.
    #[error(transparent)]
    Std(#[from] StdError),

    /// Not the owner, or a refused ownership transfer step.
    #[error(transparent)]
    Ownership(#[from] OwnershipError),

    /// Native coins attached to a message (none expects any).
    #[error(transparent)]
    Payment(#[from] PaymentError),

    /// The pause: an operation it stops while it runs, or a refused `Pause` / `Unpause`.
    #[error(transparent)]
    Pause(#[from] PauseError),

    /// The reporter allow-list: a sender that is not a reporter, a duplicate, a full list.
    #[error(transparent)]
    AllowList(#[from] AllowListError),

    /// Checked math (fee split, sums, parameters).
    #[error(transparent)]
    Math(#[from] MathError),

    /// Checked arithmetic on the contract's own ledgers.
    #[error(transparent)]
    Overflow(#[from] OverflowError),

    /// The fee hook was called by another token (or an account).
    #[error("wrong token: the fee is paid in {expected}, not {received}")]
    WrongToken {
        /// The FLX token.
        expected: String,
        /// The caller.
        received: String,
    },

    /// `ClaimOwnerSalary` from another account.
    #[error("only the owner salary recipient may claim the salary")]
    NotSalaryRecipient {},

    /// An operation on an address that is not a registered miner.
    #[error("{miner} is not a registered miner")]
    MinerNotRegistered {
        /// The address.
        miner: String,
    },

    /// `RegisterMiner` twice.
    #[error("{miner} is already registered")]
    MinerAlreadyRegistered {
        /// The address.
        miner: String,
    },

    /// A job of value zero.
    #[error("job_value must be above zero")]
    ZeroJobValue {},

    /// A quality score or uptime above one.
    #[error("{field} must be in [0, 1], got {value}")]
    InvalidFraction {
        /// `quality_score` or `uptime`.
        field: String,
        /// The value sent.
        value: String,
    },

    /// A job's `|liquidity_delta|` above `job_value * max_liquidity_ratio`.
    #[error("liquidity_delta {liquidity_delta} is beyond the job's bound: |liquidity_delta| <= job_value * max_liquidity_ratio = {max}")]
    LiquidityDeltaTooLarge {
        /// The delta sent.
        liquidity_delta: Int128,
        /// The largest absolute delta the job's value allows.
        max: Uint128,
    },

    /// The FLX sent is not exactly the job's fee.
    #[error("fee mismatch: a job of this value pays exactly {required}, received {received}")]
    FeeMismatch {
        /// `JobFee { job_value }.fee`.
        required: Uint128,
        /// What was sent.
        received: Uint128,
    },

    /// `CloseEpoch` of an epoch already closed.
    #[error("epoch {epoch} is already closed")]
    EpochAlreadyClosed {
        /// The epoch.
        epoch: u64,
    },

    /// `CloseEpoch` skipping an open epoch that had jobs.
    #[error("epoch {epoch} cannot be closed before epoch {next}")]
    EpochNotNext {
        /// The epoch asked for.
        epoch: u64,
        /// The open epoch with jobs that must close first.
        next: u64,
    },

    /// `CloseEpoch` before the epoch's end.
    #[error("epoch {epoch} has not ended: it ends at {ends_at}")]
    EpochNotEnded {
        /// The epoch.
        epoch: u64,
        /// Its end.
        ends_at: Timestamp,
    },

    /// Nothing left to claim or withdraw.
    #[error("nothing to claim")]
    NothingToClaim {},

    /// An amount of zero.
    #[error("amount must be above zero")]
    ZeroAmount {},

    /// More than is available.
    #[error("insufficient balance: requested {requested}, available {available}")]
    InsufficientBalance {
        /// What was asked for.
        requested: Uint128,
        /// What is available.
        available: Uint128,
    },

    /// `WithdrawLockedReserve` while none of the reserve is unlocked.
    #[error("the locked reserve is locked until {until}")]
    ReserveLocked {
        /// When the locked part unlocks.
        until: Timestamp,
    },

    /// A salary operation on a month that has not ended.
    #[error("month {month} has not ended")]
    MonthNotEnded {
        /// `YYYY-MM`.
        month: String,
    },

    /// A salary operation on a month without salary.
    #[error("no salary accrued in {month}")]
    NoSalary {
        /// `YYYY-MM`.
        month: String,
    },

    /// A salary claim before the required approval.
    #[error("the salary of {month} awaits governance approval")]
    SalaryNotApproved {
        /// `YYYY-MM`.
        month: String,
    },

    /// A second approval.
    #[error("the salary of {month} is already approved")]
    SalaryAlreadyApproved {
        /// `YYYY-MM`.
        month: String,
    },

    /// A salary claim while payouts are halted.
    #[error("owner salary payouts are halted")]
    SalaryHalted {},

    /// A halt the policy does not allow.
    #[error("the owner salary policy does not allow an emergency halt")]
    SalaryHaltDisabled {},

    /// A second escrow resolution.
    #[error("the escrow of {month} is already resolved")]
    EscrowAlreadyResolved {
        /// `YYYY-MM`.
        month: String,
    },

    /// A parameter or argument out of its range.
    #[error("invalid parameter {name}: {reason}")]
    InvalidParameter {
        /// The parameter.
        name: String,
        /// Why.
        reason: String,
    },
}

impl ContractError {
    /// Shorthand for [`ContractError::InvalidParameter`].
    pub fn invalid(name: &str, reason: impl Into<String>) -> Self {
        ContractError::InvalidParameter {
            name: name.to_string(),
            reason: reason.into(),
        }
    }
}
