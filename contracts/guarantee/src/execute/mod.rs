//! Execute handlers, one file per operation, and what several of them share.

pub mod close;
pub mod collateral;
pub mod config;
pub mod default;
pub mod instantiate;
pub mod liquidate;
pub mod open;
pub mod receive;
pub mod redeem;
pub mod release;
pub mod release_collateral;
pub mod relinquish;
pub mod top_up;

use cosmwasm_std::{Addr, Storage};
pub use poe_controllers::asset::pay_msg;
pub use poe_controllers::cw20::retire_msg;

use crate::error::ContractError;
use crate::msg::{AssetInfo, GuaranteeStatus};
use crate::state::{load_guarantee, Guarantee};

/// Reply id of a claim token's instantiation.
pub const REPLY_OPEN: u64 = 1;
/// Reply id of a liquidation's sale through the router.
pub const REPLY_LIQUIDATE: u64 = 2;

/// `value` within `min..=max`, else [`ContractError::InvalidBound`] naming `field`.
pub fn check_bound(field: &str, value: u64, min: u64, max: u64) -> Result<(), ContractError> {
    if value < min || value > max {
        return Err(ContractError::InvalidBound {
            field: field.to_string(),
            value,
            min,
            max,
        });
    }
    Ok(())
}

/// The open guarantee `guarantee_id`.
///
/// Errors: [`ContractError::GuaranteeNotFound`], [`ContractError::GuaranteeNotOpen`].
pub fn load_open(storage: &dyn Storage, guarantee_id: u64) -> Result<Guarantee, ContractError> {
    let guarantee = load_guarantee(storage, guarantee_id)?;
    if guarantee.status != GuaranteeStatus::Open {
        return Err(ContractError::GuaranteeNotOpen {
            guarantee_id,
            status: guarantee.status,
        });
    }
    Ok(guarantee)
}

/// The FLX token as an asset.
pub fn flx_asset(flx_token: &Addr) -> AssetInfo {
    AssetInfo::Token {
        contract_addr: flx_token.to_string(),
    }
}
