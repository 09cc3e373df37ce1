//! `Execute`: a passed proposal, once, within its window.

use cosmwasm_std::{to_json_binary, DepsMut, Env, MessageInfo, Response, SubMsg, WasmMsg};
use poe_interface::governance::{DepositStatus, ExecuteMsg, ProposalStatus};

use crate::error::ContractError;
use crate::execute::{cw20_transfer, load_proposal};
use crate::state::{CONTENTS, PROPOSALS};

/// Anyone, when the proposal has passed and `executable_at <= now < expires_at`. In one
/// transaction, in this order:
/// 1. the proposal is persisted as `Executed` (so it can never run again, whatever happens next)
///    and its deposit as `Refunded`;
/// 2. the deposit goes back to the proposer (cw20 `Transfer`);
/// 3. the proposal's messages go out inside ONE submessage to governance itself
///    ([`ExecuteMsg::Dispatch`], `reply_on_error`, reply id = proposal id): they run all or none.
///    When one fails, everything they did is reverted and the reply marks the proposal
///    `ExecutionFailed` (the reply succeeds, so that record stays). A proposal without messages
///    (a text proposal) sends no submessage.
///
/// Attributes: `action=execute_proposal`, `proposal_id`, `messages`, `deposit_refunded`,
/// `proposer`.
///
/// Errors: `Payment` (funds attached), [`ContractError::ProposalNotFound`],
/// [`ContractError::VotingOpen`], [`ContractError::TimelockActive`],
/// [`ContractError::NotExecutable`] (rejected, vetoed, expired, executed, failed).
pub fn execute_proposal(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    proposal_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut proposal = load_proposal(deps.storage, proposal_id)?;
    let now = env.block.time;
    match proposal.status_at(now) {
        ProposalStatus::Open => {
            return Err(ContractError::VotingOpen {
                proposal_id,
                ends_at: proposal.end_time,
            })
        }
        ProposalStatus::Passed if now < proposal.executable_at => {
            return Err(ContractError::TimelockActive {
                proposal_id,
                executable_at: proposal.executable_at,
            })
        }
        ProposalStatus::Passed => {}
        status => {
            return Err(ContractError::NotExecutable {
                proposal_id,
                status,
            })
        }
    }

    proposal.status = ProposalStatus::Executed;
    proposal.deposit_status = DepositStatus::Refunded;
    PROPOSALS.save(deps.storage, proposal_id, &proposal)?;
    let msgs = CONTENTS.load(deps.storage, proposal_id)?.msgs;
    let count = msgs.len();

    let mut res = Response::new()
        .add_message(cw20_transfer(
            &proposal.deposit_token,
            &proposal.proposer,
            proposal.deposit_amount,
        )?)
        .add_attribute("action", "execute_proposal")
        .add_attribute("proposal_id", proposal_id.to_string())
        .add_attribute("messages", count.to_string())
        .add_attribute("deposit_refunded", proposal.deposit_amount)
        .add_attribute("proposer", proposal.proposer);
    if count > 0 {
        let dispatch = WasmMsg::Execute {
            contract_addr: env.contract.address.to_string(),
            msg: to_json_binary(&ExecuteMsg::Dispatch { proposal_id, msgs })?,
            funds: vec![],
        };
        res = res.add_submessage(SubMsg::reply_on_error(dispatch, proposal_id));
    }
    Ok(res)
}
