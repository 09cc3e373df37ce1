//! PoE mining contract (seeds 000 and 001): miners, attested economic jobs paying the 1 % FLX fee
//! split, the PoE index Phi and its gate Gamma per epoch, NEX issuance shared by miner weight,
//! and the owner salary with its guardrails. Messages: [`poe_interface::poe_mining`],
//! re-exported as [`msg`].
//!
//! Layout (as every contract of the suite): `contract.rs` is a thin dispatcher over
//! `execute/*.rs` (one file per operation), [`query::query`] and [`migrate::migrate`]; the
//! behaviour several contracts share (pause, reporter allow-list, ownership, migrate guard, page
//! sizes, cw20 messages) comes from `poe-controllers`.

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
