//! Instantiation.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use cw2::set_contract_version;

use crate::error::ContractError;
use crate::msg::InstantiateMsg;
use crate::{CONTRACT_NAME, CONTRACT_VERSION};

/// Stores the cw2 version and the owner (default the sender).
///
/// Errors: `Payment` (funds attached), `Std` (invalid owner address).
pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    let owner = msg.owner.unwrap_or_else(|| info.sender.to_string());
    let ownership = cw_ownable::initialize_owner(deps.storage, deps.api, Some(&owner))?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attributes(ownership.into_attributes()))
}
