use cosmwasm_std::{OverflowError, StdError, Timestamp, Uint128};
use cw_ownable::OwnershipError;
use poe_math::MathError;
use thiserror::Error;

/// Every error of the PoE mining contract. A rejected message changes nothing.
#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    #[error(transparent)]
    Std(#[from] StdError),

    #[error(transparent)]
    Ownership(#[from] OwnershipError),

    #[error(transparent)]
    Math(#[from] MathError),

    #[error(transparent)]
    Overflow(#[from] OverflowError),

    #[error("wrong token: the fee is paid in {expected}, not {received}")]
    WrongToken { expected: String, received: String },

    #[error("{reporter} is not an authorized reporter")]
    UnauthorizedReporter { reporter: String },

    #[error("only the owner salary recipient may claim the salary")]
    NotSalaryRecipient {},

    #[error("{miner} is not a registered miner")]
    MinerNotRegistered { miner: String },

    #[error("{miner} is already registered")]
    MinerAlreadyRegistered { miner: String },

    #[error("job_value must be above zero")]
    ZeroJobValue {},

    #[error("{field} must be in [0, 1], got {value}")]
    InvalidFraction { field: String, value: String },

    #[error("fee mismatch: a job of this value pays exactly {required}, received {received}")]
    FeeMismatch {
        required: Uint128,
        received: Uint128,
    },

    #[error("epoch {epoch} is already closed")]
    EpochAlreadyClosed { epoch: u64 },

    #[error("epoch {epoch} cannot be closed before epoch {next}")]
    EpochNotNext { epoch: u64, next: u64 },

    #[error("epoch {epoch} has not ended: it ends at {ends_at}")]
    EpochNotEnded { epoch: u64, ends_at: Timestamp },

    #[error("poe-mining is paused until {until}")]
    Paused { until: Timestamp },

    #[error("poe-mining is not paused")]
    NotPaused {},

    #[error("nothing to claim")]
    NothingToClaim {},

    #[error("amount must be above zero")]
    ZeroAmount {},

    #[error("insufficient balance: requested {requested}, available {available}")]
    InsufficientBalance {
        requested: Uint128,
        available: Uint128,
    },

    #[error("the locked reserve is locked until {until}")]
    ReserveLocked { until: Timestamp },

    #[error("month {month} has not ended")]
    MonthNotEnded { month: String },

    #[error("no salary accrued in {month}")]
    NoSalary { month: String },

    #[error("the salary of {month} awaits governance approval")]
    SalaryNotApproved { month: String },

    #[error("the salary of {month} is already approved")]
    SalaryAlreadyApproved { month: String },

    #[error("owner salary payouts are halted")]
    SalaryHalted {},

    #[error("the owner salary policy does not allow an emergency halt")]
    SalaryHaltDisabled {},

    #[error("the escrow of {month} is already resolved")]
    EscrowAlreadyResolved { month: String },

    #[error("{address} is already a reporter")]
    AlreadyReporter { address: String },

    #[error("{address} is not a reporter")]
    NotAReporter { address: String },

    #[error("invalid parameter {name}: {reason}")]
    InvalidParameter { name: String, reason: String },

    #[error("cannot migrate from {from_name} {from_version} to {to_version}")]
    InvalidMigration {
        from_name: String,
        from_version: String,
        to_version: String,
    },
}

impl ContractError {
    pub fn invalid(name: &str, reason: impl Into<String>) -> Self {
        ContractError::InvalidParameter {
            name: name.to_string(),
            reason: reason.into(),
        }
    }
}
