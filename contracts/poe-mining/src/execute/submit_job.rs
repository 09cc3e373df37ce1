//! The FLX fee hook: a reporter attests a job and pays its fee (seed 001 `EconomicJob`,
//! `calculate_poe_fee_split`).

use cosmwasm_std::{from_json, Decimal, DepsMut, Env, MessageInfo, Response, Timestamp, Uint128};
use cw20::Cw20ReceiveMsg;
use poe_interface::poe_mining::{JobReport, ReceiveMsg};
use poe_math::{
    calendar::YearMonth,
    fee::{split_fee, weighted_unlock},
    poe::max_liquidity_delta,
    salary::accrue_under_cap,
    schedule::MAX_SECONDS,
    weight::{effective_job_types, weighted_score},
};

use crate::error::ContractError;
use crate::execute::pause::ensure_not_paused;
use crate::state::{
    Config, Job, MinerEpoch, CONFIG, EPOCHS, JOBS, MINERS, MINER_EPOCHS, REPORTERS, SALARY, STATE,
};

/// `Receive` hook. Only the FLX token may call it; `wrapper.sender` must be a reporter.
///
/// Errors: [`ContractError::WrongToken`], `Std` (a `msg` that is not a [`ReceiveMsg`]), and
/// those of [`submit_job`].
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
/// 1. checks the reporter, the job (value > 0, quality and uptime in [0, 1],
///    `|liquidity_delta| <= job_value * max_liquidity_ratio`), the miner, and that `amount` is
///    exactly the job's fee;
/// 2. adds the job to its epoch's activity (the inputs of Phi; uptime and quality weighted by
///    value) and to the miner's epoch score, updating `sum w_i` by the change of this miner's
///    `w_i` (O(1)); the miner's first job of an epoch fixes its prestige streak from its
///    previous epoch's value, and every job updates the effective number of job types;
/// 3. credits `miner_spendable` and `miner_locked_reserve` to the miner's ledger (the reserve
///    already locked is delayed only in proportion to the new part, `weighted_unlock`; a reserve
///    whose lock had expired stays withdrawable), accrues `owner_salary` to the month under the
///    cap (the rest to the treasury) and `treasury_net` to what the next close sends to the
///    treasury.
///
/// Errors: `AllowList(NotListed)` (not a reporter), [`ContractError::ZeroJobValue`],
/// [`ContractError::InvalidFraction`], [`ContractError::LiquidityDeltaTooLarge`],
/// [`ContractError::MinerNotRegistered`], [`ContractError::FeeMismatch`], `Pause(Paused)`,
/// `Math` / `Overflow` (sums beyond `Uint128`).
fn submit_job(
    deps: DepsMut,
    env: Env,
    config: Config,
    reporter: String,
    amount: Uint128,
    report: JobReport,
) -> Result<Response, ContractError> {
    let reporter = deps.api.addr_validate(&reporter)?;
    REPORTERS.ensure_listed(deps.storage, &reporter)?;
    if report.job_value.is_zero() {
        return Err(ContractError::ZeroJobValue {});
    }
    check_fraction("quality_score", report.quality_score)?;
    check_fraction("uptime", report.uptime)?;
    let params = &config.params;
    let max_delta = max_liquidity_delta(report.job_value, params.max_liquidity_ratio);
    if report.liquidity_delta.unsigned_abs() > max_delta {
        return Err(ContractError::LiquidityDeltaTooLarge {
            liquidity_delta: report.liquidity_delta,
            max: max_delta,
        });
    }
    let miner_addr = deps.api.addr_validate(&report.miner)?;
    let mut miner = MINERS.may_load(deps.storage, &miner_addr)?.ok_or_else(|| {
        ContractError::MinerNotRegistered {
            miner: report.miner.clone(),
        }
    })?;
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

    // The miner's score in this epoch: its first job fixes the prestige multiplier, from the
    // streak its previous epoch's value earned.
    let poe_contribution = report
        .job_value
        .checked_mul_floor(report.quality_score)
        .map_err(poe_math::MathError::from)?;
    let mut miner_epoch = match MINER_EPOCHS.may_load(deps.storage, (&miner_addr, epoch))? {
        Some(me) => me,
        None => {
            let previous_value = match miner.last_active_epoch {
                Some(last) if last.checked_add(1) == Some(epoch) => MINER_EPOCHS
                    .may_load(deps.storage, (&miner_addr, last))?
                    .map(|me| me.job_value),
                _ => None,
            };
            miner.active_streak = params
                .miner_weight
                .next_streak(miner.active_streak, previous_value);
            miner.last_active_epoch = Some(epoch);
            epoch_state.active_miners = epoch_state.active_miners.saturating_add(1);
            MinerEpoch {
                poe_score: Uint128::zero(),
                type_values: [Uint128::zero(); 10],
                job_value: Uint128::zero(),
                prestige_multiplier: params.miner_weight.prestige_multiplier(miner.active_streak),
                weighted_score: Uint128::zero(),
            }
        }
    };
    miner_epoch.poe_score = miner_epoch.poe_score.checked_add(poe_contribution)?;
    miner_epoch.job_value = miner_epoch.job_value.checked_add(report.job_value)?;
    let type_value = miner_epoch
        .type_values
        .get_mut(report.job_type.index())
        .ok_or_else(|| ContractError::invalid("job_type", "unknown job type"))?;
    *type_value = type_value.checked_add(report.job_value)?;
    let diversity = params
        .miner_weight
        .diversity_multiplier(effective_job_types(&miner_epoch.type_values)?);
    let new_weighted = weighted_score(
        miner_epoch.poe_score,
        miner_epoch.prestige_multiplier,
        diversity,
    )?;
    // sum w_j includes this miner's previous w_i, so the subtraction cannot underflow (w_i may
    // shrink: a job of a dominant type lowers the effective number of types)
    epoch_state.total_weighted_score = epoch_state
        .total_weighted_score
        .checked_sub(miner_epoch.weighted_score)?
        .checked_add(new_weighted)?;
    miner_epoch.weighted_score = new_weighted;
    epoch_state.total_poe_score = epoch_state.total_poe_score.checked_add(poe_contribution)?;

    // The miner's ledger. A reserve whose lock has expired stays withdrawable; the still-locked
    // part is delayed only in proportion to what this job locks.
    if now >= miner.lock_expires_at {
        miner.unlocked_reserve = miner.locked_reserve;
    }
    let pending = miner.locked_reserve.checked_sub(miner.unlocked_reserve)?;
    // whole seconds, rounded up (against the miner)
    let now_ceil = now
        .seconds()
        .saturating_add(u64::from(now.subsec_nanos() > 0));
    let lock_until = now_ceil
        .saturating_add(params.lock_period_seconds)
        .min(MAX_SECONDS);
    let unlock = weighted_unlock(
        pending,
        miner.lock_expires_at.seconds(),
        split.miner_locked_reserve,
        lock_until,
    )?;
    miner.lock_expires_at = Timestamp::from_seconds(unlock.min(MAX_SECONDS));
    miner.spendable = miner.spendable.checked_add(split.miner_spendable)?;
    miner.locked_reserve = miner
        .locked_reserve
        .checked_add(split.miner_locked_reserve)?;
    miner.total_poe_score = miner.total_poe_score.checked_add(poe_contribution)?;
    miner.jobs_completed = miner.jobs_completed.saturating_add(1);

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
    state.next_job_id = state.next_job_id.saturating_add(1);
    state.total_jobs = state.total_jobs.saturating_add(1);
    state.total_job_value = state.total_job_value.checked_add(report.job_value)?;
    state.total_network_poe = state.total_network_poe.checked_add(poe_contribution)?;
    if let Some(count) = state.job_type_counts.get_mut(report.job_type.index()) {
        *count = count.saturating_add(1);
    }
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
        .add_attribute("treasury_net", split.treasury_net)
        .add_attribute("lock_expires_at", unlock.to_string()))
}
