//! The task auction's errors.

use cosmwasm_std::{Addr, StdError, Timestamp, Uint128};
use thiserror::Error;

use crate::msg::TaskStatus;

/// Every error of the task auction.
#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    /// Storage, serialization or address validation.
    #[error(transparent)]
    Std(#[from] StdError),

    /// Not the owner (cw-ownable).
    #[error(transparent)]
    Ownership(#[from] cw_ownable::OwnershipError),

    /// Funds attached to a message that takes none.
    #[error(transparent)]
    Payment(#[from] cw_utils::PaymentError),

    /// Scoring arithmetic.
    #[error(transparent)]
    Math(#[from] poe_math::MathError),

    /// A checked sum overflowed.
    #[error(transparent)]
    Overflow(#[from] cosmwasm_std::OverflowError),

    /// A `Receive` hook from a token that is not accepted.
    #[error("token {token} is not accepted for rewards")]
    TokenNotAccepted {
        /// The token that called the hook.
        token: Addr,
    },

    /// A reward, bid amount or estimate of zero, or a bid above `max_reward`.
    #[error("invalid amount {amount}: must be within 1..={max}")]
    InvalidAmount {
        /// The amount given.
        amount: Uint128,
        /// The largest allowed.
        max: Uint128,
    },

    /// An estimate above the bound.
    #[error("invalid estimated_days {days}: at most {max}")]
    InvalidEstimate {
        /// Days given.
        days: u32,
        /// The bound.
        max: u32,
    },

    /// A title, tag list or deadline that is not allowed.
    #[error("invalid task: {reason}")]
    InvalidTask {
        /// Why.
        reason: String,
    },

    /// A bound outside its range.
    #[error("invalid {field} {value}: must be within {min}..={max}")]
    InvalidBound {
        /// The field.
        field: String,
        /// The value given.
        value: u128,
        /// Smallest allowed.
        min: u128,
        /// Largest allowed.
        max: u128,
    },

    /// An unknown task.
    #[error("task {task_id} not found")]
    TaskNotFound {
        /// The id asked for.
        task_id: u64,
    },

    /// An operation the task's status does not allow.
    #[error("task {task_id} is {status}: {operation} is not possible")]
    WrongStatus {
        /// The task.
        task_id: u64,
        /// Where it is.
        status: TaskStatus,
        /// What was asked.
        operation: String,
    },

    /// Bidding or withdrawing at or after the auction deadline, or closing before it.
    #[error("task {task_id}: the auction deadline is {deadline}, {reason}")]
    AuctionTiming {
        /// The task.
        task_id: u64,
        /// Its auction deadline.
        deadline: Timestamp,
        /// What is wrong.
        reason: String,
    },

    /// Delivering at or after the delivery deadline, or reclaiming before it.
    #[error("task {task_id}: the delivery deadline is {deadline}, {reason}")]
    DeliveryTiming {
        /// The task.
        task_id: u64,
        /// Its delivery deadline.
        deadline: Timestamp,
        /// What is wrong.
        reason: String,
    },

    /// The creator bidding on (or claiming) its own task.
    #[error("the creator cannot take its own task {task_id}")]
    OwnTask {
        /// The task.
        task_id: u64,
    },

    /// A task's bid cap reached.
    #[error("task {task_id} has {max} bids, the most allowed")]
    TooManyBids {
        /// The task.
        task_id: u64,
        /// The cap.
        max: u32,
    },

    /// Withdrawing a bid that does not exist.
    #[error("{bidder} has no bid on task {task_id}")]
    NoBid {
        /// The task.
        task_id: u64,
        /// Who asked.
        bidder: Addr,
    },

    /// `Deliver` of a team task (its sub-tasks are delivered one by one).
    #[error("task {task_id} is a team task: deliver and accept its sub-tasks")]
    TeamTask {
        /// The task.
        task_id: u64,
    },

    /// A sub-task operation on a task without sub-tasks, or an index past them.
    #[error("task {task_id} has no sub-task {index}")]
    NoSubtask {
        /// The task.
        task_id: u64,
        /// The index asked for.
        index: u32,
    },

    /// A sub-task operation its status does not allow.
    #[error("sub-task {index} of task {task_id} is {status:?}: {operation} is not possible")]
    WrongSubtaskStatus {
        /// The task.
        task_id: u64,
        /// The sub-task.
        index: u32,
        /// Where it is.
        status: crate::msg::SubtaskStatus,
        /// What was asked.
        operation: String,
    },

    /// `Reclaim` while a sub-task waits for its acceptance.
    #[error("sub-task {index} of task {task_id} is delivered: accept it before reclaiming")]
    SubtaskPending {
        /// The task.
        task_id: u64,
        /// The delivered sub-task.
        index: u32,
    },

    /// A first bid on a task that asks for a bond, without it (bid by cw20 `Send` of the bond).
    #[error("task {task_id} asks a bond of {bond}: place the first bid by sending it")]
    BondRequired {
        /// The task.
        task_id: u64,
        /// The bond.
        bond: Uint128,
    },

    /// A `PlaceBid` hook with another token than the task's, another amount than its bond, on
    /// a task without a bond, or by a bidder who already posted one.
    #[error("task {task_id}: {reason}")]
    InvalidBond {
        /// The task.
        task_id: u64,
        /// Why.
        reason: String,
    },

    /// `ReleaseBond` without a bond to release, before the close, or by the winner.
    #[error("{bidder} has no bond to release on task {task_id}: {reason}")]
    NoBond {
        /// The task.
        task_id: u64,
        /// Who asked.
        bidder: Addr,
        /// Why.
        reason: String,
    },

    /// A caller without the role the operation needs.
    #[error("{sender} may not {operation} task {task_id}")]
    Unauthorized {
        /// The task.
        task_id: u64,
        /// Who called.
        sender: Addr,
        /// What was asked.
        operation: String,
    },
}
