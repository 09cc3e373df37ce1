//! `Unstake`.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Timestamp, Uint128};
use poe_controllers::cw20::transfer_msg;

use crate::error::ContractError;
use crate::execute::{canonical, checked_plus_seconds, load_pool};
use crate::rewards::settle;
use crate::state::{log_stake, log_total, CLAIMS, CONFIG, POSITIONS, STATES, UNBONDING};

/// Moves `amount` of the sender's stake in `token`'s pool out of the position (and out of voting
/// power from the next block on) into a claim released at `now + unbonding_period_seconds`; with
/// a zero unbonding period the amount is transferred at once and no claim is made. The pool's
/// stream is brought up to date and the position's rewards settled first (they stay claimable).
///
/// Storage (with an unbonding period, first change of the block): reads the pool's parameters,
/// the position, the claims, the config (`max_claims`), the pool's state and its unbonding total;
/// writes the position (removed when empty), both changelog entries, the state, the claims and
/// the unbonding total.
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
    let pool = load_pool(deps.storage, &token)?;
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    let staker = info.sender;
    let who = canonical(deps.api, &staker)?;
    let key = (pool.id, who.as_slice());
    let stored = POSITIONS.may_load(deps.storage, key)?;
    let staked = stored.as_ref().map(|p| p.staked).unwrap_or_default();
    let Some(mut position) = stored.filter(|_| amount <= staked) else {
        return Err(ContractError::InsufficientStake {
            staked,
            requested: amount,
        });
    };
    if env.block.time.nanos() < position.lock_until {
        return Err(ContractError::Locked {
            lock_until: Timestamp::from_nanos(position.lock_until),
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
    let height = env.block.height;
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

    let mut state = STATES.load(deps.storage, pool.id)?;
    state.advance(state.total_staked, now)?;
    settle(&mut position, staked, state.reward_per_share)?;
    log_stake(deps.storage, pool.id, &who, &mut position, false, height)?;
    position.staked = remainder;
    log_total(deps.storage, pool.id, &mut state, height)?;
    state.total_staked = state.total_staked.checked_sub(amount)?;
    if remainder.is_zero() && position.pending_rewards.is_zero() {
        POSITIONS.remove(deps.storage, key);
    } else {
        POSITIONS.save(deps.storage, key, &position)?;
    }
    STATES.save(deps.storage, pool.id, &state)?;

    let mut res = Response::new();
    match claims {
        None => res = res.add_message(transfer_msg(&token, &staker, amount)?),
        Some(mut claims) => {
            claims.push((amount, release_at.nanos()));
            CLAIMS.save(deps.storage, key, &claims)?;
            let unbonding = UNBONDING
                .may_load(deps.storage, pool.id)?
                .unwrap_or_default();
            UNBONDING.save(deps.storage, pool.id, &unbonding.checked_add(amount)?)?;
        }
    }

    Ok(res
        .add_attribute("action", "unstake")
        .add_attribute("token", token.as_str())
        .add_attribute("staker", staker.as_str())
        .add_attribute("amount", amount)
        .add_attribute("staked", remainder)
        .add_attribute("total_staked", state.total_staked)
        .add_attribute("release_at", release_at.to_string()))
}
