//! `poe-amm-pair`: a constant-product (`x · y = k`) pair of two assets (cw20 or native) with its
//! own LP token (a `poe-token` instance instantiated by submessage, the pair its only minter).
//!
//! - swaps ([`execute::swap`]) with a fee taken from the output, of which a protocol share goes
//!   to the fee address (the treasury), bounded by `belief_price`/`max_spread`,
//!   `minimum_receive` and `deadline`; `Simulation`/`ReverseSimulation` give the exact result;
//! - liquidity ([`execute::provide`], [`execute::withdraw`]): the first deposit locks
//!   `MINIMUM_LIQUIDITY` LP units in the pair; later deposits keep only what the share is worth;
//! - reserves live in state ([`state::PoolState`]), never read from balances: donations move
//!   neither the price nor the share value, and the pair's balances stay at least its reserves;
//! - cumulative prices and a ring of observations ([`oracle`]) answer the `Twap` query;
//! - the owner (governance) sets the fees and pauses swaps and deposits (withdrawals stay open).
//!
//! The messages live in [`poe_interface::amm::pair`], re-exported as [`msg`]; the math in
//! `poe_math::amm`.

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
