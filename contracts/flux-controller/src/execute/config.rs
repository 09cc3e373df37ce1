//! `UpdateConfig` and the validation of the parameters.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use poe_interface::flux_controller::{ConfigUpdate, FluxParams, MAX_PERIOD_SECONDS, MAX_REPORTERS};

use crate::error::ContractError;
use crate::state::{elasticity, weights, CONFIG};

/// Checks the parameters as a whole: at least one positive weight,
/// `contraction_threshold < expansion_threshold`, `max_annual_inflation_rate <= 1`, both periods
/// in `1..=MAX_PERIOD_SECONDS`, `min_reports_to_expand` in `1..=MAX_REPORTERS`, and every report
/// bound above 0.
///
/// Errors: [`ContractError::InvalidConfig`] naming the first offending parameter.
pub fn validate_params(params: &FluxParams) -> Result<(), ContractError> {
    weights(params).validate()?;
    elasticity(params).validate()?;
    for (name, seconds) in [
        ("epoch_length_seconds", params.epoch_length_seconds),
        ("max_report_age_seconds", params.max_report_age_seconds),
    ] {
        if seconds == 0 || seconds > MAX_PERIOD_SECONDS {
            return Err(ContractError::invalid(
                name,
                format!("{seconds} s is not in 1..={MAX_PERIOD_SECONDS} s"),
            ));
        }
    }
    if params.min_reports_to_expand == 0 || params.min_reports_to_expand > MAX_REPORTERS {
        return Err(ContractError::invalid(
            "min_reports_to_expand",
            format!(
                "{} is not in 1..={MAX_REPORTERS}",
                params.min_reports_to_expand
            ),
        ));
    }
    for (name, zero) in [
        (
            "max_pending_gas_buffer",
            params.max_pending_gas_buffer.is_zero(),
        ),
        (
            "max_tx_fee_moving_average",
            params.max_tx_fee_moving_average.is_zero(),
        ),
        ("max_queue_length", params.max_queue_length == 0),
    ] {
        if zero {
            return Err(ContractError::invalid(name, "must be above 0"));
        }
    }
    Ok(())
}

/// Owner only: applies `update` (`None` keeps a value) and validates the result as a whole. A
/// new epoch length takes effect at the end of the epoch open now (the yearly cap does not
/// change: each epoch's cap is scaled to its own length). New thresholds, rates, weights, quorum
/// and report age apply to every close from now on, also of epochs that ended before; new report
/// bounds apply to reports posted from now on.
///
/// Attributes: `action=update_config`, `mint_recipient` and every parameter.
///
/// Errors: `Payment`, `Ownership(NotOwner | NoOwner)`, `Std` (invalid `mint_recipient`),
/// [`ContractError::InvalidConfig`].
pub fn update_config(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    update: ConfigUpdate,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut config = CONFIG.load(deps.storage)?;
    if let Some(recipient) = update.mint_recipient {
        config.mint_recipient = deps.api.addr_validate(&recipient)?;
    }
    let p = &mut config.params;
    let old_length = p.epoch_length_seconds;
    p.alpha = update.alpha.unwrap_or(p.alpha);
    p.beta = update.beta.unwrap_or(p.beta);
    p.gamma = update.gamma.unwrap_or(p.gamma);
    p.expansion_threshold = update.expansion_threshold.unwrap_or(p.expansion_threshold);
    p.contraction_threshold = update
        .contraction_threshold
        .unwrap_or(p.contraction_threshold);
    p.elasticity_factor = update.elasticity_factor.unwrap_or(p.elasticity_factor);
    p.max_annual_inflation_rate = update
        .max_annual_inflation_rate
        .unwrap_or(p.max_annual_inflation_rate);
    p.epoch_length_seconds = update
        .epoch_length_seconds
        .unwrap_or(p.epoch_length_seconds);
    p.max_report_age_seconds = update
        .max_report_age_seconds
        .unwrap_or(p.max_report_age_seconds);
    p.min_reports_to_expand = update
        .min_reports_to_expand
        .unwrap_or(p.min_reports_to_expand);
    p.max_pending_gas_buffer = update
        .max_pending_gas_buffer
        .unwrap_or(p.max_pending_gas_buffer);
    p.max_tx_fee_moving_average = update
        .max_tx_fee_moving_average
        .unwrap_or(p.max_tx_fee_moving_average);
    p.max_queue_length = update.max_queue_length.unwrap_or(p.max_queue_length);
    validate_params(&config.params)?;
    if config.params.epoch_length_seconds != old_length {
        config
            .schedule
            .reschedule(env.block.time, config.params.epoch_length_seconds);
    }
    CONFIG.save(deps.storage, &config)?;
    let p = &config.params;
    Ok(Response::new()
        .add_attribute("action", "update_config")
        .add_attribute("mint_recipient", &config.mint_recipient)
        .add_attribute("alpha", p.alpha.to_string())
        .add_attribute("beta", p.beta.to_string())
        .add_attribute("gamma", p.gamma.to_string())
        .add_attribute("expansion_threshold", p.expansion_threshold.to_string())
        .add_attribute("contraction_threshold", p.contraction_threshold.to_string())
        .add_attribute("elasticity_factor", p.elasticity_factor.to_string())
        .add_attribute(
            "max_annual_inflation_rate",
            p.max_annual_inflation_rate.to_string(),
        )
        .add_attribute("epoch_length_seconds", p.epoch_length_seconds.to_string())
        .add_attribute(
            "max_report_age_seconds",
            p.max_report_age_seconds.to_string(),
        )
        .add_attribute("min_reports_to_expand", p.min_reports_to_expand.to_string())
        .add_attribute(
            "max_pending_gas_buffer",
            p.max_pending_gas_buffer.to_string(),
        )
        .add_attribute(
            "max_tx_fee_moving_average",
            p.max_tx_fee_moving_average.to_string(),
        )
        .add_attribute("max_queue_length", p.max_queue_length.to_string()))
}
