//! Instantiation.

use cosmwasm_std::{DepsMut, Empty, Env, MessageInfo, Response, Uint128};
use cw2::set_contract_version;

use crate::error::ContractError;
use crate::execute::config::check_bounds;
use crate::msg::{
    InstantiateMsg, DEFAULT_ACCEPTANCE_TIMEOUT_SECONDS, DEFAULT_MAX_BIDS_PER_TASK,
    DEFAULT_REPUTATION_POINTS_PER_TAG, DEFAULT_TAX_BPS,
};
use crate::state::{Config, ACCEPTED, CONFIG};
use crate::{CONTRACT_NAME, CONTRACT_VERSION};

/// Stores the cw2 version, the owner (default the sender), the configuration and the accepted
/// tokens.
///
/// Errors: `Payment`, `Std` (invalid address), [`ContractError::InvalidBound`].
pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = Config {
        treasury: deps.api.addr_validate(&msg.treasury)?,
        reputation: msg
            .reputation
            .map(|r| deps.api.addr_validate(&r))
            .transpose()?,
        tax_bps: msg.tax_bps.unwrap_or(DEFAULT_TAX_BPS),
        reputation_points_per_tag: msg
            .reputation_points_per_tag
            .unwrap_or(Uint128::new(DEFAULT_REPUTATION_POINTS_PER_TAG)),
        max_bids_per_task: msg.max_bids_per_task.unwrap_or(DEFAULT_MAX_BIDS_PER_TASK),
        acceptance_timeout_seconds: msg
            .acceptance_timeout_seconds
            .unwrap_or(DEFAULT_ACCEPTANCE_TIMEOUT_SECONDS),
        task_count: 0,
        open_tasks: 0,
        bid_sequence: 0,
    };
    check_bounds(&config)?;
    set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    let owner = msg.owner.unwrap_or_else(|| info.sender.to_string());
    cw_ownable::initialize_owner(deps.storage, deps.api, Some(&owner))?;
    for token in &msg.accepted_tokens {
        ACCEPTED.save(deps.storage, &deps.api.addr_validate(token)?, &Empty {})?;
    }
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("owner", owner)
        .add_attribute("tax_bps", config.tax_bps.to_string()))
}
