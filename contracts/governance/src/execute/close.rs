//! `Close`: finalizes a rejected, vetoed or expired proposal and settles its deposit.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use poe_interface::governance::{DepositStatus, ProposalStatus};
use poe_interface::treasury::cw20_deposit_msg;

use crate::error::ContractError;
use crate::execute::{cw20_transfer, load_proposal};
use crate::state::{CONFIG, PROPOSALS};

/// Anyone, once voting has ended on a proposal that will not be executed:
///
/// | status at close | deposit |
/// |---|---|
/// | `rejected`, quorum reached | refunded to the proposer (cw20 `Transfer`) |
/// | `rejected`, quorum not reached | forfeited to the treasury |
/// | `vetoed` | forfeited to the treasury |
/// | `expired` (passed, not executed in its window) | refunded to the proposer |
///
/// (An executed or failed proposal had its deposit refunded by `Execute`.) A forfeit is a cw20
/// `Send` to the current treasury with its `Deposit` hook, so the treasury's ledger records it.
/// The status is persisted; a closed proposal cannot be closed or executed again.
///
/// Attributes: `action=close_proposal`, `proposal_id`, `status`, `deposit` (`refunded` or
/// `forfeited`), `amount`, `recipient`.
///
/// Errors: `Payment` (funds attached), [`ContractError::ProposalNotFound`],
/// [`ContractError::VotingOpen`], [`ContractError::NotClosable`] (passed and still executable,
/// or already final).
pub fn close(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    proposal_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut proposal = load_proposal(deps.storage, proposal_id)?;
    if proposal.status != ProposalStatus::Open {
        return Err(ContractError::NotClosable {
            proposal_id,
            status: proposal.status,
        });
    }
    let status = proposal.status_at(env.block.time);
    let refund = match status {
        ProposalStatus::Open => {
            return Err(ContractError::VotingOpen {
                proposal_id,
                ends_at: proposal.end_time,
            })
        }
        ProposalStatus::Rejected => proposal.outcome().quorum_reached,
        ProposalStatus::Expired => true,
        ProposalStatus::Vetoed => false,
        status => {
            return Err(ContractError::NotClosable {
                proposal_id,
                status,
            })
        }
    };

    proposal.status = status;
    let (msg, recipient) = if refund {
        proposal.deposit_status = DepositStatus::Refunded;
        (
            cw20_transfer(
                &proposal.deposit_token,
                &proposal.proposer,
                proposal.deposit_amount,
            )?,
            proposal.proposer.clone(),
        )
    } else {
        proposal.deposit_status = DepositStatus::Forfeited;
        let treasury = CONFIG.load(deps.storage)?.treasury;
        (
            cw20_deposit_msg(
                &proposal.deposit_token,
                &treasury,
                proposal.deposit_amount,
                format!("forfeited deposit of proposal {proposal_id}"),
            )?,
            treasury,
        )
    };
    PROPOSALS.save(deps.storage, proposal_id, &proposal)?;

    Ok(Response::new()
        .add_message(msg)
        .add_attribute("action", "close_proposal")
        .add_attribute("proposal_id", proposal_id.to_string())
        .add_attribute("status", status.to_string())
        .add_attribute("deposit", if refund { "refunded" } else { "forfeited" })
        .add_attribute("amount", proposal.deposit_amount)
        .add_attribute("recipient", recipient))
}
