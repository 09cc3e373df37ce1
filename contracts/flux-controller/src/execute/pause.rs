//! Emergency pause (seed 000 `emergency_halt_threshold`): the owner (governance, whose guardian
//! may pause for a bounded time) stops reports and rebalances; queries, funding the buffer and
//! the owner's own messages keep working. The semantics and handlers are the suite's shared ones
//! (`poe_controllers::pause`): a `Pause` starts or extends a pause and never shortens one, only
//! `Unpause` lifts it. Epochs that get no report during a pause close frozen afterwards.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Timestamp};
use poe_controllers::pause::{execute_pause, execute_unpause};

use crate::error::ContractError;
use crate::state::{pause_of, STATE};

/// Owner: `Pause { until }` ([`poe_controllers::pause::execute_pause`] on the state's pause).
///
/// Errors: `Payment`, `Ownership`, `Pause(EndNotInFuture | WouldShorten)`.
pub fn pause(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    until: Option<Timestamp>,
) -> Result<Response, ContractError> {
    execute_pause(deps, &env, &info, &STATE, pause_of, until)
}

/// Owner: `Unpause {}` ([`poe_controllers::pause::execute_unpause`]).
///
/// Errors: `Payment`, `Ownership`, `Pause(NotPaused)`.
pub fn unpause(deps: DepsMut, env: Env, info: MessageInfo) -> Result<Response, ContractError> {
    execute_unpause(deps, &env, &info, &STATE, pause_of)
}
