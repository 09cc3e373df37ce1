//! Fund a pool's reward stream (through the cw20 hook).

use cosmwasm_std::{Addr, DepsMut, Env, Response, Uint128};

use crate::error::ContractError;
use crate::execute::{check_period, load_pool};
use crate::state::{POOLS, TOTAL_STAKED};

/// Adds `amount` of `reward_token` (the hook's caller) from `funder` to the stream of
/// `pool_token`'s pool. The stream is first brought up to date; then what it has not released
/// plus `amount` is released linearly over `[now, max(now + duration_seconds, period_finish))`:
/// a new stream after an ended one, the leftover added in while one runs, and a running stream's
/// end never moved earlier. Anyone may fund.
///
/// Attributes: `action=fund`, `pool_token`, `reward_token`, `funder`, `amount`,
/// `duration_seconds`, `reward_remaining`, `period_finish`.
///
/// Errors: `Std` (invalid `pool_token`), [`ContractError::UnknownPool`],
/// [`ContractError::WrongRewardToken`] (the caller is not the pool's reward token),
/// [`ContractError::ZeroAmount`], [`ContractError::InvalidPeriod`] (duration zero or above 10
/// years), `Overflow`, `Math`.
pub fn fund(
    deps: DepsMut,
    env: Env,
    reward_token: Addr,
    funder: Addr,
    pool_token: String,
    amount: Uint128,
    duration_seconds: u64,
) -> Result<Response, ContractError> {
    let pool_token = deps.api.addr_validate(&pool_token)?;
    let mut pool = load_pool(deps.storage, &pool_token)?;
    if pool.reward_token != reward_token {
        return Err(ContractError::WrongRewardToken {
            pool_token: pool_token.to_string(),
            expected: pool.reward_token.to_string(),
            got: reward_token.to_string(),
        });
    }
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    check_period("duration_seconds", duration_seconds, true)?;

    let now = env.block.time.seconds();
    let total = TOTAL_STAKED
        .may_load(deps.storage, &pool_token)?
        .unwrap_or_default();
    pool.reward.advance(total, now)?;
    pool.reward.fund(amount, duration_seconds, now)?;
    POOLS.save(deps.storage, &pool_token, &pool)?;

    Ok(Response::new()
        .add_attribute("action", "fund")
        .add_attribute("pool_token", pool_token)
        .add_attribute("reward_token", reward_token)
        .add_attribute("funder", funder)
        .add_attribute("amount", amount)
        .add_attribute("duration_seconds", duration_seconds.to_string())
        .add_attribute("reward_remaining", pool.reward.remaining)
        .add_attribute("period_finish", pool.reward.period_finish.to_string()))
}
