//! The error type of the math package.

use cosmwasm_std::{
    CheckedFromRatioError, CheckedMultiplyFractionError, CheckedMultiplyRatioError, OverflowError,
};
use thiserror::Error;

/// Errors of the math package. Contracts wrap it with `#[from]`.
#[derive(Error, Debug, PartialEq)]
pub enum MathError {
    /// A checked addition, subtraction, multiplication or power overflowed.
    #[error(transparent)]
    Overflow(#[from] OverflowError),

    /// A `Decimal` built from a ratio overflowed or had a zero denominator.
    #[error(transparent)]
    CheckedFromRatio(#[from] CheckedFromRatioError),

    /// An amount multiplied by a `Decimal` overflowed or had a zero denominator.
    #[error(transparent)]
    CheckedMultiplyFraction(#[from] CheckedMultiplyFractionError),

    /// An amount multiplied by a ratio of integers overflowed or had a zero denominator.
    #[error(transparent)]
    CheckedMultiplyRatio(#[from] CheckedMultiplyRatioError),

    /// A parameter outside its allowed range.
    #[error("invalid {name}: {reason}")]
    InvalidParameter {
        /// The parameter's field name, e.g. `vesting_percentage`.
        name: String,
        /// Why it is rejected, e.g. `must be at most 1`.
        reason: String,
    },

    /// A month string that is not `YYYY-MM` with a month in 01..=12 and a year from 1970.
    #[error("invalid month {value:?}: expected YYYY-MM")]
    InvalidMonth {
        /// The rejected input, verbatim.
        value: String,
    },
}

impl MathError {
    /// Shorthand for [`MathError::InvalidParameter`].
    pub fn invalid(name: impl Into<String>, reason: impl Into<String>) -> Self {
        MathError::InvalidParameter {
            name: name.into(),
            reason: reason.into(),
        }
    }
}
