//! `AcceptOwnership`: the second step of handing a contract to governance.

use cosmwasm_std::{to_json_binary, DepsMut, MessageInfo, Response, WasmMsg};
use poe_interface::governance::MAX_ACCEPT_OWNERSHIP;
use poe_interface::ownership::{Action, OwnershipExecuteMsg};

use crate::error::ContractError;

/// Sends each of `contracts` `{"update_ownership": "accept_ownership"}` as a plain message, so
/// one contract that has not offered its ownership to governance fails the whole transaction.
///
/// Anyone may call it: accepting only takes what was offered to governance.
///
/// Attributes: `action=accept_ownership`, `contracts` (comma-separated, in the given order).
///
/// Errors: `Payment` (funds attached), [`ContractError::InvalidAcceptOwnership`] (empty, more
/// than [`MAX_ACCEPT_OWNERSHIP`], or a repeat), `Std` (an invalid address); a target's own error
/// (e.g. cw-ownable's "no pending ownership transfer") fails the transaction.
pub fn accept_ownership(
    deps: DepsMut,
    info: MessageInfo,
    contracts: Vec<String>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let invalid = |reason: &str| ContractError::InvalidAcceptOwnership {
        max: MAX_ACCEPT_OWNERSHIP,
        reason: reason.to_string(),
    };
    if contracts.is_empty() {
        return Err(invalid("the list is empty"));
    }
    if contracts.len() > MAX_ACCEPT_OWNERSHIP {
        return Err(invalid(&format!("{} contracts given", contracts.len())));
    }
    let mut addrs = Vec::with_capacity(contracts.len());
    for contract in &contracts {
        let addr = deps.api.addr_validate(contract)?;
        if addrs.contains(&addr) {
            return Err(invalid(&format!("{addr} is named twice")));
        }
        addrs.push(addr);
    }
    let msg = to_json_binary(&OwnershipExecuteMsg::UpdateOwnership(
        Action::AcceptOwnership,
    ))?;
    let msgs = addrs.iter().map(|addr| WasmMsg::Execute {
        contract_addr: addr.to_string(),
        msg: msg.clone(),
        funds: vec![],
    });
    let list = addrs
        .iter()
        .map(|a| a.as_str())
        .collect::<Vec<_>>()
        .join(",");
    Ok(Response::new()
        .add_messages(msgs)
        .add_attribute("action", "accept_ownership")
        .add_attribute("contracts", list))
}
