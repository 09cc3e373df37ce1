//! `Claim`: pay matured unbonding claims.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};
use poe_controllers::cw20::transfer_msg;

use crate::error::ContractError;
use crate::execute::{canonical, load_pool};
use crate::state::{CLAIMS, UNBONDING};

/// Pays the sender every claim of `token`'s pool whose `release_at` has come (`<= now`) in one
/// cw20 transfer, and keeps the others. Reads one list of at most `max_claims` claims.
///
/// Storage: reads the pool's parameters, the claims and the pool's unbonding total; removes (or
/// rewrites) the claims and writes the unbonding total (removes it when it falls to zero). The
/// pool's state is not touched.
///
/// Attributes: `action=claim`, `token`, `staker`, `amount`, `claims_paid`, `claims_pending`.
///
/// Errors: `Payment`, `Std` (invalid address), [`ContractError::UnknownPool`],
/// [`ContractError::NothingToClaim`] (no claim, or none matured), `Overflow`.
pub fn claim(
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
    let claims = CLAIMS.may_load(deps.storage, key)?.unwrap_or_default();
    let now = env.block.time.nanos();
    let (matured, pending): (Vec<_>, Vec<_>) = claims.into_iter().partition(|c| c.1 <= now);
    let mut amount = Uint128::zero();
    for c in &matured {
        amount = amount.checked_add(c.0)?;
    }
    if amount.is_zero() {
        return Err(ContractError::NothingToClaim);
    }
    if pending.is_empty() {
        CLAIMS.remove(deps.storage, key);
    } else {
        CLAIMS.save(deps.storage, key, &pending)?;
    }
    let unbonding = UNBONDING
        .may_load(deps.storage, pool.id)?
        .unwrap_or_default();
    let unbonding = unbonding.checked_sub(amount)?;
    // absent means zero: a delete (1,000 gas) is cheaper than writing a zero
    if unbonding.is_zero() {
        UNBONDING.remove(deps.storage, pool.id);
    } else {
        UNBONDING.save(deps.storage, pool.id, &unbonding)?;
    }

    Ok(Response::new()
        .add_message(transfer_msg(&token, &staker, amount)?)
        .add_attribute("action", "claim")
        .add_attribute("token", token.as_str())
        .add_attribute("staker", staker.as_str())
        .add_attribute("amount", amount)
        .add_attribute("claims_paid", matured.len().to_string())
        .add_attribute("claims_pending", pending.len().to_string()))
}
