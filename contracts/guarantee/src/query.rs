//! Queries.

use cosmwasm_std::{to_json_binary, Addr, Binary, Deps, Env, Order, StdResult, Uint128};
use cw_storage_plus::{Bound, Map};
use poe_controllers::page::page_limit;
use poe_math::guarantee::{below_maintenance, health_ratio};

use crate::contract::pause_of;
use crate::error::ContractError;
use crate::execute::load_open;
use crate::msg::{
    AssetInfo, AssetTotal, ClaimsResponse, CollateralResponse, CollateralValueResponse,
    CollateralsResponse, ConfigResponse, GuaranteeStatus, GuaranteesResponse, HealthResponse,
    QueryMsg, TotalsResponse,
};
use crate::state::{
    asset_key, load_guarantee, Guarantee, BY_BENEFICIARY, BY_GUARANTOR, CLAIM_TOKENS, COLLATERALS,
    CONFIG, GUARANTEES, HELD,
};
use crate::valuation::value_of;

/// Dispatches a query.
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    Ok(match msg {
        QueryMsg::Config {} => to_json_binary(&query_config(deps, &env)?)?,
        QueryMsg::Collateral { asset } => to_json_binary(&query_collateral(deps, asset)?)?,
        QueryMsg::Collaterals {} => to_json_binary(&CollateralsResponse {
            collaterals: COLLATERALS
                .range(deps.storage, None, None, Order::Ascending)
                .map(|r| r.map(|(_, c)| c))
                .collect::<StdResult<_>>()?,
        })?,
        QueryMsg::Guarantee { guarantee_id } => {
            to_json_binary(&load_guarantee(deps.storage, guarantee_id)?)?
        }
        QueryMsg::GuaranteeByClaimToken { claim_token } => {
            let claim_token = deps.api.addr_validate(&claim_token)?;
            let id = CLAIM_TOKENS
                .may_load(deps.storage, &claim_token)?
                .ok_or(ContractError::NotClaimToken { token: claim_token })?;
            to_json_binary(&load_guarantee(deps.storage, id)?)?
        }
        QueryMsg::Guarantees { start_after, limit } => {
            let guarantees = GUARANTEES
                .range(
                    deps.storage,
                    start_after.map(Bound::exclusive),
                    None,
                    Order::Ascending,
                )
                .take(page_limit(limit))
                .map(|r| r.map(|(_, g)| g))
                .collect::<StdResult<_>>()?;
            to_json_binary(&GuaranteesResponse { guarantees })?
        }
        QueryMsg::GuaranteesByGuarantor {
            guarantor,
            start_after,
            limit,
        } => to_json_binary(&by_party(
            deps,
            &BY_GUARANTOR,
            &deps.api.addr_validate(&guarantor)?,
            start_after,
            limit,
        )?)?,
        QueryMsg::GuaranteesByBeneficiary {
            beneficiary,
            start_after,
            limit,
        } => to_json_binary(&by_party(
            deps,
            &BY_BENEFICIARY,
            &deps.api.addr_validate(&beneficiary)?,
            start_after,
            limit,
        )?)?,
        QueryMsg::CollateralValue { guarantee_id } => {
            to_json_binary(&query_collateral_value(deps, &env, guarantee_id)?)?
        }
        QueryMsg::Health { guarantee_id } => {
            to_json_binary(&query_health(deps, &env, guarantee_id)?)?
        }
        QueryMsg::Claims { guarantee_id } => to_json_binary(&query_claims(deps, guarantee_id)?)?,
        QueryMsg::Totals {} => to_json_binary(&query_totals(deps)?)?,
        QueryMsg::PauseStatus {} => to_json_binary(&poe_controllers::pause::query_pause_status(
            deps.storage,
            &env,
            &CONFIG,
            pause_of,
        )?)?,
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?)?,
    })
}

/// The configuration and the running pause.
pub fn query_config(deps: Deps, env: &Env) -> StdResult<ConfigResponse> {
    let config = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        paused_until: config.pause.active(&env.block),
        flx_token: config.flx_token,
        router: config.router,
        claim_token_code_id: config.claim_token_code_id,
        twap_window_seconds: config.twap_window_seconds,
        redemption_period_seconds: config.redemption_period_seconds,
        liquidation_fee_bps: config.liquidation_fee_bps,
        max_slippage_bps: config.max_slippage_bps,
        max_duration_seconds: config.max_duration_seconds,
        guarantee_count: config.guarantee_count,
    })
}

/// One listed collateral.
///
/// Errors: `Std` (invalid asset), [`ContractError::CollateralNotListed`].
pub fn query_collateral(deps: Deps, asset: AssetInfo) -> Result<CollateralResponse, ContractError> {
    let asset = asset.check(deps.api)?;
    COLLATERALS
        .may_load(deps.storage, &asset_key(&asset))?
        .ok_or(ContractError::CollateralNotListed { asset })
}

/// A party's guarantees (an index keyed by (party, id)) after `start_after`.
fn by_party(
    deps: Deps,
    index: &Map<(&Addr, u64), cosmwasm_std::Empty>,
    party: &Addr,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> Result<GuaranteesResponse, ContractError> {
    let guarantees = index
        .prefix(party)
        .keys(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(page_limit(limit))
        .map(|id| load_guarantee(deps.storage, id?))
        .collect::<Result<Vec<Guarantee>, ContractError>>()?;
    Ok(GuaranteesResponse { guarantees })
}

/// An open guarantee's collateral at the TWAP now.
///
/// Errors: [`ContractError::GuaranteeNotFound`], [`ContractError::GuaranteeNotOpen`],
/// [`ContractError::TwapUnavailable`], [`ContractError::PairMismatch`].
pub fn query_collateral_value(
    deps: Deps,
    env: &Env,
    guarantee_id: u64,
) -> Result<CollateralValueResponse, ContractError> {
    let guarantee = load_open(deps.storage, guarantee_id)?;
    let config = CONFIG.load(deps.storage)?;
    let valuation = value_of(
        deps,
        env,
        &config.flx_token,
        &guarantee.collateral_asset,
        guarantee.pair.as_ref(),
        config.twap_window_seconds,
        guarantee.collateral,
    )?;
    Ok(CollateralValueResponse {
        guarantee_id,
        collateral: guarantee.collateral,
        price: valuation.price,
        value: valuation.value,
        window_seconds: valuation.window_seconds,
        start: valuation.start,
        end: valuation.end,
    })
}

/// An open guarantee's health now; FLX collateral is never liquidatable.
///
/// Errors: as [`query_collateral_value`], `Math`.
pub fn query_health(
    deps: Deps,
    env: &Env,
    guarantee_id: u64,
) -> Result<HealthResponse, ContractError> {
    let guarantee = load_open(deps.storage, guarantee_id)?;
    let value = query_collateral_value(deps, env, guarantee_id)?.value;
    Ok(HealthResponse {
        guarantee_id,
        value,
        coverage: guarantee.coverage,
        health_ratio: health_ratio(value, guarantee.coverage)?,
        maintenance_ratio: guarantee.maintenance_ratio,
        liquidatable: guarantee.pair.is_some()
            && below_maintenance(value, guarantee.coverage, guarantee.maintenance_ratio),
    })
}

/// A guarantee's claims and what they redeem.
///
/// Errors: [`ContractError::GuaranteeNotFound`].
pub fn query_claims(deps: Deps, guarantee_id: u64) -> Result<ClaimsResponse, ContractError> {
    let guarantee = load_guarantee(deps.storage, guarantee_id)?;
    let redeemable = matches!(
        guarantee.status,
        GuaranteeStatus::Defaulted | GuaranteeStatus::Liquidated
    );
    Ok(ClaimsResponse {
        guarantee_id,
        claim_token: guarantee.claim_token,
        outstanding: guarantee.claims_outstanding,
        redeemable,
        asset: guarantee.set_aside_asset,
        redeemable_amount: if redeemable {
            guarantee.set_aside_remaining
        } else {
            Uint128::zero()
        },
        redeemable_until: guarantee.closable_at.filter(|_| redeemable),
    })
}

/// Per asset what is held, the claims outstanding and the open guarantees.
pub fn query_totals(deps: Deps) -> StdResult<TotalsResponse> {
    let config = CONFIG.load(deps.storage)?;
    let held = HELD
        .range(deps.storage, None, None, Order::Ascending)
        .map(|r| r.map(|(_, (asset, amount))| AssetTotal { asset, amount }))
        .collect::<StdResult<_>>()?;
    Ok(TotalsResponse {
        held,
        claims_outstanding: config.claims_outstanding,
        open_guarantees: config.open_count,
    })
}
