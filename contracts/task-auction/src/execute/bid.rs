//! `Bid` and `WithdrawBid`.

use cosmwasm_std::{Deps, DepsMut, Env, MessageInfo, Response, Uint128};
use poe_interface::reputation::{QueryMsg as ReputationQuery, ReputationResponse};
use poe_math::auction::score_bid;

use crate::error::ContractError;
use crate::execute::{load_task, wrong_status};
use crate::msg::{TaskStatus, MAX_ESTIMATED_DAYS};
use crate::state::{rank_key, Bid, Task, BIDS, CONFIG, RANKING, TASKS};

/// The bidder's `_total` reputation from the registry (0 without one).
fn reputation_of(
    deps: Deps,
    registry: Option<&cosmwasm_std::Addr>,
    bidder: &cosmwasm_std::Addr,
) -> Result<Uint128, ContractError> {
    let Some(registry) = registry else {
        return Ok(Uint128::zero());
    };
    let res: ReputationResponse = deps.querier.query_wasm_smart(
        registry,
        &ReputationQuery::Reputation {
            account: bidder.to_string(),
            start_after: None,
            limit: Some(1),
        },
    )?;
    Ok(res.total)
}

fn ensure_auction_open(
    task_id: u64,
    task: &Task,
    env: &Env,
    op: &str,
) -> Result<(), ContractError> {
    if task.status != TaskStatus::Auction {
        return Err(wrong_status(task_id, task, op));
    }
    let deadline = task.auction_deadline.unwrap_or(env.block.time);
    if env.block.time >= deadline {
        return Err(ContractError::AuctionTiming {
            task_id,
            deadline,
            reason: format!("{op} is closed"),
        });
    }
    Ok(())
}

/// Anyone but the creator, before the auction deadline: places a bid of `amount` (1 to
/// `max_reward`) and `estimated_days` (at most [`MAX_ESTIMATED_DAYS`]), scored at once by
/// [`score_bid`] with the bidder's `_total` reputation read now. A bidder's earlier bid is
/// replaced (it takes a new sequence number, so it loses ties to bids placed before it).
/// Refuses funds.
///
/// Attributes: `action=bid`, `task_id`, `bidder`, `amount`, `estimated_days`, `reputation`,
/// `score`, `replaced` (`true`/`false`).
///
/// Errors: `Payment`, [`ContractError::TaskNotFound`], [`ContractError::WrongStatus`],
/// [`ContractError::AuctionTiming`], [`ContractError::OwnTask`],
/// [`ContractError::InvalidAmount`], [`ContractError::InvalidEstimate`],
/// [`ContractError::TooManyBids`], `Std` (the registry does not answer).
pub fn bid(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    task_id: u64,
    amount: Uint128,
    estimated_days: u32,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut task = load_task(deps.storage, task_id)?;
    ensure_auction_open(task_id, &task, &env, "bidding")?;
    let bidder = info.sender;
    if bidder == task.creator {
        return Err(ContractError::OwnTask { task_id });
    }
    if amount.is_zero() || amount > task.max_reward {
        return Err(ContractError::InvalidAmount {
            amount,
            max: task.max_reward,
        });
    }
    if estimated_days > MAX_ESTIMATED_DAYS {
        return Err(ContractError::InvalidEstimate {
            days: estimated_days,
            max: MAX_ESTIMATED_DAYS,
        });
    }
    let mut config = CONFIG.load(deps.storage)?;
    let previous = BIDS.may_load(deps.storage, (task_id, &bidder))?;
    if previous.is_none() && task.bid_count >= config.max_bids_per_task {
        return Err(ContractError::TooManyBids {
            task_id,
            max: config.max_bids_per_task,
        });
    }
    let reputation = reputation_of(deps.as_ref(), config.reputation.as_ref(), &bidder)?;
    let score = score_bid(amount, task.max_reward, reputation, estimated_days)?;
    config.bid_sequence += 1;
    let new = Bid {
        amount,
        estimated_days,
        reputation,
        score,
        sequence: config.bid_sequence,
        placed_at: env.block.time,
    };
    if let Some(old) = &previous {
        RANKING.remove(deps.storage, rank_key(task_id, old));
    } else {
        task.bid_count += 1;
        TASKS.save(deps.storage, task_id, &task)?;
    }
    BIDS.save(deps.storage, (task_id, &bidder), &new)?;
    RANKING.save(deps.storage, rank_key(task_id, &new), &bidder)?;
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "bid")
        .add_attribute("task_id", task_id.to_string())
        .add_attribute("bidder", bidder)
        .add_attribute("amount", amount.to_string())
        .add_attribute("estimated_days", estimated_days.to_string())
        .add_attribute("reputation", reputation.to_string())
        .add_attribute("score", score.to_string())
        .add_attribute("replaced", previous.is_some().to_string()))
}

/// The bidder, before the auction deadline: withdraws its bid. Refuses funds.
///
/// Attributes: `action=withdraw_bid`, `task_id`, `bidder`.
///
/// Errors: `Payment`, [`ContractError::TaskNotFound`], [`ContractError::WrongStatus`],
/// [`ContractError::AuctionTiming`], [`ContractError::NoBid`].
pub fn withdraw_bid(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    task_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut task = load_task(deps.storage, task_id)?;
    ensure_auction_open(task_id, &task, &env, "withdrawing a bid")?;
    let bidder = info.sender;
    let Some(old) = BIDS.may_load(deps.storage, (task_id, &bidder))? else {
        return Err(ContractError::NoBid { task_id, bidder });
    };
    BIDS.remove(deps.storage, (task_id, &bidder));
    RANKING.remove(deps.storage, rank_key(task_id, &old));
    task.bid_count -= 1;
    TASKS.save(deps.storage, task_id, &task)?;
    Ok(Response::new()
        .add_attribute("action", "withdraw_bid")
        .add_attribute("task_id", task_id.to_string())
        .add_attribute("bidder", bidder))
}
