//! `UpdateOwnership`: cw-ownable's two-step transfer of the owner role.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use cw_ownable::Action;

use crate::error::ContractError;

/// [`poe_controllers::ownership::update_ownership`]. Renouncing freezes the parameters and the
/// reporter list for ever.
///
/// Errors: `Payment` (funds attached), `Ownership` (wrong caller, no pending transfer, expired).
pub fn update_ownership(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    action: Action,
) -> Result<Response, ContractError> {
    poe_controllers::ownership::update_ownership(deps, &env, &info, action)
}
