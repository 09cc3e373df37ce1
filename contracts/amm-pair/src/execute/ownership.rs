//! `UpdateOwnership`: cw-ownable's two-step transfer of the owner role.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use cw_ownable::Action;

use crate::error::ContractError;

/// `TransferOwnership` and `RenounceOwnership` by the owner, `AcceptOwnership` by the pending
/// owner (before its expiry). Renouncing freezes the fees and the pause state for ever.
///
/// Errors: `Payment` (funds attached), `Ownership` (wrong caller, no pending transfer, expired).
pub fn update_ownership(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    action: Action,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let ownership = cw_ownable::update_ownership(deps, &env.block, &info.sender, action)?;
    Ok(Response::new()
        .add_attribute("action", "update_ownership")
        .add_attributes(ownership.into_attributes()))
}
