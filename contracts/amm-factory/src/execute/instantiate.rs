//! Instantiation.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use cw2::set_contract_version;
use poe_interface::amm::factory::DEFAULT_PROTOCOL_FEE_SHARE;
use poe_interface::amm::pair::{
    DEFAULT_OBSERVATION_CAPACITY, DEFAULT_OBSERVATION_INTERVAL_SECONDS, DEFAULT_TOTAL_FEE_BPS,
};

use crate::error::ContractError;
use crate::execute::config::{config_attributes, validate};
use crate::msg::InstantiateMsg;
use crate::state::{Config, CONFIG};
use crate::{CONTRACT_NAME, CONTRACT_VERSION};

/// Stores the owner (default the sender) and the parameters of new pairs: `pair_owner` default
/// the owner, fee default 30 bps, protocol share default 20 %, observation capacity default 360,
/// observation interval default 300 s (the ring then covers 30 hours).
///
/// Attributes: `action=instantiate`, every parameter, the owner.
///
/// Errors: `Payment` (funds attached), `Std` (invalid address), `Math` (fees out of range),
/// [`ContractError::InvalidConfig`].
pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let owner = deps
        .api
        .addr_validate(&msg.owner.unwrap_or_else(|| info.sender.to_string()))?;
    let pair_owner = match msg.pair_owner {
        Some(a) => deps.api.addr_validate(&a)?,
        None => owner.clone(),
    };
    let config = Config {
        pair_code_id: msg.pair_code_id,
        token_code_id: msg.token_code_id,
        pair_owner,
        fee_address: msg
            .fee_address
            .map(|a| deps.api.addr_validate(&a))
            .transpose()?,
        total_fee_bps: msg.total_fee_bps.unwrap_or(DEFAULT_TOTAL_FEE_BPS),
        protocol_fee_share: msg.protocol_fee_share.unwrap_or(DEFAULT_PROTOCOL_FEE_SHARE),
        observation_capacity: msg
            .observation_capacity
            .unwrap_or(DEFAULT_OBSERVATION_CAPACITY),
        observation_interval_seconds: msg
            .observation_interval_seconds
            .unwrap_or(DEFAULT_OBSERVATION_INTERVAL_SECONDS),
        pair_count: 0,
    };
    validate(&config)?;
    set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    CONFIG.save(deps.storage, &config)?;
    let ownership = cw_ownable::initialize_owner(deps.storage, deps.api, Some(owner.as_str()))?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attributes(config_attributes(&config))
        .add_attributes(ownership.into_attributes()))
}
