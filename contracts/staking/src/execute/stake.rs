//! Stake (through the cw20 hook).

use cosmwasm_std::{Addr, DepsMut, Env, Response, Timestamp, Uint128};

use crate::error::ContractError;
use crate::execute::{canonical, checked_plus_seconds, load_pool};
use crate::rewards::settle;
use crate::state::{log_stake, log_total, Position, POSITIONS, STATES};

/// Stakes `amount` of `token` (the hook's caller) for `staker`. A position that holds no stake
/// must receive at least the pool's `min_stake`. The pool's stream is brought up to date and the
/// position's rewards settled first; the position is then locked until
/// `max(lock_until, now + lock_period_seconds)` (a later stake extends the lock). The new stake
/// counts for voting power from the next block on.
///
/// Storage (a later stake, first change of the block): reads the pool's parameters, its state and
/// the position; writes the state, the position and the two changelog entries (stake and total
/// at the start of the block). A staker's first stake also probes the stake changelog once.
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
    let pool = load_pool(deps.storage, &token)?;
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    let who = canonical(deps.api, &staker)?;
    let key = (pool.id, who.as_slice());
    let stored = POSITIONS.may_load(deps.storage, key)?;
    let is_new = stored.is_none();
    if stored.as_ref().is_none_or(|p| p.staked.is_zero()) && amount < pool.min_stake {
        return Err(ContractError::BelowMinStake {
            min_stake: pool.min_stake,
            amount,
        });
    }
    let now = env.block.time.seconds();
    let height = env.block.height;
    let mut state = STATES.load(deps.storage, pool.id)?;
    state.advance(state.total_staked, now)?;

    let mut position =
        stored.unwrap_or_else(|| Position::new(state.reward_per_share, Timestamp::from_nanos(0)));
    let staked = position.staked;
    settle(&mut position, staked, state.reward_per_share)?;
    let lock_until = checked_plus_seconds(env.block.time, pool.lock_period_seconds)?;
    position.lock_until = position.lock_until.max(lock_until.nanos());

    log_stake(deps.storage, pool.id, &who, &mut position, is_new, height)?;
    position.staked = position.staked.checked_add(amount)?;
    log_total(deps.storage, pool.id, &mut state, height)?;
    state.total_staked = state.total_staked.checked_add(amount)?;
    POSITIONS.save(deps.storage, key, &position)?;
    STATES.save(deps.storage, pool.id, &state)?;

    Ok(Response::new()
        .add_attribute("action", "stake")
        .add_attribute("token", token)
        .add_attribute("staker", staker)
        .add_attribute("amount", amount)
        .add_attribute("staked", position.staked)
        .add_attribute("total_staked", state.total_staked)
        .add_attribute(
            "lock_until",
            Timestamp::from_nanos(position.lock_until).to_string(),
        ))
}
