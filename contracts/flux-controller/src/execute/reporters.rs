//! `UpdateReporters`: the owner's allow-list of usage reporters.

use cosmwasm_std::{Api, DepsMut, Empty, Env, MessageInfo, Response, Storage};
use poe_interface::flux_controller::MAX_REPORTERS;

use crate::error::ContractError;
use crate::state::{State, CONFIG, EPOCHS, REPORTERS, REPORTS, STATE};

/// Adds `addresses` to the allow-list, counting them in `state` (the cap is checked by
/// [`check_reporter_cap`]).
///
/// Errors: `Std` (invalid address), [`ContractError::AlreadyReporter`].
pub fn add_reporters(
    storage: &mut dyn Storage,
    api: &dyn Api,
    state: &mut State,
    addresses: &[String],
) -> Result<(), ContractError> {
    for address in addresses {
        let addr = api.addr_validate(address)?;
        if REPORTERS.has(storage, &addr) {
            return Err(ContractError::AlreadyReporter {
                address: addr.to_string(),
            });
        }
        REPORTERS.save(storage, &addr, &Empty {})?;
        state.reporter_count = state.reporter_count.saturating_add(1);
    }
    Ok(())
}

/// At most [`MAX_REPORTERS`] reporters.
///
/// Errors: [`ContractError::TooManyReporters`].
pub fn check_reporter_cap(state: &State) -> Result<(), ContractError> {
    if state.reporter_count > MAX_REPORTERS {
        return Err(ContractError::TooManyReporters { max: MAX_REPORTERS });
    }
    Ok(())
}

/// Owner only: adds `add`, then removes `remove`. A removed reporter's report of the epoch open
/// now is deleted (so an epoch never holds more reports than the cap); its reports of ended,
/// unclosed epochs stay stored but are not counted by their close.
///
/// Attributes: `action=update_reporters`, `added`, `removed`, `reporter_count`.
///
/// Errors: `Payment`, `Ownership`, `Std` (invalid address), [`ContractError::AlreadyReporter`],
/// [`ContractError::NotReporter`], [`ContractError::TooManyReporters`] (after both steps).
pub fn update_reporters(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    add: Vec<String>,
    remove: Vec<String>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let config = CONFIG.load(deps.storage)?;
    let mut state = STATE.load(deps.storage)?;
    add_reporters(deps.storage, deps.api, &mut state, &add)?;
    let epoch = config.schedule.epoch_at(env.block.time);
    for address in &remove {
        let addr = deps.api.addr_validate(address)?;
        if !REPORTERS.has(deps.storage, &addr) {
            return Err(ContractError::NotReporter {
                address: addr.to_string(),
            });
        }
        REPORTERS.remove(deps.storage, &addr);
        state.reporter_count = state.reporter_count.saturating_sub(1);
        if REPORTS.has(deps.storage, (epoch, &addr)) {
            REPORTS.remove(deps.storage, (epoch, &addr));
            let mut reports = EPOCHS.load(deps.storage, epoch)?;
            reports.reports = reports.reports.saturating_sub(1);
            if reports.reports == 0 {
                EPOCHS.remove(deps.storage, epoch);
            } else {
                EPOCHS.save(deps.storage, epoch, &reports)?;
            }
        }
    }
    check_reporter_cap(&state)?;
    STATE.save(deps.storage, &state)?;
    Ok(Response::new()
        .add_attribute("action", "update_reporters")
        .add_attribute("added", add.len().to_string())
        .add_attribute("removed", remove.len().to_string())
        .add_attribute("reporter_count", state.reporter_count.to_string()))
}
