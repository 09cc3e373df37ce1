//! The owner's `UpdateWriters` and `UpdateConfig`.

use cosmwasm_std::{Decimal, DepsMut, MessageInfo, Response};

use crate::error::ContractError;
use crate::execute::check_decay_rate;
use crate::state::{CONFIG, WRITERS};

/// Owner: removes `remove`, then adds `add` to the writers (`poe_controllers::AllowList`).
/// Refuses funds and an update that names nobody.
///
/// Attributes: `action=update_writers`, `added`, `removed` (comma-separated addresses).
///
/// Errors: `Payment`, `Ownership`, `Std` (invalid address), [`ContractError::NoWriterChange`],
/// `AllowList(NotListed | AlreadyListed | Full)`.
pub fn update_writers(
    deps: DepsMut,
    info: MessageInfo,
    add: Vec<String>,
    remove: Vec<String>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    if add.is_empty() && remove.is_empty() {
        return Err(ContractError::NoWriterChange);
    }
    let (added, removed) = WRITERS.update(deps.storage, deps.api, &add, &remove)?;
    let join = |v: &[cosmwasm_std::Addr]| {
        v.iter()
            .map(cosmwasm_std::Addr::as_str)
            .collect::<Vec<_>>()
            .join(",")
    };
    Ok(Response::new()
        .add_attribute("action", "update_writers")
        .add_attribute("added", join(&added))
        .add_attribute("removed", join(&removed)))
}

/// Owner: the decay per whole day. It applies to every day not yet decayed of every record
/// (records are decayed when read or raised, never in a loop).
///
/// Attributes: `action=update_config`, `decay_rate_per_day`.
///
/// Errors: `Payment`, `Ownership`, [`ContractError::InvalidDecayRate`].
pub fn update_config(
    deps: DepsMut,
    info: MessageInfo,
    decay_rate_per_day: Decimal,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    check_decay_rate(decay_rate_per_day)?;
    CONFIG.update(deps.storage, |mut c| -> Result<_, ContractError> {
        c.decay_rate_per_day = decay_rate_per_day;
        Ok(c)
    })?;
    Ok(Response::new()
        .add_attribute("action", "update_config")
        .add_attribute("decay_rate_per_day", decay_rate_per_day.to_string()))
}
