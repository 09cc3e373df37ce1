//! Entry points: each a thin `match` over the message, dispatching to `execute/*.rs`,
//! `reply.rs`, `query.rs` and `migrate.rs`.

#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{Binary, Deps, DepsMut, Env, MessageInfo, Reply, Response};

use crate::error::ContractError;
use crate::execute;
use crate::execute::config::ConfigUpdate;
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::state::{Config, CONFIG};
use crate::{migrate as mig, query as q, reply as rep};

/// Instantiates the guarantee contract (no collateral listed yet). Funds are refused.
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

/// `Receive` (cw20 hooks `Open`, `TopUp`, `Redeem`, `Relinquish`), `Open` and `TopUp` with a
/// native coin, the guarantor's `ReleaseCollateral`, the arbiter's `Release` and
/// `DeclareDefault`, anyone's `Release` after expiry, `Liquidate` and `Close`, the owner's
/// `UpdateCollateral`, `UpdateConfig`, `Pause`, `Unpause`, `UpdateOwnership`.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    match msg {
        ExecuteMsg::Receive(wrapper) => execute::receive::receive(deps, env, info, wrapper),
        ExecuteMsg::Open(open) => execute::open::open_native(deps, env, info, open),
        ExecuteMsg::TopUp { guarantee_id } => {
            execute::top_up::top_up_native(deps, env, info, guarantee_id)
        }
        ExecuteMsg::ReleaseCollateral {
            guarantee_id,
            amount,
        } => execute::release_collateral::release_collateral(deps, env, info, guarantee_id, amount),
        ExecuteMsg::Release { guarantee_id } => {
            execute::release::release(deps, env, info, guarantee_id)
        }
        ExecuteMsg::DeclareDefault { guarantee_id } => {
            execute::default::declare_default(deps, env, info, guarantee_id)
        }
        ExecuteMsg::Liquidate { guarantee_id } => {
            execute::liquidate::liquidate(deps, env, info, guarantee_id)
        }
        ExecuteMsg::Close { guarantee_id } => execute::close::close(deps, env, info, guarantee_id),
        ExecuteMsg::UpdateCollateral { asset, params } => {
            execute::collateral::update_collateral(deps, info, asset, params)
        }
        ExecuteMsg::UpdateConfig {
            twap_window_seconds,
            redemption_period_seconds,
            liquidation_fee_bps,
            max_slippage_bps,
            max_duration_seconds,
            router,
        } => execute::config::update_config(
            deps,
            info,
            ConfigUpdate {
                twap_window_seconds,
                redemption_period_seconds,
                liquidation_fee_bps,
                max_slippage_bps,
                max_duration_seconds,
                router,
            },
        ),
        ExecuteMsg::Pause { until } => {
            poe_controllers::pause::execute_pause(deps, &env, &info, &CONFIG, pause_of, until)
        }
        ExecuteMsg::Unpause {} => {
            poe_controllers::pause::execute_unpause(deps, &env, &info, &CONFIG, pause_of)
        }
        ExecuteMsg::UpdateOwnership(action) => {
            poe_controllers::ownership::update_ownership(deps, &env, &info, action)
        }
    }
}

/// The pause inside the configuration.
pub fn pause_of(config: &mut Config) -> &mut poe_controllers::PauseState {
    &mut config.pause
}

/// The replies of a claim token's instantiation and of a liquidation's sale.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn reply(deps: DepsMut, env: Env, msg: Reply) -> Result<Response, ContractError> {
    rep::reply(deps, env, msg)
}

/// `Config`, `Collateral`, `Collaterals`, `Guarantee`, `GuaranteeByClaimToken`, `Guarantees`,
/// `GuaranteesByGuarantor`, `GuaranteesByBeneficiary`, `CollateralValue`, `Health`, `Claims`,
/// `Totals`, `PauseStatus`, `Ownership`.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    q::query(deps, env, msg)
}

/// Migrates from an older `crates.io:poe-guarantee`; refuses other contracts and downgrades.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    mig::migrate(deps, env, msg)
}
