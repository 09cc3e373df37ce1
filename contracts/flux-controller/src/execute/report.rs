//! `ReportUsage`: a reporter's observation of the network for the epoch open now.

use cosmwasm_std::{Decimal, DepsMut, Env, MessageInfo, Response};

use crate::error::ContractError;
use crate::execute::pause::ensure_not_paused;
use crate::state::{EpochReports, StoredReport, CONFIG, EPOCHS, REPORTERS, REPORTS, STATE};

/// Reporter only: stores the report as the sender's latest of the epoch open now (replacing an
/// earlier one of the same epoch). The epoch's end is recorded with its first report.
///
/// Attributes: `action=report_usage`, `reporter`, `epoch`, `pending_gas_buffer`,
/// `tx_fee_moving_average`, `queue_length`, `replaced` (whether it replaced an earlier report).
///
/// Errors: `Payment`, [`ContractError::Paused`], [`ContractError::NotReporter`].
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
    ensure_not_paused(&state, &env)?;
    if !REPORTERS.has(deps.storage, &info.sender) {
        return Err(ContractError::NotReporter {
            address: info.sender.to_string(),
        });
    }
    let config = CONFIG.load(deps.storage)?;
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
