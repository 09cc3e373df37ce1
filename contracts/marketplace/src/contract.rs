//! Entry points: each a thin `match` over the message, dispatching to `execute/*.rs`,
//! `query.rs` and `migrate.rs`.

#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{Binary, Deps, DepsMut, Env, MessageInfo, Response};

use crate::error::ContractError;
use crate::execute;
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::state::{Config, CONFIG};
use crate::{migrate as mig, query as q};

/// Instantiates the marketplace (no pools yet). Funds are refused.
///
/// Errors: `Payment`, `Std` (invalid address), [`ContractError::InvalidBound`].
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    execute::instantiate::instantiate(deps, env, info, msg)
}

/// `Receive` (cw20 hooks `Replenish`, `Release`), the owner's `CreatePool`, `UpdatePool`,
/// `UpdateSellers`, `Withdraw`, `UpdateConfig`, `Pause`, `Unpause`, `UpdateOwnership`; a
/// seller's `Allocate`; `Expire` (anyone, after expiry); `Cancel` (seller or owner).
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    match msg {
        ExecuteMsg::Receive(wrapper) => execute::receive::receive(deps, env, info, wrapper),
        ExecuteMsg::CreatePool {
            name,
            token,
            recipient,
        } => execute::pool::create_pool(deps, env, info, name, token, recipient),
        ExecuteMsg::UpdatePool { pool_id, recipient } => {
            execute::pool::update_pool(deps, info, pool_id, recipient)
        }
        ExecuteMsg::UpdateSellers {
            pool_id,
            add,
            remove,
        } => execute::sellers::update_sellers(deps, info, pool_id, add, remove),
        ExecuteMsg::Allocate {
            pool_id,
            amount,
            buyer,
            price,
            expires_at,
        } => {
            execute::allocate::allocate(deps, env, info, pool_id, amount, buyer, price, expires_at)
        }
        ExecuteMsg::Expire { allocation_id } => {
            execute::expire::expire(deps, env, info, allocation_id)
        }
        ExecuteMsg::Cancel { allocation_id } => {
            execute::cancel::cancel(deps, env, info, allocation_id)
        }
        ExecuteMsg::Withdraw {
            pool_id,
            amount,
            recipient,
        } => execute::withdraw::withdraw(deps, info, pool_id, amount, recipient),
        ExecuteMsg::UpdateConfig {
            treasury,
            max_allocation_seconds,
            max_pools,
            max_sellers_per_pool,
        } => execute::config::update_config(
            deps,
            info,
            treasury,
            max_allocation_seconds,
            max_pools,
            max_sellers_per_pool,
        ),
        ExecuteMsg::Pause { until } => {
            poe_controllers::pause::execute_pause(deps, &env, &info, &CONFIG, pause_of, until)
        }
        ExecuteMsg::Unpause {} => {
            poe_controllers::pause::execute_unpause(deps, &env, &info, &CONFIG, pause_of)
        }
        ExecuteMsg::UpdateOwnership(action) => {
            poe_controllers::ownership::update_ownership(deps, &env, &info, action)
        }
    }
}

/// The pause inside the configuration.
pub fn pause_of(config: &mut Config) -> &mut poe_controllers::PauseState {
    &mut config.pause
}

/// `Config`, `Pool`, `Pools`, `IsSeller`, `Allocation`, `Allocations`, `PauseStatus`,
/// `Ownership`.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    q::query(deps, env, msg)
}

/// Migrates from an older `crates.io:poe-marketplace`; refuses other contracts and downgrades.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    mig::migrate(deps, env, msg)
}
