//! `Expire`: anyone returns an expired allocation's tokens to its pool.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};

use crate::error::ContractError;
use crate::execute::{close, closed_response, load_open};
use crate::msg::AllocationStatus;

/// Anyone, at or after the allocation's `expires_at` (also while paused): ends it as `expired`
/// and moves its amount from `reserved` back to `available`.
///
/// Attributes: `action=expire`, `allocation_id`, `pool_id`, `amount`.
///
/// Errors: `Payment`, [`ContractError::AllocationNotFound`],
/// [`ContractError::AllocationNotOpen`], [`ContractError::AllocationNotExpired`].
pub fn expire(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    allocation_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let allocation = load_open(deps.storage, allocation_id)?;
    if env.block.time < allocation.expires_at {
        return Err(ContractError::AllocationNotExpired {
            expires_at: allocation.expires_at,
        });
    }
    let allocation = close(
        deps.storage,
        allocation,
        AllocationStatus::Expired,
        env.block.time,
    )?;
    Ok(closed_response("expire", &allocation))
}
