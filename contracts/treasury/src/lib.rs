#![doc = include_str!("../README.md")]

pub mod asset;
pub mod contract;
pub mod error;
pub mod execute;
pub mod migrate;
pub mod plan;
pub mod query;
pub mod reply;
pub mod state;

pub use crate::error::ContractError;

/// The treasury's messages (re-exported from the interface package).
pub mod msg {
    pub use poe_interface::treasury::*;
}

/// cw2 contract name.
pub const CONTRACT_NAME: &str = "crates.io:poe-treasury";
/// cw2 contract version (the crate version).
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The longest memo accepted, in bytes.
pub const MAX_MEMO_BYTES: usize = 256;
