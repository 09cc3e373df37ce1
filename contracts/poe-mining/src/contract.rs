//! Entry points: each a thin `match` over the message, dispatching to `execute/*.rs`,
//! `query.rs` and `migrate.rs`.

#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{Binary, Deps, DepsMut, Env, MessageInfo, Response};

use crate::error::ContractError;
use crate::execute;
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::{migrate as mig, query as q};

/// Instantiates the contract: owner (default the sender), tokens, treasury, salary recipient,
/// reporters and parameters; epoch 0 starts now.
///
/// Errors: `Payment` (funds attached), `Std` (invalid address), `Math` / `InvalidParameter`
/// (parameters), `AllowList` (duplicate reporter, more than `MAX_REPORTERS`).
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    execute::instantiate::instantiate(deps, env, info, msg)
}

/// Every message: `RegisterMiner`, `ClaimRewards`, `Withdraw*` (the miner), `Receive` (the FLX
/// token for a reporter), `CloseEpoch` (anyone), `ClaimOwnerSalary` (the salary recipient), the
/// owner's messages, `UpdateOwnership`. None expects native coins: attached funds are refused
/// here, before any operation runs (`Payment`).
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    match msg {
        ExecuteMsg::RegisterMiner { specialization } => {
            execute::register::register_miner(deps, env, info, specialization)
        }
        ExecuteMsg::Receive(wrapper) => execute::submit_job::receive(deps, env, info, wrapper),
        ExecuteMsg::CloseEpoch { epoch } => execute::close_epoch::close_epoch(deps, env, epoch),
        ExecuteMsg::ClaimRewards { limit } => execute::claim::claim_rewards(deps, env, info, limit),
        ExecuteMsg::WithdrawSpendable { amount } => {
            execute::withdraw::withdraw_spendable(deps, env, info, amount)
        }
        ExecuteMsg::WithdrawLockedReserve { amount } => {
            execute::withdraw::withdraw_locked_reserve(deps, env, info, amount)
        }
        ExecuteMsg::SlashLockedReserve {
            miner,
            amount,
            reason,
        } => execute::withdraw::slash_locked_reserve(deps, env, info, miner, amount, reason),
        ExecuteMsg::ApproveOwnerSalary { month } => {
            execute::salary::approve(deps, env, info, month)
        }
        ExecuteMsg::HaltOwnerSalary { halted } => execute::salary::halt(deps, info, halted),
        ExecuteMsg::ClaimOwnerSalary { month } => execute::salary::claim(deps, env, info, month),
        ExecuteMsg::ResolveSalaryEscrow { month, release } => {
            execute::salary::resolve_escrow(deps, env, info, month, release)
        }
        ExecuteMsg::UpdateReporters { add, remove } => {
            execute::reporters::update_reporters(deps, info, add, remove)
        }
        ExecuteMsg::Pause { until } => execute::pause::pause(deps, env, info, until),
        ExecuteMsg::Unpause {} => execute::pause::unpause(deps, env, info),
        ExecuteMsg::UpdateConfig(update) => {
            execute::config::update_config(deps, env, info, *update)
        }
        ExecuteMsg::UpdateOwnership(action) => {
            execute::ownership::update_ownership(deps, env, info, action)
        }
    }
}

/// Every query ([`crate::query::query`]).
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    q::query(deps, env, msg)
}

/// Migrates from an older `crates.io:poe-mining`; refuses other contracts and downgrades.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    mig::migrate(deps, env, msg)
}
