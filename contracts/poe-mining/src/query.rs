//! Queries. Paginated ones take `start_after` and `limit` (default 10, max 30,
//! `poe_controllers::page::page_limit`).

use cosmwasm_std::{
    to_json_binary, Addr, Binary, Decimal, Deps, Env, Order, StdError, StdResult, Uint128,
};
use cw_storage_plus::Bound;
use poe_controllers::page::page_limit;
use poe_controllers::pause::query_pause_status;
use poe_interface::poe_mining::{
    ConfigResponse, EconomicJobType, EpochResponse, JobResponse, JobTypeCount, JobsResponse,
    MinerResponse, MinerWeightResponse, MinersResponse, MiningStatisticsResponse,
    MintingEligibilityResponse, OwnerSalaryReportResponse, PendingRewardsResponse,
    PoeIndexResponse, QueryMsg, ReportersResponse,
};
use poe_math::{
    calendar::YearMonth,
    fee::{split_fee, FeeSplit},
    poe::poe_index as compute_index,
    salary::{salary_breakdown, vested_so_far},
    weight::{effective_job_types, normalized_poe_score},
};
use sha2::{Digest, Sha256};

use crate::error::ContractError;
use crate::execute::claim::owed_rewards;
use crate::execute::salary::months_since_end;
use crate::state::{
    pause_of, Config, EpochState, Miner, CONFIG, EPOCHS, JOBS, MINERS, MINER_EPOCHS, REPORTERS,
    SALARY, STATE,
};

/// Dispatches a query.
///
/// Errors: `Std` (invalid address, unknown miner, malformed month, storage).
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    Ok(match msg {
        QueryMsg::Config {} => to_json_binary(&config(deps, &env)?)?,
        QueryMsg::CurrentEpoch {} => to_json_binary(&current_epoch(deps, env)?)?,
        QueryMsg::PoeIndex { epoch } => to_json_binary(&poe_index(deps, epoch)?)?,
        QueryMsg::Miner { address } => to_json_binary(&miner(deps, &env, address)?)?,
        QueryMsg::Miners { start_after, limit } => {
            to_json_binary(&miners(deps, &env, start_after, limit)?)?
        }
        QueryMsg::Jobs {
            miner,
            start_after,
            limit,
        } => to_json_binary(&jobs(deps, miner, start_after, limit)?)?,
        QueryMsg::PendingRewards { miner, limit } => {
            to_json_binary(&pending_rewards(deps, env, miner, limit)?)?
        }
        QueryMsg::MiningStatistics {} => to_json_binary(&mining_statistics(deps)?)?,
        QueryMsg::OwnerSalaryReport { month } => {
            to_json_binary(&owner_salary_report(deps, env, month)?)?
        }
        QueryMsg::MintingEligibility {} => to_json_binary(&minting_eligibility(deps, env)?)?,
        QueryMsg::JobFee { job_value } => to_json_binary(&job_fee(deps, job_value)?)?,
        QueryMsg::Reporters { start_after, limit } => {
            to_json_binary(&reporters(deps, start_after, limit)?)?
        }
        QueryMsg::PauseStatus {} => {
            to_json_binary(&query_pause_status(deps.storage, &env, &STATE, pause_of)?)?
        }
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?)?,
    })
}

fn to_std<E: std::fmt::Display>(e: E) -> StdError {
    StdError::generic_err(e.to_string())
}

/// Addresses, parameters, genesis and the end of the running pause (if one runs).
pub fn config(deps: Deps, env: &Env) -> StdResult<ConfigResponse> {
    let c = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        flx_token: c.flx_token,
        nex_token: c.nex_token,
        treasury: c.treasury,
        owner_salary_recipient: c.owner_salary_recipient,
        params: c.params,
        genesis_time: c.genesis_time,
        paused_until: STATE.load(deps.storage)?.paused_until.active(&env.block),
    })
}

/// The index of `epoch`: stored when closed, computed from the running sums while open.
fn index_response(
    config: &Config,
    epoch: u64,
    state: &EpochState,
    next_to_close: u64,
) -> StdResult<PoeIndexResponse> {
    let (index, nex_minted, closed) = match &state.closed {
        Some(c) => (c.index, c.nex_minted, true),
        None => (
            compute_index(
                &state.activity,
                &config.params.poe_weights,
                &config.params.poe_scales,
            ),
            Uint128::zero(),
            // an empty epoch closed together with a later one has no record
            epoch < next_to_close,
        ),
    };
    Ok(PoeIndexResponse {
        epoch,
        closed,
        phi_value: index.phi_value,
        volume_component: index.volume_component,
        liquidity_component: index.liquidity_component,
        uptime_component: index.uptime_component,
        quality_component: index.quality_component,
        gamma: index.gamma,
        nex_minted,
        total_job_value: state.activity.total_job_value,
        net_liquidity_delta: state.activity.net_liquidity_delta,
        job_count: state.activity.job_count,
        active_miners: state.active_miners,
        total_poe_score: state.total_poe_score,
        total_weighted_score: state.total_weighted_score,
    })
}

/// The PoE index of `epoch`: final once closed, provisional while open.
pub fn poe_index(deps: Deps, epoch: u64) -> StdResult<PoeIndexResponse> {
    let config = CONFIG.load(deps.storage)?;
    let state = EPOCHS.may_load(deps.storage, epoch)?.unwrap_or_default();
    index_response(
        &config,
        epoch,
        &state,
        STATE.load(deps.storage)?.next_epoch_to_close,
    )
}

/// The epoch open now, its bounds and provisional index.
pub fn current_epoch(deps: Deps, env: Env) -> StdResult<EpochResponse> {
    let config = CONFIG.load(deps.storage)?;
    let epoch = config.schedule.epoch_at(env.block.time);
    let state = EPOCHS.may_load(deps.storage, epoch)?.unwrap_or_default();
    let next_epoch_to_close = STATE.load(deps.storage)?.next_epoch_to_close;
    Ok(EpochResponse {
        epoch,
        start_time: config
            .schedule
            .start_of(epoch)
            .unwrap_or(config.genesis_time),
        end_time: config.schedule.end_of(epoch),
        next_epoch_to_close,
        index: index_response(&config, epoch, &state, next_epoch_to_close)?,
    })
}

fn miner_response(
    deps: Deps,
    env: &Env,
    config: &Config,
    address: Addr,
    m: Miner,
) -> StdResult<MinerResponse> {
    let latest_weight = match m.last_active_epoch {
        Some(epoch) => {
            let me = MINER_EPOCHS.load(deps.storage, (&address, epoch))?;
            let es = EPOCHS.may_load(deps.storage, epoch)?.unwrap_or_default();
            let normalized =
                normalized_poe_score(me.poe_score, es.total_poe_score, es.active_miners)
                    .map_err(to_std)?;
            let distinct = me.type_values.iter().filter(|v| !v.is_zero()).count() as u32;
            let effective = effective_job_types(&me.type_values).map_err(to_std)?;
            let diversity = config.params.miner_weight.diversity_multiplier(effective);
            Some(MinerWeightResponse {
                epoch,
                poe_score: me.poe_score,
                normalized_poe_score: normalized,
                prestige_multiplier: me.prestige_multiplier,
                diversity_multiplier: diversity,
                total_weight: normalized
                    .checked_mul(me.prestige_multiplier)?
                    .checked_mul(diversity)?,
                distinct_job_types: distinct,
                effective_job_types: effective,
                job_value: me.job_value,
            })
        }
        None => None,
    };
    Ok(MinerResponse {
        address,
        specialization: m.specialization,
        registered_at: m.registered_at,
        total_poe_score: m.total_poe_score,
        jobs_completed: m.jobs_completed,
        spendable: m.spendable,
        locked_reserve: m.locked_reserve,
        unlocked_reserve: m.withdrawable_reserve(env.block.time),
        lock_expires_at: m.lock_expires_at,
        active_streak: m.active_streak,
        last_active_epoch: m.last_active_epoch,
        rewards_claimed: m.rewards_claimed,
        latest_weight,
    })
}

/// One miner, with its weight in its latest active epoch.
pub fn miner(deps: Deps, env: &Env, address: String) -> StdResult<MinerResponse> {
    let config = CONFIG.load(deps.storage)?;
    let addr = deps.api.addr_validate(&address)?;
    let m = MINERS
        .may_load(deps.storage, &addr)?
        .ok_or_else(|| StdError::not_found(format!("miner {address}")))?;
    miner_response(deps, env, &config, addr, m)
}

/// Miners in address order, paginated.
pub fn miners(
    deps: Deps,
    env: &Env,
    start_after: Option<String>,
    limit: Option<u32>,
) -> StdResult<MinersResponse> {
    let config = CONFIG.load(deps.storage)?;
    let start = start_after
        .map(|s| deps.api.addr_validate(&s))
        .transpose()?;
    let miners = MINERS
        .range(
            deps.storage,
            start.as_ref().map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(page_limit(limit))
        .map(|item| item.and_then(|(addr, m)| miner_response(deps, env, &config, addr, m)))
        .collect::<StdResult<_>>()?;
    Ok(MinersResponse { miners })
}

/// A miner's jobs by ascending id, paginated.
pub fn jobs(
    deps: Deps,
    miner: String,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<JobsResponse> {
    let addr = deps.api.addr_validate(&miner)?;
    let jobs = JOBS
        .prefix(&addr)
        .range(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(page_limit(limit))
        .map(|item| {
            item.map(|(job_id, j)| JobResponse {
                job_id,
                epoch: j.epoch,
                job_type: j.job_type,
                miner: addr.clone(),
                reporter: j.reporter,
                job_value: j.job_value,
                quality_score: j.quality_score,
                liquidity_delta: j.liquidity_delta,
                uptime: j.uptime,
                poe_contribution: j.poe_contribution,
                fee_split: j.fee_split,
                completion_time: j.completion_time,
            })
        })
        .collect::<StdResult<_>>()?;
    Ok(JobsResponse { jobs })
}

/// What a miner can claim now.
pub fn pending_rewards(
    deps: Deps,
    env: Env,
    miner: String,
    limit: Option<u32>,
) -> StdResult<PendingRewardsResponse> {
    let addr = deps.api.addr_validate(&miner)?;
    let m = MINERS
        .may_load(deps.storage, &addr)?
        .ok_or_else(|| StdError::not_found(format!("miner {miner}")))?;
    let state = STATE.load(deps.storage)?;
    let (nex, epochs, _, more) = owed_rewards(
        deps,
        &addr,
        m.claim_cursor,
        state.next_epoch_to_close,
        page_limit(limit),
    )
    .map_err(to_std)?;
    let unlocked = m.withdrawable_reserve(env.block.time);
    Ok(PendingRewardsResponse {
        nex,
        epochs,
        more,
        spendable_flx: m.spendable,
        locked_reserve: m.locked_reserve,
        unlocked_reserve: unlocked,
    })
}

/// Running totals since genesis.
pub fn mining_statistics(deps: Deps) -> StdResult<MiningStatisticsResponse> {
    let s = STATE.load(deps.storage)?;
    let average_miner_poe = if s.total_miners == 0 {
        Decimal::zero()
    } else {
        // saturates rather than failing the query on absurd totals
        Decimal::checked_from_ratio(s.total_network_poe, s.total_miners).unwrap_or(Decimal::MAX)
    };
    Ok(MiningStatisticsResponse {
        total_miners: s.total_miners,
        total_jobs: s.total_jobs,
        total_job_value: s.total_job_value,
        total_network_poe: s.total_network_poe,
        average_miner_poe,
        job_type_distribution: EconomicJobType::ALL
            .iter()
            .zip(s.job_type_counts.iter())
            .map(|(t, jobs)| JobTypeCount {
                job_type: *t,
                jobs: *jobs,
            })
            .collect(),
        fee_split_totals: s.fee_split_totals,
        nex_minted_total: s.nex_minted_total,
        nex_claimed_total: s.nex_claimed_total,
        treasury_pending: s.treasury_pending,
        treasury_paid: s.treasury_paid,
        epochs_closed: s.next_epoch_to_close,
    })
}

/// Seed 001 `OwnerSalaryReport` of `month`.
pub fn owner_salary_report(
    deps: Deps,
    env: Env,
    month: String,
) -> StdResult<OwnerSalaryReportResponse> {
    let config = CONFIG.load(deps.storage)?;
    let ym: YearMonth = month.parse().map_err(to_std)?;
    let record = SALARY
        .may_load(deps.storage, ym.index())?
        .unwrap_or_default();
    let policy = &config.params.owner_salary_policy;
    let breakdown = match record.settled {
        Some(b) => b,
        None => salary_breakdown(record.capped_salary, policy).map_err(to_std)?,
    };
    let closed = env.block.time >= ym.end();
    let vested_claimable = if closed {
        vested_so_far(
            breakdown.vested_amount,
            months_since_end(&ym, env.block.time),
            policy.vesting_period_months,
        )
        .map_err(to_std)?
        .saturating_sub(record.paid_vested)
    } else {
        Uint128::zero()
    };
    let preimage = format!(
        "{}|{}|{}|{}|{}|{}|{}",
        ym,
        record.gross_salary,
        breakdown.capped_salary,
        breakdown.immediate_payout,
        breakdown.vested_amount,
        breakdown.escrow_amount,
        record.approved
    );
    Ok(OwnerSalaryReportResponse {
        month: ym.to_string(),
        gross_salary: record.gross_salary,
        breakdown,
        closed,
        settled: record.settled.is_some(),
        governance_approval: record.approved,
        approval_required: policy.governance_approval_required,
        transparency_reporting: policy.transparency_reporting,
        paid_final: record.paid_final,
        paid_vested: record.paid_vested,
        vested_claimable,
        escrow_released: record.escrow_released,
        escrow_forfeited: record.escrow_forfeited,
        transparency_hash: hex::encode(Sha256::digest(preimage.as_bytes())),
    })
}

/// Seed 001 `TokenMintingEligibility`.
pub fn minting_eligibility(deps: Deps, env: Env) -> StdResult<MintingEligibilityResponse> {
    let config = CONFIG.load(deps.storage)?;
    let state = STATE.load(deps.storage)?;
    let epoch = config.schedule.epoch_at(env.block.time);
    let current = EPOCHS.may_load(deps.storage, epoch)?.unwrap_or_default();
    let current_gamma = index_response(&config, epoch, &current, state.next_epoch_to_close)?.gamma;
    let threshold = config.params.min_poe_threshold;
    let enough_volume = current.activity.total_job_value >= config.params.min_epoch_job_value;
    Ok(MintingEligibilityResponse {
        genesis_eligible: false,
        nexus_eligible: current_gamma >= threshold && enough_volume,
        flux_eligible: None,
        aurum_eligible: None,
        poe_threshold_met: state.last_closed_gamma.is_some_and(|g| g >= threshold),
        current_gamma,
        last_closed_gamma: state.last_closed_gamma,
        min_poe_threshold: threshold,
    })
}

/// The fee of a job of `job_value` and its split.
pub fn job_fee(deps: Deps, job_value: Uint128) -> StdResult<FeeSplit> {
    let config = CONFIG.load(deps.storage)?;
    split_fee(job_value, &config.params.fee_rates).map_err(to_std)
}

/// Reporters in address order, paginated.
pub fn reporters(
    deps: Deps,
    start_after: Option<String>,
    limit: Option<u32>,
) -> StdResult<ReportersResponse> {
    let start = start_after
        .map(|s| deps.api.addr_validate(&s))
        .transpose()?;
    let reporters = REPORTERS.page(deps.storage, start.as_ref(), limit)?;
    Ok(ReportersResponse { reporters })
}
