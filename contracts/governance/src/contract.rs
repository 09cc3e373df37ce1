//! Entry points: each a thin `match` over the message, dispatching to `execute/*.rs`,
//! `query.rs`, `reply.rs` and `migrate.rs`.

#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{Binary, Deps, DepsMut, Env, MessageInfo, Reply, Response, StdResult};

use crate::error::ContractError;
use crate::execute::{
    accept_ownership, close, config, deposits, dispatch, execute_proposal, instantiate as init,
    pause, propose, vote,
};
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::{migrate as mig, query as q, reply as rep};

/// Validates and stores the config.
///
/// Errors: `Payment`, `Std` (invalid address), `InvalidConfig`.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    init::instantiate(deps, env, info, msg)
}

/// `Receive` (deposit + `Propose`), `Vote`, `Execute`, `Close`, `AcceptOwnership` (anyone);
/// `Pause` (guardian, bounded and budgeted, or governance itself); `Unpause`, `UpdateConfig`,
/// `Dispatch`, `VerifyHeldDeposits` (governance itself). None accepts native funds.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    match msg {
        ExecuteMsg::Receive(wrapper) => propose::receive(deps, env, info, wrapper),
        ExecuteMsg::Vote { proposal_id, vote } => vote::vote(deps, env, info, proposal_id, vote),
        ExecuteMsg::Execute { proposal_id } => {
            execute_proposal::execute_proposal(deps, env, info, proposal_id)
        }
        ExecuteMsg::Close { proposal_id } => close::close(deps, env, info, proposal_id),
        ExecuteMsg::Pause { target, seconds } => pause::pause(deps, env, info, target, seconds),
        ExecuteMsg::Unpause { target } => pause::unpause(deps, env, info, target),
        ExecuteMsg::UpdateConfig(update) => config::update_config(deps, env, info, *update),
        ExecuteMsg::AcceptOwnership { contracts } => {
            accept_ownership::accept_ownership(deps, info, contracts)
        }
        ExecuteMsg::Dispatch { proposal_id, msgs } => {
            dispatch::dispatch(env, info, proposal_id, msgs)
        }
        ExecuteMsg::VerifyHeldDeposits {} => {
            deposits::verify_held_deposits(deps.as_ref(), env, info)
        }
    }
}

/// `Config`, `Proposal`, `Proposals`, `Ballot`, `Ballots`, `Pauses`, `ExecutionAttempts`,
/// `GuardianBudget`, `HeldDeposits`.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> StdResult<Binary> {
    q::query(deps, env, msg)
}

/// The `reply_on_error` of a proposal's dispatch: records the failed attempt and reopens the
/// proposal (or ends it `ExecutionFailed` under `close_proposal_on_execution_failure`).
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn reply(deps: DepsMut, env: Env, msg: Reply) -> Result<Response, ContractError> {
    rep::reply(deps, env, msg)
}

/// Migrates from an older `crates.io:poe-governance`; refuses other contracts and downgrades.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    mig::migrate(deps, env, msg)
}
