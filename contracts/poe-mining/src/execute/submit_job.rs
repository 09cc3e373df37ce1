//! The FLX fee hook: a reporter attests a job and pays its fee (seed 001 `EconomicJob`,
//! `calculate_poe_fee_split`).

use cosmwasm_std::{from_json, Decimal, DepsMut, Env, MessageInfo, Response, Uint128};
use cw20::Cw20ReceiveMsg;
use poe_interface::poe_mining::{JobReport, ReceiveMsg};
use poe_math::{
    calendar::YearMonth, fee::split_fee, salary::accrue_under_cap, weight::weighted_score,
};

use crate::error::ContractError;
use crate::execute::pause::ensure_not_paused;
use crate::state::{
    Job, MinerEpoch, CONFIG, EPOCHS, JOBS, MINERS, MINER_EPOCHS, REPORTERS, SALARY, STATE,
};

/// `Receive` hook. Only the FLX token may call it; `wrapper.sender` must be a reporter.
pub fn receive(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    if info.sender != config.flx_token {
        return Err(ContractError::WrongToken {
            expected: config.flx_token.to_string(),
            received: info.sender.to_string(),
        });
    }
    match from_json(&wrapper.msg)? {
        ReceiveMsg::SubmitJob(job) => {
            submit_job(deps, env, config, wrapper.sender, wrapper.amount, job)
        }
    }
}

fn check_fraction(field: &str, value: Decimal) -> Result<(), ContractError> {
    if value > Decimal::one() {
        return Err(ContractError::InvalidFraction {
            field: field.to_string(),
            value: value.to_string(),
        });
    }
    Ok(())
}

/// Records one job of `report` paid with `amount` FLX by `reporter`:
/// 1. checks the reporter, the job (value > 0, quality and uptime in [0, 1]), the miner, and that
///    `amount` is exactly the job's fee;
/// 2. adds the job to its epoch's activity (the inputs of Phi) and to the miner's epoch score,
///    updating `sum w_i` by the change of this miner's `w_i` (O(1));
/// 3. credits `miner_spendable` and `miner_locked_reserve` to the miner's ledger (the lock runs
///    `lock_period_seconds` from now), accrues `owner_salary` to the month under the cap (the rest
///    to the treasury) and `treasury_net` to what the next close sends to the treasury.
fn submit_job(
    deps: DepsMut,
    env: Env,
    config: crate::state::Config,
    reporter: String,
    amount: Uint128,
    report: JobReport,
) -> Result<Response, ContractError> {
    let reporter = deps.api.addr_validate(&reporter)?;
    if !REPORTERS.has(deps.storage, &reporter) {
        return Err(ContractError::UnauthorizedReporter {
            reporter: reporter.to_string(),
        });
    }
    if report.job_value.is_zero() {
        return Err(ContractError::ZeroJobValue {});
    }
    check_fraction("quality_score", report.quality_score)?;
    check_fraction("uptime", report.uptime)?;
    let miner_addr = deps.api.addr_validate(&report.miner)?;
    let mut miner = MINERS.may_load(deps.storage, &miner_addr)?.ok_or_else(|| {
        ContractError::MinerNotRegistered {
            miner: report.miner.clone(),
        }
    })?;
    let params = &config.params;
    let split = split_fee(report.job_value, &params.fee_rates)?;
    if amount != split.fee {
        return Err(ContractError::FeeMismatch {
            required: split.fee,
            received: amount,
        });
    }

    let now = env.block.time;
    let epoch = config.schedule.epoch_at(now);
    let mut state = STATE.load(deps.storage)?;
    ensure_not_paused(&state, &env)?;
    let mut epoch_state = EPOCHS.may_load(deps.storage, epoch)?.unwrap_or_default();
    epoch_state.activity.record_job(
        report.job_value,
        report.liquidity_delta,
        report.uptime,
        report.quality_score,
    )?;

    // The miner's score in this epoch: its first job fixes the prestige multiplier.
    let poe_contribution = report.job_value.mul_floor(report.quality_score);
    let mut miner_epoch = match MINER_EPOCHS.may_load(deps.storage, (&miner_addr, epoch))? {
        Some(me) => me,
        None => {
            miner.active_streak = match miner.last_active_epoch {
                Some(last) if last + 1 == epoch => miner.active_streak.saturating_add(1),
                _ => 1,
            };
            miner.last_active_epoch = Some(epoch);
            epoch_state.active_miners += 1;
            MinerEpoch {
                poe_score: Uint128::zero(),
                job_types_mask: 0,
                prestige_multiplier: params.miner_weight.prestige_multiplier(miner.active_streak),
                weighted_score: Uint128::zero(),
            }
        }
    };
    miner_epoch.poe_score = miner_epoch.poe_score.checked_add(poe_contribution)?;
    miner_epoch.job_types_mask |= 1 << report.job_type.index();
    let diversity = params
        .miner_weight
        .diversity_multiplier(miner_epoch.job_types_mask.count_ones());
    let new_weighted = weighted_score(
        miner_epoch.poe_score,
        miner_epoch.prestige_multiplier,
        diversity,
    )?;
    // w_i only grows (score and diversity only grow), so the subtraction cannot underflow
    epoch_state.total_weighted_score = epoch_state
        .total_weighted_score
        .checked_sub(miner_epoch.weighted_score)?
        .checked_add(new_weighted)?;
    miner_epoch.weighted_score = new_weighted;
    epoch_state.total_poe_score = epoch_state.total_poe_score.checked_add(poe_contribution)?;

    // The miner's ledger.
    miner.spendable = miner.spendable.checked_add(split.miner_spendable)?;
    miner.locked_reserve = miner
        .locked_reserve
        .checked_add(split.miner_locked_reserve)?;
    miner.lock_expires_at = now.plus_seconds(params.lock_period_seconds);
    miner.total_poe_score = miner.total_poe_score.checked_add(poe_contribution)?;
    miner.jobs_completed += 1;

    // Owner salary of this calendar month, under the monthly cap.
    let month = YearMonth::of(now);
    let mut salary = SALARY
        .may_load(deps.storage, month.index())?
        .unwrap_or_default();
    let (accrued, over_cap) = accrue_under_cap(
        salary.capped_salary,
        split.owner_salary,
        params.owner_salary_policy.monthly_cap,
    )?;
    salary.gross_salary = salary.gross_salary.checked_add(split.owner_salary)?;
    salary.capped_salary = salary.capped_salary.checked_add(accrued)?;

    // Running totals.
    let job_id = state.next_job_id;
    state.next_job_id += 1;
    state.total_jobs += 1;
    state.total_job_value = state.total_job_value.checked_add(report.job_value)?;
    state.total_network_poe = state.total_network_poe.checked_add(poe_contribution)?;
    state.job_type_counts[report.job_type.index()] += 1;
    state.fee_split_totals = state.fee_split_totals.checked_add(&split)?;
    state.treasury_pending = state
        .treasury_pending
        .checked_add(split.treasury_net)?
        .checked_add(over_cap)?;

    let job = Job {
        epoch,
        job_type: report.job_type,
        reporter: reporter.clone(),
        job_value: report.job_value,
        quality_score: report.quality_score,
        liquidity_delta: report.liquidity_delta,
        uptime: report.uptime,
        poe_contribution,
        fee_split: split,
        completion_time: now,
    };
    JOBS.save(deps.storage, (&miner_addr, job_id), &job)?;
    MINER_EPOCHS.save(deps.storage, (&miner_addr, epoch), &miner_epoch)?;
    MINERS.save(deps.storage, &miner_addr, &miner)?;
    EPOCHS.save(deps.storage, epoch, &epoch_state)?;
    SALARY.save(deps.storage, month.index(), &salary)?;
    STATE.save(deps.storage, &state)?;

    Ok(Response::new()
        .add_attribute("action", "submit_job")
        .add_attribute("job_id", job_id.to_string())
        .add_attribute("epoch", epoch.to_string())
        .add_attribute("job_type", report.job_type.seed_name())
        .add_attribute("miner", miner_addr)
        .add_attribute("reporter", reporter)
        .add_attribute("job_value", report.job_value)
        .add_attribute("poe_contribution", poe_contribution)
        .add_attribute("fee", split.fee)
        .add_attribute("miner_locked_reserve", split.miner_locked_reserve)
        .add_attribute("miner_spendable", split.miner_spendable)
        .add_attribute("owner_salary", split.owner_salary)
        .add_attribute("owner_salary_over_cap", over_cap)
        .add_attribute("treasury_net", split.treasury_net))
}
