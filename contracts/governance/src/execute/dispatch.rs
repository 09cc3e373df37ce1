//! `Dispatch`: the inner half of `Execute`.

use cosmwasm_std::{to_json_binary, CosmosMsg, Env, MessageInfo, Response, WasmMsg};
use poe_interface::governance::ExecuteMsg;

use crate::error::ContractError;
use crate::execute::ensure_self;

/// Governance itself only: sends `msgs` as plain messages, then `VerifyHeldDeposits {}` to
/// itself, so that the whole submessage `Execute` wraps them in fails, and is reverted, when any
/// of them fails or they spent deposits held for other proposals. Only governance can call it,
/// and governance could send these messages anyway, so it grants nothing; `proposal_id` only
/// labels the event.
///
/// Attributes: `action=dispatch`, `proposal_id`, `messages`.
///
/// Errors: `Payment` (funds attached), [`ContractError::Unauthorized`] (any other caller).
pub fn dispatch(
    env: Env,
    info: MessageInfo,
    proposal_id: u64,
    msgs: Vec<CosmosMsg>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    ensure_self(&env, &info, "dispatch")?;
    let verify = WasmMsg::Execute {
        contract_addr: env.contract.address.to_string(),
        msg: to_json_binary(&ExecuteMsg::VerifyHeldDeposits {})?,
        funds: vec![],
    };
    Ok(Response::new()
        .add_attribute("action", "dispatch")
        .add_attribute("proposal_id", proposal_id.to_string())
        .add_attribute("messages", msgs.len().to_string())
        .add_messages(msgs)
        .add_message(verify))
}
