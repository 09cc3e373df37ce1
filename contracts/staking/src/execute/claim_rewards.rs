//! `ClaimRewards`: pay a position's accrued rewards.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};

use crate::error::ContractError;
use crate::execute::{cw20_transfer, load_pool};
use crate::rewards::settle;
use crate::state::{POOLS, POSITIONS, STAKED, TOTAL_STAKED};

/// Brings `token`'s pool stream up to date, settles the sender's position and pays its pending
/// rewards (rounded down) in the pool's reward token. A position with no stake left is removed
/// once paid.
///
/// Attributes: `action=claim_rewards`, `token`, `reward_token`, `staker`, `amount`.
///
/// Errors: `Payment`, `Std` (invalid address), [`ContractError::UnknownPool`],
/// [`ContractError::NoRewards`], `Overflow`, `Math`.
pub fn claim_rewards(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    token: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let token = deps.api.addr_validate(&token)?;
    let mut pool = load_pool(deps.storage, &token)?;
    let staker = info.sender;
    let key = (&token, &staker);
    let Some(mut position) = POSITIONS.may_load(deps.storage, key)? else {
        return Err(ContractError::NoRewards);
    };
    let total = TOTAL_STAKED
        .may_load(deps.storage, &token)?
        .unwrap_or_default();
    pool.reward.advance(total, env.block.time.seconds())?;
    let staked = STAKED.may_load(deps.storage, key)?.unwrap_or_default();
    settle(&mut position, staked, pool.reward.reward_per_share)?;
    let amount = position.pending_rewards;
    if amount.is_zero() {
        return Err(ContractError::NoRewards);
    }
    position.pending_rewards = Uint128::zero();
    pool.reward.total_paid = pool.reward.total_paid.checked_add(amount)?;
    if staked.is_zero() {
        POSITIONS.remove(deps.storage, key);
    } else {
        POSITIONS.save(deps.storage, key, &position)?;
    }
    POOLS.save(deps.storage, &token, &pool)?;

    Ok(Response::new()
        .add_message(cw20_transfer(&pool.reward_token, &staker, amount)?)
        .add_attribute("action", "claim_rewards")
        .add_attribute("token", token.as_str())
        .add_attribute("reward_token", pool.reward_token.as_str())
        .add_attribute("staker", staker.as_str())
        .add_attribute("amount", amount))
}
