//! Buying AUR: the only way AUR is minted.

use cosmwasm_std::{Addr, DepsMut, Env, MessageInfo, Response, Uint128};
use poe_math::aurum::purchase_amount;

use crate::backing::Backing;
use crate::error::ContractError;
use crate::execute::deposit_to_treasury;
use crate::state::{Config, Payment, CONFIG, LEDGER};
use poe_controllers::cw20::mint_msg;
use poe_interface::token::MintReason;

/// A purchase paid with `paid` of the cw20 `token` (the hook's caller) by `buyer`.
///
/// Errors: [`ContractError::WrongPaymentAsset`] (the caller is not the configured cw20 payment
/// token), and those of [`purchase`].
pub fn buy_with_cw20(
    deps: DepsMut,
    env: Env,
    token: Addr,
    buyer: Addr,
    recipient: Option<String>,
    paid: Uint128,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let got = Payment::Cw20(token);
    if config.payment != got {
        return Err(ContractError::WrongPaymentAsset {
            expected: config.payment.label(),
            got: got.label(),
        });
    }
    purchase(deps, env, config, buyer, recipient, paid)
}

/// A purchase paid with the native payment denom attached to `ExecuteMsg::Buy`.
///
/// Errors: [`ContractError::WrongPaymentAsset`] (the payment asset is a cw20 token),
/// `Payment` (not exactly one coin of the payment denom), and those of [`purchase`].
pub fn buy_with_native(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    recipient: Option<String>,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let paid = match &config.payment {
        Payment::Native(denom) => cw_utils::must_pay(&info, denom)?,
        Payment::Cw20(_) => {
            let got = if info.funds.is_empty() {
                "no funds".to_string()
            } else {
                info.funds
                    .iter()
                    .map(|c| format!("native:{}", c.denom))
                    .collect::<Vec<_>>()
                    .join(",")
            };
            return Err(ContractError::WrongPaymentAsset {
                expected: config.payment.label(),
                got,
            });
        }
    };
    purchase(deps, env, config, info.sender, recipient, paid)
}

/// Mints `floor(paid / price)` AUR to `recipient` (default `buyer`) and deposits the whole
/// payment into the treasury (memo `aur_purchase`), if minting is not halted and
/// `supply + amount <= max_supply` (see [`Backing::check_mint`]). The leftover of the rounding
/// (less than one AUR base unit's price) goes to the treasury with the rest.
///
/// Attributes: `action=buy`, `buyer`, `recipient`, `payment_asset`, `paid`, `price`, `amount`
/// (AUR minted), `supply` (after), `max_supply`.
///
/// Errors: `Std` (invalid recipient), [`ContractError::PurchaseTooSmall`],
/// [`ContractError::NoAttestation`], [`ContractError::AttesterRemoved`],
/// [`ContractError::StaleAttestation`],
/// [`ContractError::UnderBacked`], [`ContractError::ExceedsBacking`], `Math`, `Overflow`.
fn purchase(
    deps: DepsMut,
    env: Env,
    config: Config,
    buyer: Addr,
    recipient: Option<String>,
    paid: Uint128,
) -> Result<Response, ContractError> {
    let recipient = match recipient {
        Some(r) => deps.api.addr_validate(&r)?,
        None => buyer.clone(),
    };
    let amount = purchase_amount(paid, config.price)?;
    if amount.is_zero() {
        return Err(ContractError::PurchaseTooSmall {
            paid,
            price: config.price,
        });
    }
    let mut ledger = LEDGER.load(deps.storage)?;
    let backing = Backing::load(deps.as_ref(), &env, &config, &ledger)?;
    backing.check_mint(&config, amount)?;
    ledger.total_minted = ledger.total_minted.checked_add(amount)?;
    LEDGER.save(deps.storage, &ledger)?;

    let supply = backing.supply.checked_add(amount)?;
    Ok(Response::new()
        .add_message(deposit_to_treasury(
            &config.payment,
            &config.treasury,
            paid,
        )?)
        .add_message(mint_msg(
            &config.aur_token,
            &recipient,
            amount,
            MintReason::AurPurchase,
        )?)
        .add_attribute("action", "buy")
        .add_attribute("buyer", buyer)
        .add_attribute("recipient", recipient)
        .add_attribute("payment_asset", config.payment.label())
        .add_attribute("paid", paid)
        .add_attribute("price", config.price.to_string())
        .add_attribute("amount", amount)
        .add_attribute("supply", supply)
        .add_attribute("max_supply", backing.max_supply))
}
