//! `Pause` (guardian, bounded; or governance itself) and `Unpause` (governance itself).

use cosmwasm_std::{to_json_binary, DepsMut, Env, MessageInfo, Response, WasmMsg};
use poe_interface::governance::{PausableExecuteMsg, MAX_DURATION_SECONDS};

use crate::error::ContractError;
use crate::execute::ensure_self;
use crate::state::{PauseRecord, CONFIG, PAUSES};

/// Sends `target` [`PausableExecuteMsg::Pause`] `{ until: now + seconds }` (a plain message: if
/// the target refuses, nothing is recorded) and records the pause.
///
/// - The guardian: `1 <= seconds <= max_pause_seconds`, and only when the target is not paused
///   now (it cannot extend an active pause, not even one of its own).
/// - Governance itself (a proposal): any `1 <= seconds <= MAX_DURATION_SECONDS`, over an active
///   pause too (extends or shortens it).
///
/// Attributes: `action=pause`, `target`, `until`, `paused_by`.
///
/// Errors: `Payment` (funds attached), `Std` (invalid target), [`ContractError::ZeroPause`],
/// [`ContractError::Unauthorized`] (neither guardian nor governance),
/// [`ContractError::PauseTooLong`], [`ContractError::AlreadyPaused`].
pub fn pause(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    target: String,
    seconds: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let target = deps.api.addr_validate(&target)?;
    if seconds == 0 {
        return Err(ContractError::ZeroPause {});
    }
    let now = env.block.time;
    if info.sender == env.contract.address {
        if seconds > MAX_DURATION_SECONDS {
            return Err(ContractError::PauseTooLong {
                seconds,
                max: MAX_DURATION_SECONDS,
            });
        }
    } else {
        let config = CONFIG.load(deps.storage)?;
        if config.guardian.as_ref() != Some(&info.sender) {
            return Err(ContractError::Unauthorized {
                sender: info.sender.to_string(),
                action: "pause".to_string(),
            });
        }
        if seconds > config.max_pause_seconds {
            return Err(ContractError::PauseTooLong {
                seconds,
                max: config.max_pause_seconds,
            });
        }
        if let Some(active) = PAUSES.may_load(deps.storage, &target)? {
            if active.until > now {
                return Err(ContractError::AlreadyPaused {
                    target: target.to_string(),
                    until: active.until,
                });
            }
        }
    }
    let until = now.plus_seconds(seconds);
    PAUSES.save(
        deps.storage,
        &target,
        &PauseRecord {
            until,
            paused_by: info.sender.clone(),
            paused_at: now,
        },
    )?;
    Ok(Response::new()
        .add_message(WasmMsg::Execute {
            contract_addr: target.to_string(),
            msg: to_json_binary(&PausableExecuteMsg::Pause { until: Some(until) })?,
            funds: vec![],
        })
        .add_attribute("action", "pause")
        .add_attribute("target", target)
        .add_attribute("until", until.seconds().to_string())
        .add_attribute("paused_by", info.sender))
}

/// Governance itself only (a proposal): sends `target` [`PausableExecuteMsg::Unpause`] and
/// forgets its pause record.
///
/// Attributes: `action=unpause`, `target`.
///
/// Errors: `Payment` (funds attached), [`ContractError::Unauthorized`] (any other caller, the
/// guardian included), `Std` (invalid target).
pub fn unpause(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    target: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    ensure_self(&env, &info, "unpause")?;
    let target = deps.api.addr_validate(&target)?;
    PAUSES.remove(deps.storage, &target);
    Ok(Response::new()
        .add_message(WasmMsg::Execute {
            contract_addr: target.to_string(),
            msg: to_json_binary(&PausableExecuteMsg::Unpause {})?,
            funds: vec![],
        })
        .add_attribute("action", "unpause")
        .add_attribute("target", target))
}
