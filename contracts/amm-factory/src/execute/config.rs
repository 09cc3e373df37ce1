//! `UpdateConfig` and the checks shared with instantiation.

use cosmwasm_std::{Decimal, DepsMut, MessageInfo, Response};
use poe_interface::amm::pair::{MAX_OBSERVATION_CAPACITY, MAX_OBSERVATION_INTERVAL_SECONDS};
use poe_math::amm::SwapFees;

use crate::error::ContractError;
use crate::state::{Config, CONFIG};

/// The fields of `UpdateConfig`; `None` keeps a value.
pub struct ConfigUpdate {
    /// New code id of `poe-amm-pair`.
    pub pair_code_id: Option<u64>,
    /// New code id of `poe-token` (LP tokens).
    pub token_code_id: Option<u64>,
    /// New owner and wasm admin of new pairs (unvalidated).
    pub pair_owner: Option<String>,
    /// New receiver of new pairs' protocol fee share (unvalidated).
    pub fee_address: Option<String>,
    /// New pairs' total swap fee, bps.
    pub total_fee_bps: Option<u16>,
    /// New pairs' protocol share of the swap fee.
    pub protocol_fee_share: Option<Decimal>,
    /// New pairs' number of TWAP observations.
    pub observation_capacity: Option<u32>,
    /// New pairs' least time between two observations, seconds.
    pub observation_interval_seconds: Option<u64>,
}

/// Checks a config as a whole: code ids positive, fees in range (`poe_math::amm::SwapFees`),
/// observation capacity 1..=`MAX_OBSERVATION_CAPACITY`, observation interval
/// 1..=`MAX_OBSERVATION_INTERVAL_SECONDS` (the pair's own bounds, so every pair the factory
/// creates instantiates).
///
/// Errors: [`ContractError::InvalidConfig`], `Math` (`FeeTooHigh`, `FractionAboveOne`).
pub fn validate(config: &Config) -> Result<(), ContractError> {
    if config.pair_code_id == 0 {
        return Err(ContractError::invalid("pair_code_id", "must be positive"));
    }
    if config.token_code_id == 0 {
        return Err(ContractError::invalid("token_code_id", "must be positive"));
    }
    SwapFees {
        total_fee_bps: config.total_fee_bps,
        protocol_fee_share: config.protocol_fee_share,
    }
    .validate()?;
    let capacity = config.observation_capacity;
    if capacity == 0 || capacity > MAX_OBSERVATION_CAPACITY {
        return Err(ContractError::invalid(
            "observation_capacity",
            format!("{capacity} is not in 1..={MAX_OBSERVATION_CAPACITY}"),
        ));
    }
    let interval = config.observation_interval_seconds;
    if interval == 0 || interval > MAX_OBSERVATION_INTERVAL_SECONDS {
        return Err(ContractError::invalid(
            "observation_interval_seconds",
            format!("{interval} is not in 1..={MAX_OBSERVATION_INTERVAL_SECONDS}"),
        ));
    }
    Ok(())
}

/// Owner only: changes the parameters of pairs created from now on (existing pairs are changed
/// by their own owner).
///
/// Attributes: `action=update_config` and every parameter after the update.
///
/// Errors: `Payment` (funds attached), `Ownership`, `Std` (invalid address), and those of
/// [`validate`].
pub fn update_config(
    deps: DepsMut,
    info: MessageInfo,
    update: ConfigUpdate,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut config = CONFIG.load(deps.storage)?;
    if let Some(id) = update.pair_code_id {
        config.pair_code_id = id;
    }
    if let Some(id) = update.token_code_id {
        config.token_code_id = id;
    }
    if let Some(owner) = update.pair_owner {
        config.pair_owner = deps.api.addr_validate(&owner)?;
    }
    if let Some(address) = update.fee_address {
        config.fee_address = Some(deps.api.addr_validate(&address)?);
    }
    if let Some(bps) = update.total_fee_bps {
        config.total_fee_bps = bps;
    }
    if let Some(share) = update.protocol_fee_share {
        config.protocol_fee_share = share;
    }
    if let Some(capacity) = update.observation_capacity {
        config.observation_capacity = capacity;
    }
    if let Some(interval) = update.observation_interval_seconds {
        config.observation_interval_seconds = interval;
    }
    validate(&config)?;
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "update_config")
        .add_attributes(config_attributes(&config)))
}

/// The parameters as attributes.
pub fn config_attributes(config: &Config) -> Vec<(&'static str, String)> {
    vec![
        ("pair_code_id", config.pair_code_id.to_string()),
        ("token_code_id", config.token_code_id.to_string()),
        ("pair_owner", config.pair_owner.to_string()),
        (
            "fee_address",
            config
                .fee_address
                .as_ref()
                .map(|a| a.to_string())
                .unwrap_or_else(|| "none".to_string()),
        ),
        ("total_fee_bps", config.total_fee_bps.to_string()),
        ("protocol_fee_share", config.protocol_fee_share.to_string()),
        (
            "observation_capacity",
            config.observation_capacity.to_string(),
        ),
        (
            "observation_interval_seconds",
            config.observation_interval_seconds.to_string(),
        ),
    ]
}
