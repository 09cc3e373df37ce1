//! `Withdraw`: the owner takes available tokens out of a pool.

use cosmwasm_std::{DepsMut, MessageInfo, Response, Uint128};
use poe_controllers::cw20::transfer_msg;

use crate::error::ContractError;
use crate::state::{load_pool, POOLS};

/// Owner: pays `amount` of the pool's available tokens to `recipient` (a plain cw20
/// `Transfer`: with a transfer burn the recipient receives `amount - burn`). Reserved tokens
/// cannot be withdrawn.
///
/// Attributes: `action=withdraw`, `pool_id`, `amount`, `recipient`.
///
/// Errors: `Payment`, `Ownership`, [`ContractError::PoolNotFound`], `Std` (invalid address),
/// [`ContractError::ZeroAmount`], [`ContractError::InsufficientAvailable`].
pub fn withdraw(
    deps: DepsMut,
    info: MessageInfo,
    pool_id: u64,
    amount: Uint128,
    recipient: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut pool = load_pool(deps.storage, pool_id)?;
    let recipient = deps.api.addr_validate(&recipient)?;
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount {
            what: "amount".to_string(),
        });
    }
    if amount > pool.available {
        return Err(ContractError::InsufficientAvailable {
            available: pool.available,
            requested: amount,
        });
    }
    pool.available -= amount;
    pool.total_withdrawn = pool.total_withdrawn.checked_add(amount)?;
    POOLS.save(deps.storage, pool_id, &pool)?;
    Ok(Response::new()
        .add_message(transfer_msg(&pool.token, &recipient, amount)?)
        .add_attribute("action", "withdraw")
        .add_attribute("pool_id", pool_id.to_string())
        .add_attribute("amount", amount)
        .add_attribute("recipient", recipient))
}
