//! The marketplace: liquidity pools of one cw20 token each (seed 002's `LiquidityPool`), created
//! by the owner (governance) with a unique name. A pool's authorized sellers reserve tokens for a
//! pending sale ([`ExecuteMsg::Allocate`]); the buyer completes it by paying the price in FLX
//! (cw20 `Send` with [`ReceiveMsg::Release`]) and receives the tokens; the FLX goes to the pool's
//! recipient (the treasury by default). An allocation not released by its expiry returns to the
//! pool (anyone may [`ExecuteMsg::Expire`] it); its seller (or the owner) may
//! [`ExecuteMsg::Cancel`] it before. Anyone replenishes a pool with a cw20 `Send` of its token and
//! [`ReceiveMsg::Replenish`] (so do the treasury's distribution schedules).
//!
//! Invariant: for every token, the sum of `available + reserved` over the pools of that token is
//! the marketplace's balance of it (tokens sent with a plain `Transfer` are not credited to any
//! pool). Each allocation ends exactly once: `released`, `expired` or `cancelled`.
//!
//! Transfer burn: with a token that burns a share of each transfer (poe-token's
//! `transfer_burn_bps`), a `Send` delivers `amount - burn` and its hook reports that delivered
//! amount, which is what a pool is credited and what a payment is checked against. Paying out,
//! the marketplace's balance falls by the full amount while the receiver gets `amount - burn`: the
//! buyer receives `amount - burn(amount)` of the pool token and the recipient
//! `price - burn(price)` of FLX.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, Timestamp, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_ownable::Action;

/// Default longest life of an allocation, seconds (7 days).
pub const DEFAULT_MAX_ALLOCATION_SECONDS: u64 = 7 * 24 * 60 * 60;
/// Upper bound of `max_allocation_seconds`, seconds (90 days).
pub const MAX_ALLOCATION_SECONDS_LIMIT: u64 = 90 * 24 * 60 * 60;
/// Default largest number of pools.
pub const DEFAULT_MAX_POOLS: u32 = 50;
/// Upper bound of `max_pools`.
pub const MAX_POOLS_LIMIT: u32 = 500;
/// Default largest number of sellers per pool.
pub const DEFAULT_MAX_SELLERS_PER_POOL: u32 = 20;
/// Upper bound of `max_sellers_per_pool`.
pub const MAX_SELLERS_PER_POOL_LIMIT: u32 = 100;
/// Longest pool name, bytes.
pub const MAX_POOL_NAME_BYTES: usize = 64;

/// Instantiates the marketplace.
#[cw_serde]
pub struct InstantiateMsg {
    /// The owner (creates pools, names sellers, withdraws); default the instantiator, governance
    /// after the hand-over.
    pub owner: Option<String>,
    /// The FLX cw20 token prices are paid in.
    pub flx_token: String,
    /// The treasury: the default recipient of a pool's proceeds.
    pub treasury: String,
    /// Longest life of an allocation, seconds, 1..=[`MAX_ALLOCATION_SECONDS_LIMIT`]; default
    /// [`DEFAULT_MAX_ALLOCATION_SECONDS`].
    pub max_allocation_seconds: Option<u64>,
    /// Largest number of pools, 1..=[`MAX_POOLS_LIMIT`]; default [`DEFAULT_MAX_POOLS`].
    pub max_pools: Option<u32>,
    /// Largest number of sellers of one pool, 1..=[`MAX_SELLERS_PER_POOL_LIMIT`]; default
    /// [`DEFAULT_MAX_SELLERS_PER_POOL`].
    pub max_sellers_per_pool: Option<u32>,
}

/// The marketplace's executes.
#[cw_serde]
pub enum ExecuteMsg {
    /// cw20 hook: `msg` must be a [`ReceiveMsg`].
    Receive(Cw20ReceiveMsg),
    /// Owner: creates an empty pool of `token` named `name` (unique, 1 to
    /// [`MAX_POOL_NAME_BYTES`] bytes).
    CreatePool {
        /// The pool's name, unique among the pools.
        name: String,
        /// The cw20 token the pool holds.
        token: String,
        /// Who receives the pool's proceeds; default the treasury.
        recipient: Option<String>,
    },
    /// Owner: sets the recipient of a pool's proceeds (`None`: the treasury).
    UpdatePool {
        /// The pool.
        pool_id: u64,
        /// The new recipient; `None` for the treasury.
        recipient: Option<String>,
    },
    /// Owner: removes `remove`, then adds `add` to the pool's sellers (at most
    /// `max_sellers_per_pool`).
    UpdateSellers {
        /// The pool.
        pool_id: u64,
        /// Addresses that become sellers of the pool.
        add: Vec<String>,
        /// Addresses that stop being sellers of the pool.
        remove: Vec<String>,
    },
    /// A seller of the pool: reserves `amount` of its available tokens for `buyer`, who may
    /// release them by paying exactly `price` FLX before `expires_at`.
    Allocate {
        /// The pool.
        pool_id: u64,
        /// Base units of the pool's token, above 0 and at most `available`.
        amount: Uint128,
        /// The only address that may release the allocation.
        buyer: String,
        /// FLX base units for the whole allocation, above 0: what the marketplace must receive.
        price: Uint128,
        /// Block time the allocation expires at: after now, at most `max_allocation_seconds`
        /// from now.
        expires_at: Timestamp,
    },
    /// Anyone, at or after the allocation's `expires_at`: returns its tokens to `available`.
    Expire {
        /// The allocation.
        allocation_id: u64,
    },
    /// The allocation's seller or the owner, before its `expires_at`: returns its tokens to
    /// `available`.
    Cancel {
        /// The allocation.
        allocation_id: u64,
    },
    /// Owner: pays `amount` of a pool's available tokens to `recipient`.
    Withdraw {
        /// The pool.
        pool_id: u64,
        /// Base units, above 0 and at most `available`.
        amount: Uint128,
        /// Who is paid.
        recipient: String,
    },
    /// Owner: changes the treasury and the bounds; `None` keeps a value.
    UpdateConfig {
        /// The new treasury (pools already created keep their recipient).
        treasury: Option<String>,
        /// Longest life of new allocations, seconds.
        max_allocation_seconds: Option<u64>,
        /// Largest number of pools (not below the pools that exist).
        max_pools: Option<u32>,
        /// Largest number of sellers of one pool (applies to later additions).
        max_sellers_per_pool: Option<u32>,
    },
    /// Owner: stops `Allocate`, `Release` and `Replenish` until `until`, or until `Unpause`
    /// when `None`. Same JSON as `poe_interface::pause::PausableExecuteMsg::Pause`.
    Pause {
        /// The pause's end; `None` (or absent): until `Unpause`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        until: Option<Timestamp>,
    },
    /// Owner: lifts a running pause. Same JSON as `PausableExecuteMsg::Unpause`.
    Unpause {},
    /// cw-ownable two-step ownership transfer.
    UpdateOwnership(Action),
}

/// The `msg` of a cw20 `Send` to the marketplace.
#[cw_serde]
pub enum ReceiveMsg {
    /// Anyone, with the pool's token: credits the delivered amount to the pool's `available`.
    Replenish {
        /// The pool.
        pool_id: u64,
    },
    /// The allocation's buyer, with FLX, before its expiry: pays exactly its `price` and
    /// receives its tokens.
    Release {
        /// The allocation.
        allocation_id: u64,
    },
}

/// The marketplace's queries.
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// Addresses, bounds and the running pause.
    #[returns(ConfigResponse)]
    Config {},
    /// One pool.
    #[returns(PoolResponse)]
    Pool {
        /// The pool.
        pool_id: u64,
    },
    /// Pools by id after `start_after`; page size 1..=30, default 10.
    #[returns(PoolsResponse)]
    Pools {
        /// The last pool id of the previous page (exclusive).
        start_after: Option<u64>,
        /// Page size, 1..=30; default 10.
        limit: Option<u32>,
    },
    /// Whether `address` is a seller of the pool.
    #[returns(bool)]
    IsSeller {
        /// The pool.
        pool_id: u64,
        /// The address asked about.
        address: String,
    },
    /// One allocation.
    #[returns(AllocationResponse)]
    Allocation {
        /// The allocation.
        allocation_id: u64,
    },
    /// A pool's allocations (every status) by id after `start_after`; page size 1..=30,
    /// default 10.
    #[returns(AllocationsResponse)]
    Allocations {
        /// The pool.
        pool_id: u64,
        /// The last allocation id of the previous page (exclusive).
        start_after: Option<u64>,
        /// Page size, 1..=30; default 10.
        limit: Option<u32>,
    },
    /// The running pause, as every pausable contract answers it.
    #[returns(crate::pause::PauseStatusResponse)]
    PauseStatus {},
    /// The owner and any pending transfer (cw-ownable).
    #[returns(cw_ownable::Ownership<String>)]
    Ownership {},
}

/// The marketplace's configuration.
#[cw_serde]
pub struct ConfigResponse {
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
    /// The number of pools.
    pub pool_count: u32,
    /// The end of the running pause, if one runs.
    pub paused_until: Option<Timestamp>,
}

/// One pool (seed 002's `LiquidityPool`; its `total_tokens` is `available + reserved`).
#[cw_serde]
pub struct PoolResponse {
    /// The pool's id.
    pub id: u64,
    /// The pool's unique name.
    pub name: String,
    /// The token the pool holds.
    pub token: Addr,
    /// Who receives the pool's proceeds.
    pub recipient: Addr,
    /// Tokens free to allocate or withdraw, base units.
    pub available: Uint128,
    /// Tokens held for open allocations, base units.
    pub reserved: Uint128,
    /// The number of open allocations.
    pub pending_allocations: u32,
    /// The number of sellers.
    pub sellers: u32,
    /// Every credited replenishment, base units.
    pub total_replenished: Uint128,
    /// Every released allocation's amount, base units.
    pub total_released: Uint128,
    /// Every owner withdrawal, base units.
    pub total_withdrawn: Uint128,
    /// Every FLX price paid for the pool's allocations, base units.
    pub total_proceeds: Uint128,
    /// Block time of the pool's creation.
    pub created_at: Timestamp,
    /// Block time of the last replenishment, if any.
    pub last_replenish: Option<Timestamp>,
}

/// A page of pools.
#[cw_serde]
pub struct PoolsResponse {
    /// The pools, by id.
    pub pools: Vec<PoolResponse>,
}

/// Where an allocation is in its life.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum AllocationStatus {
    /// Reserved, waiting for the buyer's payment.
    Open,
    /// Paid for: the tokens went to the buyer.
    Released,
    /// Expired: the tokens went back to `available`.
    Expired,
    /// Cancelled by its seller or the owner: the tokens went back to `available`.
    Cancelled,
}

impl std::fmt::Display for AllocationStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            AllocationStatus::Open => "open",
            AllocationStatus::Released => "released",
            AllocationStatus::Expired => "expired",
            AllocationStatus::Cancelled => "cancelled",
        })
    }
}

/// One allocation.
#[cw_serde]
pub struct AllocationResponse {
    /// The allocation's id.
    pub id: u64,
    /// Its pool.
    pub pool_id: u64,
    /// The seller who made it.
    pub seller: Addr,
    /// The only address that may release it.
    pub buyer: Addr,
    /// Base units of the pool's token reserved.
    pub amount: Uint128,
    /// FLX base units the marketplace must receive to release it.
    pub price: Uint128,
    /// Block time of its creation.
    pub created_at: Timestamp,
    /// Block time it expires at.
    pub expires_at: Timestamp,
    /// Where it is in its life.
    pub status: AllocationStatus,
    /// Block time it ended at (released, expired or cancelled), if it did.
    pub closed_at: Option<Timestamp>,
}

/// A page of allocations.
#[cw_serde]
pub struct AllocationsResponse {
    /// The allocations, by id.
    pub allocations: Vec<AllocationResponse>,
}

/// The migrate message (no parameters).
#[cw_serde]
pub struct MigrateMsg {}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::to_json_string;

    #[test]
    fn messages_have_the_agreed_json() {
        assert_eq!(
            to_json_string(&ReceiveMsg::Release { allocation_id: 3 }).unwrap(),
            r#"{"release":{"allocation_id":3}}"#
        );
        assert_eq!(
            to_json_string(&ExecuteMsg::Pause { until: None }).unwrap(),
            to_json_string(&crate::pause::PausableExecuteMsg::Pause { until: None }).unwrap()
        );
        assert_eq!(AllocationStatus::Cancelled.to_string(), "cancelled");
    }
}
