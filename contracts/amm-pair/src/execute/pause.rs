//! Pause: the owner (governance, whose guardian may pause for a bounded time) stops swaps and
//! deposits; withdrawals, queries and the owner's messages keep working. The JSON is governance's
//! `PausableExecuteMsg` (`until` optional here).

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Timestamp};

use crate::error::ContractError;
use crate::execute::ensure_not_paused;
use crate::state::CONFIG;

/// Owner only: pauses until `until` (which must be in the future; `None`: until `Unpause`),
/// replacing a running pause.
///
/// Attributes: `action=pause`, `until` (seconds, or `indefinite`).
///
/// Errors: `Payment` (funds attached), `Ownership`, [`ContractError::InvalidConfig`] (`until` not
/// in the future).
pub fn pause(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    until: Option<Timestamp>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    if until.is_some_and(|until| until <= env.block.time) {
        return Err(ContractError::invalid(
            "until",
            "must be after the current block time",
        ));
    }
    let mut config = CONFIG.load(deps.storage)?;
    config.paused_until = Some(until.unwrap_or(Timestamp::from_nanos(u64::MAX)));
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "pause")
        .add_attribute(
            "until",
            until
                .map(|u| u.seconds().to_string())
                .unwrap_or_else(|| "indefinite".to_string()),
        ))
}

/// Owner only: ends a running pause now.
///
/// Attributes: `action=unpause`.
///
/// Errors: `Payment` (funds attached), `Ownership`, [`ContractError::NotPaused`].
pub fn unpause(deps: DepsMut, env: Env, info: MessageInfo) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut config = CONFIG.load(deps.storage)?;
    if ensure_not_paused(&config, &env).is_ok() {
        return Err(ContractError::NotPaused);
    }
    config.paused_until = None;
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new().add_attribute("action", "unpause"))
}
