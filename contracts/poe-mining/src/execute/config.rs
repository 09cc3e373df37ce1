//! Instantiation, `UpdateConfig` and `UpdateReporters`.

use cosmwasm_std::{Decimal, DepsMut, Empty, Env, MessageInfo, Response, Timestamp};
use poe_interface::poe_mining::{ConfigUpdate, InstantiateMsg, PoeParams};

use crate::error::ContractError;
use crate::state::{Config, State, CONFIG, REPORTERS, STATE};
use poe_math::schedule::Schedule;

/// Validates every parameter as a whole: fee rates sum to the total, weights in [0, 1], scales
/// and epoch length above zero, threshold below one, salary policy and multipliers sane.
pub fn validate_params(params: &PoeParams) -> Result<(), ContractError> {
    params.fee_rates.validate()?;
    params.poe_weights.validate()?;
    params.poe_scales.validate()?;
    params.miner_weight.validate()?;
    params.owner_salary_policy.validate()?;
    if params.min_poe_threshold >= Decimal::one() {
        return Err(ContractError::invalid(
            "min_poe_threshold",
            "Gamma is below 1, so the threshold must be too",
        ));
    }
    if params.epoch_length_seconds == 0 {
        return Err(ContractError::invalid(
            "epoch_length_seconds",
            "must be above 0",
        ));
    }
    Ok(())
}

pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
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
        REPORTERS.save(deps.storage, &deps.api.addr_validate(reporter)?, &Empty {})?;
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

/// Owner only. Applies every `Some` field, validates the result as a whole, and saves it; an
/// epoch length change takes effect at the next epoch boundary.
pub fn update_config(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    update: ConfigUpdate,
) -> Result<Response, ContractError> {
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut config = CONFIG.load(deps.storage)?;
    let mut changed: Vec<&str> = vec![];
    let p = &mut config.params;
    macro_rules! apply {
        ($field:ident) => {
            if let Some(value) = update.$field {
                p.$field = value;
                changed.push(stringify!($field));
            }
        };
    }
    apply!(fee_rates);
    apply!(poe_weights);
    apply!(poe_scales);
    apply!(min_poe_threshold);
    apply!(max_emission_per_epoch);
    apply!(min_epoch_job_value);
    apply!(lock_period_seconds);
    apply!(miner_weight);
    apply!(owner_salary_policy);
    if let Some(length) = update.epoch_length_seconds {
        p.epoch_length_seconds = length;
        changed.push("epoch_length_seconds");
    }
    validate_params(&config.params)?;
    if let Some(length) = update.epoch_length_seconds {
        config.schedule.reschedule(env.block.time, length);
    }
    if let Some(treasury) = update.treasury {
        config.treasury = deps.api.addr_validate(&treasury)?;
        changed.push("treasury");
    }
    if let Some(recipient) = update.owner_salary_recipient {
        config.owner_salary_recipient = deps.api.addr_validate(&recipient)?;
        changed.push("owner_salary_recipient");
    }
    if changed.is_empty() {
        return Err(ContractError::invalid(
            "update_config",
            "no field to change",
        ));
    }
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "update_config")
        .add_attribute("changed", changed.join(",")))
}

/// Owner only. Adds then removes reporters; adding a reporter twice or removing a non-reporter is
/// an error.
pub fn update_reporters(
    deps: DepsMut,
    info: MessageInfo,
    add: Vec<String>,
    remove: Vec<String>,
) -> Result<Response, ContractError> {
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    if add.is_empty() && remove.is_empty() {
        return Err(ContractError::invalid(
            "update_reporters",
            "nothing to add or remove",
        ));
    }
    for address in &add {
        let addr = deps.api.addr_validate(address)?;
        if REPORTERS.has(deps.storage, &addr) {
            return Err(ContractError::AlreadyReporter {
                address: address.clone(),
            });
        }
        REPORTERS.save(deps.storage, &addr, &Empty {})?;
    }
    for address in &remove {
        let addr = deps.api.addr_validate(address)?;
        if !REPORTERS.has(deps.storage, &addr) {
            return Err(ContractError::NotAReporter {
                address: address.clone(),
            });
        }
        REPORTERS.remove(deps.storage, &addr);
    }
    Ok(Response::new()
        .add_attribute("action", "update_reporters")
        .add_attribute("added", add.join(","))
        .add_attribute("removed", remove.join(",")))
}
