//! Claiming NEX rewards: O(1) per epoch, paginated.

use cosmwasm_std::{Addr, Deps, DepsMut, Env, MessageInfo, Order, Response, StdResult, Uint128};
use cw_storage_plus::Bound;
use poe_controllers::cw20::transfer_msg;
use poe_controllers::page::page_limit;
use poe_math::weight::pro_rata;

use crate::error::ContractError;
use crate::execute::pause::ensure_not_paused;
use crate::state::{CONFIG, EPOCHS, MINERS, MINER_EPOCHS, STATE};

/// The NEX owed to `miner` for its closed epochs from `from_epoch` on, at most `limit` of them:
/// `(reward, epochs counted, next cursor, more closed epochs beyond the limit)`.
///
/// A miner's reward in an epoch is `nex_minted * w_i / sum_j w_j`, rounded down (seed 001
/// `MinerWeight`: `W_i / sum W_j` equals `w_i / sum w_j`, see `poe_math::weight`).
pub(crate) fn owed_rewards(
    deps: Deps,
    miner: &Addr,
    from_epoch: u64,
    next_epoch_to_close: u64,
    limit: usize,
) -> Result<(Uint128, u32, u64, bool), ContractError> {
    let mut reward = Uint128::zero();
    let mut counted = 0u32;
    let mut last = None;
    let entries = MINER_EPOCHS
        .prefix(miner)
        .range(
            deps.storage,
            Some(Bound::inclusive(from_epoch)),
            Some(Bound::exclusive(next_epoch_to_close)),
            Order::Ascending,
        )
        .take(limit.saturating_add(1))
        .collect::<StdResult<Vec<_>>>()?;
    let more = entries.len() > limit;
    for (epoch, miner_epoch) in entries.into_iter().take(limit) {
        let epoch_state = EPOCHS.load(deps.storage, epoch)?;
        let nex_minted = epoch_state.closed.map(|c| c.nex_minted).unwrap_or_default();
        reward = reward.checked_add(pro_rata(
            nex_minted,
            miner_epoch.weighted_score,
            epoch_state.total_weighted_score,
        )?)?;
        counted = counted.saturating_add(1);
        last = Some(epoch);
    }
    // With more entries waiting, resume after the last one counted; otherwise every closed epoch
    // has been counted and the cursor moves to the first open one.
    let cursor = match (more, last) {
        (true, Some(epoch)) => epoch.saturating_add(1),
        _ => next_epoch_to_close.max(from_epoch),
    };
    Ok((reward, counted, cursor, more))
}

/// Miner: claims the NEX of up to `limit` (default 10, max 30) closed epochs, oldest first.
///
/// Attributes: `action=claim_rewards`, `miner`, `epochs`, `amount`, `more`.
///
/// Errors: `MinerNotRegistered`, `Pause(Paused)`; `NothingToClaim` when no closed epoch is left
/// to claim.
pub fn claim_rewards(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    limit: Option<u32>,
) -> Result<Response, ContractError> {
    let mut miner = MINERS
        .may_load(deps.storage, &info.sender)?
        .ok_or_else(|| ContractError::MinerNotRegistered {
            miner: info.sender.to_string(),
        })?;
    let mut state = STATE.load(deps.storage)?;
    ensure_not_paused(&state, &env)?;
    let limit = page_limit(limit);
    let (reward, counted, cursor, more) = owed_rewards(
        deps.as_ref(),
        &info.sender,
        miner.claim_cursor,
        state.next_epoch_to_close,
        limit,
    )?;
    if counted == 0 {
        return Err(ContractError::NothingToClaim {});
    }
    miner.claim_cursor = cursor;
    miner.rewards_claimed = miner.rewards_claimed.checked_add(reward)?;
    MINERS.save(deps.storage, &info.sender, &miner)?;
    state.nex_claimed_total = state.nex_claimed_total.checked_add(reward)?;
    STATE.save(deps.storage, &state)?;

    let mut response = Response::new()
        .add_attribute("action", "claim_rewards")
        .add_attribute("miner", info.sender.as_str())
        .add_attribute("epochs", counted.to_string())
        .add_attribute("amount", reward)
        .add_attribute("more", more.to_string());
    if !reward.is_zero() {
        let config = CONFIG.load(deps.storage)?;
        response = response.add_message(transfer_msg(&config.nex_token, &info.sender, reward)?);
    }
    Ok(response)
}
