//! `CreatePool` and `UpdatePool` (owner only).

use cosmwasm_std::{Addr, Decimal, Deps, DepsMut, Env, MessageInfo, Response, Uint128};
use cw20::{Cw20QueryMsg, TokenInfoResponse};

use crate::error::ContractError;
use crate::execute::{check_period, load_pool};
use crate::state::{PoolInfo, RewardStream, CONFIG, POOLS, REWARD_TOKENS, STATES, TIERS};

/// The parameters of `CreatePool`.
pub struct NewPool {
    /// The staked cw20 token.
    pub token: String,
    /// The cw20 token rewards are paid in.
    pub reward_token: String,
    /// Smallest stake that opens a position.
    pub min_stake: Uint128,
    /// Lock after each stake, seconds.
    pub lock_period_seconds: u64,
    /// Unbonding period, seconds.
    pub unbonding_period_seconds: u64,
    /// Voting-power multiplier.
    pub tier: Decimal,
}

/// Owner only: opens a pool for `token`. Both tokens must answer the cw20 `TokenInfo` query
/// (two queries, once per pool). The tier is recorded at this height: the pool adds voting power
/// from the next block on.
///
/// Attributes: `action=create_pool`, `token`, `reward_token`, `min_stake`,
/// `lock_period_seconds`, `unbonding_period_seconds`, `tier`.
///
/// Errors: `Payment`, `Ownership(NotOwner | NoOwner)`, `Std` (invalid address),
/// [`ContractError::InvalidPeriod`] (lock or unbonding above 10 years),
/// [`ContractError::PoolExists`], [`ContractError::TooManyPools`], [`ContractError::NotCw20`].
pub fn create_pool(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    new: NewPool,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let token = deps.api.addr_validate(&new.token)?;
    let reward_token = deps.api.addr_validate(&new.reward_token)?;
    check_period("lock_period_seconds", new.lock_period_seconds, false)?;
    check_period(
        "unbonding_period_seconds",
        new.unbonding_period_seconds,
        false,
    )?;
    if POOLS.has(deps.storage, &token) {
        return Err(ContractError::PoolExists {
            token: token.to_string(),
        });
    }
    let mut config = CONFIG.load(deps.storage)?;
    if config.pool_count >= config.max_pools {
        return Err(ContractError::TooManyPools {
            max: config.max_pools,
        });
    }
    ensure_cw20(deps.as_ref(), &token)?;
    if reward_token != token {
        ensure_cw20(deps.as_ref(), &reward_token)?;
    }

    // pools are never removed, so the count is the next free id; max_pools <= 32 fits a u8
    let id = u8::try_from(config.pool_count).map_err(|_| ContractError::TooManyPools {
        max: config.max_pools,
    })?;
    let pool = PoolInfo {
        id,
        min_stake: new.min_stake,
        lock_period_seconds: new.lock_period_seconds,
        unbonding_period_seconds: new.unbonding_period_seconds,
    };
    POOLS.save(deps.storage, &token, &pool)?;
    REWARD_TOKENS.save(deps.storage, id, &reward_token)?;
    STATES.save(
        deps.storage,
        id,
        &RewardStream::new(env.block.time.seconds()),
    )?;
    TIERS.save(deps.storage, id, &new.tier, env.block.height)?;
    config.pool_count += 1;
    CONFIG.save(deps.storage, &config)?;

    Ok(Response::new()
        .add_attribute("action", "create_pool")
        .add_attribute("token", token)
        .add_attribute("reward_token", reward_token)
        .add_attribute("min_stake", pool.min_stake)
        .add_attribute("lock_period_seconds", pool.lock_period_seconds.to_string())
        .add_attribute(
            "unbonding_period_seconds",
            pool.unbonding_period_seconds.to_string(),
        )
        .add_attribute("tier", new.tier.to_string()))
}

/// The parameters of `UpdatePool` (`None` keeps a value).
pub struct PoolUpdate {
    /// The pool's staked token.
    pub token: String,
    /// New minimum stake.
    pub min_stake: Option<Uint128>,
    /// New lock period, seconds.
    pub lock_period_seconds: Option<u64>,
    /// New unbonding period, seconds.
    pub unbonding_period_seconds: Option<u64>,
    /// New tier.
    pub tier: Option<Decimal>,
}

/// Owner only: changes a pool's parameters (`None` keeps a value). Positions keep the lock they
/// were given and claims their release time; a new tier counts from the next block on, the power
/// of this and earlier heights is unchanged.
///
/// Attributes: `action=update_pool`, `token`, then every parameter as it now stands.
///
/// Errors: `Payment`, `Ownership(NotOwner | NoOwner)`, `Std` (invalid address),
/// [`ContractError::UnknownPool`], [`ContractError::InvalidPeriod`].
pub fn update_pool(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    update: PoolUpdate,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let PoolUpdate {
        token,
        min_stake,
        lock_period_seconds,
        unbonding_period_seconds,
        tier,
    } = update;
    let token = deps.api.addr_validate(&token)?;
    let mut pool = load_pool(deps.storage, &token)?;
    if let Some(min_stake) = min_stake {
        pool.min_stake = min_stake;
    }
    if let Some(seconds) = lock_period_seconds {
        check_period("lock_period_seconds", seconds, false)?;
        pool.lock_period_seconds = seconds;
    }
    if let Some(seconds) = unbonding_period_seconds {
        check_period("unbonding_period_seconds", seconds, false)?;
        pool.unbonding_period_seconds = seconds;
    }
    POOLS.save(deps.storage, &token, &pool)?;
    let tier = match tier {
        Some(tier) => {
            TIERS.save(deps.storage, pool.id, &tier, env.block.height)?;
            tier
        }
        None => TIERS.load(deps.storage, pool.id)?,
    };

    Ok(Response::new()
        .add_attribute("action", "update_pool")
        .add_attribute("token", token)
        .add_attribute("min_stake", pool.min_stake)
        .add_attribute("lock_period_seconds", pool.lock_period_seconds.to_string())
        .add_attribute(
            "unbonding_period_seconds",
            pool.unbonding_period_seconds.to_string(),
        )
        .add_attribute("tier", tier.to_string()))
}

/// Asks `token` for its cw20 `TokenInfo`.
///
/// Errors: [`ContractError::NotCw20`] when it does not answer.
fn ensure_cw20(deps: Deps, token: &Addr) -> Result<(), ContractError> {
    deps.querier
        .query_wasm_smart::<TokenInfoResponse>(token, &Cw20QueryMsg::TokenInfo {})
        .map(|_| ())
        .map_err(|err| ContractError::NotCw20 {
            address: token.to_string(),
            reason: err.to_string(),
        })
}
