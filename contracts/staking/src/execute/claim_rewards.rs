//! `ClaimRewards`: pay a position's accrued rewards.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};
use poe_controllers::cw20::transfer_msg;

use crate::error::ContractError;
use crate::execute::{canonical, load_pool};
use crate::rewards::settle;
use crate::state::{POSITIONS, REWARD_TOKENS, STATES};

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
    let pool = load_pool(deps.storage, &token)?;
    let staker = info.sender;
    let who = canonical(deps.api, &staker)?;
    let key = (pool.id, who.as_slice());
    let Some(mut position) = POSITIONS.may_load(deps.storage, key)? else {
        return Err(ContractError::NoRewards);
    };
    let mut state = STATES.load(deps.storage, pool.id)?;
    state.advance(state.total_staked, env.block.time.seconds())?;
    let staked = position.staked;
    settle(&mut position, staked, state.reward_per_share)?;
    let amount = position.pending_rewards;
    if amount.is_zero() {
        return Err(ContractError::NoRewards);
    }
    position.pending_rewards = Uint128::zero();
    state.total_paid = state.total_paid.checked_add(amount)?;
    if position.staked.is_zero() {
        POSITIONS.remove(deps.storage, key);
    } else {
        POSITIONS.save(deps.storage, key, &position)?;
    }
    STATES.save(deps.storage, pool.id, &state)?;
    let reward_token = REWARD_TOKENS.load(deps.storage, pool.id)?;

    Ok(Response::new()
        .add_message(transfer_msg(&reward_token, &staker, amount)?)
        .add_attribute("action", "claim_rewards")
        .add_attribute("token", token.as_str())
        .add_attribute("reward_token", reward_token.as_str())
        .add_attribute("staker", staker.as_str())
        .add_attribute("amount", amount))
}
