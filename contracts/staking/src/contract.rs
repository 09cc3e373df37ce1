//! Entry points: each a thin `match` over the message, dispatching to `execute/*.rs`,
//! `query.rs` and `migrate.rs`.

#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{Binary, Deps, DepsMut, Env, MessageInfo, Response};

use crate::error::ContractError;
use crate::execute;
use crate::execute::pool::{NewPool, PoolUpdate};
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::{migrate as mig, query as q};

/// Instantiates the contract with its owner (default the sender) and caps.
///
/// Errors: `Payment` (funds attached), `Std` (invalid owner address), `InvalidConfig`.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    execute::instantiate::instantiate(deps, env, info, msg)
}

/// `Receive` (cw20 hook: `Stake` from a pool's token; `Fund` from a pool's reward token: the
/// owner freely, anyone else within the running stream's end or a new stream of at most 30 days),
/// `Unstake`, `Claim`, `ClaimRewards` (any staker, for itself), `CreatePool`, `UpdatePool`,
/// `UpdateConfig` (owner), `UpdateOwnership` (cw-ownable two-step transfer, the shared
/// `poe_controllers::ownership`).
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
            token,
            reward_token,
            min_stake,
            lock_period_seconds,
            unbonding_period_seconds,
            tier,
        } => execute::pool::create_pool(
            deps,
            env,
            info,
            NewPool {
                token,
                reward_token,
                min_stake,
                lock_period_seconds,
                unbonding_period_seconds,
                tier,
            },
        ),
        ExecuteMsg::UpdatePool {
            token,
            min_stake,
            lock_period_seconds,
            unbonding_period_seconds,
            tier,
        } => execute::pool::update_pool(
            deps,
            env,
            info,
            PoolUpdate {
                token,
                min_stake,
                lock_period_seconds,
                unbonding_period_seconds,
                tier,
            },
        ),
        ExecuteMsg::UpdateConfig {
            max_pools,
            max_claims,
        } => execute::config::update_config(deps, info, max_pools, max_claims),
        ExecuteMsg::Unstake { token, amount } => {
            execute::unstake::unstake(deps, env, info, token, amount)
        }
        ExecuteMsg::Claim { token } => execute::claim::claim(deps, env, info, token),
        ExecuteMsg::ClaimRewards { token } => {
            execute::claim_rewards::claim_rewards(deps, env, info, token)
        }
        ExecuteMsg::UpdateOwnership(action) => {
            poe_controllers::ownership::update_ownership::<ContractError>(deps, &env, &info, action)
        }
    }
}

/// `Config`, `Pool`, `Pools`, `Position`, `Claims`, `VotingPower`, `TotalPower`, `Ownership`.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    q::query(deps, env, msg)
}

/// Migrates from an older `crates.io:poe-staking` (the shared `poe_controllers::migrate` guard);
/// refuses other contracts, downgrades and the previous storage layout.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    mig::migrate(deps, env, msg)
}
