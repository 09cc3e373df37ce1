//! The FLX controller's errors.

use cosmwasm_std::{OverflowError, StdError, Timestamp};
use poe_math::MathError;
use thiserror::Error;

/// Every error the FLX controller returns.
#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    /// Storage, serialization (a malformed hook `msg`), address and query errors.
    #[error(transparent)]
    Std(#[from] StdError),

    /// A total pushed past `Uint128::MAX`.
    #[error(transparent)]
    Overflow(#[from] OverflowError),

    /// Not the owner, no owner (renounced), or a failed ownership transfer step.
    #[error(transparent)]
    Ownership(#[from] cw_ownable::OwnershipError),

    /// Native funds attached: the contract takes none.
    #[error(transparent)]
    Payment(#[from] cw_utils::PaymentError),

    /// Errors of the math package other than invalid parameters (which are `InvalidConfig`).
    #[error(transparent)]
    Math(MathError),

    /// `ReportUsage` from an address not on the allow-list, or `UpdateReporters` removing one.
    #[error("{address} is not a reporter")]
    NotReporter {
        /// The address.
        address: String,
    },

    /// `UpdateReporters` adding an address already on the allow-list (or twice).
    #[error("{address} is already a reporter")]
    AlreadyReporter {
        /// The address.
        address: String,
    },

    /// The allow-list would hold more than `max` reporters.
    #[error("too many reporters: at most {max}")]
    TooManyReporters {
        /// [`poe_interface::flux_controller::MAX_REPORTERS`].
        max: u32,
    },

    /// A parameter out of range (the config is validated as a whole).
    #[error("invalid {name}: {reason}")]
    InvalidConfig {
        /// The parameter.
        name: String,
        /// What is wrong with it.
        reason: String,
    },

    /// `flx_token` does not answer the cw20 `TokenInfo` query.
    #[error("{address} is not a cw20 token: {reason}")]
    NotCw20 {
        /// The address given.
        address: String,
        /// The query's error.
        reason: String,
    },

    /// A cw20 hook from a token that is not FLX.
    #[error("only the FLX token {expected} may fund the buffer, not {got}")]
    WrongToken {
        /// The FLX token.
        expected: String,
        /// The hook's caller.
        got: String,
    },

    /// A hook crediting zero.
    #[error("invalid zero amount")]
    ZeroAmount,

    /// `Rebalance` while no epoch waits to be closed: the open one ends at `ends_at`.
    #[error("epoch {epoch} has not ended: it ends at {ends_at}")]
    EpochNotEnded {
        /// The epoch open now.
        epoch: u64,
        /// Its end.
        ends_at: Timestamp,
    },

    /// A `Decision` query for an epoch not closed yet.
    #[error("epoch {epoch} is not closed: the next epoch to close is {next_epoch_to_close}")]
    EpochNotClosed {
        /// The epoch asked for.
        epoch: u64,
        /// The oldest epoch still open.
        next_epoch_to_close: u64,
    },

    /// `ReportUsage` or `Rebalance` during a pause.
    #[error("the controller is paused until {until}")]
    Paused {
        /// When the pause ends.
        until: Timestamp,
    },

    /// `Unpause` with no pause running.
    #[error("the controller is not paused")]
    NotPaused,
}

impl From<MathError> for ContractError {
    /// An invalid parameter becomes [`ContractError::InvalidConfig`]; anything else `Math`.
    fn from(err: MathError) -> Self {
        match err {
            MathError::InvalidParameter { name, reason } => {
                ContractError::InvalidConfig { name, reason }
            }
            other => ContractError::Math(other),
        }
    }
}

impl ContractError {
    /// Shorthand for [`ContractError::InvalidConfig`].
    pub fn invalid(name: impl Into<String>, reason: impl Into<String>) -> Self {
        ContractError::InvalidConfig {
            name: name.into(),
            reason: reason.into(),
        }
    }
}
