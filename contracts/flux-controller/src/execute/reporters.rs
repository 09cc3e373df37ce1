//! `UpdateReporters`: the owner's allow-list of usage reporters (a capped
//! `poe_controllers::AllowList`).

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};

use crate::error::ContractError;
use crate::state::{CONFIG, EPOCHS, REPORTERS, REPORTS};

/// Owner only: removes `remove`, then adds `add` (so a full list may swap members). A removed
/// reporter's report of the epoch open now is deleted (so an epoch never holds more reports than
/// the cap); its reports of ended, unclosed epochs stay stored but are not counted by their
/// close.
///
/// Attributes: `action=update_reporters`, `added`, `removed`, `reporter_count`.
///
/// Errors: `Payment`, `Ownership`, `AllowList(Std)` (invalid address),
/// `AllowList(NotListed | AlreadyListed | Full)`.
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
    let (added, removed) = REPORTERS.update(deps.storage, deps.api, &add, &remove)?;
    let epoch = config.schedule.epoch_at(env.block.time);
    for addr in &removed {
        if REPORTS.has(deps.storage, (epoch, addr)) {
            REPORTS.remove(deps.storage, (epoch, addr));
            let mut reports = EPOCHS.load(deps.storage, epoch)?;
            reports.reports = reports.reports.saturating_sub(1);
            if reports.reports == 0 {
                EPOCHS.remove(deps.storage, epoch);
            } else {
                EPOCHS.save(deps.storage, epoch, &reports)?;
            }
        }
    }
    Ok(Response::new()
        .add_attribute("action", "update_reporters")
        .add_attribute("added", added.len().to_string())
        .add_attribute("removed", removed.len().to_string())
        .add_attribute("reporter_count", REPORTERS.count(deps.storage)?.to_string()))
}
