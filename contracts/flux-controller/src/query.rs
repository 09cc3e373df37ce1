//! Queries. Paginated lists default to 10 entries and return at most 30.

use cosmwasm_std::{
    from_json, to_json_binary, Binary, Deps, Env, Order, StdError, StdResult, Timestamp,
};
use cw_storage_plus::Bound;
use poe_controllers::page::page_limit;
use poe_controllers::pause::query_pause_status;

use crate::error::ContractError;
use crate::execute::{flx_balance, flx_minter, flx_supply};
use serde::Deserialize;

use crate::msg::{
    ConfigResponse, EpochResponse, QueryMsg, ReportersResponse, ReportsResponse, StatusResponse,
    UsageReport,
};
use crate::state::{pause_of, CONFIG, DECISIONS, EPOCHS, REPORTERS, REPORTS, STATE};

/// Dispatches a query.
///
/// Errors: `Std` (invalid address, the FLX token does not answer), `EpochNotClosed`.
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    Ok(match msg {
        QueryMsg::Config {} => to_json_binary(&config(deps, &env)?)?,
        QueryMsg::Status {} => to_json_binary(&status(deps, &env)?)?,
        QueryMsg::CurrentEpoch {} => to_json_binary(&current_epoch(deps, &env)?)?,
        QueryMsg::Reporters { start_after, limit } => {
            to_json_binary(&reporters(deps, start_after, limit)?)?
        }
        QueryMsg::Reports {
            epoch,
            start_after,
            limit,
        } => to_json_binary(&reports(deps, &env, epoch, start_after, limit)?)?,
        QueryMsg::Decision { epoch } => decision(deps, epoch)?,
        QueryMsg::Decisions { start_after, limit } => decisions(deps, start_after, limit)?,
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?)?,
        QueryMsg::PauseStatus {} => {
            to_json_binary(&query_pause_status(deps.storage, &env, &STATE, pause_of)?)?
        }
    })
}

/// Addresses, parameters, genesis and the running pause.
pub fn config(deps: Deps, env: &Env) -> StdResult<ConfigResponse> {
    let config = CONFIG.load(deps.storage)?;
    let state = STATE.load(deps.storage)?;
    Ok(ConfigResponse {
        flx_token: config.flx_token,
        mint_recipient: config.mint_recipient,
        params: config.params,
        genesis_time: config.genesis_time,
        paused_until: state.paused_until.active(&env.block),
    })
}

/// Supply, buffer and minter role (three queries to the FLX token), totals and backlog.
pub fn status(deps: Deps, env: &Env) -> Result<StatusResponse, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let state = STATE.load(deps.storage)?;
    let current_epoch = config.schedule.epoch_at(env.block.time);
    let me = &env.contract.address;
    let minter = flx_minter(&deps.querier, &config.flx_token)?;
    Ok(StatusResponse {
        current_epoch,
        next_epoch_to_close: state.next_epoch_to_close,
        epochs_ended_open: current_epoch.saturating_sub(state.next_epoch_to_close),
        flx_supply: flx_supply(&deps.querier, &config.flx_token)?,
        buffer: flx_balance(&deps.querier, &config.flx_token, me)?,
        is_minter: minter.is_some_and(|m| m.minter == me.as_str()),
        total_minted: state.total_minted,
        total_burned: state.total_burned,
        total_funded: state.total_funded,
        reporter_count: REPORTERS.count(deps.storage)?,
        paused_until: state.paused_until.active(&env.block),
    })
}

/// The epoch open now.
pub fn current_epoch(deps: Deps, env: &Env) -> StdResult<EpochResponse> {
    let config = CONFIG.load(deps.storage)?;
    let state = STATE.load(deps.storage)?;
    let epoch = config.schedule.epoch_at(env.block.time);
    let end_time = config.schedule.end_of(epoch);
    let reports = EPOCHS
        .may_load(deps.storage, epoch)?
        .map(|e| e.reports)
        .unwrap_or(0);
    Ok(EpochResponse {
        epoch,
        start_time: config.schedule.start_or_bound(epoch),
        end_time,
        fresh_after: Timestamp::from_seconds(
            end_time
                .seconds()
                .saturating_sub(config.params.max_report_age_seconds),
        ),
        reports,
        next_epoch_to_close: state.next_epoch_to_close,
    })
}

/// Reporters by address.
pub fn reporters(
    deps: Deps,
    start_after: Option<String>,
    limit_: Option<u32>,
) -> StdResult<ReportersResponse> {
    let start = start_after
        .map(|a| deps.api.addr_validate(&a))
        .transpose()?;
    let reporters = REPORTERS.page(deps.storage, start.as_ref(), limit_)?;
    Ok(ReportersResponse { reporters })
}

/// The latest report of each reporter in `epoch` (default the open one), by reporter.
pub fn reports(
    deps: Deps,
    env: &Env,
    epoch: Option<u64>,
    start_after: Option<String>,
    limit_: Option<u32>,
) -> StdResult<ReportsResponse> {
    let epoch = match epoch {
        Some(epoch) => epoch,
        None => CONFIG.load(deps.storage)?.schedule.epoch_at(env.block.time),
    };
    let start = start_after
        .map(|a| deps.api.addr_validate(&a))
        .transpose()?;
    let reports = REPORTS
        .prefix(epoch)
        .range(
            deps.storage,
            start.as_ref().map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(page_limit(limit_))
        .map(|item| {
            item.map(|(reporter, r)| UsageReport {
                reporter,
                pending_gas_buffer: r.pending_gas_buffer,
                tx_fee_moving_average: r.tx_fee_moving_average,
                queue_length: r.queue_length,
                reported_at: r.reported_at,
            })
        })
        .collect::<StdResult<Vec<_>>>()?;
    Ok(ReportsResponse { epoch, reports })
}

/// The first and last epoch of a stored decision, read from its JSON (the other fields are
/// skipped, not parsed).
#[derive(Deserialize)]
struct Span {
    last_epoch: u64,
}

/// The stored JSON of the decision that starts at `first`.
fn decision_json(deps: Deps, first: u64) -> StdResult<Vec<u8>> {
    deps.storage
        .get(&DECISIONS.key(first))
        .ok_or_else(|| StdError::not_found("poe_interface::flux_controller::Decision"))
}

/// The decision that closed `epoch`: the one with the greatest first epoch at or below `epoch`,
/// if it reaches `epoch` (one key range read).
///
/// Decisions are answered with the JSON `Map::save` stored (`to_json_vec(&Decision)`, the same
/// bytes `to_json_binary` would give), never deserialized: the derived deserializer of
/// [`crate::msg::Decision`] needs more than the 100 locals per function the CosmWasm VM accepts, and
/// skipping the round trip saves gas.
///
/// Errors: [`ContractError::EpochNotClosed`].
pub fn decision(deps: Deps, epoch: u64) -> Result<Binary, ContractError> {
    let first = DECISIONS
        .keys(
            deps.storage,
            None,
            Some(Bound::inclusive(epoch)),
            Order::Descending,
        )
        .next()
        .transpose()?;
    if let Some(first) = first {
        let json = decision_json(deps, first)?;
        if from_json::<Span>(&json)?.last_epoch >= epoch {
            return Ok(Binary::from(json));
        }
    }
    Err(ContractError::EpochNotClosed {
        epoch,
        next_epoch_to_close: STATE.load(deps.storage)?.next_epoch_to_close,
    })
}

/// Decisions by first epoch, after `start_after`: the JSON of a [`crate::msg::DecisionsResponse`], built
/// from the stored JSON of each decision (see [`decision`]).
pub fn decisions(deps: Deps, start_after: Option<u64>, limit_: Option<u32>) -> StdResult<Binary> {
    let firsts = DECISIONS
        .keys(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(page_limit(limit_))
        .collect::<StdResult<Vec<u64>>>()?;
    let mut json = br#"{"decisions":["#.to_vec();
    for (i, first) in firsts.into_iter().enumerate() {
        if i > 0 {
            json.push(b',');
        }
        json.extend(decision_json(deps, first)?);
    }
    json.extend(b"]}");
    Ok(Binary::from(json))
}
