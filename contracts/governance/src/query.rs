//! Queries. Statuses are computed at the current block time.

use cosmwasm_std::{to_json_binary, Binary, Deps, Env, Order, StdError, StdResult};
use cw_storage_plus::Bound;
use poe_interface::governance::{
    Config, PauseInfo, PausesResponse, ProposalResponse, ProposalsResponse, QueryMsg, VoteInfo,
    VoteResponse, VotesResponse,
};
use poe_interface::{DEFAULT_LIMIT, MAX_LIMIT};

use crate::state::{Proposal, BALLOTS, CONFIG, CONTENTS, PAUSES, PROPOSALS};

/// Dispatches a query.
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> StdResult<Binary> {
    match msg {
        QueryMsg::Config {} => to_json_binary(&config(deps)?),
        QueryMsg::Proposal { proposal_id } => to_json_binary(&proposal(deps, &env, proposal_id)?),
        QueryMsg::Proposals { start_after, limit } => {
            to_json_binary(&proposals(deps, &env, start_after, limit)?)
        }
        QueryMsg::Ballot { proposal_id, voter } => to_json_binary(&vote(deps, proposal_id, voter)?),
        QueryMsg::Ballots {
            proposal_id,
            start_after,
            limit,
        } => to_json_binary(&votes(deps, proposal_id, start_after, limit)?),
        QueryMsg::Pauses { start_after, limit } => {
            to_json_binary(&pauses(deps, &env, start_after, limit)?)
        }
    }
}

/// The configuration.
pub fn config(deps: Deps) -> StdResult<Config> {
    CONFIG.load(deps.storage)
}

/// One proposal with its status now.
///
/// Errors: `Std(NotFound)` for an unknown id.
pub fn proposal(deps: Deps, env: &Env, proposal_id: u64) -> StdResult<ProposalResponse> {
    let record = PROPOSALS
        .may_load(deps.storage, proposal_id)?
        .ok_or_else(|| StdError::not_found(format!("proposal {proposal_id}")))?;
    response(deps, env, proposal_id, record)
}

/// Proposals by ascending id after `start_after`; `limit` default 10, at most 30.
pub fn proposals(
    deps: Deps,
    env: &Env,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<ProposalsResponse> {
    let limit = limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT) as usize;
    let proposals = PROPOSALS
        .range(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(limit)
        .map(|item| {
            let (id, record) = item?;
            response(deps, env, id, record)
        })
        .collect::<StdResult<_>>()?;
    Ok(ProposalsResponse { proposals })
}

/// `voter`'s vote on `proposal_id`, if any.
///
/// Errors: `Std` for an invalid address.
pub fn vote(deps: Deps, proposal_id: u64, voter: String) -> StdResult<VoteResponse> {
    let voter = deps.api.addr_validate(&voter)?;
    let vote = BALLOTS
        .may_load(deps.storage, (proposal_id, &voter))?
        .map(|ballot| VoteInfo {
            voter,
            vote: ballot.vote,
            power: ballot.power,
        });
    Ok(VoteResponse { vote })
}

/// `proposal_id`'s votes by voter address after `start_after`; `limit` default 10, at most 30.
///
/// Errors: `Std` for an invalid `start_after`.
pub fn votes(
    deps: Deps,
    proposal_id: u64,
    start_after: Option<String>,
    limit: Option<u32>,
) -> StdResult<VotesResponse> {
    let limit = limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT) as usize;
    let start = start_after
        .map(|a| deps.api.addr_validate(&a))
        .transpose()?;
    let votes = BALLOTS
        .prefix(proposal_id)
        .range(
            deps.storage,
            start.as_ref().map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(limit)
        .map(|item| {
            let (voter, ballot) = item?;
            Ok(VoteInfo {
                voter,
                vote: ballot.vote,
                power: ballot.power,
            })
        })
        .collect::<StdResult<_>>()?;
    Ok(VotesResponse { votes })
}

/// Every pause governance ordered (the last per target), by target after `start_after`, with
/// `active` = its `until` is in the future; `limit` default 10, at most 30. An `Unpause` removes
/// the target's record.
///
/// Errors: `Std` for an invalid `start_after`.
pub fn pauses(
    deps: Deps,
    env: &Env,
    start_after: Option<String>,
    limit: Option<u32>,
) -> StdResult<PausesResponse> {
    let limit = limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT) as usize;
    let start = start_after
        .map(|a| deps.api.addr_validate(&a))
        .transpose()?;
    let pauses = PAUSES
        .range(
            deps.storage,
            start.as_ref().map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(limit)
        .map(|item| {
            let (target, record) = item?;
            Ok(PauseInfo {
                target,
                active: record.until > env.block.time,
                until: record.until,
                paused_by: record.paused_by,
                paused_at: record.paused_at,
            })
        })
        .collect::<StdResult<_>>()?;
    Ok(PausesResponse { pauses })
}

fn response(deps: Deps, env: &Env, id: u64, record: Proposal) -> StdResult<ProposalResponse> {
    let content = CONTENTS.load(deps.storage, id)?;
    let status = record.status_at(env.block.time);
    let quorum_reached = record.outcome().quorum_reached;
    Ok(ProposalResponse {
        id,
        title: content.title,
        description: content.description,
        msgs: content.msgs,
        proposer: record.proposer,
        deposit_token: record.deposit_token,
        deposit_amount: record.deposit_amount,
        deposit_status: record.deposit_status,
        staking: record.staking,
        start_height: record.start_height,
        start_time: record.start_time,
        end_time: record.end_time,
        executable_at: record.executable_at,
        expires_at: record.expires_at,
        total_power: record.total_power,
        rules: record.rules,
        tally: record.tally,
        quorum_reached,
        status,
        execution_error: record.execution_error,
    })
}
