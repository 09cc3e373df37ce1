//! Entry points: each a `match` that calls one operation in `execute/` or `query.rs`.

#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Response, StdResult};
use poe_interface::poe_mining::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};

use crate::error::ContractError;
use crate::execute::{claim, close_epoch, config, pause, register, salary, submit_job, withdraw};
use crate::query;
use crate::state::{CONTRACT_NAME, CONTRACT_VERSION};

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    config::instantiate(deps, env, info, msg)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    match msg {
        ExecuteMsg::RegisterMiner { specialization } => {
            register::register_miner(deps, env, info, specialization)
        }
        ExecuteMsg::Receive(wrapper) => submit_job::receive(deps, env, info, wrapper),
        ExecuteMsg::CloseEpoch { epoch } => close_epoch::close_epoch(deps, env, epoch),
        ExecuteMsg::ClaimRewards { limit } => claim::claim_rewards(deps, env, info, limit),
        ExecuteMsg::WithdrawSpendable { amount } => {
            withdraw::withdraw_spendable(deps, env, info, amount)
        }
        ExecuteMsg::WithdrawLockedReserve { amount } => {
            withdraw::withdraw_locked_reserve(deps, env, info, amount)
        }
        ExecuteMsg::SlashLockedReserve {
            miner,
            amount,
            reason,
        } => withdraw::slash_locked_reserve(deps, info, miner, amount, reason),
        ExecuteMsg::ApproveOwnerSalary { month } => salary::approve(deps, env, info, month),
        ExecuteMsg::HaltOwnerSalary { halted } => salary::halt(deps, info, halted),
        ExecuteMsg::ClaimOwnerSalary { month } => salary::claim(deps, env, info, month),
        ExecuteMsg::ResolveSalaryEscrow { month, release } => {
            salary::resolve_escrow(deps, env, info, month, release)
        }
        ExecuteMsg::UpdateReporters { add, remove } => {
            config::update_reporters(deps, info, add, remove)
        }
        ExecuteMsg::Pause { until } => pause::pause(deps, env, info, until),
        ExecuteMsg::Unpause {} => pause::unpause(deps, env, info),
        ExecuteMsg::UpdateConfig(update) => config::update_config(deps, env, info, *update),
        ExecuteMsg::UpdateOwnership(action) => {
            let ownership = cw_ownable::update_ownership(deps, &env.block, &info.sender, action)?;
            Ok(Response::new()
                .add_attribute("action", "update_ownership")
                .add_attributes(ownership.into_attributes()))
        }
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> StdResult<Binary> {
    match msg {
        QueryMsg::Config {} => to_json_binary(&query::config(deps)?),
        QueryMsg::CurrentEpoch {} => to_json_binary(&query::current_epoch(deps, env)?),
        QueryMsg::PoeIndex { epoch } => to_json_binary(&query::poe_index(deps, epoch)?),
        QueryMsg::Miner { address } => to_json_binary(&query::miner(deps, address)?),
        QueryMsg::Miners { start_after, limit } => {
            to_json_binary(&query::miners(deps, start_after, limit)?)
        }
        QueryMsg::Jobs {
            miner,
            start_after,
            limit,
        } => to_json_binary(&query::jobs(deps, miner, start_after, limit)?),
        QueryMsg::PendingRewards { miner, limit } => {
            to_json_binary(&query::pending_rewards(deps, env, miner, limit)?)
        }
        QueryMsg::MiningStatistics {} => to_json_binary(&query::mining_statistics(deps)?),
        QueryMsg::OwnerSalaryReport { month } => {
            to_json_binary(&query::owner_salary_report(deps, env, month)?)
        }
        QueryMsg::MintingEligibility {} => to_json_binary(&query::minting_eligibility(deps, env)?),
        QueryMsg::JobFee { job_value } => to_json_binary(&query::job_fee(deps, job_value)?),
        QueryMsg::Reporters { start_after, limit } => {
            to_json_binary(&query::reporters(deps, start_after, limit)?)
        }
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?),
    }
}

/// Migrates from an older version of this contract; refuses another contract or a downgrade.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    let stored = cw2::get_contract_version(deps.storage)?;
    let refuse = || ContractError::InvalidMigration {
        from_name: stored.contract.clone(),
        from_version: stored.version.clone(),
        to_version: CONTRACT_VERSION.to_string(),
    };
    if stored.contract != CONTRACT_NAME {
        return Err(refuse());
    }
    let parse = |v: &str| -> Vec<u64> {
        v.split(['.', '-'])
            .take(3)
            .map(|p| p.parse().unwrap_or(0))
            .collect()
    };
    if parse(&stored.version) > parse(CONTRACT_VERSION) {
        return Err(refuse());
    }
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    Ok(Response::new()
        .add_attribute("action", "migrate")
        .add_attribute("from_version", stored.version)
        .add_attribute("to_version", CONTRACT_VERSION))
}
