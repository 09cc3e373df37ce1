//! `Claim`: pay matured unbonding claims.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};

use crate::error::ContractError;
use crate::execute::{cw20_transfer, load_pool};
use crate::state::{CLAIMS, POOLS};

/// Pays the sender every claim of `token`'s pool whose `release_at` has come (`<= now`) in one
/// cw20 transfer, and keeps the others. Reads one list of at most `max_claims` claims.
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
    let mut pool = load_pool(deps.storage, &token)?;
    let staker = info.sender;
    let key = (&token, &staker);
    let claims = CLAIMS.may_load(deps.storage, key)?.unwrap_or_default();
    let (matured, pending): (Vec<_>, Vec<_>) = claims
        .into_iter()
        .partition(|c| c.release_at <= env.block.time);
    let mut amount = Uint128::zero();
    for c in &matured {
        amount = amount.checked_add(c.amount)?;
    }
    if amount.is_zero() {
        return Err(ContractError::NothingToClaim);
    }
    if pending.is_empty() {
        CLAIMS.remove(deps.storage, key);
    } else {
        CLAIMS.save(deps.storage, key, &pending)?;
    }
    pool.total_unbonding = pool.total_unbonding.checked_sub(amount)?;
    POOLS.save(deps.storage, &token, &pool)?;

    Ok(Response::new()
        .add_message(cw20_transfer(&token, &staker, amount)?)
        .add_attribute("action", "claim")
        .add_attribute("token", token.as_str())
        .add_attribute("staker", staker.as_str())
        .add_attribute("amount", amount)
        .add_attribute("claims_paid", matured.len().to_string())
        .add_attribute("claims_pending", pending.len().to_string()))
}
