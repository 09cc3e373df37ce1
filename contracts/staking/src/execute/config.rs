//! `UpdateConfig`: the caps.

use cosmwasm_std::{DepsMut, MessageInfo, Response};
use poe_interface::staking::{MAX_CLAIMS_LIMIT, MAX_POOLS_LIMIT};

use crate::error::ContractError;
use crate::state::CONFIG;

/// Owner only: sets `max_pools` and/or `max_claims`. Lowering `max_claims` keeps existing claims;
/// it only refuses unstakes while an address has that many pending.
///
/// Attributes: `action=update_config`, `max_pools`, `max_claims`.
///
/// Errors: `Payment`, `Ownership(NotOwner | NoOwner)`, [`ContractError::InvalidConfig`].
pub fn update_config(
    deps: DepsMut,
    info: MessageInfo,
    max_pools: Option<u32>,
    max_claims: Option<u32>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut config = CONFIG.load(deps.storage)?;
    if let Some(max_pools) = max_pools {
        check_max_pools(max_pools, config.pool_count)?;
        config.max_pools = max_pools;
    }
    if let Some(max_claims) = max_claims {
        check_max_claims(max_claims)?;
        config.max_claims = max_claims;
    }
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "update_config")
        .add_attribute("max_pools", config.max_pools.to_string())
        .add_attribute("max_claims", config.max_claims.to_string()))
}

/// `max_pools` must be in `max(1, pool_count)..=MAX_POOLS_LIMIT`.
///
/// Errors: [`ContractError::InvalidConfig`].
pub fn check_max_pools(max_pools: u32, pool_count: u32) -> Result<(), ContractError> {
    let reason = if max_pools == 0 {
        "must be positive".to_string()
    } else if max_pools > MAX_POOLS_LIMIT {
        format!("must be at most {MAX_POOLS_LIMIT}")
    } else if max_pools < pool_count {
        format!("{pool_count} pools exist already")
    } else {
        return Ok(());
    };
    Err(ContractError::InvalidConfig {
        name: "max_pools".to_string(),
        value: max_pools,
        reason,
    })
}

/// `max_claims` must be in `1..=MAX_CLAIMS_LIMIT`.
///
/// Errors: [`ContractError::InvalidConfig`].
pub fn check_max_claims(max_claims: u32) -> Result<(), ContractError> {
    if max_claims == 0 || max_claims > MAX_CLAIMS_LIMIT {
        return Err(ContractError::InvalidConfig {
            name: "max_claims".to_string(),
            value: max_claims,
            reason: format!("must be in 1..={MAX_CLAIMS_LIMIT}"),
        });
    }
    Ok(())
}
