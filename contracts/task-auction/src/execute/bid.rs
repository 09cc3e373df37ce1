//! `PlaceBid` (plain, or by the `PlaceBid` hook with the bond), `WithdrawBid` and
//! `ReleaseBond`.

use cosmwasm_std::{Addr, Deps, DepsMut, Env, MessageInfo, Response, Uint128};
use poe_interface::reputation::{QueryMsg as ReputationQuery, ReputationResponse};
use poe_math::auction::score_bid;

use crate::error::ContractError;
use crate::execute::{load_task, pay, sub_escrow, wrong_status};
use crate::msg::{TaskStatus, MAX_ESTIMATED_DAYS};
use crate::state::{rank_key, Bid, Task, BIDS, CONFIG, RANKING, TASKS};

/// The bidder's `_total` reputation from the registry (0 without one).
fn reputation_of(
    deps: Deps,
    registry: Option<&Addr>,
    bidder: &Addr,
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
    let deadline = task.terms.auction_deadline.unwrap_or(env.block.time);
    if env.block.time >= deadline {
        return Err(ContractError::AuctionTiming {
            task_id,
            deadline,
            reason: format!("{op} is closed"),
        });
    }
    Ok(())
}

/// A bid as it arrives: plain (`bond` `None`) or by the hook with `bond` sent.
pub struct NewBid {
    /// The task.
    pub task_id: u64,
    /// Who bids.
    pub bidder: Addr,
    /// Reward asked.
    pub amount: Uint128,
    /// Delivery estimate, days.
    pub estimated_days: u32,
    /// The bond sent with it (the hook), if any.
    pub bond: Option<Uint128>,
}

/// Anyone but the creator, before the auction deadline: places a bid of `amount` (1 to
/// `max_reward`) and `estimated_days` (at most [`MAX_ESTIMATED_DAYS`]), scored at once by
/// [`score_bid`] with the bidder's `_total` reputation read now. A bidder's earlier bid is
/// replaced (it takes a new sequence number, so it loses ties to bids placed before it, and
/// keeps its bond). On a task with a `bid_bond` the first bid must come by the hook with
/// exactly the bond. Refuses native funds.
///
/// Attributes: `action=bid`, `task_id`, `bidder`, `amount`, `estimated_days`, `reputation`,
/// `score`, `replaced` (`true`/`false`), `bond`.
///
/// Errors: `Payment`, [`ContractError::TaskNotFound`], [`ContractError::WrongStatus`],
/// [`ContractError::AuctionTiming`], [`ContractError::OwnTask`],
/// [`ContractError::InvalidAmount`], [`ContractError::InvalidEstimate`],
/// [`ContractError::TooManyBids`], [`ContractError::BondRequired`],
/// [`ContractError::InvalidBond`], `Std` (the registry does not answer).
pub fn place_bid(deps: DepsMut, env: Env, new: NewBid) -> Result<Response, ContractError> {
    let NewBid {
        task_id,
        bidder,
        amount,
        estimated_days,
        bond,
    } = new;
    let mut task = load_task(deps.storage, task_id)?;
    ensure_auction_open(task_id, &task, &env, "bidding")?;
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
    let held_bond = match (task.terms.bid_bond, &previous, bond) {
        (None, _, Some(_)) => {
            return Err(ContractError::InvalidBond {
                task_id,
                reason: "the task asks for no bond: bid without sending tokens".into(),
            })
        }
        (None, _, None) => Uint128::zero(),
        (Some(_), Some(_), Some(_)) => {
            return Err(ContractError::InvalidBond {
                task_id,
                reason: "the bond is posted already: replace the bid without sending tokens".into(),
            })
        }
        (Some(_), Some(old), None) => old.bond,
        (Some(required), None, None) => {
            return Err(ContractError::BondRequired {
                task_id,
                bond: required,
            })
        }
        (Some(required), None, Some(sent)) => {
            if sent != required {
                return Err(ContractError::InvalidBond {
                    task_id,
                    reason: format!("the bond is {required}, {sent} was sent"),
                });
            }
            sent
        }
    };
    if previous.is_none() && task.bid_count >= config.max_bids_per_task {
        return Err(ContractError::TooManyBids {
            task_id,
            max: config.max_bids_per_task,
        });
    }
    let reputation = reputation_of(deps.as_ref(), config.reputation.as_ref(), &bidder)?;
    let score = score_bid(amount, task.max_reward, reputation, estimated_days)?;
    config.bid_sequence += 1;
    let placed = Bid {
        amount,
        estimated_days,
        reputation,
        score,
        sequence: config.bid_sequence,
        placed_at: env.block.time,
        bond: held_bond,
    };
    if let Some(old) = &previous {
        RANKING.remove(deps.storage, rank_key(task_id, old));
    } else {
        task.bid_count += 1;
        if bond.is_some() {
            task.bonds_held = task.bonds_held.checked_add(held_bond)?;
            crate::execute::add_escrow(deps.storage, &task.token, held_bond)?;
        }
        TASKS.save(deps.storage, task_id, &task)?;
    }
    BIDS.save(deps.storage, (task_id, &bidder), &placed)?;
    RANKING.save(deps.storage, rank_key(task_id, &placed), &bidder)?;
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "bid")
        .add_attribute("task_id", task_id.to_string())
        .add_attribute("bidder", bidder)
        .add_attribute("amount", amount.to_string())
        .add_attribute("estimated_days", estimated_days.to_string())
        .add_attribute("reputation", reputation.to_string())
        .add_attribute("score", score.to_string())
        .add_attribute("replaced", previous.is_some().to_string())
        .add_attribute("bond", held_bond.to_string()))
}

/// `ExecuteMsg::PlaceBid`: [`place_bid`] without tokens. Refuses native funds.
pub fn bid(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    task_id: u64,
    amount: Uint128,
    estimated_days: u32,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    place_bid(
        deps,
        env,
        NewBid {
            task_id,
            bidder: info.sender,
            amount,
            estimated_days,
            bond: None,
        },
    )
}

/// Takes `bid`'s bond off `task` and the books; the transfer back to `to` (nothing for none).
fn return_bond(
    deps: &mut DepsMut,
    task: &mut Task,
    bid: &mut Bid,
    to: &Addr,
) -> Result<Option<cosmwasm_std::CosmosMsg>, ContractError> {
    let bond = bid.bond;
    if bond.is_zero() {
        return Ok(None);
    }
    task.bonds_held = task.bonds_held.checked_sub(bond)?;
    sub_escrow(deps.storage, &task.token, bond)?;
    bid.bond = Uint128::zero();
    Ok(pay(task, to, bond)?)
}

/// The bidder, before the auction deadline: withdraws its bid and takes its bond back.
/// Refuses funds.
///
/// Attributes: `action=withdraw_bid`, `task_id`, `bidder`, `bond`.
///
/// Errors: `Payment`, [`ContractError::TaskNotFound`], [`ContractError::WrongStatus`],
/// [`ContractError::AuctionTiming`], [`ContractError::NoBid`].
pub fn withdraw_bid(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    task_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut task = load_task(deps.storage, task_id)?;
    ensure_auction_open(task_id, &task, &env, "withdrawing a bid")?;
    let bidder = info.sender;
    let Some(mut old) = BIDS.may_load(deps.storage, (task_id, &bidder))? else {
        return Err(ContractError::NoBid { task_id, bidder });
    };
    let bond = old.bond;
    let refund = return_bond(&mut deps, &mut task, &mut old, &bidder)?;
    BIDS.remove(deps.storage, (task_id, &bidder));
    RANKING.remove(deps.storage, rank_key(task_id, &old));
    task.bid_count -= 1;
    TASKS.save(deps.storage, task_id, &task)?;
    Ok(Response::new()
        .add_messages(refund)
        .add_attribute("action", "withdraw_bid")
        .add_attribute("task_id", task_id.to_string())
        .add_attribute("bidder", bidder)
        .add_attribute("bond", bond.to_string()))
}

/// A bidder that did not win, once the auction is over (closed, or the task cancelled): takes
/// its bond back. The winner's bond is returned with its payout, or taken by the creator when
/// the delivery deadline is missed. Refuses funds.
///
/// Attributes: `action=release_bond`, `task_id`, `bidder`, `bond`.
///
/// Errors: `Payment`, [`ContractError::TaskNotFound`], [`ContractError::NoBid`],
/// [`ContractError::NoBond`].
pub fn release_bond(
    mut deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    task_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut task = load_task(deps.storage, task_id)?;
    let bidder = info.sender;
    let Some(mut bid) = BIDS.may_load(deps.storage, (task_id, &bidder))? else {
        return Err(ContractError::NoBid { task_id, bidder });
    };
    let no_bond = |reason: &str| ContractError::NoBond {
        task_id,
        bidder: bidder.clone(),
        reason: reason.to_string(),
    };
    if bid.bond.is_zero() {
        return Err(no_bond("none is held"));
    }
    if task.status == TaskStatus::Auction {
        return Err(no_bond("the auction is open (withdraw the bid instead)"));
    }
    if task.assignee.as_ref() == Some(&bidder) {
        return Err(no_bond("the winner's bond is returned with its payout"));
    }
    let bond = bid.bond;
    let refund = return_bond(&mut deps, &mut task, &mut bid, &bidder)?;
    BIDS.save(deps.storage, (task_id, &bidder), &bid)?;
    TASKS.save(deps.storage, task_id, &task)?;
    Ok(Response::new()
        .add_messages(refund)
        .add_attribute("action", "release_bond")
        .add_attribute("task_id", task_id.to_string())
        .add_attribute("bidder", bidder)
        .add_attribute("bond", bond.to_string()))
}

/// The winner's bond on `task`: returned to `to` (the winner at acceptance, the creator at a
/// reclaim after a missed deadline). Nothing when the task asks for none.
pub fn settle_winner_bond(
    deps: &mut DepsMut,
    task_id: u64,
    task: &mut Task,
    to: &Addr,
) -> Result<Option<cosmwasm_std::CosmosMsg>, ContractError> {
    let Some(winner) = task.assignee.clone() else {
        return Ok(None);
    };
    let Some(mut bid) = BIDS.may_load(deps.storage, (task_id, &winner))? else {
        return Ok(None);
    };
    let msg = return_bond(deps, task, &mut bid, to)?;
    BIDS.save(deps.storage, (task_id, &winner), &bid)?;
    Ok(msg)
}
