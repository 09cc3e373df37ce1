//! `ReleaseCollateral`: the guarantor takes back collateral the coverage does not need.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};
use poe_math::guarantee::within_ltv;

use crate::error::ContractError;
use crate::execute::{load_open, pay_msg};
use crate::state::{sub_held, CONFIG, GUARANTEES};
use crate::valuation::value_of;

/// The guarantor of the open guarantee `guarantee_id` takes `amount` of its collateral back,
/// provided `coverage <= floor(TWAP value × max_ltv)` of what stays (the opening test, with the
/// guarantee's own `max_ltv`). Refuses funds.
///
/// Attributes: `action=release_collateral`, `guarantee_id`, `amount`, `collateral`, `value`.
///
/// Errors: `Payment`, [`ContractError::ZeroAmount`], [`ContractError::GuaranteeNotFound`],
/// [`ContractError::GuaranteeNotOpen`], [`ContractError::NotGuarantor`],
/// [`ContractError::InsufficientCollateral`], [`ContractError::TwapUnavailable`],
/// [`ContractError::CoverageAboveLtv`].
pub fn release_collateral(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    guarantee_id: u64,
    amount: Uint128,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount {
            what: "amount".to_string(),
        });
    }
    let mut guarantee = load_open(deps.storage, guarantee_id)?;
    if info.sender != guarantee.guarantor {
        return Err(ContractError::NotGuarantor {
            guarantor: guarantee.guarantor,
            sender: info.sender,
        });
    }
    let rest = guarantee.collateral.checked_sub(amount).map_err(|_| {
        ContractError::InsufficientCollateral {
            collateral: guarantee.collateral,
            requested: amount,
        }
    })?;
    let config = CONFIG.load(deps.storage)?;
    let valuation = value_of(
        deps.as_ref(),
        &env,
        &config.flx_token,
        &guarantee.collateral_asset,
        guarantee.pair.as_ref(),
        config.twap_window_seconds,
        rest,
    )?;
    if !within_ltv(valuation.value, guarantee.max_ltv, guarantee.coverage) {
        return Err(ContractError::CoverageAboveLtv {
            coverage: guarantee.coverage,
            max_coverage: valuation.value.mul_floor(guarantee.max_ltv),
            value: valuation.value,
        });
    }
    guarantee.collateral = rest;
    guarantee.returned = guarantee.returned.checked_add(amount)?;
    sub_held(deps.storage, &guarantee.collateral_asset, amount)?;
    GUARANTEES.save(deps.storage, guarantee_id, &guarantee)?;
    Ok(Response::new()
        .add_messages(pay_msg(
            &guarantee.collateral_asset,
            amount,
            &guarantee.guarantor,
        )?)
        .add_attribute("action", "release_collateral")
        .add_attribute("guarantee_id", guarantee_id.to_string())
        .add_attribute("amount", amount)
        .add_attribute("collateral", rest)
        .add_attribute("value", valuation.value))
}
