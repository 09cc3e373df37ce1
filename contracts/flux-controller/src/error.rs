//! The FLX controller's errors.

use cosmwasm_std::{OverflowError, StdError, Timestamp};
use poe_controllers::{AllowListError, PauseError};
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

    /// The reporter allow-list: `NotListed` (a report from a stranger, removing a non-reporter),
    /// `AlreadyListed` (adding one twice), `Full` (more than
    /// [`poe_interface::flux_controller::MAX_REPORTERS`]).
    #[error(transparent)]
    AllowList(#[from] AllowListError),

    /// The pause: `Paused` (a report or rebalance while it runs), `NotPaused`, `EndNotInFuture`,
    /// `WouldShorten`.
    #[error(transparent)]
    Pause(#[from] PauseError),

    /// A report component above its bound in the parameters.
    #[error("{component} {value} is above its bound {max}")]
    ReportOutOfBounds {
        /// `pending_gas_buffer`, `tx_fee_moving_average` or `queue_length`.
        component: String,
        /// The value reported.
        value: String,
        /// The bound (`max_pending_gas_buffer`, `max_tx_fee_moving_average`, `max_queue_length`).
        max: String,
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
