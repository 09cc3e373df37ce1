//! `Rebalance`: closing an epoch with its supply decision.

use cosmwasm_std::{
    Addr, CosmosMsg, DepsMut, Env, MessageInfo, Order, Response, Storage, Timestamp, Uint128,
};
use cw_storage_plus::Bound;
use poe_controllers::cw20::{burn_msg, mint_msg};
use poe_interface::flux_controller::{Decision, DecisionAction, FreezeReason, SupplyLimit};
use poe_interface::token::{BurnReason, MintReason};
use poe_math::flux::{net_demand, supply_adjustment, Direction, NetworkUsage};

use crate::error::ContractError;
use crate::execute::{flx_balance, flx_minter, flx_supply};
use crate::state::{Config, State, CONFIG, DECISIONS, EPOCHS, REPORTERS, REPORTS, STATE};

/// Anyone, once the oldest open epoch has ended. One call closes:
///
/// 1. the run of ended epochs without any report from the oldest open one up to the next epoch
///    with reports (or up to the open epoch), as one `Frozen { MissingReports }` decision: one
///    range read finds the run's end, so an idle day costs one call, not one per epoch;
/// 2. then, if that next epoch with reports has ended, that epoch, with its own decision:
///    - the reports counted are each reporter's latest of the epoch, from reporters still on the
///      list, posted at or after `epoch end - max_report_age_seconds`; none counted closes it
///      `Frozen { StaleReports }` (reports, all too old) or `Frozen { MissingReports }`;
///    - `U_net` of their component-wise lower median ([`net_demand`]: one extreme reporter among
///      honest ones cannot move it) and the change it asks for ([`supply_adjustment`]) with the
///      FLX total supply read now (cw20 `TokenInfo`), capped at `max_annual_inflation_rate` of
///      the supply scaled to the epoch's own length (`poe_math::flux::epoch_cap`);
///    - expand: only with at least `min_reports_to_expand` fresh reports (else
///      `Frozen { BelowQuorum }`); mints to the mint recipient (cw20 `Mint`), at most what the
///      token's mint cap leaves; `Frozen { NotMinter }` if the controller is not FLX's minter;
///    - contract: burns from the controller's own FLX (cw20 `Burn`), at most its balance;
///    - hold: nothing.
///
/// Parameters are the ones in force at the call. A mint or burn that fails makes the whole call
/// fail (nothing is recorded).
///
/// Attributes: `action=rebalance`, `idle_epochs_closed`, and for the last decision: `epoch`,
/// `last_epoch`, `decision` (`expand`/`contract`/`hold`/`frozen`), `reason` (frozen only),
/// `u_net` (with demand), `supply_before`, `computed_delta`, `max_delta`, `bound_applied`,
/// `amount`, `minted`, `burned`.
///
/// Cost: the reports of one epoch, at most `MAX_REPORTERS` (the allow-list's cap; a removed
/// reporter's report of the open epoch is deleted), read once; the median is O(reports).
///
/// Errors: `Payment`, `Pause(Paused)`, [`ContractError::EpochNotEnded`] (no ended epoch is
/// open), `Std` (the FLX token does not answer), `Overflow`, `Math`.
pub fn rebalance(deps: DepsMut, env: Env, info: MessageInfo) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    let mut state = STATE.load(deps.storage)?;
    state.paused_until.ensure_not_paused(&env.block)?;
    let now = env.block.time;
    let current = config.schedule.epoch_at(now);
    let next = state.next_epoch_to_close;
    if next >= current {
        return Err(ContractError::EpochNotEnded {
            epoch: current,
            ends_at: config.schedule.end_of(current),
        });
    }
    let first_reported = EPOCHS
        .keys(
            deps.storage,
            Some(Bound::inclusive(next)),
            Some(Bound::exclusive(current)),
            Order::Ascending,
        )
        .next()
        .transpose()?;
    let supply = flx_supply(&deps.querier, &config.flx_token)?;

    let idle_end = first_reported.unwrap_or(current);
    let mut last = None;
    let mut idle_epochs = 0u64;
    if idle_end > next {
        idle_epochs = idle_end - next;
        let decision = record(
            &config,
            (next, idle_end - 1),
            now,
            None,
            supply,
            frozen(FreezeReason::MissingReports {}),
        );
        DECISIONS.save(deps.storage, next, &decision)?;
        state.next_epoch_to_close = idle_end;
        last = Some((decision, None));
    }
    if let Some(epoch) = first_reported {
        let (decision, msg) = close_reported(
            deps.storage,
            &deps.querier,
            &env.contract.address,
            &config,
            &mut state,
            epoch,
            now,
            supply,
        )?;
        DECISIONS.save(deps.storage, epoch, &decision)?;
        state.next_epoch_to_close = epoch + 1;
        last = Some((decision, msg));
    }
    STATE.save(deps.storage, &state)?;

    let mut response = Response::new()
        .add_attribute("action", "rebalance")
        .add_attribute("idle_epochs_closed", idle_epochs.to_string());
    if let Some((decision, msg)) = last {
        response = response.add_attributes(decision_attributes(&decision));
        if let Some(msg) = msg {
            response = response.add_message(msg);
        }
    }
    Ok(response)
}

/// `Frozen { reason }`.
fn frozen(reason: FreezeReason) -> DecisionAction {
    DecisionAction::Frozen { reason }
}

/// A decision of `action` moving nothing, without demand, over the epochs `first..=last`, with
/// the parameters in force.
fn record(
    config: &Config,
    (epoch, last_epoch): (u64, u64),
    now: Timestamp,
    epoch_end: Option<Timestamp>,
    supply: Uint128,
    action: DecisionAction,
) -> Decision {
    let p = &config.params;
    Decision {
        epoch,
        last_epoch,
        closed_at: now,
        epoch_end,
        demand: None,
        contraction_threshold: p.contraction_threshold,
        expansion_threshold: p.expansion_threshold,
        elasticity_factor: p.elasticity_factor,
        max_annual_inflation_rate: p.max_annual_inflation_rate,
        supply_before: supply,
        buffer_before: None,
        adjustment: None,
        bound_applied: None,
        action,
        amount: Uint128::zero(),
    }
}

/// Closes `epoch`, which has reports (see [`rebalance`]); updates the totals in `state` and
/// returns the decision and the mint or burn message.
#[allow(clippy::too_many_arguments)]
fn close_reported(
    storage: &dyn Storage,
    querier: &cosmwasm_std::QuerierWrapper,
    me: &Addr,
    config: &Config,
    state: &mut State,
    epoch: u64,
    now: Timestamp,
    supply: Uint128,
) -> Result<(Decision, Option<CosmosMsg>), ContractError> {
    let info = EPOCHS.load(storage, epoch)?;
    let fresh_after = Timestamp::from_seconds(
        info.end_time
            .seconds()
            .saturating_sub(config.params.max_report_age_seconds),
    );
    let mut counted: Vec<NetworkUsage> = vec![];
    let mut latest: Option<Timestamp> = None;
    // at most MAX_REPORTERS entries (see state.rs)
    for item in REPORTS
        .prefix(epoch)
        .range(storage, None, None, Order::Ascending)
    {
        let (reporter, report) = item?;
        if !REPORTERS.contains(storage, &reporter) {
            continue;
        }
        latest = latest.max(Some(report.reported_at));
        if report.reported_at >= fresh_after {
            counted.push(report.usage());
        }
    }
    let epoch_end = Some(info.end_time);
    if counted.is_empty() {
        let reason = match latest {
            Some(latest_report_at) => FreezeReason::StaleReports {
                latest_report_at,
                fresh_after,
            },
            None => FreezeReason::MissingReports {},
        };
        let decision = record(
            config,
            (epoch, epoch),
            now,
            epoch_end,
            supply,
            frozen(reason),
        );
        return Ok((decision, None));
    }

    let demand = net_demand(&counted, &config.weights())?;
    // the epoch's own length (a change of epoch_length_seconds may have come after it)
    let epoch_seconds = info
        .start_time
        .map(|start| info.end_time.seconds().saturating_sub(start.seconds()))
        .unwrap_or(config.params.epoch_length_seconds)
        .max(1);
    let adjustment = supply_adjustment(
        demand.net_demand,
        &config.elasticity(),
        supply,
        epoch_seconds,
    )?;
    let quorum = config.params.min_reports_to_expand;
    let mut buffer_before = None;
    let mut amount = adjustment.delta;
    let mut bound = adjustment
        .bound_applied
        .then_some(SupplyLimit::MaxInflationRate);
    let mut msg = None;
    let action = match adjustment.direction {
        Direction::Hold => {
            amount = Uint128::zero();
            DecisionAction::Hold
        }
        Direction::Expand if demand.reports < quorum => {
            amount = Uint128::zero();
            bound = None;
            frozen(FreezeReason::BelowQuorum {
                fresh_reports: demand.reports,
                min_reports_to_expand: quorum,
            })
        }
        Direction::Expand => {
            let minter = flx_minter(querier, &config.flx_token)?;
            match minter {
                Some(m) if m.minter == me.as_str() => {
                    if let Some(cap) = m.cap {
                        let room = cap.saturating_sub(supply);
                        if amount > room {
                            amount = room;
                            bound = Some(SupplyLimit::MintCap);
                        }
                    }
                    if !amount.is_zero() {
                        state.total_minted = state.total_minted.checked_add(amount)?;
                        msg = Some(mint_msg(
                            &config.flx_token,
                            &config.mint_recipient,
                            amount,
                            MintReason::FlxExpansion,
                        )?);
                    }
                    DecisionAction::Expand
                }
                other => {
                    amount = Uint128::zero();
                    bound = None;
                    frozen(FreezeReason::NotMinter {
                        minter: other.map(|m| m.minter),
                    })
                }
            }
        }
        Direction::Contract => {
            let buffer = flx_balance(querier, &config.flx_token, me)?;
            buffer_before = Some(buffer);
            if amount > buffer {
                amount = buffer;
                bound = Some(SupplyLimit::Buffer);
            }
            if !amount.is_zero() {
                state.total_burned = state.total_burned.checked_add(amount)?;
                msg = Some(burn_msg(
                    &config.flx_token,
                    amount,
                    BurnReason::Contraction,
                )?);
            }
            DecisionAction::Contract
        }
    };
    let decision = Decision {
        demand: Some(demand),
        buffer_before,
        adjustment: Some(adjustment),
        bound_applied: bound,
        amount,
        ..record(config, (epoch, epoch), now, epoch_end, supply, action)
    };
    Ok((decision, msg))
}

/// The `snake_case` name of an action.
pub fn action_name(action: &DecisionAction) -> &'static str {
    match action {
        DecisionAction::Expand => "expand",
        DecisionAction::Contract => "contract",
        DecisionAction::Hold => "hold",
        DecisionAction::Frozen { .. } => "frozen",
    }
}

/// The response attributes of a decision.
fn decision_attributes(d: &Decision) -> Vec<(&'static str, String)> {
    let mut attrs = vec![
        ("epoch", d.epoch.to_string()),
        ("last_epoch", d.last_epoch.to_string()),
        ("decision", action_name(&d.action).to_string()),
    ];
    if let DecisionAction::Frozen { reason } = &d.action {
        let reason = match reason {
            FreezeReason::MissingReports {} => "missing_reports",
            FreezeReason::StaleReports { .. } => "stale_reports",
            FreezeReason::NotMinter { .. } => "not_minter",
            FreezeReason::BelowQuorum { .. } => "below_quorum",
        };
        attrs.push(("reason", reason.to_string()));
    }
    if let Some(demand) = &d.demand {
        attrs.push(("u_net", demand.net_demand.to_string()));
        attrs.push(("reports_counted", demand.reports.to_string()));
    }
    attrs.push(("supply_before", d.supply_before.to_string()));
    if let Some(a) = &d.adjustment {
        attrs.push(("computed_delta", a.computed_delta.to_string()));
        attrs.push(("max_delta", a.max_delta.to_string()));
        attrs.push(("epoch_seconds", a.epoch_seconds.to_string()));
    }
    let bound = match d.bound_applied {
        Some(SupplyLimit::MaxInflationRate) => "max_inflation_rate",
        Some(SupplyLimit::Buffer) => "buffer",
        Some(SupplyLimit::MintCap) => "mint_cap",
        None => "none",
    };
    attrs.push(("bound_applied", bound.to_string()));
    attrs.push(("amount", d.amount.to_string()));
    let (minted, burned) = match d.action {
        DecisionAction::Expand => (d.amount, Uint128::zero()),
        DecisionAction::Contract => (Uint128::zero(), d.amount),
        _ => (Uint128::zero(), Uint128::zero()),
    };
    attrs.push(("minted", minted.to_string()));
    attrs.push(("burned", burned.to_string()));
    attrs
}
