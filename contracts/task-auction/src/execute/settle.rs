//! `Accept`, `Reclaim` and `Cancel`: how a task's escrow leaves the contract.

use cosmwasm_std::{
    to_json_binary, Addr, CosmosMsg, DepsMut, Env, MessageInfo, Response, Uint128, WasmMsg,
};
use poe_interface::reputation::ExecuteMsg as ReputationMsg;
use poe_interface::treasury::cw20_deposit_msg;
use poe_math::auction::task_tax;

use crate::error::ContractError;
use crate::execute::{load_task, pay, sub_escrow, wrong_status};
use crate::msg::{SubtaskStatus, TaskStatus};
use crate::state::{Config, Task, CONFIG, TASKS};

/// What paying `amount` of `task`'s token to `to` sends: `amount - tax` to `to`, the tax to the
/// treasury's ledger (memo `task_tax`), and the registry's raise of `to` by the points per tag
/// of `tags` (when there is a registry). Returns the messages and the tax.
pub fn payout(
    config: &Config,
    task: &Task,
    to: &Addr,
    amount: Uint128,
    tags: &[String],
) -> Result<(Vec<CosmosMsg>, Uint128), ContractError> {
    let tax = task_tax(amount, config.tax_bps);
    let paid = amount.checked_sub(tax)?;
    let mut msgs: Vec<CosmosMsg> = pay(task, to, paid)?.into_iter().collect();
    if !tax.is_zero() {
        msgs.push(cw20_deposit_msg(
            &task.token,
            &config.treasury,
            tax,
            "task_tax",
        )?);
    }
    if let Some(registry) = &config.reputation {
        msgs.push(
            WasmMsg::Execute {
                contract_addr: registry.to_string(),
                msg: to_json_binary(&ReputationMsg::Raise {
                    account: to.to_string(),
                    tags: tags.to_vec(),
                    points: config.reputation_points_per_tag,
                })?,
                funds: vec![],
            }
            .into(),
        );
    }
    Ok((msgs, tax))
}

/// Who accepts a delivery made at `delivered_at`: `creator`, `arbiter`, or `timeout` (anyone,
/// `acceptance_timeout_seconds` after it); else [`ContractError::Unauthorized`].
pub fn acceptor(
    config: &Config,
    task_id: u64,
    task: &Task,
    sender: &Addr,
    delivered_at: Option<cosmwasm_std::Timestamp>,
    now: cosmwasm_std::Timestamp,
) -> Result<&'static str, ContractError> {
    let timed_out =
        delivered_at.is_some_and(|t| now >= t.plus_seconds(config.acceptance_timeout_seconds));
    if *sender == task.creator {
        Ok("creator")
    } else if task.terms.arbiter.as_ref() == Some(sender) {
        Ok("arbiter")
    } else if timed_out {
        Ok("timeout")
    } else {
        Err(ContractError::Unauthorized {
            task_id,
            sender: sender.clone(),
            operation: "accept (before the acceptance timeout)".into(),
        })
    }
}

/// Ends `task`: its remaining escrow leaves the books (returned for the caller to pay), its
/// status becomes `status`, one task fewer is open.
pub fn finish(
    deps: &mut DepsMut,
    task_id: u64,
    task: &mut Task,
    status: TaskStatus,
) -> Result<Uint128, ContractError> {
    let held = task.escrow;
    sub_escrow(deps.storage, &task.token, held)?;
    task.escrow = Uint128::zero();
    task.status = status;
    TASKS.save(deps.storage, task_id, task)?;
    CONFIG.update(deps.storage, |mut c| -> Result<_, ContractError> {
        c.open_tasks -= 1;
        Ok(c)
    })?;
    Ok(held)
}

/// Pays a delivered task: the creator or the arbiter at any time, anyone once
/// `acceptance_timeout_seconds` have passed since the delivery. The assignee receives `amount -
/// tax`, the treasury `tax = `[`task_tax`]`(amount, tax_bps)` (cw20 `Send` with its `Deposit`
/// hook, memo `task_tax`), and the registry raises the assignee by `reputation_points_per_tag`
/// per tag of the task (the registry must list this contract as a writer, else the whole
/// acceptance fails with its error). Refuses funds.
///
/// Attributes: `action=accept`, `task_id`, `assignee`, `amount`, `tax`, `paid`, `by`
/// (`creator`, `arbiter` or `timeout`).
///
/// Errors: `Payment`, [`ContractError::TaskNotFound`], [`ContractError::WrongStatus`],
/// [`ContractError::Unauthorized`] (someone else before the timeout).
pub fn accept(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    task_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut task = load_task(deps.storage, task_id)?;
    if task.status != TaskStatus::Delivered {
        return Err(wrong_status(task_id, &task, "acceptance"));
    }
    let config = CONFIG.load(deps.storage)?;
    let by = acceptor(
        &config,
        task_id,
        &task,
        &info.sender,
        task.delivered_at,
        env.block.time,
    )?;
    let (Some(assignee), Some(amount)) = (task.assignee.clone(), task.amount) else {
        return Err(wrong_status(task_id, &task, "acceptance"));
    };
    let (mut msgs, tax) = payout(&config, &task, &assignee, amount, &task.terms.tags)?;
    let paid = amount.checked_sub(tax)?;
    task.tax = Some(tax);
    msgs.extend(crate::execute::bid::settle_winner_bond(
        &mut deps, task_id, &mut task, &assignee,
    )?);
    finish(&mut deps, task_id, &mut task, TaskStatus::Completed)?;
    let res = Response::new().add_messages(msgs);
    Ok(res
        .add_attribute("action", "accept")
        .add_attribute("task_id", task_id.to_string())
        .add_attribute("assignee", assignee)
        .add_attribute("amount", amount.to_string())
        .add_attribute("tax", tax.to_string())
        .add_attribute("paid", paid.to_string())
        .add_attribute("by", by))
}

/// The creator, at or after the delivery deadline of an assigned task not delivered: the
/// escrow goes back to the creator (for a team task what the accepted sub-tasks did not take,
/// and only while no sub-task waits for its acceptance). Refuses funds.
///
/// Attributes: `action=reclaim`, `task_id`, `refunded`.
///
/// Errors: `Payment`, [`ContractError::TaskNotFound`], [`ContractError::WrongStatus`],
/// [`ContractError::Unauthorized`], [`ContractError::DeliveryTiming`] (before the deadline),
/// [`ContractError::SubtaskPending`].
pub fn reclaim(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    task_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut task = load_task(deps.storage, task_id)?;
    if task.status != TaskStatus::Assigned {
        return Err(wrong_status(task_id, &task, "reclaim"));
    }
    if let Some(index) = task.team.as_ref().and_then(|t| {
        t.subtasks
            .iter()
            .position(|s| s.status == SubtaskStatus::Delivered)
    }) {
        return Err(ContractError::SubtaskPending {
            task_id,
            index: u32::try_from(index).unwrap_or(u32::MAX),
        });
    }
    if info.sender != task.creator {
        return Err(ContractError::Unauthorized {
            task_id,
            sender: info.sender,
            operation: "reclaim".into(),
        });
    }
    if env.block.time < task.terms.delivery_deadline {
        return Err(ContractError::DeliveryTiming {
            task_id,
            deadline: task.terms.delivery_deadline,
            reason: "it has not passed".into(),
        });
    }
    // the default: the winner's bond goes to the creator with the escrow
    let creator = task.creator.clone();
    let bond = crate::execute::bid::settle_winner_bond(&mut deps, task_id, &mut task, &creator)?;
    let refund = finish(&mut deps, task_id, &mut task, TaskStatus::Refunded)?;
    Ok(Response::new()
        .add_messages(pay(&task, &task.creator, refund)?)
        .add_messages(bond)
        .add_attribute("action", "reclaim")
        .add_attribute("task_id", task_id.to_string())
        .add_attribute("refunded", refund.to_string()))
}

/// The creator, before any assignment (auction still open, or no claimant yet): cancels the
/// task and takes the escrow back; its bids stay in storage, inert. Refuses funds.
///
/// Attributes: `action=cancel`, `task_id`, `refunded`.
///
/// Errors: `Payment`, [`ContractError::TaskNotFound`], [`ContractError::WrongStatus`],
/// [`ContractError::Unauthorized`].
pub fn cancel(
    mut deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    task_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut task = load_task(deps.storage, task_id)?;
    if !matches!(task.status, TaskStatus::Auction | TaskStatus::Open) {
        return Err(wrong_status(task_id, &task, "cancel"));
    }
    if info.sender != task.creator {
        return Err(ContractError::Unauthorized {
            task_id,
            sender: info.sender,
            operation: "cancel".into(),
        });
    }
    let refund = finish(&mut deps, task_id, &mut task, TaskStatus::Refunded)?;
    Ok(Response::new()
        .add_messages(pay(&task, &task.creator, refund)?)
        .add_attribute("action", "cancel")
        .add_attribute("task_id", task_id.to_string())
        .add_attribute("refunded", refund.to_string()))
}
