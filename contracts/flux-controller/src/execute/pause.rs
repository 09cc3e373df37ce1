//! Emergency pause (seed 000 `emergency_halt_threshold`): the owner (governance, whose guardian
//! may pause for a bounded time) stops reports and rebalances until a time; queries, funding the
//! buffer and the owner's own messages keep working. The JSON is governance's
//! `PausableExecuteMsg`. Epochs that get no report during a pause close frozen afterwards.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Timestamp};

use crate::error::ContractError;
use crate::state::{State, STATE};

/// The end of the running pause: `state.paused_until` while it is in the future.
pub fn active_pause(state: &State, env: &Env) -> Option<Timestamp> {
    state.paused_until.filter(|until| env.block.time < *until)
}

/// `Paused { until }` while `state.paused_until` is in the future.
pub fn ensure_not_paused(state: &State, env: &Env) -> Result<(), ContractError> {
    match active_pause(state, env) {
        Some(until) => Err(ContractError::Paused { until }),
        None => Ok(()),
    }
}

/// Owner: pauses until `until`, which must be in the future (replaces a running pause).
///
/// Attributes: `action=pause`, `until` (seconds).
///
/// Errors: `Payment`, `Ownership`, [`ContractError::InvalidConfig`] (`until` not in the future).
pub fn pause(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    until: Timestamp,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    if until <= env.block.time {
        return Err(ContractError::invalid(
            "until",
            "must be after the current block time",
        ));
    }
    let mut state = STATE.load(deps.storage)?;
    state.paused_until = Some(until);
    STATE.save(deps.storage, &state)?;
    Ok(Response::new()
        .add_attribute("action", "pause")
        .add_attribute("until", until.seconds().to_string()))
}

/// Owner: resumes now.
///
/// Attributes: `action=unpause`.
///
/// Errors: `Payment`, `Ownership`, [`ContractError::NotPaused`] (no pause running).
pub fn unpause(deps: DepsMut, env: Env, info: MessageInfo) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut state = STATE.load(deps.storage)?;
    if active_pause(&state, &env).is_none() {
        return Err(ContractError::NotPaused);
    }
    state.paused_until = None;
    STATE.save(deps.storage, &state)?;
    Ok(Response::new().add_attribute("action", "unpause"))
}
