//! `Transfer`, `Send`, `TransferFrom`, `SendFrom`: cw20-base's, with the transfer burn.
//!
//! Each reads the transfer burn (one `u16` under the key `tb`). At 0 bps it hands the message to
//! cw20-base's own function unchanged, so the storage work is exactly cw20-base's plus that one
//! read. Above 0 bps the debited account loses `amount`, the recipient gets
//! `amount - burn`, the total supply falls by `burn` (`poe_math::burn::transfer_burn`, rounded
//! up), a `Send`/`SendFrom` hook carries the delivered amount, and the response carries
//! cw20-base's attributes plus `("burned", burn)` and the record's `reason` (`transfer_fee`),
//! `height` and `account` (the account debited); the burn is counted under
//! `BurnReason::TransferFee` (one more write). Failures on the burn path are raised as the
//! same `cw20_base::ContractError` values cw20-base raises, whatever the rate.

use cosmwasm_std::{
    Addr, Attribute, Binary, DepsMut, Env, MessageInfo, Response, StdResult, Storage, Uint128,
};
use cw20::Cw20ReceiveMsg;
use cw20_base::allowances::{deduct_allowance, execute_send_from, execute_transfer_from};
use cw20_base::contract::{execute_send, execute_transfer};
use cw20_base::state::{BALANCES, TOKEN_INFO};
use poe_math::burn::transfer_burn;

use crate::error::ContractError;
use crate::execute::record::{record_attributes, record_burn};
use crate::execute::{cw20_err, ensure_nonzero};
use crate::msg::BurnReason;
use crate::state::live_transfer_burn_bps;

/// Moves `amount` from the sender to `recipient`; `recipient` receives `amount - burn`.
///
/// Errors: [`ContractError::ZeroAmount`]; cw20-base's (invalid address, insufficient balance as
/// `Std(Overflow)`).
pub fn transfer(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    recipient: String,
    amount: Uint128,
) -> Result<Response, ContractError> {
    ensure_nonzero(amount, "transfer")?;
    let burn = burn_of(deps.storage, amount)?;
    if burn.is_zero() {
        return Ok(execute_transfer(deps, env, info, recipient, amount)?);
    }

    let rcpt_addr = deps.api.addr_validate(&recipient).map_err(cw20_err)?;
    move_burning(deps.storage, &info.sender, &rcpt_addr, amount, burn).map_err(cw20_err)?;

    Ok(Response::new()
        .add_attribute("action", "transfer")
        .add_attribute("from", &info.sender)
        .add_attribute("to", recipient)
        .add_attribute("amount", amount)
        .add_attribute("burned", burn)
        .add_attributes(fee_attributes(&env, info.sender.as_str())))
}

/// Moves `amount` from the sender to the contract `contract` and calls its `Receive` hook with
/// the amount delivered (`amount - burn`).
///
/// Errors: as [`transfer`].
pub fn send(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    contract: String,
    amount: Uint128,
    msg: Binary,
) -> Result<Response, ContractError> {
    ensure_nonzero(amount, "send")?;
    let burn = burn_of(deps.storage, amount)?;
    if burn.is_zero() {
        return Ok(execute_send(deps, env, info, contract, amount, msg)?);
    }

    let rcpt_addr = deps.api.addr_validate(&contract).map_err(cw20_err)?;
    let delivered =
        move_burning(deps.storage, &info.sender, &rcpt_addr, amount, burn).map_err(cw20_err)?;
    let hook = Cw20ReceiveMsg {
        sender: info.sender.to_string(),
        amount: delivered,
        msg,
    }
    .into_cosmos_msg(&contract)
    .map_err(cw20_err)?;

    Ok(Response::new()
        .add_attribute("action", "send")
        .add_attribute("from", &info.sender)
        .add_attribute("to", &contract)
        .add_attribute("amount", amount)
        .add_attribute("burned", burn)
        .add_attributes(fee_attributes(&env, info.sender.as_str()))
        .add_message(hook))
}

/// The sender (a spender) moves `amount` of `owner`'s tokens to `recipient`, using up `amount`
/// of its allowance; `recipient` receives `amount - burn`.
///
/// Errors: [`ContractError::ZeroAmount`]; cw20-base's (`NoAllowance`, `Expired`, allowance or
/// balance too small as `Std(Overflow)`, invalid address).
pub fn transfer_from(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    owner: String,
    recipient: String,
    amount: Uint128,
) -> Result<Response, ContractError> {
    ensure_nonzero(amount, "transfer_from")?;
    let burn = burn_of(deps.storage, amount)?;
    if burn.is_zero() {
        return Ok(execute_transfer_from(
            deps, env, info, owner, recipient, amount,
        )?);
    }

    let rcpt_addr = deps.api.addr_validate(&recipient).map_err(cw20_err)?;
    let owner_addr = deps.api.addr_validate(&owner).map_err(cw20_err)?;
    deduct_allowance(deps.storage, &owner_addr, &info.sender, &env.block, amount)?;
    move_burning(deps.storage, &owner_addr, &rcpt_addr, amount, burn).map_err(cw20_err)?;

    Ok(Response::new()
        .add_attribute("action", "transfer_from")
        .add_attribute("from", &owner)
        .add_attribute("to", recipient)
        .add_attribute("by", info.sender)
        .add_attribute("amount", amount)
        .add_attribute("burned", burn)
        .add_attributes(fee_attributes(&env, &owner)))
}

/// The sender (a spender) moves `amount` of `owner`'s tokens to the contract `contract` and calls
/// its `Receive` hook (`sender` = the spender, as cw20-base) with the amount delivered.
///
/// Errors: as [`transfer_from`].
pub fn send_from(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    owner: String,
    contract: String,
    amount: Uint128,
    msg: Binary,
) -> Result<Response, ContractError> {
    ensure_nonzero(amount, "send_from")?;
    let burn = burn_of(deps.storage, amount)?;
    if burn.is_zero() {
        return Ok(execute_send_from(
            deps, env, info, owner, contract, amount, msg,
        )?);
    }

    let rcpt_addr = deps.api.addr_validate(&contract).map_err(cw20_err)?;
    let owner_addr = deps.api.addr_validate(&owner).map_err(cw20_err)?;
    deduct_allowance(deps.storage, &owner_addr, &info.sender, &env.block, amount)?;
    let delivered =
        move_burning(deps.storage, &owner_addr, &rcpt_addr, amount, burn).map_err(cw20_err)?;
    let hook = Cw20ReceiveMsg {
        sender: info.sender.to_string(),
        amount: delivered,
        msg,
    }
    .into_cosmos_msg(&contract)
    .map_err(cw20_err)?;

    Ok(Response::new()
        .add_attribute("action", "send_from")
        .add_attribute("from", &owner)
        .add_attribute("to", &contract)
        .add_attribute("by", &info.sender)
        .add_attribute("amount", amount)
        .add_attribute("burned", burn)
        .add_attributes(fee_attributes(&env, &owner))
        .add_message(hook))
}

/// The record attributes of a transfer burn: reason `transfer_fee`, the block, and `from` (the
/// account debited).
fn fee_attributes(env: &Env, from: &str) -> [Attribute; 3] {
    record_attributes(BurnReason::TransferFee.as_str(), &env.block, from)
}

/// The burn a transfer of `amount` pays at the current rate: one read of `TRANSFER_BURN_BPS`,
/// which also refuses a retired token ([`ContractError::Retired`]).
fn burn_of(storage: &dyn Storage, amount: Uint128) -> Result<Uint128, ContractError> {
    let bps = live_transfer_burn_bps(storage)?;
    if bps == 0 {
        return Ok(Uint128::zero());
    }
    Ok(transfer_burn(amount, bps)?)
}

/// Debits `from` by `amount`, credits `to` with `amount - burn`, lowers the total supply by
/// `burn` and counts it under [`BurnReason::TransferFee`]; returns the amount delivered. Errors with `Overflow` when `from` holds less than
/// `amount`.
fn move_burning(
    storage: &mut dyn Storage,
    from: &Addr,
    to: &Addr,
    amount: Uint128,
    burn: Uint128,
) -> StdResult<Uint128> {
    let delivered = amount.checked_sub(burn)?;
    BALANCES.update(storage, from, |balance| -> StdResult<_> {
        Ok(balance.unwrap_or_default().checked_sub(amount)?)
    })?;
    BALANCES.update(storage, to, |balance| -> StdResult<_> {
        Ok(balance.unwrap_or_default().checked_add(delivered)?)
    })?;
    TOKEN_INFO.update(storage, |mut info| -> StdResult<_> {
        info.total_supply = info.total_supply.checked_sub(burn)?;
        Ok(info)
    })?;
    record_burn(storage, BurnReason::TransferFee, burn)?;
    Ok(delivered)
}
