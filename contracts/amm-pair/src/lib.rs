#![doc = include_str!("../README.md")]

pub mod contract;
pub mod error;
pub mod execute;
pub mod migrate;
pub mod oracle;
pub mod query;
pub mod reply;
pub mod state;

pub use crate::error::ContractError;

/// The pair's messages (re-exported from the interface package).
pub mod msg {
    pub use poe_interface::amm::pair::*;
    pub use poe_interface::amm::{Asset, AssetInfo, PairInfo};
}

/// cw2 contract name.
pub const CONTRACT_NAME: &str = "crates.io:poe-amm-pair";
/// cw2 contract version (the crate version).
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");
