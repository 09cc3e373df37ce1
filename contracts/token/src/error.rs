//! The token's errors.

use cosmwasm_std::StdError;
use thiserror::Error;

/// Every error the token returns.
///
/// Errors raised by cw20-base's own code (insufficient balance, allowance, minter, cap, logo,
/// marketing) arrive as [`ContractError::Cw20`], and so do the same failures on the transfer burn
/// path and the overflow checks the token adds, so a caller sees the same error whatever the burn
/// rate.
#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    /// A storage, serialization or address error raised by the token's own code.
    #[error(transparent)]
    Std(#[from] StdError),

    /// An error of cw20-base: `Unauthorized`, `Expired`, `NoAllowance`, `CannotExceedCap`,
    /// `CannotSetOwnAccount`, `InvalidExpiration`, logo errors, and `Std(Overflow)` for a balance
    /// or allowance too small (or a supply or allowance pushed past `Uint128::MAX`).
    #[error(transparent)]
    Cw20(#[from] cw20_base::ContractError),

    /// Not the owner, no owner (renounced), or a failed ownership transfer step.
    #[error(transparent)]
    Ownership(#[from] cw_ownable::OwnershipError),

    /// Funds attached to an extension message.
    #[error(transparent)]
    Payment(#[from] cw_utils::PaymentError),

    /// The transfer burn computation (only with a stored rate above the maximum, which the token
    /// never stores).
    #[error(transparent)]
    Math(#[from] poe_math::MathError),

    /// A zero amount given to a message that moves tokens.
    #[error("invalid zero amount: {action} needs a positive amount")]
    ZeroAmount {
        /// `transfer`, `send`, `transfer_from`, `send_from`, `burn`, `burn_from` or `mint`.
        action: String,
    },

    /// A transfer burn above [`poe_math::burn::MAX_TRANSFER_BURN_BPS`].
    #[error("transfer burn of {bps} bps is above the maximum of {max} bps")]
    TransferBurnTooHigh {
        /// The rate asked for, basis points.
        bps: u16,
        /// The largest rate accepted, basis points.
        max: u16,
    },

    /// A transfer, send, burn, mint or rate change of a retired token, or a second `Retire`.
    #[error("the token is retired: every balance is 0 and nothing moves")]
    Retired {},

    /// `Retire` of a token instantiated without `retirable: true`.
    #[error("the token is not retirable")]
    NotRetirable {},
}

impl ContractError {
    /// Shorthand for [`ContractError::ZeroAmount`].
    pub fn zero_amount(action: &str) -> Self {
        ContractError::ZeroAmount {
            action: action.to_string(),
        }
    }
}
