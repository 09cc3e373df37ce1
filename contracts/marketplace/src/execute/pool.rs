//! `CreatePool` and `UpdatePool`.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};

use crate::error::ContractError;
use crate::msg::MAX_POOL_NAME_BYTES;
use crate::state::{load_pool, Pool, CONFIG, POOLS, POOL_NAMES};

/// Owner: creates an empty pool of `token` named `name`, paying its proceeds to `recipient`
/// (default the treasury). Its id is the number of pools after it.
///
/// Attributes: `action=create_pool`, `pool_id`, `name`, `token`, `recipient`.
///
/// Errors: `Payment`, `Ownership`, `Std` (invalid address), [`ContractError::InvalidName`],
/// [`ContractError::DuplicateName`], [`ContractError::TooManyPools`].
pub fn create_pool(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    name: String,
    token: String,
    recipient: Option<String>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    check_name(&name)?;
    if let Some(pool_id) = POOL_NAMES.may_load(deps.storage, &name)? {
        return Err(ContractError::DuplicateName { name, pool_id });
    }
    let mut config = CONFIG.load(deps.storage)?;
    if config.pool_count >= config.max_pools {
        return Err(ContractError::TooManyPools {
            max: config.max_pools,
        });
    }
    let token = deps.api.addr_validate(&token)?;
    let recipient = match recipient {
        Some(recipient) => deps.api.addr_validate(&recipient)?,
        None => config.treasury.clone(),
    };
    config.pool_count += 1;
    let pool = Pool {
        id: config.pool_count.into(),
        name,
        token,
        recipient,
        available: Uint128::zero(),
        reserved: Uint128::zero(),
        pending_allocations: 0,
        sellers: 0,
        total_replenished: Uint128::zero(),
        total_released: Uint128::zero(),
        total_withdrawn: Uint128::zero(),
        total_proceeds: Uint128::zero(),
        created_at: env.block.time,
        last_replenish: None,
    };
    CONFIG.save(deps.storage, &config)?;
    POOLS.save(deps.storage, pool.id, &pool)?;
    POOL_NAMES.save(deps.storage, &pool.name, &pool.id)?;
    Ok(Response::new()
        .add_attribute("action", "create_pool")
        .add_attribute("pool_id", pool.id.to_string())
        .add_attribute("name", pool.name)
        .add_attribute("token", pool.token)
        .add_attribute("recipient", pool.recipient))
}

/// Owner: sets the pool's recipient (`None`: the treasury).
///
/// Attributes: `action=update_pool`, `pool_id`, `recipient`.
///
/// Errors: `Payment`, `Ownership`, `Std`, [`ContractError::PoolNotFound`].
pub fn update_pool(
    deps: DepsMut,
    info: MessageInfo,
    pool_id: u64,
    recipient: Option<String>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut pool = load_pool(deps.storage, pool_id)?;
    pool.recipient = match recipient {
        Some(recipient) => deps.api.addr_validate(&recipient)?,
        None => CONFIG.load(deps.storage)?.treasury,
    };
    POOLS.save(deps.storage, pool_id, &pool)?;
    Ok(Response::new()
        .add_attribute("action", "update_pool")
        .add_attribute("pool_id", pool_id.to_string())
        .add_attribute("recipient", pool.recipient))
}

/// 1 to [`MAX_POOL_NAME_BYTES`] bytes, no control characters, no leading or trailing space.
fn check_name(name: &str) -> Result<(), ContractError> {
    let reason = if name.is_empty() {
        Some("empty".to_string())
    } else if name.len() > MAX_POOL_NAME_BYTES {
        Some(format!("longer than {MAX_POOL_NAME_BYTES} bytes"))
    } else if name.chars().any(char::is_control) {
        Some("control characters".to_string())
    } else if name.trim() != name {
        Some("leading or trailing whitespace".to_string())
    } else {
        None
    };
    match reason {
        Some(reason) => Err(ContractError::InvalidName {
            name: name.to_string(),
            reason,
        }),
        None => Ok(()),
    }
}
