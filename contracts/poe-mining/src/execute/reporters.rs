//! `UpdateReporters`: the owner's allow-list of job reporters (`poe_controllers::AllowList`,
//! at most `MAX_REPORTERS`).

use cosmwasm_std::{DepsMut, MessageInfo, Response};

use crate::error::ContractError;
use crate::state::REPORTERS;

/// Owner only: removes `remove`, then adds `add` (so a full list may swap members).
///
/// Attributes: `action=update_reporters`, `added`, `removed` (comma-separated addresses),
/// `reporter_count`.
///
/// Errors: `Ownership`, `InvalidParameter` (both lists empty), `AllowList` (`NotListed`,
/// `AlreadyListed`, `Full`), `Std` (invalid address). Nothing changes on an error.
pub fn update_reporters(
    deps: DepsMut,
    info: MessageInfo,
    add: Vec<String>,
    remove: Vec<String>,
) -> Result<Response, ContractError> {
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    if add.is_empty() && remove.is_empty() {
        return Err(ContractError::invalid(
            "update_reporters",
            "nothing to add or remove",
        ));
    }
    let (added, removed) = REPORTERS.update(deps.storage, deps.api, &add, &remove)?;
    let join = |list: Vec<cosmwasm_std::Addr>| {
        list.iter()
            .map(|a| a.as_str())
            .collect::<Vec<_>>()
            .join(",")
    };
    Ok(Response::new()
        .add_attribute("action", "update_reporters")
        .add_attribute("added", join(added))
        .add_attribute("removed", join(removed))
        .add_attribute("reporter_count", REPORTERS.count(deps.storage)?.to_string()))
}
