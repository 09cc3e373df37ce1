use cosmwasm_std::{
    CheckedFromRatioError, CheckedMultiplyFractionError, CheckedMultiplyRatioError, OverflowError,
};
use thiserror::Error;

/// Errors of the math package. Contracts wrap it with `#[from]`.
#[derive(Error, Debug, PartialEq)]
pub enum MathError {
    #[error(transparent)]
    Overflow(#[from] OverflowError),

    #[error(transparent)]
    CheckedFromRatio(#[from] CheckedFromRatioError),

    #[error(transparent)]
    CheckedMultiplyFraction(#[from] CheckedMultiplyFractionError),

    #[error(transparent)]
    CheckedMultiplyRatio(#[from] CheckedMultiplyRatioError),

    #[error("invalid {name}: {reason}")]
    InvalidParameter { name: String, reason: String },

    #[error("invalid month {value:?}: expected YYYY-MM")]
    InvalidMonth { value: String },
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
