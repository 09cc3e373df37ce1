//! `poe-aurum-reserve`: the AUR gold reserve (seed 000 "Aurum (AUR) - backed 1:1 by physical gold
//! reserves", governance parameter `aurum_gold_backing_ratio`, "AUR gold backing must remain
//! > 100 %"; seed 001 `aurum_supply // Gold-backed 1:1`).
//!
//! - custodians (an allow-list kept by the owner, governance after bootstrap) attest the gold in
//!   custody: milligrams, the SHA-256 of the evidence document, and the time it was counted;
//! - AUR is minted only by a purchase, paid in a configured payment asset (a cw20 token through
//!   `Send` + [`msg::ReceiveMsg::Buy`], or a native denom with [`msg::ExecuteMsg::Buy`]) at a
//!   fixed price, the payment deposited into the treasury; a purchase is refused unless the
//!   supply after it stays within `max_supply = floor(available_reserve_mg × aur_per_gram / 1000 /
//!   backing_ratio)` and the latest attestation is fresh ([`backing`]);
//! - holders redeem AUR for gold with a cw20 `Send` + [`msg::ReceiveMsg::Redeem`]: the AUR is
//!   burned and a pending request recorded, which a custodian marks fulfilled once shipped.
//!
//! The messages live in [`poe_interface::aurum_reserve`], re-exported as [`msg`]; the formulas in
//! `poe_math::aurum`.

pub mod backing;
pub mod contract;
pub mod error;
pub mod execute;
pub mod migrate;
pub mod query;
pub mod state;

pub use crate::error::ContractError;

/// The reserve's messages (re-exported from the interface package).
pub mod msg {
    pub use poe_interface::aurum_reserve::*;
}

/// cw2 contract name.
pub const CONTRACT_NAME: &str = "crates.io:poe-aurum-reserve";
/// cw2 contract version (the crate version).
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");
