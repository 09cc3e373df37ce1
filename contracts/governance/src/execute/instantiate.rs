//! Instantiation.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use cw2::set_contract_version;
use poe_interface::governance::{
    Config, InstantiateMsg, DEFAULT_GUARDIAN_PAUSE_BUDGET_SECONDS, DEFAULT_GUARDIAN_WINDOW_SECONDS,
    DEFAULT_THRESHOLD, DEFAULT_VETO_THRESHOLD,
};

use crate::error::ContractError;
use crate::execute::config::validate;
use crate::state::{CONFIG, PROPOSAL_COUNT};
use crate::{CONTRACT_NAME, CONTRACT_VERSION};

/// Validates and stores the config (threshold default 0.67, veto threshold default 0.334,
/// guardian budget default 7 days per 30-day window, failed executions retried by default) and
/// the cw2 version.
///
/// Attributes: `action=instantiate`, `staking`, `deposit_token`, `deposit_amount`, `treasury`.
///
/// Errors: `Payment` (funds attached), `Std` (an invalid address),
/// [`ContractError::InvalidConfig`].
pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let api = deps.api;
    let config = Config {
        staking: api.addr_validate(&msg.staking)?,
        deposit_token: api.addr_validate(&msg.deposit_token)?,
        deposit_amount: msg.deposit_amount,
        voting_period_seconds: msg.voting_period_seconds,
        quorum: msg.quorum,
        threshold: msg.threshold.unwrap_or(DEFAULT_THRESHOLD),
        veto_threshold: msg.veto_threshold.unwrap_or(DEFAULT_VETO_THRESHOLD),
        timelock_seconds: msg.timelock_seconds,
        execution_window_seconds: msg.execution_window_seconds,
        treasury: api.addr_validate(&msg.treasury)?,
        guardian: msg.guardian.map(|g| api.addr_validate(&g)).transpose()?,
        max_pause_seconds: msg.max_pause_seconds,
        guardian_pause_budget_seconds: msg
            .guardian_pause_budget_seconds
            .unwrap_or(DEFAULT_GUARDIAN_PAUSE_BUDGET_SECONDS),
        guardian_window_seconds: msg
            .guardian_window_seconds
            .unwrap_or(DEFAULT_GUARDIAN_WINDOW_SECONDS),
        close_proposal_on_execution_failure: msg
            .close_proposal_on_execution_failure
            .unwrap_or(false),
    };
    validate(&config)?;
    set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    CONFIG.save(deps.storage, &config)?;
    PROPOSAL_COUNT.save(deps.storage, &0)?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("staking", config.staking)
        .add_attribute("deposit_token", config.deposit_token)
        .add_attribute("deposit_amount", config.deposit_amount)
        .add_attribute("treasury", config.treasury))
}
