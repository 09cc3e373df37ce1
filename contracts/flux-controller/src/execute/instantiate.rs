//! Instantiation.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Timestamp, Uint128};
use cw2::set_contract_version;

use crate::error::ContractError;
use crate::execute::check_cw20;
use crate::execute::config::validate_params;
use crate::msg::InstantiateMsg;
use crate::state::{Config, State, CONFIG, REPORTERS, STATE};
use crate::{CONTRACT_NAME, CONTRACT_VERSION};
use poe_controllers::PauseState;
use poe_math::schedule::Schedule;

/// Stores the cw2 version, the owner (default the sender), the FLX token (which must answer
/// cw20 `TokenInfo`), the mint recipient, the parameters and the reporters. Epoch 0 starts now
/// (the block time's whole second).
///
/// Attributes: `action=instantiate`, `flx_token`, `mint_recipient`, `reporters` (count), and
/// cw-ownable's owner attributes.
///
/// Errors: `Payment` (funds attached), `Std` (invalid address), [`ContractError::NotCw20`],
/// [`ContractError::InvalidConfig`], `AllowList(AlreadyListed)` (duplicate),
/// `AllowList(Full)` (more than `MAX_REPORTERS`).
pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    validate_params(&msg.params)?;
    let flx_token = deps.api.addr_validate(&msg.flx_token)?;
    check_cw20(deps.as_ref(), &flx_token)?;
    let mint_recipient = deps.api.addr_validate(&msg.mint_recipient)?;
    // epochs are counted in whole seconds
    let genesis_time = Timestamp::from_seconds(env.block.time.seconds());
    let config = Config {
        flx_token,
        mint_recipient,
        schedule: Schedule::new(genesis_time, msg.params.epoch_length_seconds),
        params: msg.params,
        genesis_time,
    };
    CONFIG.save(deps.storage, &config)?;
    let state = State {
        next_epoch_to_close: 0,
        total_minted: Uint128::zero(),
        total_burned: Uint128::zero(),
        total_funded: Uint128::zero(),
        paused_until: PauseState::none(),
    };
    STATE.save(deps.storage, &state)?;
    let (reporters, _) = REPORTERS.update(deps.storage, deps.api, &msg.reporters, &[])?;
    let owner = msg.owner.unwrap_or_else(|| info.sender.to_string());
    let ownership = cw_ownable::initialize_owner(deps.storage, deps.api, Some(&owner))?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("flx_token", &config.flx_token)
        .add_attribute("mint_recipient", &config.mint_recipient)
        .add_attribute("reporters", reporters.len().to_string())
        .add_attributes(ownership.into_attributes()))
}
