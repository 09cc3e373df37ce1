//! `UpdateCollateral`: the owner lists, re-prices or delists a collateral asset.

use cosmwasm_std::{Decimal, DepsMut, MessageInfo, Response};
use poe_interface::amm::pair::QueryMsg as PairQueryMsg;
use poe_interface::amm::PairInfo;

use crate::error::ContractError;
use crate::execute::flx_asset;
use crate::msg::{AssetInfo, CollateralParams, MAX_COLLATERALS};
use crate::state::{asset_key, Collateral, COLLATERALS, CONFIG};

/// Owner: lists `asset` with `params` (or replaces its parameters; guarantees already open keep
/// theirs), or delists it with `None`. Rules: `0 < max_ltv <= 1`; `maintenance_ratio >= 1`;
/// for any asset but FLX, `max_ltv × maintenance_ratio < 1` (so a guarantee is never
/// liquidatable the moment it opens) and a `pair` that trades the asset against FLX (asked of
/// the pair itself); FLX has no pair (valued 1:1). Refuses funds.
///
/// Attributes: `action=update_collateral`, `asset`, `max_ltv`, `maintenance_ratio`, `pair` (or
/// `action=remove_collateral`, `asset`).
///
/// Errors: `Payment`, `Ownership`, `Std` (an invalid address or denom, a pair that does not
/// answer), [`ContractError::InvalidCollateralParams`], [`ContractError::PairMismatch`],
/// [`ContractError::TooManyCollaterals`], [`ContractError::CollateralNotListed`] (delisting an
/// asset not listed).
pub fn update_collateral(
    deps: DepsMut,
    info: MessageInfo,
    asset: AssetInfo,
    params: Option<CollateralParams>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let asset = asset.check(deps.api)?;
    let key = asset_key(&asset);
    let mut config = CONFIG.load(deps.storage)?;
    let listed = COLLATERALS.has(deps.storage, &key);
    let Some(params) = params else {
        if !listed {
            return Err(ContractError::CollateralNotListed { asset });
        }
        COLLATERALS.remove(deps.storage, &key);
        config.collateral_count = config.collateral_count.saturating_sub(1);
        CONFIG.save(deps.storage, &config)?;
        return Ok(Response::new()
            .add_attribute("action", "remove_collateral")
            .add_attribute("asset", asset.to_string()));
    };
    let invalid = |reason: &str| ContractError::InvalidCollateralParams {
        asset: asset.clone(),
        reason: reason.to_string(),
    };
    if params.max_ltv.is_zero() || params.max_ltv > Decimal::one() {
        return Err(invalid("max_ltv must be above 0 and at most 1"));
    }
    if params.maintenance_ratio < Decimal::one() {
        return Err(invalid("maintenance_ratio must be at least 1"));
    }
    let is_flx = asset == flx_asset(&config.flx_token);
    let pair = match (is_flx, params.pair) {
        (true, None) => None,
        (true, Some(_)) => return Err(invalid("FLX is valued 1:1 and takes no pair")),
        (false, None) => return Err(invalid("a pair of the asset and FLX is required")),
        (false, Some(pair)) => {
            if params.max_ltv.checked_mul(params.maintenance_ratio)? >= Decimal::one() {
                return Err(invalid(
                    "max_ltv x maintenance_ratio must be below 1 (else a new guarantee is liquidatable)",
                ));
            }
            let pair = deps.api.addr_validate(&pair)?;
            let described: PairInfo = deps
                .querier
                .query_wasm_smart(&pair, &PairQueryMsg::Pair {})?;
            let flx = flx_asset(&config.flx_token);
            if !(described.asset_infos.contains(&asset) && described.asset_infos.contains(&flx)) {
                return Err(ContractError::PairMismatch { pair, asset });
            }
            Some(pair)
        }
    };
    if !listed {
        if config.collateral_count >= MAX_COLLATERALS {
            return Err(ContractError::TooManyCollaterals {
                max: MAX_COLLATERALS,
            });
        }
        config.collateral_count += 1;
        CONFIG.save(deps.storage, &config)?;
    }
    let collateral = Collateral {
        asset: asset.clone(),
        max_ltv: params.max_ltv,
        maintenance_ratio: params.maintenance_ratio,
        pair: pair.clone(),
    };
    COLLATERALS.save(deps.storage, &key, &collateral)?;
    Ok(Response::new()
        .add_attribute("action", "update_collateral")
        .add_attribute("asset", asset.to_string())
        .add_attribute("max_ltv", params.max_ltv.to_string())
        .add_attribute("maintenance_ratio", params.maintenance_ratio.to_string())
        .add_attribute(
            "pair",
            pair.map_or_else(|| "none".to_string(), |p| p.to_string()),
        ))
}
