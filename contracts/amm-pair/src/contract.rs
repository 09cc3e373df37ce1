//! Entry points: each a thin `match` over the message, dispatching to `execute/*.rs`,
//! `query.rs`, `reply.rs` and `migrate.rs`.

#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{Binary, Deps, DepsMut, Env, MessageInfo, Reply, Response};

use crate::error::ContractError;
use crate::execute;
use crate::execute::swap::SwapParams;
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::{migrate as mig, query as q, reply as rep};

/// Checks the assets and parameters, stores them and instantiates the LP token by submessage
/// (its address is saved by the reply).
///
/// Errors: `Payment` (funds attached), `Std` (invalid address or denom), `IdenticalAssets`,
/// `Math` (fees out of range), `InvalidConfig` (observation capacity or interval).
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    execute::instantiate::instantiate(deps, env, info, msg)
}

/// `Receive` (cw20 hook: `Swap` from a cw20 asset, `WithdrawLiquidity` from the LP token),
/// `ProvideLiquidity`, `Swap` (native offer), `UpdateConfig`, `Pause`, `Unpause` (owner),
/// `UpdateOwnership` (cw-ownable two-step transfer).
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    match msg {
        ExecuteMsg::Receive(wrapper) => execute::receive::receive(deps, env, info, wrapper),
        ExecuteMsg::ProvideLiquidity {
            assets,
            slippage_tolerance,
            min_lp_to_receive,
            receiver,
        } => execute::provide::provide_liquidity(
            deps,
            env,
            info,
            assets,
            slippage_tolerance,
            min_lp_to_receive,
            receiver,
        ),
        ExecuteMsg::Swap {
            offer_asset,
            belief_price,
            max_spread,
            minimum_receive,
            to,
            deadline,
        } => execute::swap::swap_native(
            deps,
            env,
            info,
            offer_asset,
            SwapParams {
                belief_price,
                max_spread,
                minimum_receive,
                to,
                deadline,
            },
        ),
        ExecuteMsg::UpdateConfig {
            total_fee_bps,
            protocol_fee_share,
            fee_address,
        } => execute::config::update_config(
            deps,
            info,
            total_fee_bps,
            protocol_fee_share,
            fee_address,
        ),
        ExecuteMsg::Pause { until } => execute::pause::pause(deps, env, info, until),
        ExecuteMsg::Unpause {} => execute::pause::unpause(deps, env, info),
        ExecuteMsg::UpdateOwnership(action) => {
            poe_controllers::ownership::update_ownership(deps, &env, &info, action)
        }
    }
}

/// `Pair`, `Pool`, `Config`, `Simulation`, `ReverseSimulation`, `CumulativePrices`, `Twap`,
/// `Ownership`, `PauseStatus`.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    q::query(deps, env, msg)
}

/// The LP token's instantiation (saves its address) and the end of a cw20 deposit (measures what
/// arrived and mints the share).
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn reply(deps: DepsMut, env: Env, msg: Reply) -> Result<Response, ContractError> {
    rep::reply(deps, env, msg)
}

/// Migrates from an older `crates.io:poe-amm-pair`; refuses other contracts and downgrades.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    mig::migrate(deps, env, msg)
}
