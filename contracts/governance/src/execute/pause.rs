//! `Pause` (guardian, bounded and budgeted; or governance itself) and `Unpause` (governance
//! itself).

use cosmwasm_std::{
    to_json_binary, Addr, Deps, DepsMut, Env, MessageInfo, Response, Timestamp, WasmMsg,
};
use poe_controllers::pause::INDEFINITE;
use poe_interface::governance::{Config, PausableExecuteMsg, MAX_DURATION_SECONDS};
use poe_interface::pause::{PausableQueryMsg, PauseStatusResponse};

use crate::error::ContractError;
use crate::execute::ensure_self;
use crate::state::{GuardianBudget, PauseRecord, CONFIG, GUARDIAN_BUDGET, PAUSES};

/// Sends `target` [`PausableExecuteMsg::Pause`] `{ until: now + seconds }` (a plain message: if
/// the target refuses, nothing is recorded) and records the pause (`Pauses`).
///
/// - The guardian: `1 <= seconds <= max_pause_seconds`; only when the target's own
///   `{"pause_status":{}}` answers not paused (one query: it cannot extend a running pause, its
///   own or one a proposal set, whatever governance's records say, and a pause lifted by the
///   target's own `unpause` never locks it out); and within its budget: the seconds it orders
///   per window total at most `guardian_pause_budget_seconds` (see [`GuardianBudget`]; each
///   pause counts its full length when ordered).
/// - Governance itself (a proposal): any `1 <= seconds <= MAX_DURATION_SECONDS`, unbudgeted.
///   The target extends a running pause and refuses to shorten one (`WouldShorten`: the
///   proposal's execution fails); to shorten, a proposal sends `Unpause` then `Pause`.
///
/// Attributes: `action=pause`, `target`, `until`, `paused_by`; for the guardian also
/// `budget_used` (seconds used in the window, this pause included).
///
/// Errors: `Payment` (funds attached), `Std` (invalid target), [`ContractError::ZeroPause`],
/// [`ContractError::Unauthorized`] (neither guardian nor governance),
/// [`ContractError::PauseTooLong`], [`ContractError::NotPausable`],
/// [`ContractError::AlreadyPaused`], [`ContractError::GuardianBudgetExceeded`]; the target's own
/// error fails the transaction.
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
    let mut budget_used = None;
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
        let status = target_status(deps.as_ref(), &target)?;
        if status.paused {
            return Err(ContractError::AlreadyPaused {
                target: target.to_string(),
                until: status.paused_until.unwrap_or(INDEFINITE),
            });
        }
        let budget = charge_budget(
            current_window(deps.as_ref(), &config, now)?,
            &config,
            seconds,
        )?;
        GUARDIAN_BUDGET.save(deps.storage, &budget)?;
        budget_used = Some(budget.used_seconds);
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
    let mut res = Response::new()
        .add_message(WasmMsg::Execute {
            contract_addr: target.to_string(),
            msg: to_json_binary(&PausableExecuteMsg::Pause { until: Some(until) })?,
            funds: vec![],
        })
        .add_attribute("action", "pause")
        .add_attribute("target", target)
        .add_attribute("until", until.seconds().to_string())
        .add_attribute("paused_by", info.sender);
    if let Some(used) = budget_used {
        res = res.add_attribute("budget_used", used.to_string());
    }
    Ok(res)
}

/// The target's own pause state (`{"pause_status":{}}`).
///
/// Errors: [`ContractError::NotPausable`] when it does not answer.
fn target_status(deps: Deps, target: &Addr) -> Result<PauseStatusResponse, ContractError> {
    deps.querier
        .query_wasm_smart(target, &PausableQueryMsg::PauseStatus {})
        .map_err(|_| ContractError::NotPausable {
            target: target.to_string(),
        })
}

/// The guardian's window at `now`: the stored one while it runs (`now < window_start +
/// guardian_window_seconds`), else a new one starting now with nothing used.
pub fn current_window(
    deps: Deps,
    config: &Config,
    now: Timestamp,
) -> Result<GuardianBudget, ContractError> {
    let fresh = GuardianBudget {
        window_start: now,
        used_seconds: 0,
    };
    Ok(match GUARDIAN_BUDGET.may_load(deps.storage)? {
        Some(b) if now < window_end(&b, config) => b,
        _ => fresh,
    })
}

/// `window_start + guardian_window_seconds` (both bounded: no overflow before year 2500).
pub fn window_end(budget: &GuardianBudget, config: &Config) -> Timestamp {
    budget
        .window_start
        .plus_seconds(config.guardian_window_seconds)
}

/// `budget` with `seconds` more used.
///
/// Errors: [`ContractError::GuardianBudgetExceeded`] when `used + seconds` would exceed
/// `guardian_pause_budget_seconds`.
fn charge_budget(
    mut budget: GuardianBudget,
    config: &Config,
    seconds: u64,
) -> Result<GuardianBudget, ContractError> {
    let used = budget.used_seconds.saturating_add(seconds);
    if used > config.guardian_pause_budget_seconds {
        return Err(ContractError::GuardianBudgetExceeded {
            seconds,
            used: budget.used_seconds,
            budget: config.guardian_pause_budget_seconds,
            renews_at: window_end(&budget, config),
        });
    }
    budget.used_seconds = used;
    Ok(budget)
}

/// Governance itself only (a proposal): sends `target` [`PausableExecuteMsg::Unpause`] and
/// forgets its pause record. (A proposal may instead send the target `{"unpause":{}}` itself;
/// the record then stays, but nothing relies on it.)
///
/// Attributes: `action=unpause`, `target`.
///
/// Errors: `Payment` (funds attached), [`ContractError::Unauthorized`] (any other caller, the
/// guardian included), `Std` (invalid target); the target's `NotPaused` fails the transaction.
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
