//! `UpdateCustodians` (owner only).

use std::collections::BTreeSet;

use cosmwasm_std::{DepsMut, MessageInfo, Response};

use crate::error::ContractError;
use crate::state::CUSTODIANS;

/// Owner only: removes the custodians of `remove`, then adds those of `add` (the capped
/// `poe_controllers::AllowList`). Every address must change: removing a non-custodian
/// (`AllowList(NotListed)`) or adding a custodian (`AllowList(AlreadyListed)`) is refused, as is
/// an address in both lists or listed twice.
/// Removing every custodian is allowed: no attestation can then be posted, and minting halts once
/// the latest attestation is stale.
///
/// Attributes: `action=update_custodians`, `added` and `removed` (comma-separated addresses),
/// `custodians` (count after).
///
/// Errors: `Payment`, `Ownership(NotOwner | NoOwner)`, `Std` (invalid address),
/// [`ContractError::NoCustodianChange`], [`ContractError::CustodianInBothLists`],
/// `AllowList(NotListed | AlreadyListed | Full)`.
pub fn update_custodians(
    deps: DepsMut,
    info: MessageInfo,
    add: Vec<String>,
    remove: Vec<String>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    if add.is_empty() && remove.is_empty() {
        return Err(ContractError::NoCustodianChange);
    }
    let add = add
        .iter()
        .map(|a| deps.api.addr_validate(a))
        .collect::<Result<Vec<_>, _>>()?;
    let remove = remove
        .iter()
        .map(|a| deps.api.addr_validate(a))
        .collect::<Result<Vec<_>, _>>()?;
    let removing: BTreeSet<_> = remove.iter().collect();
    if let Some(both) = add.iter().find(|a| removing.contains(a)) {
        return Err(ContractError::CustodianInBothLists {
            address: both.to_string(),
        });
    }

    let removing: Vec<String> = remove.iter().map(|a| a.to_string()).collect();
    let adding: Vec<String> = add.iter().map(|a| a.to_string()).collect();
    CUSTODIANS.update(deps.storage, deps.api, &adding, &removing)?;
    let count = CUSTODIANS.count(deps.storage)?;

    let join = |list: &[cosmwasm_std::Addr]| {
        list.iter()
            .map(|a| a.as_str())
            .collect::<Vec<_>>()
            .join(",")
    };
    Ok(Response::new()
        .add_attribute("action", "update_custodians")
        .add_attribute("added", join(&add))
        .add_attribute("removed", join(&remove))
        .add_attribute("custodians", count.to_string()))
}
