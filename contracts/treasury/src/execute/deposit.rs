//! Deposits: the cw20 `Receive` hook and native `Deposit`.

use cosmwasm_std::{from_json, Deps, DepsMut, Env, MessageInfo, Response, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_utils::PaymentError;

use crate::asset::CheckedAsset;
use crate::error::ContractError;
use crate::execute::memo_attr;
use crate::msg::ReceiveMsg;
use crate::state::LEDGER;

/// cw20 deposit hook. The token is the caller (`info.sender`), so any cw20 token is accepted and
/// a token can only ever credit its own ledger. The first deposit of a token also asks the token
/// for the treasury's balance (one query, once per token): a caller that does not answer the cw20
/// `Balance` query, or that reports less than the deposit, is refused, so the ledger and the
/// `Balances` query only ever hold real cw20 tokens.
///
/// Attributes: `action=deposit`, `asset=cw20:<token>`, `amount`, `from` (the cw20 sender),
/// `memo`.
///
/// Errors: `Payment` (native funds attached), `Std` (the hook's `msg` is not a [`ReceiveMsg`]),
/// [`ContractError::ZeroAmount`], [`ContractError::MemoTooLong`], [`ContractError::NotCw20`],
/// [`ContractError::DepositNotHeld`], `Overflow`.
pub fn receive(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let ReceiveMsg::Deposit { memo } = from_json(&wrapper.msg)?;
    let asset = CheckedAsset::Cw20(info.sender);
    if wrapper.amount.is_zero() {
        return Err(ContractError::ZeroAmount {
            asset: asset.label(),
        });
    }
    let memo = memo_attr(memo)?;

    let key = asset.key();
    let mut ledger = match LEDGER.may_load(deps.storage, &key)? {
        Some(ledger) => ledger,
        None => {
            ensure_held(deps.as_ref(), &env, &asset, wrapper.amount)?;
            Default::default()
        }
    };
    ledger.received = ledger.received.checked_add(wrapper.amount)?;
    LEDGER.save(deps.storage, &key, &ledger)?;

    Ok(Response::new()
        .add_attribute("action", "deposit")
        .add_attribute("asset", asset.label())
        .add_attribute("amount", wrapper.amount)
        .add_attribute("from", wrapper.sender)
        .add_attribute("memo", memo))
}

/// Native deposit of the attached funds (one or more coins, none zero), from anyone.
///
/// Attributes: `action=deposit`, then `asset=native:<denom>` and `amount` per coin, `from`,
/// `memo`.
///
/// Errors: `Payment(NoFunds)`, [`ContractError::ZeroAmount`], [`ContractError::MemoTooLong`],
/// `Overflow`.
pub fn deposit(
    deps: DepsMut,
    info: MessageInfo,
    memo: Option<String>,
) -> Result<Response, ContractError> {
    if info.funds.is_empty() {
        return Err(PaymentError::NoFunds {}.into());
    }
    let memo = memo_attr(memo)?;
    let assets = info
        .funds
        .iter()
        .map(|coin| {
            let asset = CheckedAsset::Native(coin.denom.clone());
            if coin.amount.is_zero() {
                return Err(ContractError::ZeroAmount {
                    asset: asset.label(),
                });
            }
            Ok((asset, coin.amount))
        })
        .collect::<Result<Vec<(CheckedAsset, Uint128)>, _>>()?;

    let mut res = Response::new().add_attribute("action", "deposit");
    for (asset, amount) in assets {
        let key = asset.key();
        let mut ledger = LEDGER.may_load(deps.storage, &key)?.unwrap_or_default();
        ledger.received = ledger.received.checked_add(amount)?;
        LEDGER.save(deps.storage, &key, &ledger)?;
        res = res
            .add_attribute("asset", asset.label())
            .add_attribute("amount", amount);
    }
    Ok(res
        .add_attribute("from", info.sender)
        .add_attribute("memo", memo))
}

/// The first deposit of a cw20 token: the token must answer `Balance` with at least `amount`.
fn ensure_held(
    deps: Deps,
    env: &Env,
    asset: &CheckedAsset,
    amount: Uint128,
) -> Result<(), ContractError> {
    let balance = asset
        .balance_of(deps, &env.contract.address)
        .map_err(|err| ContractError::NotCw20 {
            token: asset.label(),
            reason: err.to_string(),
        })?;
    if balance < amount {
        return Err(ContractError::DepositNotHeld {
            asset: asset.label(),
            amount,
            balance,
        });
    }
    Ok(())
}
