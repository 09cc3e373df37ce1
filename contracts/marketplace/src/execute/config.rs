//! `UpdateConfig`.

use cosmwasm_std::{DepsMut, MessageInfo, Response};

use crate::error::ContractError;
use crate::execute::check_bound;
use crate::msg::{MAX_ALLOCATION_SECONDS_LIMIT, MAX_POOLS_LIMIT, MAX_SELLERS_PER_POOL_LIMIT};
use crate::state::CONFIG;

/// Owner: changes the treasury (new pools' default recipient) and the bounds; `None` keeps a
/// value. Open allocations keep their expiry.
///
/// Errors: `Payment`, `Ownership`, `Std` (invalid address), [`ContractError::InvalidBound`],
/// [`ContractError::MaxPoolsBelowExisting`].
pub fn update_config(
    deps: DepsMut,
    info: MessageInfo,
    treasury: Option<String>,
    max_allocation_seconds: Option<u64>,
    max_pools: Option<u32>,
    max_sellers_per_pool: Option<u32>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut config = CONFIG.load(deps.storage)?;
    if let Some(treasury) = treasury {
        config.treasury = deps.api.addr_validate(&treasury)?;
    }
    if let Some(seconds) = max_allocation_seconds {
        check_bound(
            "max_allocation_seconds",
            seconds,
            MAX_ALLOCATION_SECONDS_LIMIT,
        )?;
        config.max_allocation_seconds = seconds;
    }
    if let Some(max) = max_pools {
        check_bound("max_pools", max.into(), MAX_POOLS_LIMIT.into())?;
        if max < config.pool_count {
            return Err(ContractError::MaxPoolsBelowExisting {
                requested: max,
                existing: config.pool_count,
            });
        }
        config.max_pools = max;
    }
    if let Some(max) = max_sellers_per_pool {
        check_bound(
            "max_sellers_per_pool",
            max.into(),
            MAX_SELLERS_PER_POOL_LIMIT.into(),
        )?;
        config.max_sellers_per_pool = max;
    }
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "update_config")
        .add_attribute("treasury", config.treasury)
        .add_attribute(
            "max_allocation_seconds",
            config.max_allocation_seconds.to_string(),
        )
        .add_attribute("max_pools", config.max_pools.to_string())
        .add_attribute(
            "max_sellers_per_pool",
            config.max_sellers_per_pool.to_string(),
        ))
}
