//! Stake (through the cw20 hook).

use cosmwasm_std::{Addr, DepsMut, Env, Response, Uint128};

use crate::error::ContractError;
use crate::execute::{checked_plus_seconds, load_pool};
use crate::rewards::settle;
use crate::state::{Position, POOLS, POSITIONS, STAKED, TOTAL_STAKED};

/// Stakes `amount` of `token` (the hook's caller) for `staker`. A position that holds no stake
/// must receive at least the pool's `min_stake`. The pool's stream is brought up to date and the
/// position's rewards settled first; the position is then locked until
/// `max(lock_until, now + lock_period_seconds)` (a later stake extends the lock). The new stake
/// counts for voting power from the next block on.
///
/// Attributes: `action=stake`, `token`, `staker`, `amount`, `staked` (the position after),
/// `total_staked`, `lock_until` (nanoseconds, as `Timestamp` prints).
///
/// Errors: [`ContractError::UnknownPool`] (the caller is not a pool's token),
/// [`ContractError::ZeroAmount`], [`ContractError::BelowMinStake`], `Overflow`, `Math`.
pub fn stake(
    deps: DepsMut,
    env: Env,
    token: Addr,
    staker: Addr,
    amount: Uint128,
) -> Result<Response, ContractError> {
    let mut pool = load_pool(deps.storage, &token)?;
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    let key = (&token, &staker);
    let staked = STAKED.may_load(deps.storage, key)?.unwrap_or_default();
    if staked.is_zero() && amount < pool.min_stake {
        return Err(ContractError::BelowMinStake {
            min_stake: pool.min_stake,
            amount,
        });
    }
    let now = env.block.time.seconds();
    let total = TOTAL_STAKED
        .may_load(deps.storage, &token)?
        .unwrap_or_default();
    pool.reward.advance(total, now)?;

    let mut position = POSITIONS
        .may_load(deps.storage, key)?
        .unwrap_or_else(|| Position::new(pool.reward.reward_per_share, env.block.time));
    settle(&mut position, staked, pool.reward.reward_per_share)?;
    let lock_until = checked_plus_seconds(env.block.time, pool.lock_period_seconds)?;
    position.lock_until = position.lock_until.max(lock_until);

    let staked = staked.checked_add(amount)?;
    let total = total.checked_add(amount)?;
    STAKED.save(deps.storage, key, &staked, env.block.height)?;
    TOTAL_STAKED.save(deps.storage, &token, &total, env.block.height)?;
    POSITIONS.save(deps.storage, key, &position)?;
    POOLS.save(deps.storage, &token, &pool)?;

    Ok(Response::new()
        .add_attribute("action", "stake")
        .add_attribute("token", token)
        .add_attribute("staker", staker)
        .add_attribute("amount", amount)
        .add_attribute("staked", staked)
        .add_attribute("total_staked", total)
        .add_attribute("lock_until", position.lock_until.to_string()))
}
