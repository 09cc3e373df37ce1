//! `poe-governance`: proposals paid for with a GEN deposit (cw20 `Send` + `Propose` hook), votes
//! weighted by the staking contract's voting power at the proposal's start height, quorum over the
//! total power stored at proposal time, the 67 % threshold of seed 000 (`consensus_threshold`),
//! veto, timelock and execution window, atomic execution of a passed proposal's messages through
//! one submessage (`Executed` before dispatch, so never replayed; a failure recorded by the
//! `reply_on_error`, which reopens the proposal until it expires), deposits refunded or
//! forfeited to the treasury, and the guardian's bounded and budgeted emergency pause, checked
//! against each target's own `pause_status`. The messages live in [`poe_interface::governance`], re-exported as [`msg`].

pub mod contract;
pub mod error;
pub mod execute;
pub mod migrate;
pub mod query;
pub mod reply;
pub mod staking;
pub mod state;
pub mod tally;

pub use crate::error::ContractError;

/// The governance messages (re-exported from the interface package).
pub mod msg {
    pub use poe_interface::governance::*;
}

/// cw2 contract name.
pub const CONTRACT_NAME: &str = "crates.io:poe-governance";
/// cw2 contract version (the crate version).
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Longest execution error kept in a proposal, bytes (the rest is cut at a char boundary).
pub const MAX_ERROR_BYTES: usize = 512;
