//! The miner's FLX ledger: spendable balance, locked reserve, slashing.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};
use poe_controllers::cw20::transfer_msg;
use poe_interface::treasury::cw20_deposit_msg;

use crate::error::ContractError;
use crate::execute::pause::ensure_not_paused;
use crate::state::{Miner, CONFIG, MINERS, STATE};

/// The miner of `address` for one of its own withdrawals: refused while paused.
fn load_miner_unpaused(
    deps: &DepsMut,
    env: &Env,
    address: &cosmwasm_std::Addr,
) -> Result<Miner, ContractError> {
    ensure_not_paused(&STATE.load(deps.storage)?, env)?;
    load_miner(deps, address)
}

fn load_miner(deps: &DepsMut, address: &cosmwasm_std::Addr) -> Result<Miner, ContractError> {
    MINERS
        .may_load(deps.storage, address)?
        .ok_or_else(|| ContractError::MinerNotRegistered {
            miner: address.to_string(),
        })
}

/// `requested` (default: all of `available`), checked against `available`.
fn take(requested: Option<Uint128>, available: Uint128) -> Result<Uint128, ContractError> {
    let amount = requested.unwrap_or(available);
    if amount.is_zero() {
        return Err(if requested.is_some() {
            ContractError::ZeroAmount {}
        } else {
            ContractError::NothingToClaim {}
        });
    }
    if amount > available {
        return Err(ContractError::InsufficientBalance {
            requested: amount,
            available,
        });
    }
    Ok(amount)
}

/// Miner: withdraws `amount` (default all) of its spendable FLX (the 0.3 % parts).
///
/// Attributes: `action=withdraw_spendable`, `miner`, `amount`.
///
/// Errors: `Pause(Paused)`, `MinerNotRegistered`, `ZeroAmount`, `NothingToClaim` (nothing
/// spendable), `InsufficientBalance`.
pub fn withdraw_spendable(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    amount: Option<Uint128>,
) -> Result<Response, ContractError> {
    let mut miner = load_miner_unpaused(&deps, &env, &info.sender)?;
    let amount = take(amount, miner.spendable)?;
    miner.spendable = miner.spendable.checked_sub(amount)?;
    MINERS.save(deps.storage, &info.sender, &miner)?;
    let config = CONFIG.load(deps.storage)?;
    Ok(Response::new()
        .add_message(transfer_msg(&config.flx_token, &info.sender, amount)?)
        .add_attribute("action", "withdraw_spendable")
        .add_attribute("miner", info.sender.as_str())
        .add_attribute("amount", amount))
}

/// Miner: withdraws `amount` (default all that is unlocked) of its locked reserve (the 0.2 %
/// parts): all of it once the lock has expired, before that the part that had matured before
/// later jobs locked more ([`crate::state::Miner::withdrawable_reserve`]).
///
/// Attributes: `action=withdraw_locked_reserve`, `miner`, `amount`.
///
/// Errors: `Pause(Paused)`, `MinerNotRegistered`, `ReserveLocked { until }` (nothing unlocked
/// while the lock runs), `ZeroAmount`, `NothingToClaim`, `InsufficientBalance`.
pub fn withdraw_locked_reserve(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    amount: Option<Uint128>,
) -> Result<Response, ContractError> {
    let mut miner = load_miner_unpaused(&deps, &env, &info.sender)?;
    let available = miner.withdrawable_reserve(env.block.time);
    if available.is_zero() && env.block.time < miner.lock_expires_at {
        return Err(ContractError::ReserveLocked {
            until: miner.lock_expires_at,
        });
    }
    let amount = take(amount, available)?;
    miner.locked_reserve = miner.locked_reserve.checked_sub(amount)?;
    miner.unlocked_reserve = miner.unlocked_reserve.saturating_sub(amount);
    MINERS.save(deps.storage, &info.sender, &miner)?;
    let config = CONFIG.load(deps.storage)?;
    Ok(Response::new()
        .add_message(transfer_msg(&config.flx_token, &info.sender, amount)?)
        .add_attribute("action", "withdraw_locked_reserve")
        .add_attribute("miner", info.sender.as_str())
        .add_attribute("amount", amount))
}

/// Owner (governance): moves `amount` of a miner's reserve to the treasury, locked or not (the
/// still-locked part first, then the unlocked part). Works during a pause.
///
/// Attributes: `action=slash_locked_reserve`, `miner`, `amount`, `reason`.
///
/// Errors: `Ownership`, `Std` (invalid address), `MinerNotRegistered`, `ZeroAmount`,
/// `InsufficientBalance`.
pub fn slash_locked_reserve(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    miner: String,
    amount: Uint128,
    reason: String,
) -> Result<Response, ContractError> {
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let address = deps.api.addr_validate(&miner)?;
    let mut record = load_miner(&deps, &address)?;
    let amount = take(Some(amount), record.locked_reserve)?;
    if env.block.time >= record.lock_expires_at {
        record.unlocked_reserve = record.locked_reserve;
    }
    record.locked_reserve = record.locked_reserve.checked_sub(amount)?;
    record.unlocked_reserve = record.unlocked_reserve.min(record.locked_reserve);
    MINERS.save(deps.storage, &address, &record)?;
    let config = CONFIG.load(deps.storage)?;
    Ok(Response::new()
        .add_message(cw20_deposit_msg(
            &config.flx_token,
            &config.treasury,
            amount,
            "slash",
        )?)
        .add_attribute("action", "slash_locked_reserve")
        .add_attribute("miner", address)
        .add_attribute("amount", amount)
        .add_attribute("reason", reason))
}
