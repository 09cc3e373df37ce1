//! Execute handlers, one file per group of operations.

pub mod allowance;
pub mod ownership;
pub mod record;
pub mod retire;
pub mod supply;
pub mod transfer;
pub mod transfer_burn;

use cosmwasm_std::{StdError, Uint128};

use crate::error::ContractError;

/// Rejects a zero `amount` for `action` with [`ContractError::ZeroAmount`]; touches no storage.
pub fn ensure_nonzero(amount: Uint128, action: &str) -> Result<(), ContractError> {
    if amount.is_zero() {
        Err(ContractError::zero_amount(action))
    } else {
        Ok(())
    }
}

/// Wraps a `StdError` as cw20-base does (`ContractError::Cw20(Std(..))`), so that a failure the
/// token detects itself reads the same as the one cw20-base would have raised.
pub fn cw20_err(err: impl Into<StdError>) -> ContractError {
    ContractError::Cw20(cw20_base::ContractError::Std(err.into()))
}
