//! Entry points: each a thin `match` over the message, dispatching to `execute/*.rs`,
//! `query.rs` and `migrate.rs`.

#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{Binary, Deps, DepsMut, Env, MessageInfo, Response};

use crate::error::ContractError;
use crate::execute;
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::{migrate as mig, query as q};

/// Instantiates the registry. Funds are refused.
///
/// Errors: `Payment`, `Std` (invalid address), [`ContractError::InvalidDecayRate`],
/// `AllowList(AlreadyListed | Full)`.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    execute::instantiate::instantiate(deps, env, info, msg)
}

/// A writer's `Raise`; the owner's `UpdateWriters`, `UpdateConfig`, `UpdateOwnership`.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    match msg {
        ExecuteMsg::Raise {
            account,
            tags,
            points,
        } => execute::raise::raise(deps, env, info, account, tags, points),
        ExecuteMsg::UpdateWriters { add, remove } => {
            execute::config::update_writers(deps, info, add, remove)
        }
        ExecuteMsg::UpdateConfig { decay_rate_per_day } => {
            execute::config::update_config(deps, info, decay_rate_per_day)
        }
        ExecuteMsg::UpdateOwnership(action) => {
            poe_controllers::ownership::update_ownership(deps, &env, &info, action)
        }
    }
}

/// `Config`, `Reputation`, `TagReputation`, `Writers`, `Ownership`.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    q::query(deps, env, msg)
}

/// Migrates from an older `crates.io:poe-reputation`; refuses other contracts and downgrades.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    mig::migrate(deps, env, msg)
}
