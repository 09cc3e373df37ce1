//! Fund a pool's reward stream (through the cw20 hook).

use cosmwasm_std::{Addr, DepsMut, Env, Response, Uint128};

use crate::error::ContractError;
use crate::execute::{check_period, load_pool};
use crate::state::{REWARD_TOKENS, STATES};

/// Adds `amount` of `reward_token` (the hook's caller) from `funder` to the stream of
/// `pool_token`'s pool. The stream is first brought up to date; then (see
/// [`crate::state::RewardStream::fund_as`]):
///
/// - the owner (governance): what the stream has not released plus `amount` is released
///   linearly over `[now, max(now + duration_seconds, period_finish))`: the owner alone may set a
///   later end, and so a lower rate;
/// - anyone else, while a stream runs: only if `now + duration_seconds <= period_finish`; the
///   amount joins the stream until its current end, so the rate goes up and nothing already
///   funded is released later;
/// - anyone else, when no stream runs: a new stream over `[now, now + duration_seconds)`, at most
///   [`poe_interface::staking::MAX_OPEN_FUND_SECONDS`].
///
/// A running stream's end never moves earlier (nobody can compress another's funding). The
/// `period_finish` attribute is when the funded amount will have been released (later while
/// nothing is staked).
///
/// Attributes: `action=fund`, `pool_token`, `reward_token`, `funder`, `amount`,
/// `duration_seconds`, `reward_remaining`, `period_finish`.
///
/// Errors: `Std` (invalid `pool_token`), [`ContractError::UnknownPool`],
/// [`ContractError::WrongRewardToken`] (the caller is not the pool's reward token),
/// [`ContractError::ZeroAmount`], [`ContractError::InvalidPeriod`] (duration zero or above 10
/// years), [`ContractError::FundWouldExtendStream`], [`ContractError::OpenFundTooLong`],
/// `Overflow`, `Math`.
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
    let pool = load_pool(deps.storage, &pool_token)?;
    let expected = REWARD_TOKENS.load(deps.storage, pool.id)?;
    if expected != reward_token {
        return Err(ContractError::WrongRewardToken {
            pool_token: pool_token.to_string(),
            expected: expected.to_string(),
            got: reward_token.to_string(),
        });
    }
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    check_period("duration_seconds", duration_seconds, true)?;
    let by_owner = cw_ownable::is_owner(deps.storage, &funder)?;

    let now = env.block.time.seconds();
    let mut state = STATES.load(deps.storage, pool.id)?;
    state.advance(state.total_staked, now)?;
    state.fund_as(amount, duration_seconds, now, by_owner)?;
    STATES.save(deps.storage, pool.id, &state)?;

    Ok(Response::new()
        .add_attribute("action", "fund")
        .add_attribute("pool_token", pool_token)
        .add_attribute("reward_token", reward_token)
        .add_attribute("funder", funder)
        .add_attribute("amount", amount)
        .add_attribute("duration_seconds", duration_seconds.to_string())
        .add_attribute("reward_remaining", state.remaining)
        .add_attribute("period_finish", state.period_finish.to_string()))
}
