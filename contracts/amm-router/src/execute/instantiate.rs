//! Instantiation.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use cw2::set_contract_version;

use crate::error::ContractError;
use crate::msg::InstantiateMsg;
use crate::state::{Config, CONFIG};
use crate::{CONTRACT_NAME, CONTRACT_VERSION};

/// Stores the factory. The router has no owner: it holds nothing between transactions and has
/// nothing to configure (a new factory means a new router).
///
/// Attributes: `action=instantiate`, `factory`.
///
/// Errors: `Payment` (funds attached), `Std` (invalid address).
pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let factory = deps.api.addr_validate(&msg.factory)?;
    set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    CONFIG.save(
        deps.storage,
        &Config {
            factory: factory.clone(),
        },
    )?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("factory", factory))
}
