//! Emergency pause (seed 000 `emergency_halt_threshold`), the suite's shared pause
//! (`poe_controllers::pause`): the owner (governance, whose guardian may pause for a bounded time)
//! stops every economic operation until a time or until `Unpause`; a `Pause` only ever extends a
//! running pause. Queries and the owner's own messages keep working.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Timestamp};
use poe_controllers::pause::{execute_pause, execute_unpause};

use crate::error::ContractError;
use crate::state::{pause_of, State, STATE};

/// `Pause(PauseError::Paused { until })` while a pause runs.
pub(crate) fn ensure_not_paused(state: &State, env: &Env) -> Result<(), ContractError> {
    Ok(state.paused_until.ensure_not_paused(&env.block)?)
}

/// Owner: pauses until `until` (`None`: until `Unpause`), or extends the running pause.
///
/// Attributes: `action=pause`, `until` (seconds, or `indefinite`).
///
/// Errors: `Payment`, `Ownership`, `Pause` (`EndNotInFuture`, `WouldShorten`).
pub fn pause(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    until: Option<Timestamp>,
) -> Result<Response, ContractError> {
    execute_pause::<State, ContractError>(deps, &env, &info, &STATE, pause_of, until)
}

/// Owner: lifts the running pause now.
///
/// Attributes: `action=unpause`.
///
/// Errors: `Payment`, `Ownership`, `Pause(NotPaused)`.
pub fn unpause(deps: DepsMut, env: Env, info: MessageInfo) -> Result<Response, ContractError> {
    execute_unpause::<State, ContractError>(deps, &env, &info, &STATE, pause_of)
}
