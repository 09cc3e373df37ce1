//! `Execute`: a passed proposal within its window; retried after a failure until it expires.

use cosmwasm_std::{
    to_json_binary, DepsMut, Env, MessageInfo, OverflowError, OverflowOperation, Response, SubMsg,
    Uint128, WasmMsg,
};
use poe_controllers::cw20::transfer_msg;
use poe_interface::governance::{DepositStatus, ExecuteMsg, ExecutionAttempt, ProposalStatus};

use crate::error::ContractError;
use crate::execute::deposits::release;
use crate::execute::load_proposal;
use crate::state::{ATTEMPTS, CONTENTS, PROPOSALS};

/// Anyone, when the proposal has passed and `executable_at <= now < expires_at`. In one
/// transaction, in this order:
/// 1. the proposal is persisted as `Executed` (so it can never run again while this attempt is
///    in flight, and never again once it succeeded), its attempt count raised and the attempt
///    recorded (`ATTEMPTS`: number, height, time, caller, no error yet), the last error
///    cleared; on the first attempt its deposit is marked `Refunded`;
/// 2. on the first attempt the deposit goes back to the proposer (cw20 `Transfer`): the proposal
///    passed, so its deposit is due whatever the execution does;
/// 3. the proposal's messages go out inside ONE submessage to governance itself
///    ([`ExecuteMsg::Dispatch`], `reply_on_error`, reply id = proposal id): they run all or none.
///    When one fails, everything they did is reverted and the reply records the error in the
///    attempt and reopens the proposal (or, if it was made under
///    `close_proposal_on_execution_failure`, ends it `ExecutionFailed`); the reply succeeds, so
///    that record stays. A proposal without messages (a text proposal) sends no submessage.
///
/// So a caller who picks a bad moment (e.g. a pool moved by a swap before it in the same
/// transaction) only records a failed attempt: the proposal stays executable until
/// `expires_at`. Out of gas cannot be turned into a failed attempt: the submessage has no gas
/// limit, so running out aborts the whole transaction.
///
/// Attributes: `action=execute_proposal`, `proposal_id`, `attempt`, `messages`,
/// `deposit_refunded` (base units; 0 after the first attempt), `proposer`.
///
/// Errors: `Payment` (funds attached), [`ContractError::ProposalNotFound`],
/// [`ContractError::VotingOpen`], [`ContractError::TimelockActive`],
/// [`ContractError::NotExecutable`] (rejected, vetoed, expired, executed, failed for good),
/// `Overflow` (attempt count).
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

    let attempt = proposal
        .execution_attempts
        .checked_add(1)
        .ok_or_else(|| OverflowError::new(OverflowOperation::Add))?;
    proposal.status = ProposalStatus::Executed;
    proposal.execution_attempts = attempt;
    proposal.execution_error = None;
    let refund = proposal.deposit_status == DepositStatus::Held;
    if refund {
        proposal.deposit_status = DepositStatus::Refunded;
        release(
            deps.storage,
            &proposal.deposit_token,
            proposal.deposit_amount,
        )?;
    }
    PROPOSALS.save(deps.storage, proposal_id, &proposal)?;
    ATTEMPTS.save(
        deps.storage,
        (proposal_id, attempt),
        &ExecutionAttempt {
            attempt,
            height: env.block.height,
            time: now,
            executor: info.sender,
            error: None,
        },
    )?;
    let msgs = CONTENTS.load(deps.storage, proposal_id)?.msgs;
    let count = msgs.len();

    let mut res = Response::new();
    if refund {
        res = res.add_message(transfer_msg(
            &proposal.deposit_token,
            &proposal.proposer,
            proposal.deposit_amount,
        )?);
    }
    res = res
        .add_attribute("action", "execute_proposal")
        .add_attribute("proposal_id", proposal_id.to_string())
        .add_attribute("attempt", attempt.to_string())
        .add_attribute("messages", count.to_string())
        .add_attribute(
            "deposit_refunded",
            if refund {
                proposal.deposit_amount
            } else {
                Uint128::zero()
            },
        )
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
