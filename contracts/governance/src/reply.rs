//! The reply of a failed `Dispatch`.

use cosmwasm_std::{DepsMut, Env, Reply, Response, SubMsgResult};
use poe_interface::governance::ProposalStatus;

use crate::error::ContractError;
use crate::execute::load_proposal;
use crate::state::{ATTEMPTS, PROPOSALS};
use crate::MAX_ERROR_BYTES;

/// `Execute` sends a proposal's messages with `reply_on_error` and the proposal id as reply id.
/// On error the messages' effects are already reverted; this keeps the error (its first
/// `MAX_ERROR_BYTES`; on a chain wasmd redacts it to a short, deterministic code) in the
/// attempt's record and in the proposal, and returns `Ok`, so the record stays and the
/// transaction succeeds. Then:
/// - by default the proposal is reopened (persisted status back to `Open`, which reads
///   `passed` until `expires_at`, then `expired`): anyone may execute it again;
/// - a proposal made under `close_proposal_on_execution_failure` ends `ExecutionFailed`, final.
///
/// Attributes: `action=execution_failed`, `proposal_id`, `attempt`, `error`, `reopened`
/// (`true`/`false`).
///
/// Errors: [`ContractError::UnexpectedReply`] (a success reply, or a proposal that is not
/// `Executed`, or no record of its attempt), [`ContractError::ProposalNotFound`].
pub fn reply(deps: DepsMut, _env: Env, msg: Reply) -> Result<Response, ContractError> {
    let proposal_id = msg.id;
    let SubMsgResult::Err(error) = msg.result else {
        return Err(ContractError::UnexpectedReply { id: msg.id });
    };
    let mut proposal = load_proposal(deps.storage, proposal_id)?;
    if proposal.status != ProposalStatus::Executed {
        return Err(ContractError::UnexpectedReply { id: msg.id });
    }
    let attempt = proposal.execution_attempts;
    let key = (proposal_id, attempt);
    let mut record = ATTEMPTS
        .may_load(deps.storage, key)?
        .ok_or(ContractError::UnexpectedReply { id: msg.id })?;
    let error = head(error, MAX_ERROR_BYTES);
    record.error = Some(error.clone());
    ATTEMPTS.save(deps.storage, key, &record)?;
    let reopened = !proposal.close_on_execution_failure;
    proposal.status = if reopened {
        ProposalStatus::Open
    } else {
        ProposalStatus::ExecutionFailed
    };
    proposal.execution_error = Some(error.clone());
    PROPOSALS.save(deps.storage, proposal_id, &proposal)?;
    Ok(Response::new()
        .add_attribute("action", "execution_failed")
        .add_attribute("proposal_id", proposal_id.to_string())
        .add_attribute("attempt", attempt.to_string())
        .add_attribute("error", error)
        .add_attribute("reopened", reopened.to_string()))
}

/// `s` cut to at most `max` bytes at a char boundary.
fn head(mut s: String, max: usize) -> String {
    if s.len() > max {
        let mut end = max;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::head;

    #[test]
    fn cuts_at_a_char_boundary() {
        assert_eq!(head("abc".to_string(), 5), "abc");
        assert_eq!(head("abcdef".to_string(), 3), "abc");
        // 'é' is two bytes: cutting inside it backs off
        assert_eq!(head("aé".to_string(), 2), "a");
    }
}
