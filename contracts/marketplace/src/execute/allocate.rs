//! `Allocate`: a seller reserves tokens of a pool for a pending sale.

use cosmwasm_std::{DepsMut, Empty, Env, MessageInfo, Response, Timestamp, Uint128};

use crate::error::ContractError;
use crate::msg::AllocationStatus;
use crate::state::{load_pool, Allocation, ALLOCATIONS, CONFIG, POOLS, POOL_ALLOCATIONS, SELLERS};

/// A seller of the pool, while not paused: moves `amount` from the pool's `available` to its
/// `reserved` for `buyer`, who may release it by paying exactly `price` FLX before
/// `expires_at` (after now, at most `max_allocation_seconds` from now).
///
/// Attributes: `action=allocate`, `allocation_id`, `pool_id`, `seller`, `buyer`, `amount`,
/// `price`, `expires_at` (seconds).
///
/// Errors: `Payment`, [`ContractError::Pause`], [`ContractError::PoolNotFound`],
/// [`ContractError::NotSeller`], `Std` (invalid buyer), [`ContractError::ZeroAmount`],
/// [`ContractError::InvalidExpiry`], [`ContractError::InsufficientAvailable`].
#[allow(clippy::too_many_arguments)]
pub fn allocate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    pool_id: u64,
    amount: Uint128,
    buyer: String,
    price: Uint128,
    expires_at: Timestamp,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut config = CONFIG.load(deps.storage)?;
    config.pause.ensure_not_paused(&env.block)?;
    let mut pool = load_pool(deps.storage, pool_id)?;
    if !SELLERS.has(deps.storage, (pool_id, &info.sender)) {
        return Err(ContractError::NotSeller {
            pool_id,
            address: info.sender,
        });
    }
    let buyer = deps.api.addr_validate(&buyer)?;
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount {
            what: "amount".to_string(),
        });
    }
    if price.is_zero() {
        return Err(ContractError::ZeroAmount {
            what: "price".to_string(),
        });
    }
    let now = env.block.time;
    let latest = now.plus_seconds(config.max_allocation_seconds);
    if expires_at <= now || expires_at > latest {
        return Err(ContractError::InvalidExpiry {
            expires_at,
            now,
            latest,
        });
    }
    if amount > pool.available {
        return Err(ContractError::InsufficientAvailable {
            available: pool.available,
            requested: amount,
        });
    }
    pool.available -= amount;
    pool.reserved = pool.reserved.checked_add(amount)?;
    pool.pending_allocations += 1;
    let allocation = Allocation {
        id: config.next_allocation_id,
        pool_id,
        seller: info.sender,
        buyer,
        amount,
        price,
        created_at: now,
        expires_at,
        status: AllocationStatus::Open,
        closed_at: None,
    };
    config.next_allocation_id += 1;
    CONFIG.save(deps.storage, &config)?;
    POOLS.save(deps.storage, pool_id, &pool)?;
    ALLOCATIONS.save(deps.storage, allocation.id, &allocation)?;
    POOL_ALLOCATIONS.save(deps.storage, (pool_id, allocation.id), &Empty {})?;
    Ok(Response::new()
        .add_attribute("action", "allocate")
        .add_attribute("allocation_id", allocation.id.to_string())
        .add_attribute("pool_id", pool_id.to_string())
        .add_attribute("seller", allocation.seller)
        .add_attribute("buyer", allocation.buyer)
        .add_attribute("amount", amount)
        .add_attribute("price", price)
        .add_attribute("expires_at", expires_at.seconds().to_string()))
}
