#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

pub mod contract;
pub mod error;
pub mod execute;
pub mod migrate;
pub mod query;
pub mod state;

pub use crate::error::ContractError;
pub use poe_interface::poe_mining as msg;

/// cw2 contract name.
pub const CONTRACT_NAME: &str = "crates.io:poe-mining";
/// cw2 contract version (the crate version).
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");
