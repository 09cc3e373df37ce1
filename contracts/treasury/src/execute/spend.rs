//! `Spend` (owner only).

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};

use crate::asset::CheckedAsset;
use crate::error::ContractError;
use crate::execute::memo_attr;
use crate::msg::AssetInfo;
use crate::state::LEDGER;

/// Owner only: pays `amount` of `asset` to `recipient` (a cw20 `Transfer` or a bank send) and
/// records it as spent. The amount must not exceed what the treasury holds now (asked of the token
/// or the bank). With a transfer-burn token the recipient receives `amount` less the burn; the
/// ledger records `amount`, what left the treasury.
///
/// Attributes: `action=spend`, `asset`, `amount`, `recipient`, `memo`.
///
/// Errors: `Payment` (funds attached), `Ownership(NotOwner | NoOwner)`, `Std` (invalid address or
/// a token that does not answer `Balance`), [`ContractError::InvalidDenom`],
/// [`ContractError::ZeroAmount`], [`ContractError::MemoTooLong`],
/// [`ContractError::InvalidRecipient`] (the treasury itself),
/// [`ContractError::InsufficientBalance`], `Overflow`.
pub fn spend(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    asset: AssetInfo,
    recipient: String,
    amount: Uint128,
    memo: Option<String>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let asset = CheckedAsset::check(deps.as_ref(), &asset)?;
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount {
            asset: asset.label(),
        });
    }
    let memo = memo_attr(memo)?;
    let recipient_addr = deps.api.addr_validate(&recipient)?;
    if recipient_addr == env.contract.address {
        return Err(ContractError::InvalidRecipient {
            recipient,
            reason: "the treasury cannot pay itself".to_string(),
        });
    }

    let balance = asset.balance_of(deps.as_ref(), &env.contract.address)?;
    if amount > balance {
        return Err(ContractError::InsufficientBalance {
            asset: asset.label(),
            balance,
            requested: amount,
        });
    }

    let key = asset.key();
    let mut ledger = LEDGER.may_load(deps.storage, &key)?.unwrap_or_default();
    ledger.spent = ledger.spent.checked_add(amount)?;
    LEDGER.save(deps.storage, &key, &ledger)?;

    Ok(Response::new()
        .add_message(asset.payout(&recipient_addr, amount)?)
        .add_attribute("action", "spend")
        .add_attribute("asset", asset.label())
        .add_attribute("amount", amount)
        .add_attribute("recipient", recipient_addr)
        .add_attribute("memo", memo))
}
