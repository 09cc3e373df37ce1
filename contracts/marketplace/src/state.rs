//! The marketplace's state. The owner is cw-ownable's (key `ownership`); the cw2 version is
//! cw2's. Pools and allocations are stored as the interface's responses, so a query returns them
//! as stored.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Empty, Storage};
use cw_storage_plus::{Item, Map};
use poe_controllers::PauseState;

use crate::error::ContractError;
use crate::msg::{AllocationResponse, PoolResponse};

/// The configuration, counters and pause.
#[cw_serde]
pub struct Config {
    /// The token prices are paid in.
    pub flx_token: Addr,
    /// The default recipient of proceeds.
    pub treasury: Addr,
    /// Longest life of an allocation, seconds.
    pub max_allocation_seconds: u64,
    /// Largest number of pools.
    pub max_pools: u32,
    /// Largest number of sellers of one pool.
    pub max_sellers_per_pool: u32,
    /// The number of pools (pools are never deleted).
    pub pool_count: u32,
    /// The id the next allocation gets (ids start at 1).
    pub next_allocation_id: u64,
    /// The pause.
    pub pause: PauseState,
}

/// A pool, as queried.
pub type Pool = PoolResponse;
/// An allocation, as queried.
pub type Allocation = AllocationResponse;

/// The configuration.
pub const CONFIG: Item<Config> = Item::new("config");
/// Pools by id (ids start at 1, `pool_count` is the last).
pub const POOLS: Map<u64, Pool> = Map::new("pools");
/// Pool ids by name (names are unique).
pub const POOL_NAMES: Map<&str, u64> = Map::new("pool_names");
/// The sellers of each pool, keyed by (pool, seller): one read per check.
pub const SELLERS: Map<(u64, &Addr), Empty> = Map::new("sellers");
/// Allocations by id.
pub const ALLOCATIONS: Map<u64, Allocation> = Map::new("allocations");
/// The allocations of each pool, keyed by (pool, allocation), for the `Allocations` query.
pub const POOL_ALLOCATIONS: Map<(u64, u64), Empty> = Map::new("pool_allocations");

/// The pool `pool_id`.
///
/// Errors: [`ContractError::PoolNotFound`].
pub fn load_pool(storage: &dyn Storage, pool_id: u64) -> Result<Pool, ContractError> {
    POOLS
        .may_load(storage, pool_id)?
        .ok_or(ContractError::PoolNotFound { pool_id })
}

/// The allocation `allocation_id`.
///
/// Errors: [`ContractError::AllocationNotFound`].
pub fn load_allocation(
    storage: &dyn Storage,
    allocation_id: u64,
) -> Result<Allocation, ContractError> {
    ALLOCATIONS
        .may_load(storage, allocation_id)?
        .ok_or(ContractError::AllocationNotFound { allocation_id })
}
