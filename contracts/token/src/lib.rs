//! `poe-token`: the suite's cw20 token (GEN, NEX, FLX, AUR, LP shares, guarantee tokens).
//!
//! It is cw20-base 2.0 used as a library: every cw20 message and query is cw20-base's own code
//! and state, plus two extensions:
//! - an optional transfer burn (seed 002 `burn_rate_bps`, at most 1,000 bps) taken from every
//!   `Transfer`, `Send`, `TransferFrom` and `SendFrom`, rounded up;
//! - an owner (cw-ownable, two-step transfer) who alone may change the transfer burn.
//!
//! The messages live in [`poe_interface::token`] and are re-exported as [`msg`]. Any JSON that
//! instantiates cw20-base instantiates this token unchanged. Deliberate differences from
//! cw20-base 2.0 (see the README):
//! - a zero amount is rejected by `Transfer`, `Send`, `TransferFrom`, `SendFrom`, `Burn`,
//!   `BurnFrom` and `Mint` ([`ContractError::ZeroAmount`]), where cw20-base 2.0 accepts it;
//! - a supply or allowance pushed past `Uint128::MAX` (instantiation, `Mint`,
//!   `IncreaseAllowance`) is an `Overflow` error, where cw20-base's `+` panics.

pub mod contract;
pub mod error;
pub mod execute;
pub mod instantiate;
pub mod migrate;
pub mod query;
pub mod state;

pub use crate::error::ContractError;

/// The token's messages (re-exported from the interface package).
pub mod msg {
    pub use poe_interface::token::*;
}

/// cw2 contract name.
pub const CONTRACT_NAME: &str = "crates.io:poe-token";
/// cw2 contract version (the crate version).
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");
