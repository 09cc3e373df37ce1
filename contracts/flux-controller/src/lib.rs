//! `poe-flux-controller`: the elastic supply of FLX (seed 000 "Flux (FLX) - Operational Layer";
//! seed 001 "Network Usage Demand and FLX Elasticity").
//!
//! - reporters on the owner's allow-list post network usage (pending gas buffer, fee moving
//!   average, queue length) for the epoch open now, the latest report per reporter counting;
//! - once an epoch has ended anyone calls `Rebalance {}`: the demand
//!   `U_net = alpha * gas + beta * fee + gamma * queue / 1000` of the component-wise lower median
//!   of the fresh reports (seed 001; each component bounded when reported) decides: above `expansion_threshold` the controller mints FLX to the mint
//!   recipient, below `contraction_threshold` it burns FLX it holds (its buffer), in the band it
//!   does nothing; the change is `supply * elasticity_factor * relative distance to the band`,
//!   capped at `max_annual_inflation_rate` of the supply scaled to the epoch's length
//!   ([`poe_math::flux::epoch_cap`]); an expansion needs `min_reports_to_expand` fresh reports;
//! - an epoch whose reports are missing or stale closes `Frozen` with no change; runs of epochs
//!   without any report close together in one call;
//! - every close is stored as a [`msg::Decision`] with its inputs.
//!
//! The controller must be FLX's cw20 minter. The messages live in
//! [`poe_interface::flux_controller`], re-exported as [`msg`].

pub mod contract;
pub mod error;
pub mod execute;
pub mod migrate;
pub mod query;
pub mod state;

pub use crate::error::ContractError;

/// The controller's messages (re-exported from the interface package).
pub mod msg {
    pub use poe_interface::flux_controller::*;
}

/// cw2 contract name.
pub const CONTRACT_NAME: &str = "crates.io:poe-flux-controller";
/// cw2 contract version (the crate version).
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");
