//! Instantiation.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use cw2::set_contract_version;

use crate::error::ContractError;
use crate::execute::check_decay_rate;
use crate::msg::{InstantiateMsg, DEFAULT_DECAY_RATE_PER_DAY};
use crate::state::{Config, CONFIG, WRITERS};
use crate::{CONTRACT_NAME, CONTRACT_VERSION};

/// Stores the cw2 version, the owner (default the sender), the decay rate and the writers.
///
/// Errors: `Payment`, `Std` (invalid address), [`ContractError::InvalidDecayRate`],
/// `AllowList(AlreadyListed | Full)`.
pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let decay_rate_per_day = msg.decay_rate_per_day.unwrap_or(DEFAULT_DECAY_RATE_PER_DAY);
    check_decay_rate(decay_rate_per_day)?;
    set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    let owner = msg.owner.unwrap_or_else(|| info.sender.to_string());
    cw_ownable::initialize_owner(deps.storage, deps.api, Some(&owner))?;
    CONFIG.save(deps.storage, &Config { decay_rate_per_day })?;
    let (added, _) = WRITERS.update(deps.storage, deps.api, &msg.writers, &[])?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("owner", owner)
        .add_attribute("decay_rate_per_day", decay_rate_per_day.to_string())
        .add_attribute("writers", added.len().to_string()))
}
