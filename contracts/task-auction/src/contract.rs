//! Entry points: each a thin `match` over the message, dispatching to `execute/*.rs`,
//! `query.rs` and `migrate.rs`.

#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{Binary, Deps, DepsMut, Env, MessageInfo, Response};

use crate::error::ContractError;
use crate::execute;
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::{migrate as mig, query as q};

/// Instantiates the task auction. Funds are refused.
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

/// `Receive` (`CreateTask`), `PlaceBid`, `WithdrawBid`, `ReleaseBond`, `Claim`, `CloseAuction`, `Deliver`,
/// `Accept`, `AssignSubtask`, `DeliverSubtask`, `AcceptSubtask`, `Reclaim`, `Cancel`; the owner's `UpdateConfig`, `UpdateOwnership`.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    use execute::{bid, create, life, settle};
    match msg {
        ExecuteMsg::Receive(wrapper) => create::receive(deps, env, info, wrapper),
        ExecuteMsg::PlaceBid {
            task_id,
            amount,
            estimated_days,
        } => bid::bid(deps, env, info, task_id, amount, estimated_days),
        ExecuteMsg::WithdrawBid { task_id } => bid::withdraw_bid(deps, env, info, task_id),
        ExecuteMsg::ReleaseBond { task_id } => bid::release_bond(deps, env, info, task_id),
        ExecuteMsg::Claim { task_id } => life::claim(deps, env, info, task_id),
        ExecuteMsg::CloseAuction { task_id } => life::close_auction(deps, env, info, task_id),
        ExecuteMsg::Deliver { task_id } => life::deliver(deps, env, info, task_id),
        ExecuteMsg::Accept { task_id } => settle::accept(deps, env, info, task_id),
        ExecuteMsg::AssignSubtask {
            task_id,
            index,
            member,
        } => execute::team::assign_subtask(deps, env, info, task_id, index, member),
        ExecuteMsg::DeliverSubtask { task_id, index } => {
            execute::team::deliver_subtask(deps, env, info, task_id, index)
        }
        ExecuteMsg::AcceptSubtask { task_id, index } => {
            execute::team::accept_subtask(deps, env, info, task_id, index)
        }
        ExecuteMsg::Reclaim { task_id } => settle::reclaim(deps, env, info, task_id),
        ExecuteMsg::Cancel { task_id } => settle::cancel(deps, env, info, task_id),
        ExecuteMsg::UpdateConfig {
            add_tokens,
            remove_tokens,
            tax_bps,
            reputation_points_per_tag,
            max_bids_per_task,
            acceptance_timeout_seconds,
        } => execute::config::update_config(
            deps,
            info,
            execute::config::ConfigUpdate {
                add_tokens,
                remove_tokens,
                tax_bps,
                reputation_points_per_tag,
                max_bids_per_task,
                acceptance_timeout_seconds,
            },
        ),
        ExecuteMsg::UpdateOwnership(action) => {
            poe_controllers::ownership::update_ownership(deps, &env, &info, action)
        }
    }
}

/// `Config`, `Task`, `Tasks`, `Bid`, `Bids`, `Totals`, `Ownership`.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    q::query(deps, env, msg)
}

/// Migrates from an older `crates.io:poe-task-auction`; refuses other contracts and downgrades.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    mig::migrate(deps, env, msg)
}
