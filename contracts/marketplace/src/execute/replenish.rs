//! `Replenish`: anyone (or a distribution schedule) adds tokens to a pool.

use cosmwasm_std::{Addr, DepsMut, Env, Response, Uint128};

use crate::error::ContractError;
use crate::state::{load_pool, POOLS};

/// Credits `amount` (what the token delivered) of `token` to the pool's `available`, from
/// `sender` (the cw20 sender: anyone, or the treasury's distribution schedule).
///
/// Attributes: `action=replenish`, `pool_id`, `amount`, `from`.
///
/// Errors: [`ContractError::PoolNotFound`], [`ContractError::WrongToken`] (not the pool's
/// token), [`ContractError::ZeroAmount`], `Overflow`.
pub fn replenish(
    deps: DepsMut,
    env: Env,
    token: Addr,
    sender: Addr,
    amount: Uint128,
    pool_id: u64,
) -> Result<Response, ContractError> {
    let mut pool = load_pool(deps.storage, pool_id)?;
    if token != pool.token {
        return Err(ContractError::WrongToken {
            expected: pool.token,
            received: token,
        });
    }
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount {
            what: "replenish".to_string(),
        });
    }
    pool.available = pool.available.checked_add(amount)?;
    pool.total_replenished = pool.total_replenished.checked_add(amount)?;
    pool.last_replenish = Some(env.block.time);
    POOLS.save(deps.storage, pool_id, &pool)?;
    Ok(Response::new()
        .add_attribute("action", "replenish")
        .add_attribute("pool_id", pool_id.to_string())
        .add_attribute("amount", amount)
        .add_attribute("from", sender))
}
