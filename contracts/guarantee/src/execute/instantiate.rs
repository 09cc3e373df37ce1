//! Instantiation.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};
use cw2::set_contract_version;
use poe_controllers::PauseState;

use crate::error::ContractError;
use crate::execute::check_bound;
use crate::msg::{
    InstantiateMsg, DEFAULT_LIQUIDATION_FEE_BPS, DEFAULT_MAX_DURATION_SECONDS,
    DEFAULT_MAX_SLIPPAGE_BPS, DEFAULT_REDEMPTION_PERIOD_SECONDS, DEFAULT_TWAP_WINDOW_SECONDS,
    MAX_DURATION_SECONDS_LIMIT, MAX_LIQUIDATION_FEE_BPS, MAX_SLIPPAGE_BPS_LIMIT,
    MAX_TWAP_WINDOW_SECONDS, MIN_TWAP_WINDOW_SECONDS, REDEMPTION_PERIOD_BOUNDS,
};
use crate::state::{Config, CONFIG};
use crate::{CONTRACT_NAME, CONTRACT_VERSION};

/// Checks every bound of a configuration.
///
/// Errors: [`ContractError::InvalidBound`].
pub fn check_config(config: &Config) -> Result<(), ContractError> {
    check_bound(
        "twap_window_seconds",
        config.twap_window_seconds,
        MIN_TWAP_WINDOW_SECONDS,
        MAX_TWAP_WINDOW_SECONDS,
    )?;
    check_bound(
        "redemption_period_seconds",
        config.redemption_period_seconds,
        REDEMPTION_PERIOD_BOUNDS.0,
        REDEMPTION_PERIOD_BOUNDS.1,
    )?;
    check_bound(
        "liquidation_fee_bps",
        config.liquidation_fee_bps.into(),
        0,
        MAX_LIQUIDATION_FEE_BPS.into(),
    )?;
    check_bound(
        "max_slippage_bps",
        config.max_slippage_bps.into(),
        0,
        MAX_SLIPPAGE_BPS_LIMIT.into(),
    )?;
    check_bound(
        "max_duration_seconds",
        config.max_duration_seconds,
        1,
        MAX_DURATION_SECONDS_LIMIT,
    )?;
    if config.claim_token_code_id == 0 {
        return Err(ContractError::InvalidBound {
            field: "claim_token_code_id".to_string(),
            value: 0,
            min: 1,
            max: u64::MAX,
        });
    }
    Ok(())
}

/// Stores the cw2 version, the owner (default the sender) and the configuration; no collateral
/// is listed yet.
///
/// Errors: `Payment` (funds attached), `Std` (invalid address), [`ContractError::InvalidBound`].
pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = Config {
        flx_token: deps.api.addr_validate(&msg.flx_token)?,
        router: deps.api.addr_validate(&msg.router)?,
        claim_token_code_id: msg.claim_token_code_id,
        twap_window_seconds: msg
            .twap_window_seconds
            .unwrap_or(DEFAULT_TWAP_WINDOW_SECONDS),
        redemption_period_seconds: msg
            .redemption_period_seconds
            .unwrap_or(DEFAULT_REDEMPTION_PERIOD_SECONDS),
        liquidation_fee_bps: msg
            .liquidation_fee_bps
            .unwrap_or(DEFAULT_LIQUIDATION_FEE_BPS),
        max_slippage_bps: msg.max_slippage_bps.unwrap_or(DEFAULT_MAX_SLIPPAGE_BPS),
        max_duration_seconds: msg
            .max_duration_seconds
            .unwrap_or(DEFAULT_MAX_DURATION_SECONDS),
        guarantee_count: 0,
        open_count: 0,
        claims_outstanding: Uint128::zero(),
        collateral_count: 0,
        pause: PauseState::none(),
    };
    check_config(&config)?;
    set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    let owner = msg.owner.unwrap_or_else(|| info.sender.to_string());
    let ownership = cw_ownable::initialize_owner(deps.storage, deps.api, Some(&owner))?;
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("flx_token", config.flx_token)
        .add_attribute("router", config.router)
        .add_attribute(
            "claim_token_code_id",
            config.claim_token_code_id.to_string(),
        )
        .add_attributes(ownership.into_attributes()))
}
