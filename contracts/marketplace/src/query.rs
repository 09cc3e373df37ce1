//! Queries.

use cosmwasm_std::{to_json_binary, Binary, Deps, Env, Order, StdResult};
use cw_storage_plus::Bound;
use poe_controllers::page::page_limit;

use crate::contract::pause_of;
use crate::error::ContractError;
use crate::msg::{
    AllocationResponse, AllocationsResponse, ConfigResponse, PoolResponse, PoolsResponse, QueryMsg,
};
use crate::state::{
    load_allocation, load_pool, ALLOCATIONS, CONFIG, POOLS, POOL_ALLOCATIONS, SELLERS,
};

/// Dispatches a query.
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    Ok(match msg {
        QueryMsg::Config {} => to_json_binary(&query_config(deps, &env)?)?,
        QueryMsg::Pool { pool_id } => to_json_binary(&query_pool(deps, pool_id)?)?,
        QueryMsg::Pools { start_after, limit } => {
            to_json_binary(&query_pools(deps, start_after, limit)?)?
        }
        QueryMsg::IsSeller { pool_id, address } => {
            load_pool(deps.storage, pool_id)?;
            let address = deps.api.addr_validate(&address)?;
            to_json_binary(&SELLERS.has(deps.storage, (pool_id, &address)))?
        }
        QueryMsg::Allocation { allocation_id } => {
            to_json_binary(&query_allocation(deps, allocation_id)?)?
        }
        QueryMsg::Allocations {
            pool_id,
            start_after,
            limit,
        } => to_json_binary(&query_allocations(deps, pool_id, start_after, limit)?)?,
        QueryMsg::PauseStatus {} => to_json_binary(&poe_controllers::pause::query_pause_status(
            deps.storage,
            &env,
            &CONFIG,
            pause_of,
        )?)?,
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?)?,
    })
}

/// The configuration and the running pause.
pub fn query_config(deps: Deps, env: &Env) -> StdResult<ConfigResponse> {
    let config = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        paused_until: config.pause.active(&env.block),
        flx_token: config.flx_token,
        treasury: config.treasury,
        max_allocation_seconds: config.max_allocation_seconds,
        max_pools: config.max_pools,
        max_sellers_per_pool: config.max_sellers_per_pool,
        pool_count: config.pool_count,
    })
}

/// One pool.
///
/// Errors: [`ContractError::PoolNotFound`].
pub fn query_pool(deps: Deps, pool_id: u64) -> Result<PoolResponse, ContractError> {
    load_pool(deps.storage, pool_id)
}

/// Pools by id after `start_after`, [`page_limit`] of them.
pub fn query_pools(
    deps: Deps,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<PoolsResponse> {
    let pools = POOLS
        .range(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(page_limit(limit))
        .map(|item| item.map(|(_, pool)| pool))
        .collect::<StdResult<_>>()?;
    Ok(PoolsResponse { pools })
}

/// One allocation.
///
/// Errors: [`ContractError::AllocationNotFound`].
pub fn query_allocation(
    deps: Deps,
    allocation_id: u64,
) -> Result<AllocationResponse, ContractError> {
    load_allocation(deps.storage, allocation_id)
}

/// The pool's allocations by id after `start_after`, [`page_limit`] of them.
///
/// Errors: [`ContractError::PoolNotFound`], storage.
pub fn query_allocations(
    deps: Deps,
    pool_id: u64,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> Result<AllocationsResponse, ContractError> {
    load_pool(deps.storage, pool_id)?;
    let allocations = POOL_ALLOCATIONS
        .prefix(pool_id)
        .keys(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(page_limit(limit))
        .map(|id| ALLOCATIONS.load(deps.storage, id?))
        .collect::<StdResult<_>>()?;
    Ok(AllocationsResponse { allocations })
}
