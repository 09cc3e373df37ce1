//! `Burn`, `BurnFrom`, `Mint`: cw20-base's, after rejecting a zero amount and a retired token
//! (one read of `tb`), then recorded under their reason (one counter write) with the attributes
//! `reason`, `height`, `account`.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};
use cw20_base::allowances::execute_burn_from;
use cw20_base::contract::{execute_burn, execute_mint};
use cw20_base::state::TOKEN_INFO;

use crate::error::ContractError;
use crate::execute::record::{record_attributes, record_burn, record_mint};
use crate::execute::{cw20_err, ensure_nonzero};
use crate::msg::{BurnReason, MintReason};
use crate::state::live_transfer_burn_bps;

/// Destroys `amount` of the sender's tokens; the total supply falls by `amount`, counted under
/// `reason` (default [`BurnReason::User`]).
///
/// Errors: [`ContractError::ZeroAmount`]; balance too small (`Cw20(Std(Overflow))`).
pub fn burn(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    amount: Uint128,
    reason: Option<BurnReason>,
) -> Result<Response, ContractError> {
    ensure_nonzero(amount, "burn")?;
    live_transfer_burn_bps(deps.storage)?;
    let reason = reason.unwrap_or(BurnReason::User);
    let block = env.block.clone();
    let account = info.sender.to_string();
    let res = execute_burn(deps.branch(), env, info, amount)?;
    record_burn(deps.storage, reason, amount).map_err(cw20_err)?;
    Ok(res.add_attributes(record_attributes(reason.as_str(), &block, &account)))
}

/// Destroys `amount` of `owner`'s tokens using the sender's allowance, counted under `reason`
/// (default [`BurnReason::User`]); the `account` attribute is `owner`.
///
/// Errors: [`ContractError::ZeroAmount`]; cw20-base's allowance and balance errors.
pub fn burn_from(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    owner: String,
    amount: Uint128,
    reason: Option<BurnReason>,
) -> Result<Response, ContractError> {
    ensure_nonzero(amount, "burn_from")?;
    live_transfer_burn_bps(deps.storage)?;
    let reason = reason.unwrap_or(BurnReason::User);
    let block = env.block.clone();
    let res = execute_burn_from(deps.branch(), env, info, owner.clone(), amount)?;
    record_burn(deps.storage, reason, amount).map_err(cw20_err)?;
    Ok(res.add_attributes(record_attributes(reason.as_str(), &block, &owner)))
}

/// Minter only: creates `amount` for `recipient`, never above the cap, counted under `reason`
/// (default [`MintReason::Unspecified`]); the `account` attribute is `recipient`.
///
/// cw20-base adds to the supply with a panicking `+`; for the minter this checks the sum first,
/// so a supply pushed past `Uint128::MAX` fails with `Cw20(Std(Overflow))` instead of aborting
/// (one extra read of the token info, on a message only the minter sends).
///
/// Errors: [`ContractError::ZeroAmount`]; `Cw20(Unauthorized)` (not the minter, or no minter as
/// for GEN); `Cw20(CannotExceedCap)`; `Cw20(Std(Overflow))`.
pub fn mint(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    recipient: String,
    amount: Uint128,
    reason: Option<MintReason>,
) -> Result<Response, ContractError> {
    ensure_nonzero(amount, "mint")?;
    live_transfer_burn_bps(deps.storage)?;
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
    let reason = reason.unwrap_or(MintReason::Unspecified);
    let block = env.block.clone();
    let res = execute_mint(deps.branch(), env, info, recipient.clone(), amount)?;
    record_mint(deps.storage, reason, amount).map_err(cw20_err)?;
    Ok(res.add_attributes(record_attributes(reason.as_str(), &block, &recipient)))
}
