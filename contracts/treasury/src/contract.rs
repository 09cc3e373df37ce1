//! Entry points: each a thin `match` over the message, dispatching to `execute/*.rs`,
//! `query.rs` and `migrate.rs`.

#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{Binary, Deps, DepsMut, Env, MessageInfo, Reply, Response};

use crate::error::ContractError;
use crate::execute;
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::{migrate as mig, query as q, reply as rep};

/// Instantiates the treasury with its owner (default the sender). Funds are refused: deposits go
/// through `Deposit` so that the ledger records them.
///
/// Errors: `Payment` (funds attached), `Std` (invalid owner address).
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    execute::instantiate::instantiate(deps, env, info, msg)
}

/// `Receive` (cw20 deposit hook, any token), `Deposit` (native, anyone), `Spend` (owner),
/// `UpdateOwnership` (cw-ownable two-step transfer); schedules: `CreateSchedule` and
/// `CancelSchedule` (owner), `Distribute` (anyone); common tools: `RegisterTool` and
/// `Deprecate` (owner), `Maintain` (anyone).
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    match msg {
        ExecuteMsg::Receive(wrapper) => execute::deposit::receive(deps, env, info, wrapper),
        ExecuteMsg::Deposit { memo } => execute::deposit::deposit(deps, info, memo),
        ExecuteMsg::Spend {
            asset,
            recipient,
            amount,
            memo,
        } => execute::spend::spend(deps, env, info, asset, recipient, amount, memo),
        ExecuteMsg::UpdateOwnership(action) => {
            execute::ownership::update_ownership(deps, env, info, action)
        }
        ExecuteMsg::CreateSchedule {
            asset,
            amount,
            interval,
            duration_intervals,
            recipient,
            memo,
        } => execute::schedule::create_schedule(
            deps,
            env,
            info,
            asset,
            amount,
            interval,
            duration_intervals,
            recipient,
            memo,
        ),
        ExecuteMsg::CancelSchedule { schedule_id } => {
            execute::schedule::cancel_schedule(deps, env, info, schedule_id)
        }
        ExecuteMsg::Distribute { start_after, limit } => {
            execute::distribute::distribute(deps, env, info, start_after, limit)
        }
        ExecuteMsg::RegisterTool {
            name,
            asset,
            monthly_cost,
            payee,
            credential_commitment,
        } => execute::tool::register_tool(
            deps,
            env,
            info,
            name,
            asset,
            monthly_cost,
            payee,
            credential_commitment,
        ),
        ExecuteMsg::Maintain { tool } => execute::maintain::maintain(deps, env, info, tool),
        ExecuteMsg::Deprecate { tool } => execute::tool::deprecate(deps, env, info, tool),
    }
}

/// A schedule's payment refused by its token or recipient ([`crate::reply::payment_refused`]).
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn reply(deps: DepsMut, env: Env, msg: Reply) -> Result<Response, ContractError> {
    rep::reply(deps, env, msg)
}

/// `Balance { asset }`, `Balances { start_after, limit }`, `Ownership {}`, `Schedule`,
/// `Schedules`, `Due`, `Tool`, `Tools`, `ToolStatus`.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    q::query(deps, env, msg)
}

/// Migrates from an older `crates.io:poe-treasury`; refuses other contracts and downgrades.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    mig::migrate(deps, env, msg)
}
