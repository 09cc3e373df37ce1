//! `poe-treasury`: holds the suite's cw20 and native balances, receives fee shares and pays out
//! only on its owner's order (governance after bootstrap).
//!
//! - cw20 deposits arrive as a cw20 `Send` whose hook is [`msg::ReceiveMsg::Deposit`]; any cw20
//!   token is accepted (the token is the hook's caller);
//! - native deposits arrive as [`msg::ExecuteMsg::Deposit`] with funds;
//! - [`msg::ExecuteMsg::Spend`] (owner only) pays one asset to one recipient, never above the
//!   live balance.
//!
//! A ledger per asset records what was received through the deposit messages and what was spent.
//! Every movement is in the response attributes (`action`, `asset`, `amount`, `from` or
//! `recipient`, `memo`). The messages live in [`poe_interface::treasury`], re-exported as [`msg`].

pub mod asset;
pub mod contract;
pub mod error;
pub mod execute;
pub mod migrate;
pub mod query;
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
