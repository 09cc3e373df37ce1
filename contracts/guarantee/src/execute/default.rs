//! `DeclareDefault`: the arbiter says the obligation was not met; the collateral that covers
//! the coverage is set aside for the claim holders and the rest goes back to the guarantor.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use poe_math::guarantee::set_aside_at_default;

use crate::error::ContractError;
use crate::execute::{load_open, pay_msg};
use crate::msg::GuaranteeStatus;
use crate::state::{sub_held, CONFIG, GUARANTEES};
use crate::valuation::value_of;

/// The arbiter of the open guarantee `guarantee_id`, before its expiry, declares a default.
/// The claims get `set_aside_at_default(collateral, coverage, price)` of the collateral
/// (`ceil(coverage / price)` at the TWAP now, at most all of it; all of it when the pair cannot
/// answer the window: the claim holders are the party protected); the rest is paid to the
/// guarantor now. The claims redeem from then on; the guarantee may be closed after the
/// redemption period in force now. Refuses funds.
///
/// Attributes: `action=declare_default`, `guarantee_id`, `set_aside`, `returned`, `price` (or
/// `none`), `closable_at`.
///
/// Errors: `Payment`, [`ContractError::GuaranteeNotFound`], [`ContractError::GuaranteeNotOpen`],
/// [`ContractError::NotArbiter`], [`ContractError::GuaranteeExpired`], `Overflow`.
pub fn declare_default(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    guarantee_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut guarantee = load_open(deps.storage, guarantee_id)?;
    if info.sender != guarantee.arbiter {
        return Err(ContractError::NotArbiter {
            arbiter: guarantee.arbiter,
            sender: info.sender,
        });
    }
    if env.block.time >= guarantee.expires_at {
        return Err(ContractError::GuaranteeExpired {
            expires_at: guarantee.expires_at,
        });
    }
    let mut config = CONFIG.load(deps.storage)?;
    let price = value_of(
        deps.as_ref(),
        &env,
        &config.flx_token,
        &guarantee.collateral_asset,
        guarantee.pair.as_ref(),
        config.twap_window_seconds,
        guarantee.collateral,
    )
    .ok()
    .map(|v| v.price);
    let set_aside = set_aside_at_default(guarantee.collateral, guarantee.coverage, price);
    let returned = guarantee.collateral.checked_sub(set_aside)?;
    let closable_at = env
        .block
        .time
        .plus_seconds(config.redemption_period_seconds);
    config.open_count = config.open_count.saturating_sub(1);
    CONFIG.save(deps.storage, &config)?;
    sub_held(deps.storage, &guarantee.collateral_asset, returned)?;
    guarantee.set_aside_asset = Some(guarantee.collateral_asset.clone());
    guarantee.set_aside = set_aside;
    guarantee.set_aside_remaining = set_aside;
    guarantee.claims_at_default = guarantee.claims_outstanding;
    guarantee.collateral = cosmwasm_std::Uint128::zero();
    guarantee.returned = guarantee.returned.checked_add(returned)?;
    guarantee.status = GuaranteeStatus::Defaulted;
    guarantee.defaulted_at = Some(env.block.time);
    guarantee.closable_at = Some(closable_at);
    GUARANTEES.save(deps.storage, guarantee_id, &guarantee)?;
    Ok(Response::new()
        .add_messages(pay_msg(
            &guarantee.collateral_asset,
            returned,
            &guarantee.guarantor,
        )?)
        .add_attribute("action", "declare_default")
        .add_attribute("guarantee_id", guarantee_id.to_string())
        .add_attribute("set_aside", set_aside)
        .add_attribute("returned", returned)
        .add_attribute(
            "price",
            price.map_or_else(|| "none".to_string(), |p| p.to_string()),
        )
        .add_attribute("closable_at", closable_at.seconds().to_string()))
}
