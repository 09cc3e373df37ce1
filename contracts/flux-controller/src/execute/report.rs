//! `ReportUsage`: a reporter's observation of the network for the epoch open now.

use cosmwasm_std::{Decimal, DepsMut, Env, MessageInfo, Response};
use poe_interface::flux_controller::FluxParams;

use crate::error::ContractError;
use crate::state::{EpochReports, StoredReport, CONFIG, EPOCHS, REPORTERS, REPORTS, STATE};

/// Checks each component of a report against its bound in `params`.
///
/// Errors: [`ContractError::ReportOutOfBounds`] naming the first component above its bound
/// (`pending_gas_buffer`, `tx_fee_moving_average`, `queue_length`).
pub fn check_bounds(
    params: &FluxParams,
    pending_gas_buffer: Decimal,
    tx_fee_moving_average: Decimal,
    queue_length: u64,
) -> Result<(), ContractError> {
    let out = |component: &str, value: String, max: String| ContractError::ReportOutOfBounds {
        component: component.to_string(),
        value,
        max,
    };
    if pending_gas_buffer > params.max_pending_gas_buffer {
        return Err(out(
            "pending_gas_buffer",
            pending_gas_buffer.to_string(),
            params.max_pending_gas_buffer.to_string(),
        ));
    }
    if tx_fee_moving_average > params.max_tx_fee_moving_average {
        return Err(out(
            "tx_fee_moving_average",
            tx_fee_moving_average.to_string(),
            params.max_tx_fee_moving_average.to_string(),
        ));
    }
    if queue_length > params.max_queue_length {
        return Err(out(
            "queue_length",
            queue_length.to_string(),
            params.max_queue_length.to_string(),
        ));
    }
    Ok(())
}

/// Reporter only: stores the report as the sender's latest of the epoch open now (replacing an
/// earlier one of the same epoch). Each component must be within its bound ([`check_bounds`]).
/// The epoch's start and end are recorded with its first report.
///
/// Attributes: `action=report_usage`, `reporter`, `epoch`, `pending_gas_buffer`,
/// `tx_fee_moving_average`, `queue_length`, `replaced` (whether it replaced an earlier report).
///
/// Errors: `Payment`, `Pause(Paused)`, `AllowList(NotListed)`,
/// [`ContractError::ReportOutOfBounds`]; nothing is stored on an error.
pub fn report_usage(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    pending_gas_buffer: Decimal,
    tx_fee_moving_average: Decimal,
    queue_length: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let state = STATE.load(deps.storage)?;
    state.paused_until.ensure_not_paused(&env.block)?;
    REPORTERS.ensure_listed(deps.storage, &info.sender)?;
    let config = CONFIG.load(deps.storage)?;
    check_bounds(
        &config.params,
        pending_gas_buffer,
        tx_fee_moving_average,
        queue_length,
    )?;
    let epoch = config.schedule.epoch_at(env.block.time);
    let key = (epoch, &info.sender);
    let replaced = REPORTS.has(deps.storage, key);
    REPORTS.save(
        deps.storage,
        key,
        &StoredReport {
            pending_gas_buffer,
            tx_fee_moving_average,
            queue_length,
            reported_at: env.block.time,
        },
    )?;
    if !replaced {
        let mut reports = EPOCHS
            .may_load(deps.storage, epoch)?
            .unwrap_or(EpochReports {
                end_time: config.schedule.end_of(epoch),
                reports: 0,
                start_time: config.schedule.start_of(epoch),
            });
        reports.reports = reports.reports.saturating_add(1);
        EPOCHS.save(deps.storage, epoch, &reports)?;
    }
    Ok(Response::new()
        .add_attribute("action", "report_usage")
        .add_attribute("reporter", &info.sender)
        .add_attribute("epoch", epoch.to_string())
        .add_attribute("pending_gas_buffer", pending_gas_buffer.to_string())
        .add_attribute("tx_fee_moving_average", tx_fee_moving_average.to_string())
        .add_attribute("queue_length", queue_length.to_string())
        .add_attribute("replaced", replaced.to_string()))
}
