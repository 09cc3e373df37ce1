//! `Close`: finalizes a rejected, vetoed or expired proposal and settles its deposit.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};
use poe_controllers::cw20::transfer_msg;
use poe_interface::governance::{DepositStatus, ProposalStatus};
use poe_interface::treasury::cw20_deposit_msg;

use crate::error::ContractError;
use crate::execute::deposits::release;
use crate::execute::load_proposal;
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
/// (An executed or failed proposal had its deposit refunded by `Execute`; so had an expired one
/// that somebody tried to execute: its close pays nothing, `deposit=already_refunded`, amount
/// 0.) A forfeit is a cw20 `Send` to the current treasury with its `Deposit` hook, so the
/// treasury's ledger records it. The status is persisted; a closed proposal cannot be closed or
/// executed again. Only a deposit still `Held` is ever paid out, so each is settled once.
///
/// Attributes: `action=close_proposal`, `proposal_id`, `status`, `deposit` (`refunded`,
/// `forfeited` or `already_refunded`), `amount`, `recipient`.
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
    let mut res = Response::new();
    let (deposit, amount, recipient) = if proposal.deposit_status != DepositStatus::Held {
        // an expired proposal whose execution was attempted: refunded by its first `Execute`
        (
            "already_refunded",
            Uint128::zero(),
            proposal.proposer.clone(),
        )
    } else if refund {
        proposal.deposit_status = DepositStatus::Refunded;
        release(
            deps.storage,
            &proposal.deposit_token,
            proposal.deposit_amount,
        )?;
        res = res.add_message(transfer_msg(
            &proposal.deposit_token,
            &proposal.proposer,
            proposal.deposit_amount,
        )?);
        (
            "refunded",
            proposal.deposit_amount,
            proposal.proposer.clone(),
        )
    } else {
        proposal.deposit_status = DepositStatus::Forfeited;
        release(
            deps.storage,
            &proposal.deposit_token,
            proposal.deposit_amount,
        )?;
        let treasury = CONFIG.load(deps.storage)?.treasury;
        res = res.add_message(cw20_deposit_msg(
            &proposal.deposit_token,
            &treasury,
            proposal.deposit_amount,
            format!("forfeited deposit of proposal {proposal_id}"),
        )?);
        ("forfeited", proposal.deposit_amount, treasury)
    };
    PROPOSALS.save(deps.storage, proposal_id, &proposal)?;

    Ok(res
        .add_attribute("action", "close_proposal")
        .add_attribute("proposal_id", proposal_id.to_string())
        .add_attribute("status", status.to_string())
        .add_attribute("deposit", deposit)
        .add_attribute("amount", amount)
        .add_attribute("recipient", recipient))
}
