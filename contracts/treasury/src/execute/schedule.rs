//! `CreateSchedule` and `CancelSchedule` (owner only).

use cosmwasm_std::{Addr, Deps, DepsMut, Env, MessageInfo, Response, Uint128};
use poe_math::distribution::{
    fixed_due, inflation_rate, intervals_due, schedule_end, BLOCKS_PER_YEAR,
    DEFAULT_INFLATION_RATE_BPS, SECONDS_PER_YEAR,
};

use crate::asset::{mint_info, CheckedAsset};
use crate::error::ContractError;
use crate::execute::memo_attr;
use crate::msg::{
    AssetInfo, Clock, Interval, Recipient, ScheduleAmount, ScheduleAmountInfo, ScheduleStatus,
    MAX_HOOK_MSG_BYTES,
};
use crate::plan::now_on;
use crate::state::{load_schedule, save_schedule, Schedule, LAST_SCHEDULE_ID};

/// Owner only: creates a schedule (see `ExecuteMsg::CreateSchedule`), `active`, nothing due
/// yet. Checks, in this order: no funds, the owner, the asset (address or denom), the memo,
/// the interval (above 0, a start not in the past of the interval's clock), the amount (above
/// 0; inflation only of a cw20, at a rate within 1..=10,000 bps, `blocks_per_year` only with a
/// blocks clock and above 0), the duration (above 0, ending within `u64`), the recipient (not
/// the treasury; a hook's `msg` 1 to 4,096 bytes and its contract a contract), then the token:
/// a fixed amount's cw20 must answer `Balance`, an inflation's cw20 must answer `Minter` and
/// `TokenInfo` and name the treasury as its minter.
///
/// A fixed schedule may be created before the treasury holds its asset: it is `underfunded`
/// until the funds arrive.
///
/// Attributes: `action=create_schedule`, `schedule_id`, `asset`, `amount_per_interval` or
/// `inflation_rate_bps`, `clock`, `every`, `start`, `duration_intervals` (`perpetual` when
/// none), `recipient`, `memo`.
///
/// Errors: `Payment`, `Ownership`, `Std` (invalid address), [`ContractError::InvalidDenom`],
/// [`ContractError::NotCw20`], [`ContractError::NotMinter`], [`ContractError::MemoTooLong`],
/// [`ContractError::ZeroAmount`], [`ContractError::InvalidParameter`],
/// [`ContractError::ZeroInterval`], [`ContractError::StartInPast`],
/// [`ContractError::ZeroDuration`], [`ContractError::InvalidRecipient`],
/// [`ContractError::InvalidHook`].
#[allow(clippy::too_many_arguments)]
pub fn create_schedule(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    asset: AssetInfo,
    amount: ScheduleAmount,
    interval: Interval,
    duration_intervals: Option<u64>,
    recipient: Recipient,
    memo: Option<String>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let asset = CheckedAsset::check(deps.as_ref(), &asset)?;
    let memo = memo_attr(memo)?;
    let (clock, every, start) = check_interval(&env, &interval)?;
    let (amount, amount_attr) = check_amount(&asset, amount, clock)?;
    if duration_intervals == Some(0) {
        return Err(ContractError::ZeroDuration {});
    }
    let end = schedule_end(start, every, duration_intervals).map_err(ContractError::from_math)?;
    let recipient = check_recipient(deps.as_ref(), &env, recipient)?;
    match (&asset, &amount) {
        (CheckedAsset::Cw20(token), ScheduleAmountInfo::Inflation { .. }) => {
            check_minter(deps.as_ref(), &env, &asset, token)?
        }
        (CheckedAsset::Cw20(_), ScheduleAmountInfo::Fixed { .. }) => {
            asset.checked_balance_of(deps.as_ref(), &env.contract.address)?;
        }
        (CheckedAsset::Native(_), _) => {}
    }

    let id = LAST_SCHEDULE_ID
        .may_load(deps.storage)?
        .unwrap_or_default()
        .checked_add(1)
        .ok_or_else(|| ContractError::InvalidParameter {
            name: "schedule_id".to_string(),
            reason: "no schedule id left".to_string(),
        })?;
    LAST_SCHEDULE_ID.save(deps.storage, &id)?;
    let schedule = Schedule {
        id,
        asset: asset.info(),
        amount,
        clock,
        every,
        start,
        end,
        duration_intervals,
        recipient: recipient.clone(),
        memo: memo.clone(),
        created_at: env.block.time,
        created_height: env.block.height,
        intervals_due: 0,
        total_due: Uint128::zero(),
        total_paid: Uint128::zero(),
        last_distribution: None,
        status: ScheduleStatus::Active,
    };
    save_schedule(deps.storage, &schedule)?;

    Ok(Response::new()
        .add_attribute("action", "create_schedule")
        .add_attribute("schedule_id", id.to_string())
        .add_attribute("asset", asset.label())
        .add_attribute(amount_attr.0, amount_attr.1)
        .add_attribute("clock", clock_name(clock))
        .add_attribute("every", every.to_string())
        .add_attribute("start", start.to_string())
        .add_attribute(
            "duration_intervals",
            duration_intervals.map_or_else(|| "perpetual".to_string(), |d| d.to_string()),
        )
        .add_attribute("recipient", recipient_attr(&recipient))
        .add_attribute("memo", memo))
}

/// Owner only: cancels a schedule that has not ended. Nothing is paid; what had come due by now
/// and was not paid (for a fixed amount: the intervals due now, distributed or not; for
/// inflation: what was minted and not paid) is recorded as `unpaid` and stays in the treasury.
///
/// Attributes: `action=cancel_schedule`, `schedule_id`, `unpaid`.
///
/// Errors: `Payment`, `Ownership`, [`ContractError::ScheduleNotFound`],
/// [`ContractError::ScheduleEnded`], `Overflow`.
pub fn cancel_schedule(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    schedule_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut schedule = load_schedule(deps.storage, schedule_id)?;
    if schedule.status.is_ended() {
        return Err(ContractError::ScheduleEnded {
            schedule_id,
            status: schedule.status.as_str().to_string(),
        });
    }
    let due = match &schedule.amount {
        ScheduleAmountInfo::Fixed {
            amount_per_interval,
        } => {
            let now = now_on(schedule.clock, &env);
            let intervals = intervals_due(
                schedule.start,
                schedule.every,
                schedule.duration_intervals,
                now,
            );
            fixed_due(intervals, *amount_per_interval)?
        }
        ScheduleAmountInfo::Inflation { .. } => schedule.total_due,
    };
    let unpaid = due.saturating_sub(schedule.total_paid);
    schedule.status = ScheduleStatus::Cancelled {
        at: env.block.time,
        unpaid,
    };
    save_schedule(deps.storage, &schedule)?;
    Ok(Response::new()
        .add_attribute("action", "cancel_schedule")
        .add_attribute("schedule_id", schedule_id.to_string())
        .add_attribute("unpaid", unpaid))
}

/// `seconds` or `blocks`.
pub fn clock_name(clock: Clock) -> &'static str {
    match clock {
        Clock::Seconds => "seconds",
        Clock::Blocks => "blocks",
    }
}

/// The recipient as an attribute: its address, or `hook:<contract>`.
pub fn recipient_attr(recipient: &Recipient) -> String {
    match recipient {
        Recipient::Address { address } => address.clone(),
        Recipient::Hook { contract, .. } => format!("hook:{contract}"),
    }
}

/// The token must answer `Minter` and `TokenInfo`, and its minter must be the treasury.
fn check_minter(
    deps: Deps,
    env: &Env,
    asset: &CheckedAsset,
    token: &Addr,
) -> Result<(), ContractError> {
    let info = mint_info(deps, token).map_err(|err| ContractError::NotCw20 {
        token: asset.label(),
        reason: err.to_string(),
    })?;
    match info.minter {
        Some(m) if m.minter == env.contract.address.as_str() => Ok(()),
        other => Err(ContractError::NotMinter {
            token: asset.label(),
            minter: other.map_or_else(|| "none".to_string(), |m| m.minter),
        }),
    }
}

/// The clock, the interval and the start (default now), checked.
fn check_interval(env: &Env, interval: &Interval) -> Result<(Clock, u64, u64), ContractError> {
    let (clock, every, start) = match interval {
        Interval::Seconds { every, start_time } => {
            (Clock::Seconds, *every, start_time.map(|t| t.seconds()))
        }
        Interval::Blocks {
            every,
            start_height,
        } => (Clock::Blocks, *every, *start_height),
    };
    if every == 0 {
        return Err(ContractError::ZeroInterval {
            clock: clock_name(clock).to_string(),
        });
    }
    let now = now_on(clock, env);
    let start = start.unwrap_or(now);
    if start < now {
        return Err(ContractError::StartInPast {
            start,
            now,
            clock: clock_name(clock).to_string(),
        });
    }
    Ok((clock, every, start))
}

/// The amount as stored, and its attribute.
fn check_amount(
    asset: &CheckedAsset,
    amount: ScheduleAmount,
    clock: Clock,
) -> Result<(ScheduleAmountInfo, (&'static str, String)), ContractError> {
    match amount {
        ScheduleAmount::Fixed {
            amount_per_interval,
        } => {
            if amount_per_interval.is_zero() {
                return Err(ContractError::ZeroAmount {
                    asset: asset.label(),
                });
            }
            Ok((
                ScheduleAmountInfo::Fixed {
                    amount_per_interval,
                },
                ("amount_per_interval", amount_per_interval.to_string()),
            ))
        }
        ScheduleAmount::Inflation {
            inflation_rate_bps,
            blocks_per_year,
        } => {
            if let CheckedAsset::Native(_) = asset {
                return Err(ContractError::InvalidParameter {
                    name: "asset".to_string(),
                    reason: "inflation mints a cw20 token: a native denom cannot be minted"
                        .to_string(),
                });
            }
            let bps = inflation_rate_bps.unwrap_or(DEFAULT_INFLATION_RATE_BPS);
            inflation_rate(bps).map_err(ContractError::from_math)?;
            let units_per_year = match (clock, blocks_per_year) {
                (Clock::Seconds, None) => SECONDS_PER_YEAR,
                (Clock::Seconds, Some(_)) => {
                    return Err(ContractError::InvalidParameter {
                        name: "blocks_per_year".to_string(),
                        reason: "applies to a blocks interval only".to_string(),
                    })
                }
                (Clock::Blocks, None) => BLOCKS_PER_YEAR,
                (Clock::Blocks, Some(0)) => {
                    return Err(ContractError::InvalidParameter {
                        name: "blocks_per_year".to_string(),
                        reason: "must be above 0".to_string(),
                    })
                }
                (Clock::Blocks, Some(blocks)) => blocks,
            };
            Ok((
                ScheduleAmountInfo::Inflation {
                    inflation_rate_bps: bps,
                    units_per_year,
                    remainder: Uint128::zero(),
                    capped_since: None,
                },
                ("inflation_rate_bps", bps.to_string()),
            ))
        }
    }
}

/// The recipient with its address validated: not the treasury; a hook's contract a contract
/// and its `msg` 1 to [`MAX_HOOK_MSG_BYTES`] bytes.
fn check_recipient(
    deps: Deps,
    env: &Env,
    recipient: Recipient,
) -> Result<Recipient, ContractError> {
    let not_self = |addr: &Addr, given: &str| {
        if *addr == env.contract.address {
            return Err(ContractError::InvalidRecipient {
                recipient: given.to_string(),
                reason: "the treasury cannot pay itself".to_string(),
            });
        }
        Ok(())
    };
    match recipient {
        Recipient::Address { address } => {
            let addr = deps.api.addr_validate(&address)?;
            not_self(&addr, &address)?;
            Ok(Recipient::Address {
                address: addr.into_string(),
            })
        }
        Recipient::Hook { contract, msg } => {
            let addr = deps.api.addr_validate(&contract)?;
            not_self(&addr, &contract)?;
            if msg.is_empty() || msg.len() > MAX_HOOK_MSG_BYTES {
                return Err(ContractError::InvalidHook {
                    len: msg.len(),
                    max: MAX_HOOK_MSG_BYTES,
                });
            }
            if deps.querier.query_wasm_contract_info(&addr).is_err() {
                return Err(ContractError::InvalidRecipient {
                    recipient: contract,
                    reason: "a hook's recipient must be a contract".to_string(),
                });
            }
            Ok(Recipient::Hook {
                contract: addr.into_string(),
                msg,
            })
        }
    }
}
