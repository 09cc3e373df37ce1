//! `Claim`, `CloseAuction` and `Deliver`.

use cosmwasm_std::{Addr, DepsMut, Env, MessageInfo, Order, Response};

use crate::error::ContractError;
use crate::execute::{load_task, pay, sub_escrow, wrong_status};
use crate::msg::TaskStatus;
use crate::state::{BIDS, CONFIG, RANKING, TASKS};

/// A task without an auction, anyone but the creator: takes it at `max_reward` (a team task's
/// claimant is its coordinator). Refuses funds.
///
/// Attributes: `action=claim`, `task_id`, `assignee`, `amount`.
///
/// Errors: `Payment`, [`ContractError::TaskNotFound`], [`ContractError::WrongStatus`],
/// [`ContractError::OwnTask`], [`ContractError::DeliveryTiming`] (the delivery deadline has
/// passed).
pub fn claim(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    task_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut task = load_task(deps.storage, task_id)?;
    if task.status != TaskStatus::Open {
        return Err(wrong_status(task_id, &task, "claim"));
    }
    if info.sender == task.creator {
        return Err(ContractError::OwnTask { task_id });
    }
    if env.block.time >= task.terms.delivery_deadline {
        return Err(ContractError::DeliveryTiming {
            task_id,
            deadline: task.terms.delivery_deadline,
            reason: "the task can no longer be claimed".into(),
        });
    }
    task.status = TaskStatus::Assigned;
    task.assignee = Some(info.sender.clone());
    task.amount = Some(task.max_reward);
    TASKS.save(deps.storage, task_id, &task)?;
    Ok(Response::new()
        .add_attribute("action", "claim")
        .add_attribute("task_id", task_id.to_string())
        .add_attribute("assignee", info.sender)
        .add_attribute("amount", task.max_reward.to_string()))
}

/// Anyone, at or after the auction deadline: assigns the first entry of the task's ranking (the
/// highest score, then the earliest bid) at its amount and returns `max_reward - amount` to the
/// creator; with no bid, the whole escrow goes back. One read of the ranking, whatever the
/// number of bids (the bids stay in storage, readable, and are never read again). Refuses
/// funds.
///
/// Attributes: `action=close_auction`, `task_id`, `winner` (or `none`), `amount`, `score`,
/// `refunded`.
///
/// Errors: `Payment`, [`ContractError::TaskNotFound`], [`ContractError::WrongStatus`],
/// [`ContractError::AuctionTiming`] (before the deadline).
pub fn close_auction(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    task_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut task = load_task(deps.storage, task_id)?;
    if task.status != TaskStatus::Auction {
        return Err(wrong_status(task_id, &task, "closing the auction"));
    }
    let deadline = task.terms.auction_deadline.unwrap_or(env.block.time);
    if env.block.time < deadline {
        return Err(ContractError::AuctionTiming {
            task_id,
            deadline,
            reason: "it has not ended".into(),
        });
    }
    let best = RANKING
        .sub_prefix(task_id)
        .range(deps.storage, None, None, Order::Ascending)
        .next()
        .transpose()?;
    let mut res = Response::new()
        .add_attribute("action", "close_auction")
        .add_attribute("task_id", task_id.to_string());
    let Some((_, winner)) = best else {
        // no bid: the escrow goes back
        let refund = task.escrow;
        sub_escrow(deps.storage, &task.token, refund)?;
        task.escrow = cosmwasm_std::Uint128::zero();
        task.status = TaskStatus::Refunded;
        TASKS.save(deps.storage, task_id, &task)?;
        CONFIG.update(deps.storage, |mut c| -> Result<_, ContractError> {
            c.open_tasks -= 1;
            Ok(c)
        })?;
        let creator: Addr = task.creator.clone();
        return Ok(res
            .add_messages(pay(&task, &creator, refund)?)
            .add_attribute("winner", "none")
            .add_attribute("refunded", refund.to_string()));
    };
    let bid = BIDS.load(deps.storage, (task_id, &winner))?;
    let refund = task.max_reward.checked_sub(bid.amount)?;
    sub_escrow(deps.storage, &task.token, refund)?;
    task.escrow = bid.amount;
    task.status = TaskStatus::Assigned;
    task.assignee = Some(winner.clone());
    task.amount = Some(bid.amount);
    TASKS.save(deps.storage, task_id, &task)?;
    res = res
        .add_messages(pay(&task, &task.creator, refund)?)
        .add_attribute("winner", winner)
        .add_attribute("amount", bid.amount.to_string())
        .add_attribute("score", bid.score.to_string())
        .add_attribute("refunded", refund.to_string());
    Ok(res)
}

/// The assignee, before the delivery deadline: declares the work delivered (from then on the
/// acceptance timeout runs). Refuses funds.
///
/// Attributes: `action=deliver`, `task_id`, `assignee`.
///
/// Errors: `Payment`, [`ContractError::TaskNotFound`], [`ContractError::WrongStatus`],
/// [`ContractError::TeamTask`] (its sub-tasks are delivered one by one),
/// [`ContractError::Unauthorized`], [`ContractError::DeliveryTiming`].
pub fn deliver(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    task_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut task = load_task(deps.storage, task_id)?;
    if task.status != TaskStatus::Assigned {
        return Err(wrong_status(task_id, &task, "delivery"));
    }
    if task.team.is_some() {
        return Err(ContractError::TeamTask { task_id });
    }
    if task.assignee.as_ref() != Some(&info.sender) {
        return Err(ContractError::Unauthorized {
            task_id,
            sender: info.sender,
            operation: "deliver".into(),
        });
    }
    if env.block.time >= task.terms.delivery_deadline {
        return Err(ContractError::DeliveryTiming {
            task_id,
            deadline: task.terms.delivery_deadline,
            reason: "the delivery is late".into(),
        });
    }
    task.status = TaskStatus::Delivered;
    task.delivered_at = Some(env.block.time);
    TASKS.save(deps.storage, task_id, &task)?;
    Ok(Response::new()
        .add_attribute("action", "deliver")
        .add_attribute("task_id", task_id.to_string())
        .add_attribute("assignee", info.sender))
}
