//! `Vote`.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use poe_interface::governance::{ProposalStatus, VoteOption};

use crate::error::ContractError;
use crate::execute::load_proposal;
use crate::staking;
use crate::state::{Ballot, BALLOTS, PROPOSALS};
use crate::tally::entry;

/// The sender votes with its power at the proposal's start height (asked of the proposal's
/// staking contract on the first vote, kept in the ballot after). A new vote replaces the
/// previous one: its power moves from the old option to the new one. Accepted while block time
/// < `end_time`.
///
/// Attributes: `action=vote`, `proposal_id`, `voter`, `vote`, `power`, and `previous_vote` when
/// the vote changed.
///
/// Errors: `Payment` (funds attached), [`ContractError::ProposalNotFound`],
/// [`ContractError::VotingClosed`], [`ContractError::NoVotingPower`], `Std` (the staking contract
/// does not answer), `Overflow`.
pub fn vote(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    proposal_id: u64,
    vote: VoteOption,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut proposal = load_proposal(deps.storage, proposal_id)?;
    if proposal.status != ProposalStatus::Open || env.block.time >= proposal.end_time {
        return Err(ContractError::VotingClosed {
            proposal_id,
            ended_at: proposal.end_time,
        });
    }
    let voter = info.sender;
    let previous = BALLOTS.may_load(deps.storage, (proposal_id, &voter))?;
    let power = match &previous {
        Some(ballot) => {
            let old = entry(&mut proposal.tally, ballot.vote);
            *old = old.checked_sub(ballot.power)?;
            ballot.power
        }
        None => staking::voting_power(
            &deps.querier,
            &proposal.staking,
            &voter,
            proposal.start_height,
        )?,
    };
    if power.is_zero() {
        return Err(ContractError::NoVotingPower {
            address: voter.to_string(),
            height: proposal.start_height,
        });
    }
    let new = entry(&mut proposal.tally, vote);
    *new = new.checked_add(power)?;
    PROPOSALS.save(deps.storage, proposal_id, &proposal)?;
    BALLOTS.save(deps.storage, (proposal_id, &voter), &Ballot { vote, power })?;

    let mut res = Response::new()
        .add_attribute("action", "vote")
        .add_attribute("proposal_id", proposal_id.to_string())
        .add_attribute("voter", voter)
        .add_attribute("vote", vote_label(vote))
        .add_attribute("power", power);
    if let Some(ballot) = previous {
        res = res.add_attribute("previous_vote", vote_label(ballot.vote));
    }
    Ok(res)
}

/// The option's JSON name.
pub fn vote_label(vote: VoteOption) -> &'static str {
    match vote {
        VoteOption::Yes => "yes",
        VoteOption::No => "no",
        VoteOption::Abstain => "abstain",
        VoteOption::NoWithVeto => "no_with_veto",
    }
}
