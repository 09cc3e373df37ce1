//! `UpdateConfig`: the owner changes the bounds and the router.

use cosmwasm_std::{DepsMut, MessageInfo, Response};

use crate::error::ContractError;
use crate::execute::instantiate::check_config;
use crate::state::CONFIG;

/// The bounds an `UpdateConfig` may change (`None` keeps a value).
#[derive(Debug, Clone, Default)]
pub struct ConfigUpdate {
    /// TWAP window, seconds.
    pub twap_window_seconds: Option<u64>,
    /// Redemption period, seconds.
    pub redemption_period_seconds: Option<u64>,
    /// Liquidation fee, bps.
    pub liquidation_fee_bps: Option<u16>,
    /// Liquidation slippage bound, bps.
    pub max_slippage_bps: Option<u16>,
    /// Longest life of new guarantees, seconds.
    pub max_duration_seconds: Option<u64>,
    /// The router.
    pub router: Option<String>,
}

/// Owner: applies `update`, checking every bound as instantiation does. Refuses funds.
///
/// Attributes: `action=update_config`.
///
/// Errors: `Payment`, `Ownership`, `Std` (invalid router address),
/// [`ContractError::InvalidBound`].
pub fn update_config(
    deps: DepsMut,
    info: MessageInfo,
    update: ConfigUpdate,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut config = CONFIG.load(deps.storage)?;
    if let Some(v) = update.twap_window_seconds {
        config.twap_window_seconds = v;
    }
    if let Some(v) = update.redemption_period_seconds {
        config.redemption_period_seconds = v;
    }
    if let Some(v) = update.liquidation_fee_bps {
        config.liquidation_fee_bps = v;
    }
    if let Some(v) = update.max_slippage_bps {
        config.max_slippage_bps = v;
    }
    if let Some(v) = update.max_duration_seconds {
        config.max_duration_seconds = v;
    }
    if let Some(router) = update.router {
        config.router = deps.api.addr_validate(&router)?;
    }
    check_config(&config)?;
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new().add_attribute("action", "update_config"))
}
