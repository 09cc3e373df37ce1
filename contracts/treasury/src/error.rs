//! The treasury's errors.

use cosmwasm_std::{OverflowError, StdError, Uint128};
use thiserror::Error;

/// Every error the treasury returns. `asset` fields read `cw20:<address>` or `native:<denom>`.
#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    /// Storage, serialization (a malformed hook `msg`), address and query errors.
    #[error(transparent)]
    Std(#[from] StdError),

    /// A ledger total pushed past `Uint128::MAX`.
    #[error(transparent)]
    Overflow(#[from] OverflowError),

    /// Not the owner, no owner (renounced), or a failed ownership transfer step.
    #[error(transparent)]
    Ownership(#[from] cw_ownable::OwnershipError),

    /// Funds attached where none belong, or a `Deposit` without funds.
    #[error(transparent)]
    Payment(#[from] cw_utils::PaymentError),

    /// Errors of the math package.
    #[error(transparent)]
    Math(#[from] poe_math::MathError),

    /// A deposit or a spend of zero.
    #[error("invalid zero amount of {asset}")]
    ZeroAmount {
        /// The asset, `cw20:<address>` or `native:<denom>`.
        asset: String,
    },

    /// A spend above what the treasury holds now.
    #[error("insufficient balance of {asset}: holds {balance}, asked to spend {requested}")]
    InsufficientBalance {
        /// The asset, `cw20:<address>` or `native:<denom>`.
        asset: String,
        /// What the treasury holds now, base units.
        balance: Uint128,
        /// What the spend asked for, base units.
        requested: Uint128,
    },

    /// The first deposit of a cw20 asset came from a caller that does not answer the cw20
    /// `Balance` query.
    #[error("{token} is not a cw20 token: {reason}")]
    NotCw20 {
        /// The caller of the hook, `cw20:<address>`.
        token: String,
        /// The query's error.
        reason: String,
    },

    /// The first deposit of a cw20 asset claims more than the token says the treasury holds.
    #[error("deposit of {amount} {asset} is not held: the token reports a balance of {balance}")]
    DepositNotHeld {
        /// The asset, `cw20:<address>`.
        asset: String,
        /// The amount the hook claims, base units.
        amount: Uint128,
        /// The balance the token reports for the treasury, base units.
        balance: Uint128,
    },

    /// A native denom that the bank would not accept.
    #[error("invalid denom {denom:?}: {reason}")]
    InvalidDenom {
        /// The denom given.
        denom: String,
        /// What is wrong with it.
        reason: String,
    },

    /// A spend whose recipient is the treasury itself.
    #[error("invalid recipient {recipient}: {reason}")]
    InvalidRecipient {
        /// The recipient given.
        recipient: String,
        /// What is wrong with it.
        reason: String,
    },

    /// A memo above [`crate::MAX_MEMO_BYTES`].
    #[error("memo of {len} bytes is longer than {max} bytes")]
    MemoTooLong {
        /// The memo's length, bytes.
        len: usize,
        /// The longest memo accepted, bytes.
        max: usize,
    },
}
