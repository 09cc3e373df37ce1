//! `UpdateConfig` and the validation of the parameters.

use cosmwasm_std::{Decimal, DepsMut, Env, MessageInfo, Response};
use poe_interface::poe_mining::{
    ConfigUpdate, PoeParams, MAX_EPOCH_LENGTH_SECONDS, MAX_LIQUIDITY_RATIO, MAX_LOCK_PERIOD_SECONDS,
};

use crate::error::ContractError;
use crate::state::CONFIG;

/// Validates every parameter as a whole: fee rates sum to the total, weights in [0, 1], scales
/// above zero, threshold below one, salary policy and multipliers sane, and every duration and
/// ratio bounded so that no configuration can make a job, a close or a claim overflow or panic:
/// `epoch_length_seconds` in `1..=MAX_EPOCH_LENGTH_SECONDS`, `lock_period_seconds` at most
/// `MAX_LOCK_PERIOD_SECONDS`, `max_liquidity_ratio` at most `MAX_LIQUIDITY_RATIO` (times are
/// also clamped to `poe_math::schedule::MAX_SECONDS` where they are computed).
///
/// Errors: `Math(InvalidParameter)` from the math types' own checks, `InvalidParameter`.
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
    if params.epoch_length_seconds > MAX_EPOCH_LENGTH_SECONDS {
        return Err(ContractError::invalid(
            "epoch_length_seconds",
            format!("must be at most {MAX_EPOCH_LENGTH_SECONDS}"),
        ));
    }
    if params.lock_period_seconds > MAX_LOCK_PERIOD_SECONDS {
        return Err(ContractError::invalid(
            "lock_period_seconds",
            format!("must be at most {MAX_LOCK_PERIOD_SECONDS}"),
        ));
    }
    if params.max_liquidity_ratio > Decimal::from_ratio(MAX_LIQUIDITY_RATIO, 1u64) {
        return Err(ContractError::invalid(
            "max_liquidity_ratio",
            format!("must be at most {MAX_LIQUIDITY_RATIO}"),
        ));
    }
    Ok(())
}

/// Owner only. Applies every `Some` field, validates the result as a whole, and saves it; an
/// epoch length change takes effect at the next epoch boundary.
///
/// Attributes: `action=update_config`, `changed` (the fields, comma-separated).
///
/// Errors: `Ownership`, `Math` / `InvalidParameter` (an invalid result, or nothing to change),
/// `Std` (invalid address).
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
    apply!(max_liquidity_ratio);
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
