//! `Redeem`: after a default or liquidation, a claim holder burns claims for their share of
//! what was set aside.

use cosmwasm_std::{Addr, DepsMut, Env, Response, Uint128};
use poe_controllers::cw20::burn_msg;
use poe_interface::token::BurnReason;
use poe_math::guarantee::redemption;

use crate::error::ContractError;
use crate::execute::pay_msg;
use crate::msg::GuaranteeStatus;
use crate::state::{load_guarantee, sub_held, CONFIG, GUARANTEES};

/// Burns the `amount` claims received from `holder` (the caller checked they are the claim
/// token of `guarantee_id`) and pays `holder` `floor(set_aside_remaining × amount /
/// claims_outstanding)` of the set-aside asset (all that remains for the last claims), while the
/// guarantee is defaulted or liquidated and not closed.
///
/// Attributes: `action=redeem`, `guarantee_id`, `holder`, `amount`, `paid`, `asset`.
///
/// Errors: [`ContractError::ZeroAmount`], [`ContractError::GuaranteeNotFound`],
/// [`ContractError::NotRedeemable`], `Math`, `Overflow`.
pub fn redeem(
    deps: DepsMut,
    _env: Env,
    holder: Addr,
    amount: Uint128,
    guarantee_id: u64,
) -> Result<Response, ContractError> {
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount {
            what: "amount".to_string(),
        });
    }
    let mut guarantee = load_guarantee(deps.storage, guarantee_id)?;
    let asset = match (&guarantee.status, &guarantee.set_aside_asset) {
        (GuaranteeStatus::Defaulted | GuaranteeStatus::Liquidated, Some(asset)) => asset.clone(),
        _ => {
            return Err(ContractError::NotRedeemable {
                guarantee_id,
                status: guarantee.status,
            })
        }
    };
    let paid = redemption(
        guarantee.set_aside_remaining,
        guarantee.claims_outstanding,
        amount,
    )?;
    guarantee.set_aside_remaining = guarantee.set_aside_remaining.checked_sub(paid)?;
    guarantee.claims_outstanding = guarantee.claims_outstanding.checked_sub(amount)?;
    let mut config = CONFIG.load(deps.storage)?;
    config.claims_outstanding = config.claims_outstanding.checked_sub(amount)?;
    CONFIG.save(deps.storage, &config)?;
    sub_held(deps.storage, &asset, paid)?;
    GUARANTEES.save(deps.storage, guarantee_id, &guarantee)?;
    Ok(Response::new()
        .add_message(burn_msg(
            &guarantee.claim_token,
            amount,
            BurnReason::Redemption,
        )?)
        .add_messages(pay_msg(&asset, paid, &holder)?)
        .add_attribute("action", "redeem")
        .add_attribute("guarantee_id", guarantee_id.to_string())
        .add_attribute("holder", holder)
        .add_attribute("amount", amount)
        .add_attribute("paid", paid)
        .add_attribute("asset", asset.to_string()))
}
