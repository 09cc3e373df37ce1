//! Queries.

use cosmwasm_std::{to_json_binary, Binary, Deps, Env, Order, StdResult};
use cw_storage_plus::Bound;
use poe_controllers::page::page_limit;

use crate::asset::{key_of, CheckedAsset};
use crate::error::ContractError;
use crate::msg::{
    AssetBalanceResponse, AssetInfo, BalancesResponse, DueResponse, LedgerBalance, QueryMsg,
    ScheduleDue, ScheduleResponse, SchedulesResponse, ToolResponse, ToolStatusResponse,
    ToolsResponse,
};
use crate::plan::{step, Flows};
use crate::state::{load_schedule, load_tool, Ledger, LEDGER, RUNNING, SCHEDULES, TOOLS};

/// Dispatches a query.
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    Ok(match msg {
        QueryMsg::Balance { asset } => to_json_binary(&query_balance(deps, env, asset)?)?,
        QueryMsg::Balances { start_after, limit } => {
            to_json_binary(&query_balances(deps, env, start_after, limit)?)?
        }
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?)?,
        QueryMsg::Schedule { schedule_id } => to_json_binary(&query_schedule(deps, schedule_id)?)?,
        QueryMsg::Schedules { start_after, limit } => {
            to_json_binary(&query_schedules(deps, start_after, limit)?)?
        }
        QueryMsg::Due { start_after, limit } => {
            to_json_binary(&query_due(deps, env, start_after, limit)?)?
        }
        QueryMsg::Tool { tool } => to_json_binary(&query_tool(deps, tool)?)?,
        QueryMsg::Tools { start_after, limit } => {
            to_json_binary(&query_tools(deps, start_after, limit)?)?
        }
        QueryMsg::ToolStatus { tool } => to_json_binary(&query_tool_status(deps, env, tool)?)?,
    })
}

/// One schedule, as of its last distribution.
///
/// Errors: [`ContractError::ScheduleNotFound`].
pub fn query_schedule(deps: Deps, schedule_id: u64) -> Result<ScheduleResponse, ContractError> {
    load_schedule(deps.storage, schedule_id)
}

/// Schedules by id after `start_after`, [`page_limit`] of them, ended ones included.
pub fn query_schedules(
    deps: Deps,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<SchedulesResponse> {
    let schedules = SCHEDULES
        .range(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(page_limit(limit))
        .map(|item| item.map(|(_, schedule)| schedule))
        .collect::<StdResult<_>>()?;
    Ok(SchedulesResponse { schedules })
}

/// What `Distribute { start_after, limit }` would do now: [`crate::plan::step`] on the same
/// running schedules, in the same order and against the same per-call balances, nothing saved.
///
/// Errors: those of the step (overflow, a mint past `Uint128::MAX`), storage.
pub fn query_due(
    deps: Deps,
    env: Env,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> Result<DueResponse, ContractError> {
    let mut flows = Flows::default();
    let ids = RUNNING
        .keys(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(page_limit(limit))
        .collect::<StdResult<Vec<u64>>>()?;
    let due = ids
        .into_iter()
        .map(|id| {
            let schedule = load_schedule(deps.storage, id)?;
            let step = step(deps, &env, &mut flows, schedule)?;
            Ok(ScheduleDue {
                schedule_id: id,
                asset: step.schedule.asset,
                new_intervals: step.new_intervals,
                minted: step.minted,
                capped: step.capped,
                owed: step.owed,
                payable: step.paid,
                status: step.schedule.status,
                next_due: step.next_due,
            })
        })
        .collect::<Result<_, ContractError>>()?;
    Ok(DueResponse { due })
}

/// One common tool.
///
/// Errors: [`ContractError::ToolNotFound`].
pub fn query_tool(deps: Deps, tool: String) -> Result<ToolResponse, ContractError> {
    load_tool(deps.storage, &tool)
}

/// Tools by name after `start_after`, [`page_limit`] of them, deprecated ones included.
pub fn query_tools(
    deps: Deps,
    start_after: Option<String>,
    limit: Option<u32>,
) -> StdResult<ToolsResponse> {
    let tools = TOOLS
        .range(
            deps.storage,
            start_after.as_deref().map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(page_limit(limit))
        .map(|item| item.map(|(_, tool)| tool))
        .collect::<StdResult<_>>()?;
    Ok(ToolsResponse { tools })
}

/// Whether the tool may be used now: not deprecated, not `inactive_funding_issue`, and its paid
/// month not over (`now < paid_until`).
///
/// Errors: [`ContractError::ToolNotFound`].
pub fn query_tool_status(
    deps: Deps,
    env: Env,
    tool: String,
) -> Result<ToolStatusResponse, ContractError> {
    let record = load_tool(deps.storage, &tool)?;
    let deprecated = record.deprecated_at.is_some();
    Ok(ToolStatusResponse {
        tool,
        active: !deprecated && !record.inactive_funding_issue && env.block.time < record.paid_until,
        inactive_funding_issue: record.inactive_funding_issue,
        deprecated,
        paid_until: record.paid_until,
    })
}

/// The live balance of `asset` (a cw20 `Balance` query or a bank query) and its ledger (zeros
/// when nothing ever moved).
///
/// Errors: an invalid address or denom; a cw20 address that does not answer `Balance`.
pub fn query_balance(
    deps: Deps,
    env: Env,
    asset: AssetInfo,
) -> Result<AssetBalanceResponse, ContractError> {
    let asset = CheckedAsset::check(deps, &asset)?;
    let ledger = LEDGER
        .may_load(deps.storage, &asset.key())?
        .unwrap_or_default();
    Ok(response(deps, &env, &asset, ledger)?)
}

/// Every asset in the ledger, in `AssetInfo` order (cw20 tokens by address, then native denoms),
/// after `start_after`; [`page_limit`] entries (default 10, 1 to 30). A token whose `Balance`
/// query fails (a token that answered at its first deposit and broke later) does not fail the
/// page: its entry reports the ledger with `balance: None` and the error in `balance_error`.
///
/// Errors: storage only.
pub fn query_balances(
    deps: Deps,
    env: Env,
    start_after: Option<AssetInfo>,
    limit: Option<u32>,
) -> StdResult<BalancesResponse> {
    let start = start_after.as_ref().map(key_of);
    let balances = LEDGER
        .range(
            deps.storage,
            start.as_deref().map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(page_limit(limit))
        .map(|item| {
            let (key, ledger) = item?;
            let asset = CheckedAsset::from_key(&key)?;
            let (balance, balance_error) = match asset.balance_of(deps, &env.contract.address) {
                Ok(balance) => (Some(balance), None),
                Err(err) => (None, Some(err.to_string())),
            };
            Ok(LedgerBalance {
                asset: asset.info(),
                balance,
                balance_error,
                total_received: ledger.received,
                total_spent: ledger.spent,
            })
        })
        .collect::<StdResult<_>>()?;
    Ok(BalancesResponse { balances })
}

fn response(
    deps: Deps,
    env: &Env,
    asset: &CheckedAsset,
    ledger: Ledger,
) -> StdResult<AssetBalanceResponse> {
    Ok(AssetBalanceResponse {
        asset: asset.info(),
        balance: asset.balance_of(deps, &env.contract.address)?,
        total_received: ledger.received,
        total_spent: ledger.spent,
    })
}
