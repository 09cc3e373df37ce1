//! Team tasks (seed 004 "Collaborative Teams"): `AssignSubtask`, `DeliverSubtask`,
//! `AcceptSubtask`.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};

use crate::error::ContractError;
use crate::execute::settle::{acceptor, finish, payout};
use crate::execute::{load_task, sub_escrow, wrong_status};
use crate::msg::{SubtaskStatus, TaskStatus};
use crate::state::{Task, CONFIG, TASKS};

/// The sub-task `index` of `task` (a team task), or [`ContractError::NoSubtask`].
fn subtask_status(task_id: u64, task: &Task, index: u32) -> Result<SubtaskStatus, ContractError> {
    task.team
        .as_ref()
        .and_then(|t| t.subtasks.get(index as usize))
        .map(|s| s.status)
        .ok_or(ContractError::NoSubtask { task_id, index })
}

fn wrong_subtask(task_id: u64, index: u32, status: SubtaskStatus, op: &str) -> ContractError {
    ContractError::WrongSubtaskStatus {
        task_id,
        index,
        status,
        operation: op.to_string(),
    }
}

/// The coordinator (the team task's assignee), while the task is assigned: gives sub-task
/// `index`, not yet assigned, to `member` (anyone but the creator; a member may hold several).
/// Refuses funds.
///
/// Attributes: `action=assign_subtask`, `task_id`, `index`, `member`.
///
/// Errors: `Payment`, `Std` (invalid address), [`ContractError::TaskNotFound`],
/// [`ContractError::WrongStatus`], [`ContractError::NoSubtask`],
/// [`ContractError::Unauthorized`], [`ContractError::OwnTask`],
/// [`ContractError::WrongSubtaskStatus`].
pub fn assign_subtask(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    task_id: u64,
    index: u32,
    member: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut task = load_task(deps.storage, task_id)?;
    let status = subtask_status(task_id, &task, index)?;
    if task.status != TaskStatus::Assigned {
        return Err(wrong_status(task_id, &task, "assigning a sub-task"));
    }
    if task.assignee.as_ref() != Some(&info.sender) {
        return Err(ContractError::Unauthorized {
            task_id,
            sender: info.sender,
            operation: "assign sub-tasks of".into(),
        });
    }
    let member = deps.api.addr_validate(&member)?;
    if member == task.creator {
        return Err(ContractError::OwnTask { task_id });
    }
    if status != SubtaskStatus::Unassigned {
        return Err(wrong_subtask(task_id, index, status, "assigning it"));
    }
    if let Some(sub) = task
        .team
        .as_mut()
        .and_then(|t| t.subtasks.get_mut(index as usize))
    {
        sub.member = Some(member.clone());
        sub.status = SubtaskStatus::Assigned;
    }
    TASKS.save(deps.storage, task_id, &task)?;
    Ok(Response::new()
        .add_attribute("action", "assign_subtask")
        .add_attribute("task_id", task_id.to_string())
        .add_attribute("index", index.to_string())
        .add_attribute("member", member))
}

/// The sub-task's member, before the task's delivery deadline: declares it delivered.
/// Refuses funds.
///
/// Attributes: `action=deliver_subtask`, `task_id`, `index`, `member`.
///
/// Errors: `Payment`, [`ContractError::TaskNotFound`], [`ContractError::NoSubtask`],
/// [`ContractError::WrongStatus`], [`ContractError::WrongSubtaskStatus`],
/// [`ContractError::Unauthorized`], [`ContractError::DeliveryTiming`].
pub fn deliver_subtask(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    task_id: u64,
    index: u32,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut task = load_task(deps.storage, task_id)?;
    let status = subtask_status(task_id, &task, index)?;
    if task.status != TaskStatus::Assigned {
        return Err(wrong_status(task_id, &task, "delivering a sub-task"));
    }
    if status != SubtaskStatus::Assigned {
        return Err(wrong_subtask(task_id, index, status, "delivering it"));
    }
    let deadline = task.terms.delivery_deadline;
    let Some(sub) = task
        .team
        .as_mut()
        .and_then(|t| t.subtasks.get_mut(index as usize))
    else {
        return Err(ContractError::NoSubtask { task_id, index });
    };
    if sub.member.as_ref() != Some(&info.sender) {
        return Err(ContractError::Unauthorized {
            task_id,
            sender: info.sender,
            operation: format!("deliver sub-task {index} of"),
        });
    }
    if env.block.time >= deadline {
        return Err(ContractError::DeliveryTiming {
            task_id,
            deadline,
            reason: "the delivery is late".into(),
        });
    }
    sub.status = SubtaskStatus::Delivered;
    sub.delivered_at = Some(env.block.time);
    TASKS.save(deps.storage, task_id, &task)?;
    Ok(Response::new()
        .add_attribute("action", "deliver_subtask")
        .add_attribute("task_id", task_id.to_string())
        .add_attribute("index", index.to_string())
        .add_attribute("member", info.sender))
}

/// The creator or the arbiter once the sub-task is delivered, anyone
/// `acceptance_timeout_seconds` after its delivery: pays its member `reward - tax` (the tax to
/// the treasury) and raises the member by the sub-task's tags. After the last sub-task, pays the
/// coordinator `bonus - tax` and raises it by the task's tags; the task is completed. Refuses
/// funds.
///
/// Attributes: `action=accept_subtask`, `task_id`, `index`, `member`, `reward`, `tax`, `by`,
/// and with the last one `coordinator`, `bonus`, `bonus_tax`.
///
/// Errors: `Payment`, [`ContractError::TaskNotFound`], [`ContractError::NoSubtask`],
/// [`ContractError::WrongStatus`], [`ContractError::WrongSubtaskStatus`],
/// [`ContractError::Unauthorized`].
pub fn accept_subtask(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    task_id: u64,
    index: u32,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut task = load_task(deps.storage, task_id)?;
    let status = subtask_status(task_id, &task, index)?;
    if task.status != TaskStatus::Assigned {
        return Err(wrong_status(task_id, &task, "accepting a sub-task"));
    }
    if status != SubtaskStatus::Delivered {
        return Err(wrong_subtask(task_id, index, status, "accepting it"));
    }
    let config = CONFIG.load(deps.storage)?;
    let (member, reward, tags, delivered_at) = {
        let sub = task
            .team
            .as_ref()
            .and_then(|t| t.subtasks.get(index as usize))
            .ok_or(ContractError::NoSubtask { task_id, index })?;
        (
            sub.member.clone(),
            sub.reward,
            sub.tags.clone(),
            sub.delivered_at,
        )
    };
    let Some(member) = member else {
        return Err(wrong_subtask(task_id, index, status, "accepting it"));
    };
    let by = acceptor(
        &config,
        task_id,
        &task,
        &info.sender,
        delivered_at,
        env.block.time,
    )?;
    let (mut msgs, tax) = payout(&config, &task, &member, reward, &tags)?;
    sub_escrow(deps.storage, &task.token, reward)?;
    task.escrow = task.escrow.checked_sub(reward)?;
    let mut total_tax = task.tax.unwrap_or_default().checked_add(tax)?;
    let mut all_accepted = false;
    if let Some(team) = task.team.as_mut() {
        if let Some(sub) = team.subtasks.get_mut(index as usize) {
            sub.status = SubtaskStatus::Accepted;
            sub.tax = Some(tax);
        }
        all_accepted = team
            .subtasks
            .iter()
            .all(|s| s.status == SubtaskStatus::Accepted);
    }
    let mut res = Response::new()
        .add_attribute("action", "accept_subtask")
        .add_attribute("task_id", task_id.to_string())
        .add_attribute("index", index.to_string())
        .add_attribute("member", member.as_str())
        .add_attribute("reward", reward.to_string())
        .add_attribute("tax", tax.to_string())
        .add_attribute("by", by);
    if all_accepted {
        let bonus = task.escrow;
        let coordinator = task
            .assignee
            .clone()
            .ok_or(ContractError::TaskNotFound { task_id })?;
        let mut bonus_tax = Uint128::zero();
        if !bonus.is_zero() {
            let (bonus_msgs, t) = payout(&config, &task, &coordinator, bonus, &task.terms.tags)?;
            msgs.extend(bonus_msgs);
            bonus_tax = t;
        }
        total_tax = total_tax.checked_add(bonus_tax)?;
        if let Some(team) = task.team.as_mut() {
            team.bonus_tax = Some(bonus_tax);
        }
        task.tax = Some(total_tax);
        finish(&mut deps, task_id, &mut task, TaskStatus::Completed)?;
        res = res
            .add_attribute("coordinator", coordinator)
            .add_attribute("bonus", bonus.to_string())
            .add_attribute("bonus_tax", bonus_tax.to_string());
    } else {
        task.tax = Some(total_tax);
        TASKS.save(deps.storage, task_id, &task)?;
    }
    Ok(res.add_messages(msgs))
}
