//! The `CreateTask` hook: a creator escrows a reward by cw20 `Send`.

use cosmwasm_std::{from_json, DepsMut, Env, MessageInfo, Response};
use cw20::Cw20ReceiveMsg;

use crate::error::ContractError;
use crate::execute::add_escrow;
use crate::msg::{ReceiveMsg, TaskSpec, TaskStatus, MAX_TASK_TAGS, MAX_TITLE_BYTES};
use crate::state::{Task, ACCEPTED, CONFIG, TASKS};

/// The cw20 hook. With an accepted token (the caller), [`ReceiveMsg::CreateTask`] posts a task
/// escrowing the amount sent as `max_reward`; the sender is its creator. Refuses native funds.
///
/// Attributes: `action=create_task`, `task_id`, `creator`, `token`, `max_reward`, `auction`
/// (`true`/`false`), `tags`.
///
/// Errors: `Payment`, `Std` (a malformed hook or address), [`ContractError::TokenNotAccepted`],
/// [`ContractError::InvalidAmount`] (nothing sent), [`ContractError::InvalidTask`] (title,
/// tags, deadlines).
pub fn receive(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let token = info.sender;
    if !ACCEPTED.has(deps.storage, &token) {
        return Err(ContractError::TokenNotAccepted { token });
    }
    let creator = deps.api.addr_validate(&wrapper.sender)?;
    let ReceiveMsg::CreateTask(spec) = from_json(&wrapper.msg)?;
    if wrapper.amount.is_zero() {
        return Err(ContractError::InvalidAmount {
            amount: wrapper.amount,
            max: cosmwasm_std::Uint128::MAX,
        });
    }
    check_spec(&spec, &env)?;
    let arbiter = spec
        .arbiter
        .as_deref()
        .map(|a| deps.api.addr_validate(a))
        .transpose()?;
    let mut config = CONFIG.load(deps.storage)?;
    config.task_count += 1;
    config.open_tasks += 1;
    let task_id = config.task_count;
    let task = Task {
        creator: creator.clone(),
        title: spec.title,
        tags: spec.tags,
        token: token.clone(),
        max_reward: wrapper.amount,
        escrow: wrapper.amount,
        auction_deadline: spec.auction_deadline,
        delivery_deadline: spec.delivery_deadline,
        arbiter,
        status: if spec.auction_deadline.is_some() {
            TaskStatus::Auction
        } else {
            TaskStatus::Open
        },
        bid_count: 0,
        assignee: None,
        amount: None,
        delivered_at: None,
        tax: None,
        created_at: env.block.time,
    };
    TASKS.save(deps.storage, task_id, &task)?;
    add_escrow(deps.storage, &token, wrapper.amount)?;
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "create_task")
        .add_attribute("task_id", task_id.to_string())
        .add_attribute("creator", creator)
        .add_attribute("token", token)
        .add_attribute("max_reward", wrapper.amount.to_string())
        .add_attribute("auction", task.auction_deadline.is_some().to_string())
        .add_attribute("tags", task.tags.join(",")))
}

/// A title of 1 to [`MAX_TITLE_BYTES`] bytes; 0 to [`MAX_TASK_TAGS`] distinct tags valid for the
/// reputation registry; an auction deadline after now and before the delivery deadline, which
/// is after now.
fn check_spec(spec: &TaskSpec, env: &Env) -> Result<(), ContractError> {
    let invalid = |reason: String| Err(ContractError::InvalidTask { reason });
    if spec.title.trim().is_empty() || spec.title.len() > MAX_TITLE_BYTES {
        return invalid(format!("the title must be 1 to {MAX_TITLE_BYTES} bytes"));
    }
    if spec.tags.len() > MAX_TASK_TAGS {
        return invalid(format!("{} tags: at most {MAX_TASK_TAGS}", spec.tags.len()));
    }
    for (i, tag) in spec.tags.iter().enumerate() {
        let ok = !tag.is_empty()
            && tag.len() <= poe_interface::reputation::MAX_TAG_BYTES
            && tag
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if !ok {
            return invalid(format!(
                "tag {tag:?}: 1 to {} bytes of a-z, 0-9, '-', '_'",
                poe_interface::reputation::MAX_TAG_BYTES
            ));
        }
        if spec.tags.iter().take(i).any(|t| t == tag) {
            return invalid(format!("tag {tag:?} named twice"));
        }
    }
    let now = env.block.time;
    if spec.delivery_deadline <= now {
        return invalid(format!(
            "the delivery deadline {} is not after now ({now})",
            spec.delivery_deadline
        ));
    }
    if let Some(auction) = spec.auction_deadline {
        if auction <= now || auction >= spec.delivery_deadline {
            return invalid(format!(
                "the auction deadline {auction} must be after now ({now}) and before the delivery deadline {}",
                spec.delivery_deadline
            ));
        }
    }
    Ok(())
}
