//! Queries.

use cosmwasm_std::{to_json_binary, Addr, Binary, Deps, Env, Order, StdResult};
use cw_storage_plus::Bound;
use poe_controllers::page::page_limit;

use crate::error::ContractError;
use crate::execute::load_task;
use poe_interface::treasury::{QueryMsg as TreasuryQuery, ToolStatusResponse};

use crate::msg::{
    BidResponse, BidsResponse, CanUseToolResponse, ConfigResponse, EscrowTotal, QueryMsg,
    TaskResponse, TaskStatus, TasksResponse, TotalsResponse,
};
use crate::state::{Bid, Task, ACCEPTED, BIDS, CONFIG, ESCROW, RANKING, TASKS};

fn task_response(id: u64, t: Task) -> TaskResponse {
    let terms = t.terms;
    TaskResponse {
        id,
        creator: t.creator,
        title: terms.title,
        tags: terms.tags,
        token: t.token,
        max_reward: t.max_reward,
        escrow: t.escrow,
        auction_deadline: terms.auction_deadline,
        delivery_deadline: terms.delivery_deadline,
        arbiter: terms.arbiter,
        status: t.status,
        bid_count: t.bid_count,
        assignee: t.assignee,
        amount: t.amount,
        delivered_at: t.delivered_at,
        tax: t.tax,
        created_at: terms.created_at,
        team: t.team,
        required_tools: terms.required_tools,
        bid_bond: terms.bid_bond,
        bonds_held: t.bonds_held,
    }
}

fn bid_response(task_id: u64, bidder: Addr, b: Bid) -> BidResponse {
    BidResponse {
        task_id,
        bidder,
        amount: b.amount,
        estimated_days: b.estimated_days,
        reputation: b.reputation,
        score: b.score,
        sequence: b.sequence,
        bond: b.bond,
        placed_at: b.placed_at,
    }
}

/// Answers every [`QueryMsg`].
///
/// Errors: `Std` (invalid address, a missing bid), [`ContractError::TaskNotFound`].
pub fn query(deps: Deps, _env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    Ok(match msg {
        QueryMsg::Config {} => {
            let c = CONFIG.load(deps.storage)?;
            let accepted_tokens = ACCEPTED
                .keys(deps.storage, None, None, Order::Ascending)
                .collect::<StdResult<Vec<_>>>()?;
            to_json_binary(&ConfigResponse {
                treasury: c.treasury,
                reputation: c.reputation,
                accepted_tokens,
                tax_bps: c.tax_bps,
                reputation_points_per_tag: c.reputation_points_per_tag,
                max_bids_per_task: c.max_bids_per_task,
                acceptance_timeout_seconds: c.acceptance_timeout_seconds,
                task_count: c.task_count,
            })?
        }
        QueryMsg::Task { task_id } => {
            to_json_binary(&task_response(task_id, load_task(deps.storage, task_id)?))?
        }
        QueryMsg::Tasks { start_after, limit } => {
            let tasks = TASKS
                .range(
                    deps.storage,
                    start_after.map(Bound::exclusive),
                    None,
                    Order::Ascending,
                )
                .take(page_limit(limit))
                .map(|item| item.map(|(id, t)| task_response(id, t)))
                .collect::<StdResult<Vec<_>>>()?;
            to_json_binary(&TasksResponse { tasks })?
        }
        QueryMsg::Bid { task_id, bidder } => {
            let bidder = deps.api.addr_validate(&bidder)?;
            let bid = BIDS.load(deps.storage, (task_id, &bidder))?;
            to_json_binary(&bid_response(task_id, bidder, bid))?
        }
        QueryMsg::Bids { task_id, limit } => {
            load_task(deps.storage, task_id)?;
            let bids = RANKING
                .sub_prefix(task_id)
                .range(deps.storage, None, None, Order::Ascending)
                .take(page_limit(limit))
                .map(|item| {
                    let (_, bidder) = item?;
                    let bid = BIDS.load(deps.storage, (task_id, &bidder))?;
                    Ok(bid_response(task_id, bidder, bid))
                })
                .collect::<StdResult<Vec<_>>>()?;
            to_json_binary(&BidsResponse { bids })?
        }
        QueryMsg::Totals {} => {
            let escrow = ESCROW
                .range(deps.storage, None, None, Order::Ascending)
                .map(|item| item.map(|(token, amount)| EscrowTotal { token, amount }))
                .collect::<StdResult<Vec<_>>>()?;
            to_json_binary(&TotalsResponse {
                escrow,
                open_tasks: CONFIG.load(deps.storage)?.open_tasks,
            })?
        }
        QueryMsg::CanUseTool {
            tool,
            task_id,
            caller,
        } => {
            let caller = deps.api.addr_validate(&caller)?;
            let task = load_task(deps.storage, task_id)?;
            let treasury = CONFIG.load(deps.storage)?.treasury;
            // a tool the treasury does not know is not active
            let tool_active = deps
                .querier
                .query_wasm_smart::<ToolStatusResponse>(
                    &treasury,
                    &TreasuryQuery::ToolStatus { tool: tool.clone() },
                )
                .map(|s| s.active)
                .unwrap_or(false);
            let works_on = task.assignee.as_ref() == Some(&caller)
                || task.team.as_ref().is_some_and(|t| {
                    t.subtasks
                        .iter()
                        .any(|s| s.member.as_ref() == Some(&caller))
                });
            let caller_assigned = task.status == TaskStatus::Assigned && works_on;
            let declared = task.terms.required_tools.contains(&tool);
            to_json_binary(&CanUseToolResponse {
                allowed: tool_active && caller_assigned && declared,
                tool_active,
                caller_assigned,
                declared,
            })?
        }
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?)?,
    })
}
