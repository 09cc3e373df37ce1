//! Queries. Statuses are computed at the current block time.

use cosmwasm_std::{to_json_binary, Binary, Deps, Env, Order, StdError, StdResult};
use cw_storage_plus::Bound;
use poe_controllers::page::page_limit;
use poe_interface::governance::{
    Config, ExecutionAttemptsResponse, GuardianBudgetResponse, HeldDeposit, HeldDepositsResponse,
    PauseInfo, PausesResponse, ProposalResponse, ProposalsResponse, QueryMsg, VoteInfo,
    VoteResponse, VotesResponse,
};

use crate::execute::deposits::held_deposits;
use crate::execute::pause::window_end;
use crate::state::{
    Proposal, ATTEMPTS, BALLOTS, CONFIG, CONTENTS, GUARDIAN_BUDGET, PAUSES, PROPOSALS,
};

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
        QueryMsg::ExecutionAttempts {
            proposal_id,
            start_after,
            limit,
        } => to_json_binary(&execution_attempts(deps, proposal_id, start_after, limit)?),
        QueryMsg::GuardianBudget {} => to_json_binary(&guardian_budget(deps, &env)?),
        QueryMsg::HeldDeposits {} => to_json_binary(&held(deps)?),
    }
}

/// The deposits held, per token.
pub fn held(deps: Deps) -> StdResult<HeldDepositsResponse> {
    Ok(HeldDepositsResponse {
        deposits: held_deposits(deps.storage)?
            .into_iter()
            .map(|(token, amount)| HeldDeposit { token, amount })
            .collect(),
    })
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
    let limit = page_limit(limit);
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
    let limit = page_limit(limit);
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
/// `active` = its `until` is in the future; `limit` default 10, at most 30. Governance's
/// `Unpause` removes the target's record. This is what governance sent, not the target's state:
/// a proposal may have sent the target its own `pause` / `unpause` JSON since; the target's
/// `pause_status` is authoritative (and is what the guardian's checks read).
///
/// Errors: `Std` for an invalid `start_after`.
pub fn pauses(
    deps: Deps,
    env: &Env,
    start_after: Option<String>,
    limit: Option<u32>,
) -> StdResult<PausesResponse> {
    let limit = page_limit(limit);
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

/// `proposal_id`'s execution attempts by number after `start_after`; `limit` default 10, at
/// most 30 (none for an unknown proposal).
pub fn execution_attempts(
    deps: Deps,
    proposal_id: u64,
    start_after: Option<u32>,
    limit: Option<u32>,
) -> StdResult<ExecutionAttemptsResponse> {
    let attempts = ATTEMPTS
        .prefix(proposal_id)
        .range(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(page_limit(limit))
        .map(|item| item.map(|(_, attempt)| attempt))
        .collect::<StdResult<_>>()?;
    Ok(ExecutionAttemptsResponse { attempts })
}

/// The guardian's budget in the window running now (none running: nothing used, no window).
pub fn guardian_budget(deps: Deps, env: &Env) -> StdResult<GuardianBudgetResponse> {
    let config = CONFIG.load(deps.storage)?;
    let running = GUARDIAN_BUDGET
        .may_load(deps.storage)?
        .filter(|b| env.block.time < window_end(b, &config));
    let used_seconds = running.as_ref().map_or(0, |b| b.used_seconds);
    Ok(GuardianBudgetResponse {
        window_start: running.as_ref().map(|b| b.window_start),
        window_ends_at: running.as_ref().map(|b| window_end(b, &config)),
        used_seconds,
        budget_seconds: config.guardian_pause_budget_seconds,
        remaining_seconds: config
            .guardian_pause_budget_seconds
            .saturating_sub(used_seconds),
    })
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
        execution_attempts: record.execution_attempts,
        close_on_execution_failure: record.close_on_execution_failure,
    })
}
