//! One file per operation.

pub mod config;
pub mod instantiate;
pub mod raise;

use cosmwasm_std::Decimal;

use crate::error::ContractError;
use crate::msg::MAX_DECAY_RATE_PER_DAY;

/// Refuses a decay rate above [`MAX_DECAY_RATE_PER_DAY`].
pub fn check_decay_rate(rate: Decimal) -> Result<(), ContractError> {
    if rate > MAX_DECAY_RATE_PER_DAY {
        return Err(ContractError::InvalidDecayRate {
            rate,
            max: MAX_DECAY_RATE_PER_DAY,
        });
    }
    Ok(())
}
