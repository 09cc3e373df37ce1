//! Queries.

use cosmwasm_std::{to_json_binary, Addr, Binary, Deps, Env, Order, StdResult, Timestamp, Uint128};
use cw_storage_plus::Bound;
use poe_controllers::page::page_limit;
use poe_math::staking::{stream_rate, weighted_power};

use crate::error::ContractError;
use crate::execute::{canonical, load_pool};
use crate::msg::{
    Claim, ClaimsResponse, ConfigResponse, PoolResponse, PoolsResponse, PositionResponse, QueryMsg,
    TotalPowerResponse, VotingPowerResponse,
};
use crate::rewards::settle;
use crate::state::{
    stake_at, total_at, PoolInfo, CLAIMS, CONFIG, POOLS, POSITIONS, REWARD_TOKENS, STATES, TIERS,
    UNBONDING,
};

/// Dispatches a query.
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    Ok(match msg {
        QueryMsg::Config {} => to_json_binary(&query_config(deps)?)?,
        QueryMsg::Pool { token } => to_json_binary(&query_pool(deps, &env, token)?)?,
        QueryMsg::Pools { start_after, limit } => {
            to_json_binary(&query_pools(deps, &env, start_after, limit)?)?
        }
        QueryMsg::Position { address, token } => {
            to_json_binary(&query_position(deps, &env, address, token)?)?
        }
        QueryMsg::Claims { address, token } => {
            to_json_binary(&query_claims(deps, address, token)?)?
        }
        QueryMsg::VotingPower { address, height } => {
            to_json_binary(&query_voting_power(deps, &env, address, height)?)?
        }
        QueryMsg::TotalPower { height } => to_json_binary(&query_total_power(deps, &env, height)?)?,
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?)?,
    })
}

/// The caps and the number of pools.
pub fn query_config(deps: Deps) -> StdResult<ConfigResponse> {
    let config = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        max_pools: config.max_pools,
        max_claims: config.max_claims,
        pool_count: config.pool_count,
    })
}

/// One pool, its stream brought up to the current block time (nothing is written).
///
/// Errors: invalid address, [`ContractError::UnknownPool`].
pub fn query_pool(deps: Deps, env: &Env, token: String) -> Result<PoolResponse, ContractError> {
    let token = deps.api.addr_validate(&token)?;
    let pool = load_pool(deps.storage, &token)?;
    pool_response(deps, env, token, pool)
}

/// Pools in token-address order after `start_after`; `limit` defaults to 10, clamped to 1..=30.
///
/// Errors: invalid `start_after`.
pub fn query_pools(
    deps: Deps,
    env: &Env,
    start_after: Option<String>,
    limit: Option<u32>,
) -> Result<PoolsResponse, ContractError> {
    let limit = page_limit(limit);
    let start = start_after
        .map(|s| deps.api.addr_validate(&s))
        .transpose()?;
    let pools = POOLS
        .range(
            deps.storage,
            start.as_ref().map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(limit)
        .map(|item| {
            let (token, pool) = item?;
            pool_response(deps, env, token, pool)
        })
        .collect::<Result<_, _>>()?;
    Ok(PoolsResponse { pools })
}

fn pool_response(
    deps: Deps,
    env: &Env,
    token: Addr,
    pool: PoolInfo,
) -> Result<PoolResponse, ContractError> {
    let now = env.block.time.seconds();
    let mut state = STATES.load(deps.storage, pool.id)?;
    state.advance(state.total_staked, now)?;
    let reward_rate = if state.total_staked.is_zero() {
        cosmwasm_std::Decimal::zero()
    } else {
        stream_rate(state.remaining, state.last_update, state.period_finish, now)
    };
    Ok(PoolResponse {
        tier: TIERS.load(deps.storage, pool.id)?,
        token: token.to_string(),
        reward_token: REWARD_TOKENS.load(deps.storage, pool.id)?.to_string(),
        min_stake: pool.min_stake,
        lock_period_seconds: pool.lock_period_seconds,
        unbonding_period_seconds: pool.unbonding_period_seconds,
        total_staked: state.total_staked,
        total_unbonding: UNBONDING
            .may_load(deps.storage, pool.id)?
            .unwrap_or_default(),
        reward_rate,
        reward_remaining: state.remaining,
        period_finish: state.period_finish,
        reward_per_share: state.reward_per_share,
        total_funded: state.total_funded,
        total_rewards_paid: state.total_paid,
    })
}

/// `address`'s position in `token`'s pool, rewards accrued up to the current block time (zeros
/// when it has none).
///
/// Errors: invalid address, [`ContractError::UnknownPool`].
pub fn query_position(
    deps: Deps,
    env: &Env,
    address: String,
    token: String,
) -> Result<PositionResponse, ContractError> {
    let address = deps.api.addr_validate(&address)?;
    let token = deps.api.addr_validate(&token)?;
    let pool = load_pool(deps.storage, &token)?;
    let who = canonical(deps.api, &address)?;
    let Some(mut position) = POSITIONS.may_load(deps.storage, (pool.id, who.as_slice()))? else {
        return Ok(PositionResponse {
            staked: Uint128::zero(),
            lock_until: Timestamp::from_seconds(0),
            pending_rewards: Uint128::zero(),
        });
    };
    let mut state = STATES.load(deps.storage, pool.id)?;
    state.advance(state.total_staked, env.block.time.seconds())?;
    let staked = position.staked;
    settle(&mut position, staked, state.reward_per_share)?;
    Ok(PositionResponse {
        staked: position.staked,
        lock_until: Timestamp::from_nanos(position.lock_until),
        pending_rewards: position.pending_rewards,
    })
}

/// `address`'s pending claims in `token`'s pool, in unstake order.
///
/// Errors: invalid address, [`ContractError::UnknownPool`].
pub fn query_claims(
    deps: Deps,
    address: String,
    token: String,
) -> Result<ClaimsResponse, ContractError> {
    let address = deps.api.addr_validate(&address)?;
    let token = deps.api.addr_validate(&token)?;
    let pool = load_pool(deps.storage, &token)?;
    let who = canonical(deps.api, &address)?;
    let claims = CLAIMS
        .may_load(deps.storage, (pool.id, who.as_slice()))?
        .unwrap_or_default()
        .into_iter()
        .map(|c| Claim {
            amount: c.0,
            release_at: Timestamp::from_nanos(c.1),
        })
        .collect();
    Ok(ClaimsResponse { claims })
}

/// `floor(sum over pools of tier x staked)` of `address` at the start of block `height` (default
/// the current block). Reads, per pool (at most `max_pools`): its tier at `height` and the first
/// stake changelog entry at or after `height` (else the position).
///
/// Errors: invalid address, [`ContractError::FutureHeight`], `Math` (beyond `Uint128`).
pub fn query_voting_power(
    deps: Deps,
    env: &Env,
    address: String,
    height: Option<u64>,
) -> Result<VotingPowerResponse, ContractError> {
    let address = deps.api.addr_validate(&address)?;
    let height = check_height(env, height)?;
    let who = canonical(deps.api, &address)?;
    let power = power_at(deps, height, |id| {
        stake_at(deps.storage, id, who.as_slice(), height)
    })?;
    Ok(VotingPowerResponse { power, height })
}

/// `floor(sum over pools of tier x total staked)` at the start of block `height` (default the
/// current block).
///
/// Errors: [`ContractError::FutureHeight`], `Math`.
pub fn query_total_power(
    deps: Deps,
    env: &Env,
    height: Option<u64>,
) -> Result<TotalPowerResponse, ContractError> {
    let height = check_height(env, height)?;
    let power = power_at(deps, height, |id| total_at(deps.storage, id, height))?;
    Ok(TotalPowerResponse { power, height })
}

/// A height at most the current block's (default the current block): a later height's value
/// could still change.
fn check_height(env: &Env, height: Option<u64>) -> Result<u64, ContractError> {
    let current = env.block.height;
    let height = height.unwrap_or(current);
    if height > current {
        return Err(ContractError::FutureHeight { height, current });
    }
    Ok(height)
}

/// Sums `tier x staked` over every pool that had a tier at the start of `height`.
fn power_at(
    deps: Deps,
    height: u64,
    staked_at: impl Fn(u8) -> StdResult<Uint128>,
) -> Result<Uint128, ContractError> {
    let mut terms = vec![];
    for item in POOLS.range(deps.storage, None, None, Order::Ascending) {
        let (_, pool) = item?;
        let Some(tier) = TIERS.may_load_at_height(deps.storage, pool.id, height)? else {
            continue;
        };
        terms.push((staked_at(pool.id)?, tier));
    }
    Ok(weighted_power(terms)?)
}
