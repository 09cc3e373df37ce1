//! Entry points: each a thin `match` over the message, dispatching to `execute/*.rs`,
//! `query.rs` and `migrate.rs`.

#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{Binary, Deps, DepsMut, Env, MessageInfo, Response};

use crate::error::ContractError;
use crate::execute;
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::{migrate as mig, query as q};

/// Instantiates the controller: owner (default the sender), FLX token, mint recipient,
/// reporters and parameters; epoch 0 starts now.
///
/// Errors: `Payment`, `Std` (invalid address), `NotCw20`, `InvalidConfig`,
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

/// `ReportUsage` (reporters), `Rebalance` (anyone, once an epoch has ended), `Receive` (cw20
/// hook, FLX only: fund the buffer), `UpdateReporters`, `UpdateConfig`, `Pause`, `Unpause`
/// (owner), `UpdateOwnership` (cw-ownable two-step transfer).
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    match msg {
        ExecuteMsg::ReportUsage {
            pending_gas_buffer,
            tx_fee_moving_average,
            queue_length,
        } => execute::report::report_usage(
            deps,
            env,
            info,
            pending_gas_buffer,
            tx_fee_moving_average,
            queue_length,
        ),
        ExecuteMsg::Rebalance {} => execute::rebalance::rebalance(deps, env, info),
        ExecuteMsg::Receive(wrapper) => execute::receive::receive(deps, env, info, wrapper),
        ExecuteMsg::UpdateReporters { add, remove } => {
            execute::reporters::update_reporters(deps, env, info, add, remove)
        }
        ExecuteMsg::UpdateConfig(update) => {
            execute::config::update_config(deps, env, info, *update)
        }
        ExecuteMsg::Pause { until } => execute::pause::pause(deps, env, info, until),
        ExecuteMsg::Unpause {} => execute::pause::unpause(deps, env, info),
        ExecuteMsg::UpdateOwnership(action) => {
            execute::ownership::update_ownership(deps, env, info, action)
        }
    }
}

/// `Config`, `Status`, `CurrentEpoch`, `Reporters`, `Reports`, `Decision`, `Decisions`,
/// `Ownership`, `PauseStatus`.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    q::query(deps, env, msg)
}

/// Migrates from an older `crates.io:poe-flux-controller`; refuses other contracts and
/// downgrades.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    mig::migrate(deps, env, msg)
}
