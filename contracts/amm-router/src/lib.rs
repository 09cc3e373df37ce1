//! `poe-amm-router`: multi-hop swaps over the pairs of the suite's AMM factory.
//!
//! - a route is 1..=`MAX_SWAP_OPERATIONS` hops, each offering what the previous one asked; the
//!   input arrives by cw20 `Send` (hook) or as native funds;
//! - each hop is a submessage to the hop's pair (found in the factory's registry); its reply
//!   ([`reply`]) measures what actually arrived (balance after minus before, so a token with a
//!   transfer burn is measured, not assumed) and sends exactly that into the next hop;
//! - the last hop pays the receiver, whose balance change is checked against `minimum_receive`;
//! - the route in flight is kept in [`state::ROUTE`] and removed by the last reply; a second route
//!   cannot start inside the first.
//!
//! The messages live in [`poe_interface::amm::router`], re-exported as [`msg`].

pub mod contract;
pub mod error;
pub mod execute;
pub mod migrate;
pub mod query;
pub mod reply;
pub mod state;

pub use crate::error::ContractError;

/// The router's messages (re-exported from the interface package).
pub mod msg {
    pub use poe_interface::amm::router::*;
    pub use poe_interface::amm::AssetInfo;
}

/// cw2 contract name.
pub const CONTRACT_NAME: &str = "crates.io:poe-amm-router";
/// cw2 contract version (the crate version).
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");
