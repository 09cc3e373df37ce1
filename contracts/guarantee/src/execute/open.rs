//! `Open`: a guarantor locks collateral for a beneficiary; the claim token is instantiated and
//! the coverage minted to the beneficiary in the reply (`crate::reply`).

use cosmwasm_std::{
    to_json_binary, Addr, DepsMut, Env, MessageInfo, Response, SubMsg, Timestamp, Uint128, WasmMsg,
};
use cw20::MinterResponse;
use poe_interface::token::{InstantiateMarketingInfo, InstantiateMsg as TokenInstantiateMsg};
use poe_math::guarantee::within_ltv;

use crate::error::ContractError;
use crate::execute::REPLY_OPEN;
use crate::msg::{AssetInfo, GuaranteeStatus, OpenMsg, CLAIM_DECIMALS, CLAIM_SYMBOL};
use crate::state::{asset_key, Config, Guarantee, COLLATERALS, CONFIG, PENDING_OPEN};
use crate::valuation::value_of;

/// `ExecuteMsg::Open`: the attached coin (exactly one) is the collateral, the sender the
/// guarantor. See [`open`].
///
/// Errors: `Payment` (no coin, several coins), then [`open`]'s.
pub fn open_native(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: OpenMsg,
) -> Result<Response, ContractError> {
    let coin = cw_utils::one_coin(&info)?;
    let config = CONFIG.load(deps.storage)?;
    config.pause.ensure_not_paused(&env.block)?;
    let asset = AssetInfo::NativeToken { denom: coin.denom };
    open(deps, env, config, info.sender, asset, coin.amount, msg)
}

/// Opens guarantee `guarantee_count + 1` of `collateral` of `asset` (already received) for
/// `msg.beneficiary`: checks the asset is listed, the coverage and expiry, and that
/// `coverage <= floor(TWAP value × max_ltv)`; then instantiates the claim token (poe-token,
/// `GUAR`, `GUAR claim #<id>`, minter and owner this contract, retirable, cap = coverage) with a
/// `reply_on_success` that registers it and mints `coverage` to the beneficiary. The guarantee
/// snapshots the collateral's `max_ltv`, `maintenance_ratio` and pair.
///
/// Attributes: `action=open`, `guarantee_id`, `guarantor`, `beneficiary`, `arbiter`,
/// `collateral_asset`, `collateral`, `coverage`, `value`, `price`, `expires_at`.
///
/// Errors: [`ContractError::ZeroAmount`], [`ContractError::CollateralNotListed`],
/// [`ContractError::InvalidExpiry`], `Std` (invalid address), [`ContractError::TwapUnavailable`],
/// [`ContractError::PairMismatch`], [`ContractError::CoverageAboveLtv`].
pub fn open(
    deps: DepsMut,
    env: Env,
    config: Config,
    guarantor: Addr,
    asset: AssetInfo,
    collateral: Uint128,
    msg: OpenMsg,
) -> Result<Response, ContractError> {
    if collateral.is_zero() {
        return Err(ContractError::ZeroAmount {
            what: "collateral".to_string(),
        });
    }
    if msg.coverage.is_zero() {
        return Err(ContractError::ZeroAmount {
            what: "coverage".to_string(),
        });
    }
    let params = COLLATERALS
        .may_load(deps.storage, &asset_key(&asset))?
        .ok_or_else(|| ContractError::CollateralNotListed {
            asset: asset.clone(),
        })?;
    check_expiry(&env, &config, msg.expires_at)?;
    let beneficiary = deps.api.addr_validate(&msg.beneficiary)?;
    let arbiter = deps.api.addr_validate(&msg.arbiter)?;
    let valuation = value_of(
        deps.as_ref(),
        &env,
        &config.flx_token,
        &asset,
        params.pair.as_ref(),
        config.twap_window_seconds,
        collateral,
    )?;
    if !within_ltv(valuation.value, params.max_ltv, msg.coverage) {
        return Err(ContractError::CoverageAboveLtv {
            coverage: msg.coverage,
            max_coverage: valuation.value.mul_floor(params.max_ltv),
            value: valuation.value,
        });
    }

    // the counter is written once, by the reply, with the other totals of the open
    let id = config.guarantee_count + 1;
    let guarantee = Guarantee {
        id,
        guarantor: guarantor.clone(),
        beneficiary: beneficiary.clone(),
        arbiter: arbiter.clone(),
        // set by the reply, once the claim token exists
        claim_token: Addr::unchecked(""),
        collateral_asset: asset.clone(),
        collateral,
        coverage: msg.coverage,
        claims_outstanding: Uint128::zero(),
        max_ltv: params.max_ltv,
        maintenance_ratio: params.maintenance_ratio,
        pair: params.pair,
        opened_at: env.block.time,
        expires_at: msg.expires_at,
        status: GuaranteeStatus::Open,
        set_aside_asset: None,
        set_aside: Uint128::zero(),
        set_aside_remaining: Uint128::zero(),
        claims_at_default: Uint128::zero(),
        returned: Uint128::zero(),
        returned_flx: Uint128::zero(),
        defaulted_at: None,
        closable_at: None,
        closed_at: None,
    };
    PENDING_OPEN.save(deps.storage, &guarantee)?;

    let name = format!("GUAR claim #{id}");
    let claim_token = WasmMsg::Instantiate {
        admin: None,
        code_id: config.claim_token_code_id,
        msg: to_json_binary(&TokenInstantiateMsg {
            name: name.clone(),
            symbol: CLAIM_SYMBOL.to_string(),
            decimals: CLAIM_DECIMALS,
            initial_balances: vec![],
            mint: Some(MinterResponse {
                minter: env.contract.address.to_string(),
                cap: Some(msg.coverage),
            }),
            marketing: Some(InstantiateMarketingInfo {
                project: Some(format!("guarantee {id} of {}", env.contract.address)),
                description: None,
                marketing: None,
                logo: None,
            }),
            transfer_burn_bps: None,
            owner: Some(env.contract.address.to_string()),
            retirable: Some(true),
        })?,
        funds: vec![],
        label: name,
    };
    Ok(Response::new()
        .add_submessage(SubMsg::reply_on_success(claim_token, REPLY_OPEN))
        .add_attribute("action", "open")
        .add_attribute("guarantee_id", id.to_string())
        .add_attribute("guarantor", guarantor)
        .add_attribute("beneficiary", beneficiary)
        .add_attribute("arbiter", arbiter)
        .add_attribute("collateral_asset", asset.to_string())
        .add_attribute("collateral", collateral)
        .add_attribute("coverage", msg.coverage)
        .add_attribute("value", valuation.value)
        .add_attribute("price", valuation.price.to_string())
        .add_attribute("expires_at", msg.expires_at.seconds().to_string()))
}

/// `expires_at` after now and at most `max_duration_seconds` from now.
///
/// Errors: [`ContractError::InvalidExpiry`].
fn check_expiry(env: &Env, config: &Config, expires_at: Timestamp) -> Result<(), ContractError> {
    let now = env.block.time;
    let latest = now.plus_seconds(config.max_duration_seconds);
    if expires_at <= now || expires_at > latest {
        return Err(ContractError::InvalidExpiry {
            expires_at,
            now,
            latest,
        });
    }
    Ok(())
}
