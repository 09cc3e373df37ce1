//! `Cancel`: the seller or the owner withdraws an open allocation before its expiry.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};

use crate::error::ContractError;
use crate::execute::{close, closed_response, load_open};
use crate::msg::AllocationStatus;

/// The allocation's seller or the owner, before its `expires_at` (also while paused): ends it
/// as `cancelled` and moves its amount from `reserved` back to `available`. After the expiry,
/// `Expire` (anyone) does the same.
///
/// Attributes: `action=cancel`, `allocation_id`, `pool_id`, `amount`.
///
/// Errors: `Payment`, [`ContractError::AllocationNotFound`],
/// [`ContractError::AllocationNotOpen`], [`ContractError::NotSellerOrOwner`],
/// [`ContractError::AllocationExpired`].
pub fn cancel(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    allocation_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let allocation = load_open(deps.storage, allocation_id)?;
    if info.sender != allocation.seller
        && cw_ownable::assert_owner(deps.storage, &info.sender).is_err()
    {
        return Err(ContractError::NotSellerOrOwner {
            sender: info.sender,
        });
    }
    if env.block.time >= allocation.expires_at {
        return Err(ContractError::AllocationExpired {
            expires_at: allocation.expires_at,
        });
    }
    let allocation = close(
        deps.storage,
        allocation,
        AllocationStatus::Cancelled,
        env.block.time,
    )?;
    Ok(closed_response("cancel", &allocation).add_attribute("by", info.sender))
}
