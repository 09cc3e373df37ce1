//! Instantiation.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use cw2::set_contract_version;
use poe_interface::staking::{DEFAULT_MAX_CLAIMS, DEFAULT_MAX_POOLS};

use crate::error::ContractError;
use crate::execute::config::{check_max_claims, check_max_pools};
use crate::msg::InstantiateMsg;
use crate::state::{Config, CONFIG};
use crate::{CONTRACT_NAME, CONTRACT_VERSION};

/// Stores the cw2 version, the owner (default the sender) and the caps (defaults 16 pools and 10
/// pending claims per pool and address).
///
/// Errors: `Payment` (funds attached), `Std` (invalid owner address),
/// [`ContractError::InvalidConfig`].
pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    let config = Config {
        max_pools: msg.max_pools.unwrap_or(DEFAULT_MAX_POOLS),
        max_claims: msg.max_claims.unwrap_or(DEFAULT_MAX_CLAIMS),
        pool_count: 0,
    };
    check_max_pools(config.max_pools, 0)?;
    check_max_claims(config.max_claims)?;
    CONFIG.save(deps.storage, &config)?;
    let owner = msg.owner.unwrap_or_else(|| info.sender.to_string());
    let ownership = cw_ownable::initialize_owner(deps.storage, deps.api, Some(&owner))?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("max_pools", config.max_pools.to_string())
        .add_attribute("max_claims", config.max_claims.to_string())
        .add_attributes(ownership.into_attributes()))
}
