//! `Burn`, `BurnFrom`, `Mint`: cw20-base's, after rejecting a zero amount.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};
use cw20_base::allowances::execute_burn_from;
use cw20_base::contract::{execute_burn, execute_mint};
use cw20_base::state::TOKEN_INFO;

use crate::error::ContractError;
use crate::execute::{cw20_err, ensure_nonzero};

/// Destroys `amount` of the sender's tokens; the total supply falls by `amount`.
///
/// Errors: [`ContractError::ZeroAmount`]; balance too small (`Cw20(Std(Overflow))`).
pub fn burn(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    amount: Uint128,
) -> Result<Response, ContractError> {
    ensure_nonzero(amount, "burn")?;
    Ok(execute_burn(deps, env, info, amount)?)
}

/// Destroys `amount` of `owner`'s tokens using the sender's allowance.
///
/// Errors: [`ContractError::ZeroAmount`]; cw20-base's allowance and balance errors.
pub fn burn_from(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    owner: String,
    amount: Uint128,
) -> Result<Response, ContractError> {
    ensure_nonzero(amount, "burn_from")?;
    Ok(execute_burn_from(deps, env, info, owner, amount)?)
}

/// Minter only: creates `amount` for `recipient`, never above the cap.
///
/// cw20-base adds to the supply with a panicking `+`; for the minter this checks the sum first,
/// so a supply pushed past `Uint128::MAX` fails with `Cw20(Std(Overflow))` instead of aborting
/// (one extra read of the token info, on a message only the minter sends).
///
/// Errors: [`ContractError::ZeroAmount`]; `Cw20(Unauthorized)` (not the minter, or no minter as
/// for GEN); `Cw20(CannotExceedCap)`; `Cw20(Std(Overflow))`.
pub fn mint(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    recipient: String,
    amount: Uint128,
) -> Result<Response, ContractError> {
    ensure_nonzero(amount, "mint")?;
    // other callers are left to cw20-base, which rejects them with `Unauthorized`
    if let Some(config) = TOKEN_INFO.may_load(deps.storage)? {
        if config
            .mint
            .as_ref()
            .is_some_and(|m| m.minter == info.sender)
        {
            config.total_supply.checked_add(amount).map_err(cw20_err)?;
        }
    }
    Ok(execute_mint(deps, env, info, recipient, amount)?)
}
