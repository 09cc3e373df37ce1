//! The factory's errors.

use cosmwasm_std::{OverflowError, StdError};
use poe_math::amm::AmmMathError;
use thiserror::Error;

/// Every error the factory returns. Asset pairs print as `<asset>-<asset>` (cw20 address or
/// denom), sorted.
#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    /// Storage, serialization, address (an invalid cw20 address or denom) and query errors.
    #[error(transparent)]
    Std(#[from] StdError),

    /// A checked arithmetic operation overflowed (the pair counter).
    #[error(transparent)]
    Overflow(#[from] OverflowError),

    /// Not the owner, no owner (renounced), or a failed ownership transfer step.
    #[error(transparent)]
    Ownership(#[from] cw_ownable::OwnershipError),

    /// Native funds attached: the factory takes none.
    #[error(transparent)]
    Payment(#[from] cw_utils::PaymentError),

    /// Fees out of range (`FeeTooHigh`, `FractionAboveOne`).
    #[error(transparent)]
    Math(#[from] AmmMathError),

    /// A reply that does not carry the pair's instantiation.
    #[error(transparent)]
    ParseReply(#[from] cw_utils::ParseReplyError),

    /// `CreatePair` with the same asset twice.
    #[error("the two assets must differ")]
    IdenticalAssets,

    /// A cw20 asset whose address does not answer the cw20 `TokenInfo` query.
    #[error("{address} is not a cw20 token: {reason}")]
    NotCw20 {
        /// The address given.
        address: String,
        /// The query's error.
        reason: String,
    },

    /// `CreatePair` for assets that already have a pair (in either order).
    #[error("a pair of {assets} already exists at {pair}")]
    PairExists {
        /// The two assets.
        assets: String,
        /// The existing pair.
        pair: String,
    },

    /// `Pair` for assets without a pair.
    #[error("no pair of {assets}")]
    PairNotFound {
        /// The two assets.
        assets: String,
    },

    /// A parameter out of range.
    #[error("invalid {name}: {reason}")]
    InvalidConfig {
        /// Which parameter.
        name: String,
        /// What is wrong with it.
        reason: String,
    },

    /// A reply the factory did not ask for.
    #[error("unexpected reply {id}")]
    UnexpectedReply {
        /// The reply's id.
        id: u64,
    },
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
