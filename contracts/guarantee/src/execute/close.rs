//! `Close`: after the redemption period, what no claim took goes back to the guarantor.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};

use crate::error::ContractError;
use crate::execute::{flx_asset, pay_msg, retire_msg};
use crate::msg::GuaranteeStatus;
use crate::state::{load_guarantee, sub_held, CONFIG, GUARANTEES};

/// Anyone, at or after `closable_at` of a defaulted or liquidated guarantee: retires the claim
/// token (the claims not redeemed are burned at once) and pays the guarantor what remains set
/// aside. Refuses funds.
///
/// Attributes: `action=close`, `guarantee_id`, `returned`, `claims_burned`.
///
/// Errors: `Payment`, [`ContractError::GuaranteeNotFound`], [`ContractError::NotRedeemable`],
/// [`ContractError::RedemptionPeriodRunning`], `Overflow`.
pub fn close(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    guarantee_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut guarantee = load_guarantee(deps.storage, guarantee_id)?;
    let (asset, closable_at) = match (
        &guarantee.status,
        &guarantee.set_aside_asset,
        guarantee.closable_at,
    ) {
        (
            GuaranteeStatus::Defaulted | GuaranteeStatus::Liquidated,
            Some(asset),
            Some(closable_at),
        ) => (asset.clone(), closable_at),
        _ => {
            return Err(ContractError::NotRedeemable {
                guarantee_id,
                status: guarantee.status,
            })
        }
    };
    if env.block.time < closable_at {
        return Err(ContractError::RedemptionPeriodRunning { closable_at });
    }
    let returned = guarantee.set_aside_remaining;
    let claims_burned = guarantee.claims_outstanding;
    let mut config = CONFIG.load(deps.storage)?;
    config.claims_outstanding = config.claims_outstanding.checked_sub(claims_burned)?;
    CONFIG.save(deps.storage, &config)?;
    sub_held(deps.storage, &asset, returned)?;
    if asset == flx_asset(&config.flx_token) && guarantee.status == GuaranteeStatus::Liquidated {
        guarantee.returned_flx = guarantee.returned_flx.checked_add(returned)?;
    } else {
        guarantee.returned = guarantee.returned.checked_add(returned)?;
    }
    guarantee.set_aside_remaining = Uint128::zero();
    guarantee.claims_outstanding = Uint128::zero();
    guarantee.status = GuaranteeStatus::Closed;
    guarantee.closed_at = Some(env.block.time);
    GUARANTEES.save(deps.storage, guarantee_id, &guarantee)?;
    Ok(Response::new()
        .add_message(retire_msg(&guarantee.claim_token)?)
        .add_messages(pay_msg(&asset, returned, &guarantee.guarantor)?)
        .add_attribute("action", "close")
        .add_attribute("guarantee_id", guarantee_id.to_string())
        .add_attribute("returned", returned)
        .add_attribute("claims_burned", claims_burned))
}
