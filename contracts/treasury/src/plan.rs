//! One distribution step of one schedule, shared by `Distribute` (which saves it and sends its
//! messages) and the `Due` query (which only reports it), so the query shows exactly what a
//! distribution would do.
//!
//! A step, at the current block:
//! 1. counts the intervals come due since the last distribution (`poe_math::distribution::
//!    intervals_due`): for a fixed amount, each adds `amount_per_interval` to what is due; for
//!    inflation, their units are the `elapsed` of one mint (`poe_math::distribution::
//!    inflation_mint`), clamped to the token's cap, minted into the treasury and added to what is
//!    due. When the treasury is no longer the token's minter, nothing is minted and the intervals
//!    stay uncounted, so the accrual is minted in full once it is the minter again;
//! 2. pays what is owed (`total_due - total_paid`, arrears included) out of what the treasury
//!    holds for this call: the live balance, plus what this call minted, less what this call paid
//!    to the schedules before this one. A fixed amount is paid in whole intervals;
//! 3. sets the status: `blocked` when it could not mint or its balance query failed,
//!    `underfunded` when something stays owed, `completed` when every interval came due and was
//!    paid, `active` otherwise. An owing schedule keeps the time it started owing.

use std::collections::BTreeMap;

use cosmwasm_std::{Deps, Env, Uint128};
use poe_math::distribution::{
    clamp_to_cap, fixed_due, inflation_mint, inflation_rate, interval_due_at, intervals_due,
    whole_intervals_payable,
};

use crate::asset::{mint_info, CheckedAsset, MintInfo};
use crate::error::ContractError;
use crate::msg::{Clock, ScheduleAmountInfo, ScheduleStatus};
use crate::state::Schedule;

/// The block's time (seconds) or height: the schedule clock's "now".
pub fn now_on(clock: Clock, env: &Env) -> u64 {
    match clock {
        Clock::Seconds => env.block.time.seconds(),
        Clock::Blocks => env.block.height,
    }
}

/// What one call has minted and paid per asset, and what it asked of the tokens and the bank
/// (each asked once per call).
#[derive(Default)]
pub struct Flows {
    assets: BTreeMap<String, AssetFlow>,
}

#[derive(Default)]
struct AssetFlow {
    /// The live balance at the start of the call, or the query's error.
    balance: Option<Result<Uint128, String>>,
    /// The token's minter, cap and supply at the start of the call, or the query's error.
    mint: Option<Result<MintInfo, String>>,
    /// Minted into the treasury by this call.
    minted: Uint128,
    /// Paid out by this call.
    paid: Uint128,
}

impl Flows {
    fn entry(&mut self, asset: &CheckedAsset) -> &mut AssetFlow {
        self.assets.entry(asset.key()).or_default()
    }

    /// What the treasury holds of `asset` for this call: the live balance plus what the call
    /// minted, less what it paid.
    fn available(
        &mut self,
        deps: Deps,
        env: &Env,
        asset: &CheckedAsset,
    ) -> Result<Uint128, String> {
        let flow = self.entry(asset);
        let balance = flow
            .balance
            .get_or_insert_with(|| {
                asset
                    .balance_of(deps, &env.contract.address)
                    .map_err(|err| format!("balance query failed: {err}"))
            })
            .clone()?;
        Ok(balance
            .saturating_add(flow.minted)
            .saturating_sub(flow.paid))
    }

    /// The token's supply for this call (what this call minted included) and its cap, once the
    /// treasury is checked to be its minter.
    fn supply(
        &mut self,
        deps: Deps,
        env: &Env,
        asset: &CheckedAsset,
    ) -> Result<(Uint128, Option<Uint128>), String> {
        let CheckedAsset::Cw20(token) = asset else {
            return Err("a native denom cannot be minted".to_string());
        };
        let flow = self.entry(asset);
        let info = flow
            .mint
            .get_or_insert_with(|| {
                mint_info(deps, token).map_err(|err| format!("minter query failed: {err}"))
            })
            .clone()?;
        match info.minter {
            Some(m) if m.minter == env.contract.address.as_str() => {
                Ok((info.supply.saturating_add(flow.minted), m.cap))
            }
            Some(m) => Err(format!(
                "the treasury is not the minter (minter: {})",
                m.minter
            )),
            None => Err("the token has no minter".to_string()),
        }
    }

    fn record(&mut self, asset: &CheckedAsset, minted: Uint128, paid: Uint128) {
        let flow = self.entry(asset);
        flow.minted = flow.minted.saturating_add(minted);
        flow.paid = flow.paid.saturating_add(paid);
    }
}

/// One schedule's step (the module's three parts).
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// The schedule after the step (its `last_distribution` not yet set).
    pub schedule: Schedule,
    /// The asset, checked.
    pub asset: CheckedAsset,
    /// Intervals come due since the last distribution.
    pub new_intervals: u64,
    /// Minted into the treasury (inflation), base units.
    pub minted: Uint128,
    /// Whether the mint was clamped to the token's cap.
    pub capped: bool,
    /// Owed before the payment (arrears included), base units.
    pub owed: Uint128,
    /// Paid to the recipient, base units.
    pub paid: Uint128,
    /// When the next interval falls due, in the clock's units.
    pub next_due: Option<u64>,
}

/// Runs one schedule's step at the current block against `flows` (which it updates).
///
/// Errors: `Overflow` (totals past `Uint128::MAX`), `Math` / `InvalidParameter` (a mint past
/// `Uint128::MAX`), `Std` (a corrupt stored asset).
pub fn step(
    deps: Deps,
    env: &Env,
    flows: &mut Flows,
    mut schedule: Schedule,
) -> Result<Step, ContractError> {
    let asset = CheckedAsset::check(deps, &schedule.asset)?;
    let now = now_on(schedule.clock, env);
    let (start, every, duration) = (schedule.start, schedule.every, schedule.duration_intervals);
    let due = intervals_due(start, every, duration, now);
    let new_intervals = due.saturating_sub(schedule.intervals_due);
    let mut blocked: Option<String> = None;
    let (mut minted, mut capped) = (Uint128::zero(), false);

    match &mut schedule.amount {
        ScheduleAmountInfo::Fixed {
            amount_per_interval,
        } => {
            if new_intervals > 0 {
                let added = fixed_due(new_intervals, *amount_per_interval)?;
                schedule.total_due = schedule.total_due.checked_add(added)?;
                schedule.intervals_due = due;
            }
        }
        ScheduleAmountInfo::Inflation {
            inflation_rate_bps,
            units_per_year,
            remainder,
            capped_since,
        } => {
            if new_intervals > 0 {
                match flows.supply(deps, env, &asset) {
                    Err(reason) => blocked = Some(reason),
                    Ok((supply, cap)) => {
                        let rate = inflation_rate(*inflation_rate_bps)
                            .map_err(ContractError::from_math)?;
                        // at most `now - start`: fits
                        let elapsed = new_intervals.saturating_mul(every);
                        let mint =
                            inflation_mint(supply, rate, elapsed, *units_per_year, *remainder)
                                .map_err(ContractError::from_math)?;
                        let (amount, clamped) = clamp_to_cap(supply, mint.amount, cap);
                        // what the cap cut off is never minted: no remainder is carried past it
                        *remainder = if clamped {
                            Uint128::zero()
                        } else {
                            mint.remainder
                        };
                        *capped_since = if clamped {
                            capped_since.or(Some(env.block.time))
                        } else {
                            None
                        };
                        schedule.total_due = schedule.total_due.checked_add(amount)?;
                        schedule.intervals_due = due;
                        flows.record(&asset, amount, Uint128::zero());
                        (minted, capped) = (amount, clamped);
                    }
                }
            }
        }
    }

    let owed = schedule.total_due.checked_sub(schedule.total_paid)?;
    let mut paid = Uint128::zero();
    if !owed.is_zero() {
        match flows.available(deps, env, &asset) {
            Err(reason) => blocked = blocked.or(Some(reason)),
            Ok(available) => {
                paid = match &schedule.amount {
                    ScheduleAmountInfo::Fixed {
                        amount_per_interval,
                    } => whole_intervals_payable(owed, available, *amount_per_interval),
                    ScheduleAmountInfo::Inflation { .. } => owed.min(available),
                };
                flows.record(&asset, Uint128::zero(), paid);
            }
        }
    }
    schedule.total_paid = schedule.total_paid.checked_add(paid)?;
    let left = owed.checked_sub(paid)?;

    let (since, since_height) = owing_since(&schedule.status, env);
    schedule.status = if let Some(reason) = blocked {
        ScheduleStatus::Blocked {
            owed: left,
            since,
            since_height,
            reason,
        }
    } else if !left.is_zero() {
        ScheduleStatus::Underfunded {
            owed: left,
            since,
            since_height,
        }
    } else if duration.is_some_and(|d| schedule.intervals_due >= d) {
        ScheduleStatus::Completed { at: env.block.time }
    } else {
        ScheduleStatus::Active
    };
    let next_due = if schedule.status.is_ended() {
        None
    } else {
        interval_due_at(start, every, duration, due.saturating_add(1))
    };
    Ok(Step {
        schedule,
        asset,
        new_intervals,
        minted,
        capped,
        owed,
        paid,
        next_due,
    })
}

/// When an owing schedule started owing: kept from an `underfunded` or `blocked` status, else
/// now.
pub fn owing_since(status: &ScheduleStatus, env: &Env) -> (cosmwasm_std::Timestamp, u64) {
    match status {
        ScheduleStatus::Underfunded {
            since,
            since_height,
            ..
        }
        | ScheduleStatus::Blocked {
            since,
            since_height,
            ..
        } => (*since, *since_height),
        _ => (env.block.time, env.block.height),
    }
}
