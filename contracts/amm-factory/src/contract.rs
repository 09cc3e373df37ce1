//! Entry points: each a thin `match` over the message, dispatching to `execute/*.rs`,
//! `query.rs`, `reply.rs` and `migrate.rs`.

#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{Binary, Deps, DepsMut, Env, MessageInfo, Reply, Response};

use crate::error::ContractError;
use crate::execute;
use crate::execute::config::ConfigUpdate;
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::{migrate as mig, query as q, reply as rep};

/// Stores the owner (default the sender) and the parameters of new pairs.
///
/// Errors: `Payment` (funds attached), `Std` (invalid address), `Math` (fees out of range),
/// `InvalidConfig`.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    execute::instantiate::instantiate(deps, env, info, msg)
}

/// `CreatePair` (anyone), `UpdateConfig` (owner), `UpdateOwnership` (cw-ownable two-step
/// transfer).
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    match msg {
        ExecuteMsg::CreatePair { asset_infos } => {
            execute::create_pair::create_pair(deps, env, info, asset_infos)
        }
        ExecuteMsg::UpdateConfig {
            pair_code_id,
            token_code_id,
            pair_owner,
            fee_address,
            total_fee_bps,
            protocol_fee_share,
            observation_capacity,
            observation_interval_seconds,
        } => execute::config::update_config(
            deps,
            info,
            ConfigUpdate {
                pair_code_id,
                token_code_id,
                pair_owner,
                fee_address,
                total_fee_bps,
                protocol_fee_share,
                observation_capacity,
                observation_interval_seconds,
            },
        ),
        ExecuteMsg::UpdateOwnership(action) => {
            poe_controllers::ownership::update_ownership(deps, &env, &info, action)
        }
    }
}

/// `Config`, `Pair`, `Pairs`, `Ownership`.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    q::query(deps, env, msg)
}

/// The pair's instantiation: registers it.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn reply(deps: DepsMut, env: Env, msg: Reply) -> Result<Response, ContractError> {
    rep::reply(deps, env, msg)
}

/// Migrates from an older `crates.io:poe-amm-factory`; refuses other contracts and downgrades.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    mig::migrate(deps, env, msg)
}
