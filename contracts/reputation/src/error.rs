//! The registry's errors.

use cosmwasm_std::{Decimal, StdError};
use thiserror::Error;

/// Every error of the registry.
#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    /// Storage, serialization or address validation.
    #[error(transparent)]
    Std(#[from] StdError),

    /// Not the owner (cw-ownable).
    #[error(transparent)]
    Ownership(#[from] cw_ownable::OwnershipError),

    /// Funds attached to a message that takes none.
    #[error(transparent)]
    Payment(#[from] cw_utils::PaymentError),

    /// The writers' allow-list: not a writer, already one, or too many.
    #[error(transparent)]
    AllowList(#[from] poe_controllers::AllowListError),

    /// Decay arithmetic.
    #[error(transparent)]
    Math(#[from] poe_math::MathError),

    /// A checked sum overflowed.
    #[error(transparent)]
    Overflow(#[from] cosmwasm_std::OverflowError),

    /// A decay rate above the bound.
    #[error("invalid decay_rate_per_day {rate}: must be at most {max}")]
    InvalidDecayRate {
        /// The rate given.
        rate: Decimal,
        /// The bound.
        max: Decimal,
    },

    /// A raise of zero points or more than the bound.
    #[error("invalid points {points}: must be within 1..={max}")]
    InvalidPoints {
        /// Points given.
        points: u128,
        /// The bound.
        max: u128,
    },

    /// A tag that is empty, too long, not `a-z0-9-_`, or named twice.
    #[error("invalid tag {tag:?}: {reason}")]
    InvalidTag {
        /// The tag given.
        tag: String,
        /// Why.
        reason: String,
    },

    /// More tags than one raise may name.
    #[error("too many tags: {count}, at most {max}")]
    TooManyTags {
        /// Tags given.
        count: usize,
        /// The bound.
        max: usize,
    },

    /// An `UpdateWriters` that changes nothing.
    #[error("no writer to add or remove")]
    NoWriterChange,
}
