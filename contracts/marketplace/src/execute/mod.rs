//! Execute handlers, one file per operation, and what several of them share.

pub mod allocate;
pub mod cancel;
pub mod config;
pub mod expire;
pub mod instantiate;
pub mod pool;
pub mod receive;
pub mod release;
pub mod replenish;
pub mod sellers;
pub mod withdraw;

use cosmwasm_std::{Response, Storage, Timestamp};

use crate::error::ContractError;
use crate::msg::AllocationStatus;
use crate::state::{load_allocation, load_pool, Allocation, ALLOCATIONS, POOLS};

/// `value` within `1..=max`, else [`ContractError::InvalidBound`] naming `field`.
pub fn check_bound(field: &str, value: u64, max: u64) -> Result<(), ContractError> {
    if value == 0 || value > max {
        return Err(ContractError::InvalidBound {
            field: field.to_string(),
            value,
            max,
        });
    }
    Ok(())
}

/// The open allocation `allocation_id`.
///
/// Errors: [`ContractError::AllocationNotFound`], [`ContractError::AllocationNotOpen`].
pub fn load_open(storage: &dyn Storage, allocation_id: u64) -> Result<Allocation, ContractError> {
    let allocation = load_allocation(storage, allocation_id)?;
    if allocation.status != AllocationStatus::Open {
        return Err(ContractError::AllocationNotOpen {
            status: allocation.status,
        });
    }
    Ok(allocation)
}

/// Ends the open `allocation` as `status` at `now` (exactly once: the caller loaded it with
/// [`load_open`]) and takes its tokens out of its pool's `reserved`: back to `available` unless
/// it was released. Saves both.
///
/// Errors: `Std`, `Overflow`.
pub fn close(
    storage: &mut dyn Storage,
    mut allocation: Allocation,
    status: AllocationStatus,
    now: Timestamp,
) -> Result<Allocation, ContractError> {
    let mut pool = load_pool(storage, allocation.pool_id)?;
    pool.reserved = pool.reserved.checked_sub(allocation.amount)?;
    pool.pending_allocations = pool.pending_allocations.saturating_sub(1);
    if status == AllocationStatus::Released {
        pool.total_released = pool.total_released.checked_add(allocation.amount)?;
        pool.total_proceeds = pool.total_proceeds.checked_add(allocation.price)?;
    } else {
        pool.available = pool.available.checked_add(allocation.amount)?;
    }
    allocation.status = status;
    allocation.closed_at = Some(now);
    POOLS.save(storage, pool.id, &pool)?;
    ALLOCATIONS.save(storage, allocation.id, &allocation)?;
    Ok(allocation)
}

/// The attributes of an ended allocation.
pub fn closed_response(action: &str, allocation: &Allocation) -> Response {
    Response::new()
        .add_attribute("action", action)
        .add_attribute("allocation_id", allocation.id.to_string())
        .add_attribute("pool_id", allocation.pool_id.to_string())
        .add_attribute("amount", allocation.amount)
}
