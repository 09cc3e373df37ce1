//! Owner salary with guardrails (seed 001 `pay_owner_salary_with_guardrails`): monthly cap (applied
//! at accrual, see `submit_job`), governance approval, vesting, escrow, emergency halt.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use poe_interface::treasury::cw20_deposit_msg;
use poe_math::{
    calendar::YearMonth,
    salary::{salary_breakdown, vested_so_far, SalaryBreakdown},
};

use crate::error::ContractError;
use crate::execute::pause::ensure_not_paused;
use crate::state::{Config, SalaryMonth, CONFIG, SALARY, STATE};
use poe_controllers::cw20::transfer_msg;

/// Parses `month` and checks it has ended at `env`'s block time.
fn ended_month(env: &Env, month: &str) -> Result<YearMonth, ContractError> {
    let parsed: YearMonth = month.parse()?;
    if env.block.time < parsed.end() {
        return Err(ContractError::MonthNotEnded {
            month: month.to_string(),
        });
    }
    Ok(parsed)
}

fn load_month(deps: &DepsMut, month: &YearMonth) -> Result<SalaryMonth, ContractError> {
    SALARY
        .may_load(deps.storage, month.index())?
        .ok_or_else(|| ContractError::NoSalary {
            month: month.to_string(),
        })
}

/// The month's breakdown, fixed on first use after the month ended with the policy then in force.
fn settle(record: &mut SalaryMonth, config: &Config) -> Result<SalaryBreakdown, ContractError> {
    if let Some(b) = record.settled {
        return Ok(b);
    }
    let b = salary_breakdown(record.capped_salary, &config.params.owner_salary_policy)?;
    record.settled = Some(b);
    Ok(b)
}

/// Whole calendar months from the end of `month` to `now`: the vesting clock.
pub(crate) fn months_since_end(month: &YearMonth, now: cosmwasm_std::Timestamp) -> u64 {
    YearMonth::of(now)
        .index()
        .saturating_sub(month.next().index())
}

/// Owner (governance): approves the salary of an ended month.
///
/// Errors: `Ownership`, `Math(InvalidMonth)`, `MonthNotEnded`, `NoSalary`,
/// `SalaryAlreadyApproved`.
pub fn approve(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    month: String,
) -> Result<Response, ContractError> {
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let ym = ended_month(&env, &month)?;
    let mut record = load_month(&deps, &ym)?;
    if record.approved {
        return Err(ContractError::SalaryAlreadyApproved { month });
    }
    record.approved = true;
    SALARY.save(deps.storage, ym.index(), &record)?;
    Ok(Response::new()
        .add_attribute("action", "approve_owner_salary")
        .add_attribute("month", ym.to_string())
        .add_attribute("capped_salary", record.capped_salary))
}

/// Owner: halts or resumes salary payouts; halting needs `emergency_halt_enabled`.
///
/// Errors: `Ownership`, `SalaryHaltDisabled`, `InvalidParameter` (already in that state).
pub fn halt(deps: DepsMut, info: MessageInfo, halted: bool) -> Result<Response, ContractError> {
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let config = CONFIG.load(deps.storage)?;
    if halted && !config.params.owner_salary_policy.emergency_halt_enabled {
        return Err(ContractError::SalaryHaltDisabled {});
    }
    let mut state = STATE.load(deps.storage)?;
    if state.salary_halted == halted {
        return Err(ContractError::invalid(
            "halted",
            format!(
                "salary payouts are already {}",
                if halted { "halted" } else { "running" }
            ),
        ));
    }
    state.salary_halted = halted;
    STATE.save(deps.storage, &state)?;
    Ok(Response::new()
        .add_attribute("action", "halt_owner_salary")
        .add_attribute("halted", halted.to_string()))
}

/// Salary recipient: pays what is due for an ended (and, if required, approved) month: the final
/// payout `immediate - escrow` once, and the vested part linearly over `vesting_period_months`
/// whole months after the month.
///
/// Errors: `NotSalaryRecipient`, `Pause(Paused)`, `SalaryHalted`, `Math(InvalidMonth)`,
/// `MonthNotEnded`, `NoSalary`, `SalaryNotApproved`, `NothingToClaim`.
pub fn claim(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    month: String,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    if info.sender != config.owner_salary_recipient {
        return Err(ContractError::NotSalaryRecipient {});
    }
    let state = STATE.load(deps.storage)?;
    ensure_not_paused(&state, &env)?;
    if state.salary_halted {
        return Err(ContractError::SalaryHalted {});
    }
    let ym = ended_month(&env, &month)?;
    let mut record = load_month(&deps, &ym)?;
    if config
        .params
        .owner_salary_policy
        .governance_approval_required
        && !record.approved
    {
        return Err(ContractError::SalaryNotApproved { month });
    }
    let b = settle(&mut record, &config)?;
    let final_due = b.final_payout.checked_sub(record.paid_final)?;
    let vested = vested_so_far(
        b.vested_amount,
        months_since_end(&ym, env.block.time),
        config.params.owner_salary_policy.vesting_period_months,
    )?;
    let vested_due = vested.checked_sub(record.paid_vested)?;
    let due = final_due.checked_add(vested_due)?;
    if due.is_zero() {
        return Err(ContractError::NothingToClaim {});
    }
    record.paid_final = b.final_payout;
    record.paid_vested = vested;
    SALARY.save(deps.storage, ym.index(), &record)?;
    Ok(Response::new()
        .add_message(transfer_msg(&config.flx_token, &info.sender, due)?)
        .add_attribute("action", "claim_owner_salary")
        .add_attribute("month", ym.to_string())
        .add_attribute("final_payout", final_due)
        .add_attribute("vested", vested_due)
        .add_attribute("amount", due))
}

/// Owner: releases the month's escrow to the recipient or forfeits it to the treasury.
///
/// Errors: `Ownership`, `Math(InvalidMonth)`, `MonthNotEnded`, `NoSalary`,
/// `EscrowAlreadyResolved`.
pub fn resolve_escrow(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    month: String,
    release: bool,
) -> Result<Response, ContractError> {
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let config = CONFIG.load(deps.storage)?;
    let ym = ended_month(&env, &month)?;
    let mut record = load_month(&deps, &ym)?;
    let b = settle(&mut record, &config)?;
    let remaining = b
        .escrow_amount
        .checked_sub(record.escrow_released)?
        .checked_sub(record.escrow_forfeited)?;
    if remaining.is_zero() {
        return Err(ContractError::EscrowAlreadyResolved { month });
    }
    let msg = if release {
        record.escrow_released = record.escrow_released.checked_add(remaining)?;
        transfer_msg(&config.flx_token, &config.owner_salary_recipient, remaining)?
    } else {
        record.escrow_forfeited = record.escrow_forfeited.checked_add(remaining)?;
        cw20_deposit_msg(
            &config.flx_token,
            &config.treasury,
            remaining,
            "salary_escrow_forfeit",
        )?
    };
    SALARY.save(deps.storage, ym.index(), &record)?;
    Ok(Response::new()
        .add_message(msg)
        .add_attribute("action", "resolve_salary_escrow")
        .add_attribute("month", ym.to_string())
        .add_attribute("release", release.to_string())
        .add_attribute("amount", remaining))
}
