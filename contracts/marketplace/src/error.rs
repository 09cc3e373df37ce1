//! The marketplace's errors.

use cosmwasm_std::{Addr, OverflowError, StdError, Timestamp, Uint128};
use poe_controllers::PauseError;
use thiserror::Error;

use crate::msg::AllocationStatus;

/// Every error the marketplace returns.
#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    /// Storage, serialization (a malformed hook `msg`), address and query errors.
    #[error(transparent)]
    Std(#[from] StdError),

    /// A pool total pushed past `Uint128::MAX`.
    #[error(transparent)]
    Overflow(#[from] OverflowError),

    /// Not the owner, no owner (renounced), or a failed ownership transfer step.
    #[error(transparent)]
    Ownership(#[from] cw_ownable::OwnershipError),

    /// Native funds attached: the marketplace takes none.
    #[error(transparent)]
    Payment(#[from] cw_utils::PaymentError),

    /// The pause refuses the operation, or a refused `Pause`/`Unpause`.
    #[error(transparent)]
    Pause(#[from] PauseError),

    /// A bound of the configuration out of its range.
    #[error("invalid {field}: {value} is not within 1..={max}")]
    InvalidBound {
        /// The field.
        field: String,
        /// The value given.
        value: u64,
        /// Its largest value.
        max: u64,
    },

    /// `max_pools` below the number of pools that exist.
    #[error("max_pools {requested} is below the {existing} pools that exist")]
    MaxPoolsBelowExisting {
        /// The value given.
        requested: u32,
        /// The pools that exist.
        existing: u32,
    },

    /// A pool name that is empty, too long or not printable.
    #[error("invalid pool name {name:?}: {reason}")]
    InvalidName {
        /// The name given.
        name: String,
        /// What is wrong with it.
        reason: String,
    },

    /// A pool name already taken.
    #[error("a pool named {name:?} exists already (id {pool_id})")]
    DuplicateName {
        /// The name given.
        name: String,
        /// The pool that has it.
        pool_id: u64,
    },

    /// `CreatePool` with `max_pools` pools already.
    #[error("too many pools: at most {max}")]
    TooManyPools {
        /// `max_pools`.
        max: u32,
    },

    /// No pool of that id.
    #[error("no pool {pool_id}")]
    PoolNotFound {
        /// The id given.
        pool_id: u64,
    },

    /// No allocation of that id.
    #[error("no allocation {allocation_id}")]
    AllocationNotFound {
        /// The id given.
        allocation_id: u64,
    },

    /// A hook from a token other than the one expected (the pool's, or FLX for `Release`).
    #[error("wrong token: expected {expected}, received {received}")]
    WrongToken {
        /// The token the hook needs.
        expected: Addr,
        /// The token that called the hook.
        received: Addr,
    },

    /// An amount or a price of zero.
    #[error("invalid zero {what}")]
    ZeroAmount {
        /// What was zero (`amount`, `price`, `replenish`).
        what: String,
    },

    /// `Allocate` or `Withdraw` above the pool's available tokens.
    #[error("insufficient available tokens: {available} available, {requested} requested")]
    InsufficientAvailable {
        /// The pool's available tokens.
        available: Uint128,
        /// The amount asked for.
        requested: Uint128,
    },

    /// `Allocate` by an address that is not a seller of the pool.
    #[error("{address} is not a seller of pool {pool_id}")]
    NotSeller {
        /// The pool.
        pool_id: u64,
        /// The caller.
        address: Addr,
    },

    /// `UpdateSellers` adding a seller already listed.
    #[error("{address} is already a seller of pool {pool_id}")]
    AlreadySeller {
        /// The pool.
        pool_id: u64,
        /// The address.
        address: Addr,
    },

    /// `UpdateSellers` above `max_sellers_per_pool`.
    #[error("too many sellers of pool {pool_id}: at most {max}")]
    TooManySellers {
        /// The pool.
        pool_id: u64,
        /// `max_sellers_per_pool`.
        max: u32,
    },

    /// An `expires_at` not after now or beyond `max_allocation_seconds` from now.
    #[error("invalid expiry {expires_at}: must be after {now} and at most {latest}")]
    InvalidExpiry {
        /// The expiry given.
        expires_at: Timestamp,
        /// The block time.
        now: Timestamp,
        /// The latest expiry accepted.
        latest: Timestamp,
    },

    /// A payment of another amount than the allocation's price.
    #[error("wrong payment: expected {expected}, received {received}")]
    WrongPayment {
        /// The allocation's price.
        expected: Uint128,
        /// What the hook delivered.
        received: Uint128,
    },

    /// `Release` by another address than the allocation's buyer.
    #[error("{sender} is not the buyer {buyer} of the allocation")]
    NotBuyer {
        /// The allocation's buyer.
        buyer: Addr,
        /// The cw20 sender of the payment.
        sender: Addr,
    },

    /// `Release` or `Cancel` at or after the allocation's expiry.
    #[error("allocation expired at {expires_at}")]
    AllocationExpired {
        /// The allocation's expiry.
        expires_at: Timestamp,
    },

    /// `Expire` before the allocation's expiry.
    #[error("allocation expires at {expires_at}, not yet")]
    AllocationNotExpired {
        /// The allocation's expiry.
        expires_at: Timestamp,
    },

    /// The allocation has ended already.
    #[error("allocation is not open: {status}")]
    AllocationNotOpen {
        /// How it ended.
        status: AllocationStatus,
    },

    /// `Cancel` by neither the allocation's seller nor the owner.
    #[error("{sender} may not cancel the allocation: neither its seller nor the owner")]
    NotSellerOrOwner {
        /// The caller.
        sender: Addr,
    },
}
