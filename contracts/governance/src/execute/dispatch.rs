//! `Dispatch`: the inner half of `Execute`.

use cosmwasm_std::{CosmosMsg, Env, MessageInfo, Response};

use crate::error::ContractError;
use crate::execute::ensure_self;

/// Governance itself only: sends `msgs` as plain messages, so that the whole submessage `Execute`
/// wraps them in fails, and is reverted, when any of them fails. Only governance can call it, and
/// governance could send these messages anyway, so it grants nothing; `proposal_id` only labels
/// the event.
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
    Ok(Response::new()
        .add_attribute("action", "dispatch")
        .add_attribute("proposal_id", proposal_id.to_string())
        .add_attribute("messages", msgs.len().to_string())
        .add_messages(msgs))
}
