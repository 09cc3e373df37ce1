//! `UpdateConfig` (governance itself only) and the config's validation.

use cosmwasm_std::{Decimal, DepsMut, Env, MessageInfo, Response};
use poe_interface::governance::{Config, ConfigUpdate, GuardianUpdate, MAX_DURATION_SECONDS};

use crate::error::ContractError;
use crate::execute::ensure_self;
use crate::state::CONFIG;

/// Checks every field's range: `deposit_amount > 0`; `quorum` and `veto_threshold` in (0, 1];
/// `threshold` in [0.5, 1] (a minority never passes a proposal); `voting_period_seconds` and
/// `execution_window_seconds`, `guardian_pause_budget_seconds` and `guardian_window_seconds`
/// > 0; every duration at most `MAX_DURATION_SECONDS`.
///
/// Errors: [`ContractError::InvalidConfig`] naming the first bad field.
pub fn validate(config: &Config) -> Result<(), ContractError> {
    let invalid = |field: &str, reason: &str| {
        Err(ContractError::InvalidConfig {
            field: field.to_string(),
            reason: reason.to_string(),
        })
    };
    if config.deposit_amount.is_zero() {
        return invalid("deposit_amount", "must be positive");
    }
    for (field, share) in [
        ("quorum", config.quorum),
        ("veto_threshold", config.veto_threshold),
    ] {
        if share.is_zero() || share > Decimal::one() {
            return invalid(field, "must be in (0, 1]");
        }
    }
    if config.threshold < Decimal::percent(50) || config.threshold > Decimal::one() {
        return invalid("threshold", "must be in [0.5, 1]");
    }
    for (field, seconds, positive) in [
        ("voting_period_seconds", config.voting_period_seconds, true),
        ("timelock_seconds", config.timelock_seconds, false),
        (
            "execution_window_seconds",
            config.execution_window_seconds,
            true,
        ),
        ("max_pause_seconds", config.max_pause_seconds, false),
        (
            "guardian_pause_budget_seconds",
            config.guardian_pause_budget_seconds,
            true,
        ),
        (
            "guardian_window_seconds",
            config.guardian_window_seconds,
            true,
        ),
    ] {
        if positive && seconds == 0 {
            return invalid(field, "must be positive");
        }
        if seconds > MAX_DURATION_SECONDS {
            return invalid(field, "must be at most 315576000 seconds (10 years)");
        }
    }
    Ok(())
}

/// Governance itself only (a passed proposal): changes the given fields. Proposals already made
/// keep the rules, staking contract, deposit and `close_proposal_on_execution_failure` they were
/// made under. A new `guardian_window_seconds` applies to the running window (it ends at its
/// start + the new length); a new guardian inherits the window's used seconds.
///
/// Attributes: `action=update_config`.
///
/// Errors: `Payment` (funds attached), [`ContractError::Unauthorized`] (any other caller),
/// `Std` (an invalid address), [`ContractError::InvalidConfig`].
pub fn update_config(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    update: ConfigUpdate,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    ensure_self(&env, &info, "update_config")?;
    let api = deps.api;
    let mut c = CONFIG.load(deps.storage)?;
    if let Some(staking) = update.staking {
        c.staking = api.addr_validate(&staking)?;
    }
    if let Some(token) = update.deposit_token {
        c.deposit_token = api.addr_validate(&token)?;
    }
    if let Some(treasury) = update.treasury {
        c.treasury = api.addr_validate(&treasury)?;
    }
    match update.guardian {
        Some(GuardianUpdate::Set { address }) => c.guardian = Some(api.addr_validate(&address)?),
        Some(GuardianUpdate::Remove {}) => c.guardian = None,
        None => {}
    }
    c.deposit_amount = update.deposit_amount.unwrap_or(c.deposit_amount);
    c.voting_period_seconds = update
        .voting_period_seconds
        .unwrap_or(c.voting_period_seconds);
    c.quorum = update.quorum.unwrap_or(c.quorum);
    c.threshold = update.threshold.unwrap_or(c.threshold);
    c.veto_threshold = update.veto_threshold.unwrap_or(c.veto_threshold);
    c.timelock_seconds = update.timelock_seconds.unwrap_or(c.timelock_seconds);
    c.execution_window_seconds = update
        .execution_window_seconds
        .unwrap_or(c.execution_window_seconds);
    c.max_pause_seconds = update.max_pause_seconds.unwrap_or(c.max_pause_seconds);
    c.guardian_pause_budget_seconds = update
        .guardian_pause_budget_seconds
        .unwrap_or(c.guardian_pause_budget_seconds);
    c.guardian_window_seconds = update
        .guardian_window_seconds
        .unwrap_or(c.guardian_window_seconds);
    c.close_proposal_on_execution_failure = update
        .close_proposal_on_execution_failure
        .unwrap_or(c.close_proposal_on_execution_failure);
    validate(&c)?;
    CONFIG.save(deps.storage, &c)?;
    Ok(Response::new().add_attribute("action", "update_config"))
}
