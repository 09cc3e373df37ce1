//! `Liquidate`: anyone sells the collateral of an under-collateralized guarantee for FLX, held
//! for the claim holders; the caller earns a bounded fee.

use cosmwasm_std::{
    to_json_binary, Addr, Decimal, DepsMut, Env, MessageInfo, Response, SubMsg, Uint128, WasmMsg,
};
use poe_controllers::cw20::send_msg;
use poe_interface::amm::router::{Cw20HookMsg, ExecuteMsg as RouterExecuteMsg, SwapOperation};
use poe_math::guarantee::{below_maintenance, liquidation_fee, minimum_receive};

use crate::error::ContractError;
use crate::execute::{flx_asset, load_open, pay_msg, REPLY_LIQUIDATE};
use crate::msg::{AssetInfo, GuaranteeStatus};
use crate::state::{
    add_held, load_guarantee, sub_held, PendingLiquidation, CONFIG, GUARANTEES, PENDING_LIQUIDATION,
};
use crate::valuation::value_of;

/// Liquidates the open guarantee `guarantee_id` before its expiry while its collateral's TWAP
/// value is below `coverage × maintenance_ratio` (the guarantee's own ratio), while not paused: pays the caller
/// `floor(collateral × liquidation_fee_bps / 10,000)` of the collateral, and sells the rest
/// through the router (one hop, collateral → FLX, to this contract) with `minimum_receive` =
/// its TWAP value less `max_slippage_bps` and no other spread bound. The reply
/// ([`settle_liquidation`]) measures the FLX received. Refuses funds.
///
/// Attributes: `action=liquidate`, `guarantee_id`, `liquidator`, `value`, `required`,
/// `liquidation_fee`, `sold`, `minimum_receive`.
///
/// Errors: `Payment`, [`ContractError::Pause`], [`ContractError::GuaranteeNotFound`],
/// [`ContractError::GuaranteeNotOpen`], [`ContractError::NotLiquidatable`] (FLX collateral),
/// [`ContractError::GuaranteeExpired`] (at or after `expires_at`: the guarantee can only be
/// released), [`ContractError::TwapUnavailable`], [`ContractError::GuaranteeHealthy`]; the router's
/// (`minimum_receive` not met) abort the whole transaction.
pub fn liquidate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    guarantee_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    config.pause.ensure_not_paused(&env.block)?;
    let guarantee = load_open(deps.storage, guarantee_id)?;
    if guarantee.pair.is_none() {
        return Err(ContractError::NotLiquidatable {});
    }
    // the obligation ended at the expiry: what is left is the guarantor's, by `Release`
    if env.block.time >= guarantee.expires_at {
        return Err(ContractError::GuaranteeExpired {
            expires_at: guarantee.expires_at,
        });
    }
    let valuation = value_of(
        deps.as_ref(),
        &env,
        &config.flx_token,
        &guarantee.collateral_asset,
        guarantee.pair.as_ref(),
        config.twap_window_seconds,
        guarantee.collateral,
    )?;
    let required = guarantee.coverage.mul_ceil(guarantee.maintenance_ratio);
    if !below_maintenance(
        valuation.value,
        guarantee.coverage,
        guarantee.maintenance_ratio,
    ) {
        return Err(ContractError::GuaranteeHealthy {
            value: valuation.value,
            required,
        });
    }
    let fee = liquidation_fee(guarantee.collateral, config.liquidation_fee_bps);
    let sold = guarantee.collateral.checked_sub(fee)?;
    let minimum = minimum_receive(sold, valuation.price, config.max_slippage_bps)?;
    let flx = flx_asset(&config.flx_token);
    let flx_before = flx.query_balance(&deps.querier, &env.contract.address)?;
    PENDING_LIQUIDATION.save(
        deps.storage,
        &PendingLiquidation {
            guarantee_id,
            flx_before,
        },
    )?;
    let operations = vec![SwapOperation {
        offer_asset_info: guarantee.collateral_asset.clone(),
        ask_asset_info: flx,
    }];
    let sale = match &guarantee.collateral_asset {
        AssetInfo::Token { contract_addr } => send_msg(
            &Addr::unchecked(contract_addr),
            &config.router,
            sold,
            &Cw20HookMsg::ExecuteSwapOperations {
                operations,
                minimum_receive: Some(minimum),
                to: None,
                max_spread: Some(Decimal::one()),
                deadline: None,
            },
        )?,
        AssetInfo::NativeToken { denom } => WasmMsg::Execute {
            contract_addr: config.router.to_string(),
            msg: to_json_binary(&RouterExecuteMsg::ExecuteSwapOperations {
                operations,
                minimum_receive: Some(minimum),
                to: None,
                max_spread: Some(Decimal::one()),
                deadline: None,
            })?,
            funds: vec![cosmwasm_std::Coin::new(sold, denom)],
        }
        .into(),
    };
    Ok(Response::new()
        .add_messages(pay_msg(&guarantee.collateral_asset, fee, &info.sender)?)
        .add_submessage(SubMsg::reply_on_success(sale, REPLY_LIQUIDATE))
        .add_attribute("action", "liquidate")
        .add_attribute("guarantee_id", guarantee_id.to_string())
        .add_attribute("liquidator", info.sender)
        .add_attribute("value", valuation.value)
        .add_attribute("required", required)
        .add_attribute("liquidation_fee", fee)
        .add_attribute("sold", sold)
        .add_attribute("minimum_receive", minimum))
}

/// The reply of a liquidation's sale: the FLX received is this contract's FLX balance now
/// minus before; `min(received, coverage)` is set aside for the claims and the rest paid to
/// the guarantor. The guarantee becomes `liquidated`, its collateral leaves what is held and
/// the set-aside FLX joins it; it may be closed after the redemption period in force now.
///
/// Attributes: `action=settle_liquidation`, `guarantee_id`, `received`, `set_aside`,
/// `returned_flx`, `closable_at`.
///
/// Errors: `Std` (no pending liquidation, the balance query), `Overflow`.
pub fn settle_liquidation(deps: DepsMut, env: Env) -> Result<Response, ContractError> {
    let pending = PENDING_LIQUIDATION.load(deps.storage)?;
    PENDING_LIQUIDATION.remove(deps.storage);
    let mut config = CONFIG.load(deps.storage)?;
    let mut guarantee = load_guarantee(deps.storage, pending.guarantee_id)?;
    let flx = flx_asset(&config.flx_token);
    let received = flx
        .query_balance(&deps.querier, &env.contract.address)?
        .checked_sub(pending.flx_before)?;
    let set_aside = received.min(guarantee.coverage);
    let returned_flx = received.checked_sub(set_aside)?;
    let closable_at = env
        .block
        .time
        .plus_seconds(config.redemption_period_seconds);
    config.open_count = config.open_count.saturating_sub(1);
    CONFIG.save(deps.storage, &config)?;
    sub_held(
        deps.storage,
        &guarantee.collateral_asset,
        guarantee.collateral,
    )?;
    add_held(deps.storage, &flx, set_aside)?;
    guarantee.collateral = Uint128::zero();
    guarantee.set_aside_asset = Some(flx.clone());
    guarantee.set_aside = set_aside;
    guarantee.set_aside_remaining = set_aside;
    guarantee.claims_at_default = guarantee.claims_outstanding;
    guarantee.returned_flx = guarantee.returned_flx.checked_add(returned_flx)?;
    guarantee.status = GuaranteeStatus::Liquidated;
    guarantee.defaulted_at = Some(env.block.time);
    guarantee.closable_at = Some(closable_at);
    GUARANTEES.save(deps.storage, guarantee.id, &guarantee)?;
    Ok(Response::new()
        .add_messages(pay_msg(&flx, returned_flx, &guarantee.guarantor)?)
        .add_attribute("action", "settle_liquidation")
        .add_attribute("guarantee_id", guarantee.id.to_string())
        .add_attribute("received", received)
        .add_attribute("set_aside", set_aside)
        .add_attribute("returned_flx", returned_flx)
        .add_attribute("closable_at", closable_at.seconds().to_string()))
}
