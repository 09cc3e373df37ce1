//! `Unstake`.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};
use poe_interface::staking::Claim;

use crate::error::ContractError;
use crate::execute::{checked_plus_seconds, cw20_transfer, load_pool};
use crate::rewards::settle;
use crate::state::{CLAIMS, CONFIG, POOLS, POSITIONS, STAKED, TOTAL_STAKED};

/// Moves `amount` of the sender's stake in `token`'s pool out of the position (and out of voting
/// power from the next block on) into a claim released at `now + unbonding_period_seconds`; with
/// a zero unbonding period the amount is transferred at once and no claim is made. The pool's
/// stream is brought up to date and the position's rewards settled first (they stay claimable).
///
/// Attributes: `action=unstake`, `token`, `staker`, `amount`, `staked` (the position after),
/// `total_staked`, `release_at` (nanoseconds, as `Timestamp` prints).
///
/// Errors: `Payment`, `Std` (invalid address), [`ContractError::UnknownPool`],
/// [`ContractError::ZeroAmount`], [`ContractError::InsufficientStake`],
/// [`ContractError::Locked`] (before the position's `lock_until`),
/// [`ContractError::RemainderBelowMinStake`], [`ContractError::TooManyClaims`] (`max_claims`
/// pending in this pool), `Overflow`, `Math`.
pub fn unstake(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    token: String,
    amount: Uint128,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let token = deps.api.addr_validate(&token)?;
    let mut pool = load_pool(deps.storage, &token)?;
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    let staker = info.sender;
    let key = (&token, &staker);
    let staked = STAKED.may_load(deps.storage, key)?.unwrap_or_default();
    if amount > staked {
        return Err(ContractError::InsufficientStake {
            staked,
            requested: amount,
        });
    }
    // staked > 0 here, so the position exists
    let mut position = POSITIONS.load(deps.storage, key)?;
    if env.block.time < position.lock_until {
        return Err(ContractError::Locked {
            lock_until: position.lock_until,
        });
    }
    let remainder = staked - amount;
    if !remainder.is_zero() && remainder < pool.min_stake {
        return Err(ContractError::RemainderBelowMinStake {
            min_stake: pool.min_stake,
            remainder,
        });
    }
    let now = env.block.time.seconds();
    let release_at = checked_plus_seconds(env.block.time, pool.unbonding_period_seconds)?;
    // the claims list is only read (and written) when the unstake makes a claim
    let claims = if pool.unbonding_period_seconds > 0 {
        let claims = CLAIMS.may_load(deps.storage, key)?.unwrap_or_default();
        let max = CONFIG.load(deps.storage)?.max_claims;
        if claims.len() >= max as usize {
            return Err(ContractError::TooManyClaims { max });
        }
        Some(claims)
    } else {
        None
    };

    let total = TOTAL_STAKED
        .may_load(deps.storage, &token)?
        .unwrap_or_default();
    pool.reward.advance(total, now)?;
    settle(&mut position, staked, pool.reward.reward_per_share)?;
    let total = total.checked_sub(amount)?;
    STAKED.save(deps.storage, key, &remainder, env.block.height)?;
    TOTAL_STAKED.save(deps.storage, &token, &total, env.block.height)?;
    if remainder.is_zero() && position.pending_rewards.is_zero() {
        POSITIONS.remove(deps.storage, key);
    } else {
        POSITIONS.save(deps.storage, key, &position)?;
    }

    let mut res = Response::new();
    match claims {
        None => res = res.add_message(cw20_transfer(&token, &staker, amount)?),
        Some(mut claims) => {
            claims.push(Claim { amount, release_at });
            CLAIMS.save(deps.storage, key, &claims)?;
            pool.total_unbonding = pool.total_unbonding.checked_add(amount)?;
        }
    }
    POOLS.save(deps.storage, &token, &pool)?;

    Ok(res
        .add_attribute("action", "unstake")
        .add_attribute("token", token.as_str())
        .add_attribute("staker", staker.as_str())
        .add_attribute("amount", amount)
        .add_attribute("staked", remainder)
        .add_attribute("total_staked", total)
        .add_attribute("release_at", release_at.to_string()))
}
