//! `UpdateCustodians` (owner only).

use std::collections::BTreeSet;

use cosmwasm_std::{DepsMut, Empty, MessageInfo, OverflowError, OverflowOperation, Response};
use poe_interface::aurum_reserve::MAX_CUSTODIANS;

use crate::error::ContractError;
use crate::state::{CUSTODIANS, LEDGER};

/// Owner only: removes the custodians of `remove`, then adds those of `add`. Every address must
/// change: removing a non-custodian ([`ContractError::UnknownCustodian`]) or adding a custodian
/// ([`ContractError::CustodianExists`]) is refused, as is an address in both lists or listed twice.
/// Removing every custodian is allowed: no attestation can then be posted, and minting halts once
/// the latest attestation is stale.
///
/// Attributes: `action=update_custodians`, `added` and `removed` (comma-separated addresses),
/// `custodians` (count after).
///
/// Errors: `Payment`, `Ownership(NotOwner | NoOwner)`, `Std` (invalid address),
/// [`ContractError::NoCustodianChange`], [`ContractError::CustodianInBothLists`],
/// [`ContractError::UnknownCustodian`], [`ContractError::CustodianExists`],
/// [`ContractError::TooManyCustodians`].
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

    let mut ledger = LEDGER.load(deps.storage)?;
    for custodian in &remove {
        if !CUSTODIANS.has(deps.storage, custodian) {
            return Err(ContractError::UnknownCustodian {
                address: custodian.to_string(),
            });
        }
        CUSTODIANS.remove(deps.storage, custodian);
        ledger.custodian_count = ledger
            .custodian_count
            .checked_sub(1)
            .ok_or_else(|| OverflowError::new(OverflowOperation::Sub))?;
    }
    for custodian in &add {
        if CUSTODIANS.has(deps.storage, custodian) {
            return Err(ContractError::CustodianExists {
                address: custodian.to_string(),
            });
        }
        if ledger.custodian_count >= MAX_CUSTODIANS {
            return Err(ContractError::TooManyCustodians {
                max: MAX_CUSTODIANS,
            });
        }
        CUSTODIANS.save(deps.storage, custodian, &Empty {})?;
        // below MAX_CUSTODIANS, checked above
        ledger.custodian_count += 1;
    }
    LEDGER.save(deps.storage, &ledger)?;

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
        .add_attribute("custodians", ledger.custodian_count.to_string()))
}
