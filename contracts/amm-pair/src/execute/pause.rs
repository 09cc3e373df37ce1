//! Pause: the owner (governance, whose guardian may pause for a bounded time) stops swaps and
//! deposits; withdrawals, queries and the owner's messages keep working. The JSON is
//! `poe_interface::pause::PausableExecuteMsg`; the semantics are `poe_controllers::pause`'s (a
//! `Pause` starts or extends, never shortens; only `Unpause` lifts).

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Timestamp};
use poe_controllers::pause::{execute_pause, execute_unpause};
use poe_controllers::PauseState;

use crate::error::ContractError;
use crate::state::{Config, CONFIG};

/// Where the pair's pause lives: in its config.
pub fn pause_of(config: &mut Config) -> &mut PauseState {
    &mut config.paused_until
}

/// Owner only: pauses until `until` (`None`: until `Unpause`), or extends the running pause.
///
/// Attributes: `action=pause`, `until` (seconds, or `indefinite`).
///
/// Errors: `Payment` (funds attached), `Ownership`, `Pause` (`EndNotInFuture`,
/// `WouldShorten`).
pub fn pause(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    until: Option<Timestamp>,
) -> Result<Response, ContractError> {
    execute_pause(deps, &env, &info, &CONFIG, pause_of, until)
}

/// Owner only: ends a running pause now.
///
/// Attributes: `action=unpause`.
///
/// Errors: `Payment` (funds attached), `Ownership`, `Pause` (`NotPaused`).
pub fn unpause(deps: DepsMut, env: Env, info: MessageInfo) -> Result<Response, ContractError> {
    execute_unpause(deps, &env, &info, &CONFIG, pause_of)
}
