//! The `CreateTask` hook: a creator escrows a reward by cw20 `Send`.

use cosmwasm_std::{from_json, DepsMut, Env, MessageInfo, Response};
use cw20::Cw20ReceiveMsg;

use crate::error::ContractError;
use crate::execute::add_escrow;
use crate::msg::{
    ReceiveMsg, SubtaskResponse, SubtaskStatus, TaskSpec, TaskStatus, TeamResponse, MAX_SUBTASKS,
    MAX_TASK_TAGS, MAX_TITLE_BYTES,
};
use crate::state::{Task, Terms, ACCEPTED, CONFIG, TASKS};

/// The cw20 hook. With an accepted token (the caller), [`ReceiveMsg::CreateTask`] posts a task
/// escrowing the amount sent as `max_reward` (the sender is its creator), and
/// [`ReceiveMsg::PlaceBid`] places a first bid with its bond (`bid::place_bid`). Refuses native
/// funds.
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
    let sender = deps.api.addr_validate(&wrapper.sender)?;
    let spec = match from_json(&wrapper.msg)? {
        ReceiveMsg::CreateTask(spec) => spec,
        ReceiveMsg::PlaceBid {
            task_id,
            amount,
            estimated_days,
        } => {
            let task = crate::execute::load_task(deps.storage, task_id)?;
            if task.token != token {
                return Err(ContractError::InvalidBond {
                    task_id,
                    reason: format!("the bond is paid in {}, not {token}", task.token),
                });
            }
            return crate::execute::bid::place_bid(
                deps,
                env,
                crate::execute::bid::NewBid {
                    task_id,
                    bidder: sender,
                    amount,
                    estimated_days,
                    bond: Some(wrapper.amount),
                },
            );
        }
    };
    let creator = sender;
    if wrapper.amount.is_zero() {
        return Err(ContractError::InvalidAmount {
            amount: wrapper.amount,
            max: cosmwasm_std::Uint128::MAX,
        });
    }
    check_spec(&spec, &env)?;
    if let Some(bond) = spec.bid_bond {
        if bond.is_zero() || spec.auction_deadline.is_none() || spec.team.is_some() {
            return Err(ContractError::InvalidTask {
                reason: "a bid bond is above 0 and only for an auction (not a team task)".into(),
            });
        }
    }
    let team = match &spec.team {
        None => None,
        Some(team) => Some(check_team(
            team,
            spec.auction_deadline.is_some(),
            wrapper.amount,
        )?),
    };
    let arbiter = spec
        .arbiter
        .as_deref()
        .map(|a| deps.api.addr_validate(a))
        .transpose()?;
    let mut config = CONFIG.load(deps.storage)?;
    config.task_count += 1;
    config.open_tasks += 1;
    let task_id = config.task_count;
    let status = if spec.auction_deadline.is_some() {
        TaskStatus::Auction
    } else {
        TaskStatus::Open
    };
    let task = Task {
        creator: creator.clone(),
        token: token.clone(),
        max_reward: wrapper.amount,
        terms: Terms {
            title: spec.title,
            tags: spec.tags,
            auction_deadline: spec.auction_deadline,
            delivery_deadline: spec.delivery_deadline,
            arbiter,
            required_tools: spec.required_tools,
            bid_bond: spec.bid_bond,
            created_at: env.block.time,
        },
        escrow: wrapper.amount,
        status,
        bid_count: 0,
        assignee: None,
        amount: None,
        delivered_at: None,
        tax: None,
        team,
        bonds_held: cosmwasm_std::Uint128::zero(),
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
        .add_attribute("auction", task.terms.auction_deadline.is_some().to_string())
        .add_attribute("tags", task.terms.tags.join(",")))
}

/// A team: no auction; 1 to [`MAX_SUBTASKS`] sub-tasks, each with a valid title and tags and a
/// reward above 0; `coordinator_bonus + Σ rewards = max_reward` exactly.
fn check_team(
    team: &crate::msg::TeamSpec,
    auction: bool,
    max_reward: cosmwasm_std::Uint128,
) -> Result<TeamResponse, ContractError> {
    let invalid = |reason: String| ContractError::InvalidTask { reason };
    if auction {
        return Err(invalid(
            "a team task has no auction: its coordinator claims it".into(),
        ));
    }
    if team.subtasks.is_empty() || team.subtasks.len() > MAX_SUBTASKS {
        return Err(invalid(format!(
            "{} sub-tasks: 1 to {MAX_SUBTASKS}",
            team.subtasks.len()
        )));
    }
    let mut sum = team.coordinator_bonus;
    for (i, sub) in team.subtasks.iter().enumerate() {
        if sub.title.trim().is_empty() || sub.title.len() > MAX_TITLE_BYTES {
            return Err(invalid(format!(
                "sub-task {i}: the title must be 1 to {MAX_TITLE_BYTES} bytes"
            )));
        }
        if sub.reward.is_zero() {
            return Err(invalid(format!("sub-task {i}: a reward of 0")));
        }
        check_tags(&sub.tags).map_err(|reason| invalid(format!("sub-task {i}: {reason}")))?;
        sum = sum.checked_add(sub.reward)?;
    }
    if sum != max_reward {
        return Err(invalid(format!(
            "the bonus and the sub-tasks' rewards sum to {sum}, not the {max_reward} sent"
        )));
    }
    Ok(TeamResponse {
        coordinator_bonus: team.coordinator_bonus,
        bonus_tax: None,
        subtasks: team
            .subtasks
            .iter()
            .map(|sub| SubtaskResponse {
                title: sub.title.clone(),
                reward: sub.reward,
                tags: sub.tags.clone(),
                member: None,
                status: SubtaskStatus::Unassigned,
                delivered_at: None,
                tax: None,
            })
            .collect(),
    })
}

/// 0 to [`MAX_TASK_TAGS`] distinct tags valid for the reputation registry; the error is the
/// reason.
fn check_tags(tags: &[String]) -> Result<(), String> {
    if tags.len() > MAX_TASK_TAGS {
        return Err(format!("{} tags: at most {MAX_TASK_TAGS}", tags.len()));
    }
    for (i, tag) in tags.iter().enumerate() {
        let ok = !tag.is_empty()
            && tag.len() <= poe_interface::reputation::MAX_TAG_BYTES
            && tag
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if !ok {
            return Err(format!(
                "tag {tag:?}: 1 to {} bytes of a-z, 0-9, '-', '_'",
                poe_interface::reputation::MAX_TAG_BYTES
            ));
        }
        if tags.iter().take(i).any(|t| t == tag) {
            return Err(format!("tag {tag:?} named twice"));
        }
    }
    Ok(())
}

/// A title of 1 to [`MAX_TITLE_BYTES`] bytes; 0 to [`MAX_TASK_TAGS`] distinct tags valid for the
/// reputation registry; an auction deadline after now and before the delivery deadline, which
/// is after now.
fn check_spec(spec: &TaskSpec, env: &Env) -> Result<(), ContractError> {
    let invalid = |reason: String| Err(ContractError::InvalidTask { reason });
    if spec.title.trim().is_empty() || spec.title.len() > MAX_TITLE_BYTES {
        return invalid(format!("the title must be 1 to {MAX_TITLE_BYTES} bytes"));
    }
    check_tags(&spec.tags).map_err(|reason| ContractError::InvalidTask { reason })?;
    let tools = &spec.required_tools;
    let bad_tool = |i: usize, t: &String| {
        t.trim().is_empty() || t.len() > 64 || tools.iter().take(i).any(|u| u == t)
    };
    if tools.len() > MAX_TASK_TAGS || tools.iter().enumerate().any(|(i, t)| bad_tool(i, t)) {
        return invalid(format!(
            "required_tools: at most {MAX_TASK_TAGS} distinct names of 1 to 64 bytes"
        ));
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
