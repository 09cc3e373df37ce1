//! Entry points: each a thin `match` over the message, dispatching to `execute/*.rs`,
//! `query.rs`, `reply.rs` and `migrate.rs`.

#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{Binary, Deps, DepsMut, Env, MessageInfo, Reply, Response};

use crate::error::ContractError;
use crate::execute;
use crate::execute::route::RouteParams;
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::{migrate as mig, query as q, reply as rep};

/// Stores the factory.
///
/// Errors: `Payment` (funds attached), `Std` (invalid address).
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    execute::instantiate::instantiate(deps, env, info, msg)
}

/// `Receive` (cw20 hook: a route with the sent tokens), `ExecuteSwapOperations` (a route with the
/// attached native coin).
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    match msg {
        ExecuteMsg::Receive(wrapper) => execute::receive::receive(deps, env, info, wrapper),
        ExecuteMsg::ExecuteSwapOperations {
            operations,
            minimum_receive,
            to,
            max_spread,
            deadline,
        } => execute::route::execute_native(
            deps,
            env,
            info,
            RouteParams {
                operations,
                minimum_receive,
                to,
                max_spread,
                deadline,
            },
        ),
    }
}

/// `Config`, `SimulateSwapOperations`.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    q::query(deps, env, msg)
}

/// A hop's reply: measures what arrived and sends the next hop, or checks the minimum.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn reply(deps: DepsMut, env: Env, msg: Reply) -> Result<Response, ContractError> {
    rep::reply(deps, env, msg)
}

/// Migrates from an older `crates.io:poe-amm-router`; refuses other contracts and downgrades.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    mig::migrate(deps, env, msg)
}
