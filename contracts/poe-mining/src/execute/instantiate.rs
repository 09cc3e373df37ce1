//! Instantiation.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Timestamp};
use cw2::set_contract_version;
use poe_math::schedule::Schedule;

use crate::error::ContractError;
use crate::execute::config::validate_params;
use crate::msg::InstantiateMsg;
use crate::state::{Config, State, CONFIG, REPORTERS, STATE};
use crate::{CONTRACT_NAME, CONTRACT_VERSION};

/// Stores the cw2 version, the owner (default the sender), the addresses, the parameters
/// (validated as a whole) and the reporters. Epoch 0 starts now (the block time's whole second).
///
/// Attributes: `action=instantiate`, `owner`, `flx_token`, `nex_token`, `treasury`,
/// `genesis_time`, `reporters` (count).
///
/// Errors: `Payment` (funds attached), `Std` (invalid address), `Math` / `InvalidParameter`,
/// `AllowList` (duplicate reporter, more than `MAX_REPORTERS`).
pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    validate_params(&msg.params)?;
    let owner = msg.owner.unwrap_or_else(|| info.sender.to_string());
    cw_ownable::initialize_owner(deps.storage, deps.api, Some(&owner))?;
    // Epochs are counted in whole seconds: genesis is the block time truncated to the second.
    let genesis_time = Timestamp::from_seconds(env.block.time.seconds());
    let config = Config {
        flx_token: deps.api.addr_validate(&msg.flx_token)?,
        nex_token: deps.api.addr_validate(&msg.nex_token)?,
        treasury: deps.api.addr_validate(&msg.treasury)?,
        owner_salary_recipient: deps.api.addr_validate(&msg.owner_salary_recipient)?,
        schedule: Schedule::new(genesis_time, msg.params.epoch_length_seconds),
        genesis_time,
        params: msg.params,
    };
    for reporter in &msg.reporters {
        REPORTERS.add(deps.storage, &deps.api.addr_validate(reporter)?)?;
    }
    CONFIG.save(deps.storage, &config)?;
    STATE.save(deps.storage, &State::default())?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("owner", owner)
        .add_attribute("flx_token", config.flx_token)
        .add_attribute("nex_token", config.nex_token)
        .add_attribute("treasury", config.treasury)
        .add_attribute("genesis_time", config.genesis_time.seconds().to_string())
        .add_attribute("reporters", msg.reporters.len().to_string()))
}
