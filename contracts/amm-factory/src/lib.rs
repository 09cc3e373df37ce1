//! `poe-amm-factory`: creates constant-product pairs (`poe-amm-pair`, each instantiating its own
//! LP token) and keeps the registry, one pair per unordered asset pair.
//!
//! - `CreatePair` (anyone) instantiates a pair by submessage with the factory's current
//!   parameters (owner = the configured governance address, fee, protocol share, fee address,
//!   observation capacity); the reply registers it ([`reply`]);
//! - the registry ([`state::PAIRS`]) is keyed by the two assets sorted, so `Pair` answers for
//!   either order and a second pair of the same assets is refused;
//! - the owner (governance after bootstrap) changes the parameters of pairs created later.
//!
//! The messages live in [`poe_interface::amm::factory`], re-exported as [`msg`].

pub mod contract;
pub mod error;
pub mod execute;
pub mod migrate;
pub mod query;
pub mod reply;
pub mod state;

pub use crate::error::ContractError;

/// The factory's messages (re-exported from the interface package).
pub mod msg {
    pub use poe_interface::amm::factory::*;
    pub use poe_interface::amm::{AssetInfo, PairInfo};
}

/// cw2 contract name.
pub const CONTRACT_NAME: &str = "crates.io:poe-amm-factory";
/// cw2 contract version (the crate version).
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");
