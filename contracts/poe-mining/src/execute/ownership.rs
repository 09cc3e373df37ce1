//! `UpdateOwnership`: cw-ownable's two-step transfer of the owner role.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use cw_ownable::Action;

use crate::error::ContractError;

/// `TransferOwnership` / `RenounceOwnership` by the owner, `AcceptOwnership` by the pending owner
/// (`poe_controllers::ownership::update_ownership`).
///
/// Errors: `Payment` (funds attached), `Ownership` (wrong caller, no pending transfer, expired).
pub fn update_ownership(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    action: Action,
) -> Result<Response, ContractError> {
    poe_controllers::ownership::update_ownership::<ContractError>(deps, &env, &info, action)
}
