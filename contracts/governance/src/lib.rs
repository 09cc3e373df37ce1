#![doc = include_str!("../README.md")]

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
