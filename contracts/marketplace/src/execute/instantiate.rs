//! Instantiation.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use cw2::set_contract_version;
use poe_controllers::PauseState;

use crate::error::ContractError;
use crate::execute::check_bound;
use crate::msg::{
    InstantiateMsg, DEFAULT_MAX_ALLOCATION_SECONDS, DEFAULT_MAX_POOLS,
    DEFAULT_MAX_SELLERS_PER_POOL, MAX_ALLOCATION_SECONDS_LIMIT, MAX_POOLS_LIMIT,
    MAX_SELLERS_PER_POOL_LIMIT,
};
use crate::state::{Config, CONFIG};
use crate::{CONTRACT_NAME, CONTRACT_VERSION};

/// Stores the cw2 version, the owner (default the sender) and the configuration.
///
/// Errors: `Payment` (funds attached), `Std` (invalid address), [`ContractError::InvalidBound`].
pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let max_allocation_seconds = msg
        .max_allocation_seconds
        .unwrap_or(DEFAULT_MAX_ALLOCATION_SECONDS);
    check_bound(
        "max_allocation_seconds",
        max_allocation_seconds,
        MAX_ALLOCATION_SECONDS_LIMIT,
    )?;
    let max_pools = msg.max_pools.unwrap_or(DEFAULT_MAX_POOLS);
    check_bound("max_pools", max_pools.into(), MAX_POOLS_LIMIT.into())?;
    let max_sellers_per_pool = msg
        .max_sellers_per_pool
        .unwrap_or(DEFAULT_MAX_SELLERS_PER_POOL);
    check_bound(
        "max_sellers_per_pool",
        max_sellers_per_pool.into(),
        MAX_SELLERS_PER_POOL_LIMIT.into(),
    )?;
    let config = Config {
        flx_token: deps.api.addr_validate(&msg.flx_token)?,
        treasury: deps.api.addr_validate(&msg.treasury)?,
        max_allocation_seconds,
        max_pools,
        max_sellers_per_pool,
        pool_count: 0,
        next_allocation_id: 1,
        pause: PauseState::none(),
    };
    set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    let owner = msg.owner.unwrap_or_else(|| info.sender.to_string());
    let ownership = cw_ownable::initialize_owner(deps.storage, deps.api, Some(&owner))?;
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("flx_token", config.flx_token)
        .add_attribute("treasury", config.treasury)
        .add_attributes(ownership.into_attributes()))
}
