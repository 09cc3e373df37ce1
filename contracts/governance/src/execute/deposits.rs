//! The deposits governance holds: the running total per token ([`HELD_DEPOSITS`]) and
//! `VerifyHeldDeposits`, the check that ends every proposal's dispatch.

use cosmwasm_std::{Addr, Deps, Env, MessageInfo, Order, Response, StdResult, Storage, Uint128};
use cw20::{BalanceResponse, Cw20QueryMsg};

use crate::error::ContractError;
use crate::execute::ensure_self;
use crate::state::HELD_DEPOSITS;

/// Adds `amount` of `token` to the deposits held (a proposal was made).
///
/// Errors: [`ContractError::Overflow`].
pub fn hold(storage: &mut dyn Storage, token: &Addr, amount: Uint128) -> Result<(), ContractError> {
    let held = HELD_DEPOSITS.may_load(storage, token)?.unwrap_or_default();
    HELD_DEPOSITS.save(storage, token, &held.checked_add(amount)?)?;
    Ok(())
}

/// Takes `amount` of `token` off the deposits held (a deposit was refunded or forfeited); the
/// entry is removed at zero.
///
/// Errors: [`ContractError::Overflow`] when more is released than held (a record out of step).
pub fn release(
    storage: &mut dyn Storage,
    token: &Addr,
    amount: Uint128,
) -> Result<(), ContractError> {
    let held = HELD_DEPOSITS
        .may_load(storage, token)?
        .unwrap_or_default()
        .checked_sub(amount)?;
    if held.is_zero() {
        HELD_DEPOSITS.remove(storage, token);
    } else {
        HELD_DEPOSITS.save(storage, token, &held)?;
    }
    Ok(())
}

/// Every token with deposits held and the amount, ascending by token.
pub fn held_deposits(storage: &dyn Storage) -> StdResult<Vec<(Addr, Uint128)>> {
    HELD_DEPOSITS
        .range(storage, None, None, Order::Ascending)
        .collect()
}

/// `VerifyHeldDeposits`, governance itself only (the last message of `Dispatch`): for each
/// deposit token, governance's cw20 balance must be at least the deposits it holds. One query
/// per deposit token (in practice one: GEN).
///
/// Attributes: `action=verify_held_deposits`, `tokens`.
///
/// Errors: `Payment` (funds attached), [`ContractError::Unauthorized`] (any other caller),
/// [`ContractError::HeldDepositsSpent`].
pub fn verify_held_deposits(
    deps: Deps,
    env: Env,
    info: MessageInfo,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    ensure_self(&env, &info, "verify_held_deposits")?;
    let held = held_deposits(deps.storage)?;
    for (token, amount) in &held {
        let balance: BalanceResponse = deps.querier.query_wasm_smart(
            token,
            &Cw20QueryMsg::Balance {
                address: env.contract.address.to_string(),
            },
        )?;
        if balance.balance < *amount {
            return Err(ContractError::HeldDepositsSpent {
                token: token.to_string(),
                held: *amount,
                balance: balance.balance,
            });
        }
    }
    Ok(Response::new()
        .add_attribute("action", "verify_held_deposits")
        .add_attribute("tokens", held.len().to_string()))
}
