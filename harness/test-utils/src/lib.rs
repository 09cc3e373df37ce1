//! Generic cw-multi-test helpers shared by the contracts' integration tests: `wasm` event
//! attributes, contract errors out of multi-test errors, raw-storage and balance snapshots for
//! "rejected and nothing changed" assertions, cw20 and bank queries, and moving the block.
//!
//! Dev-only: it depends on no contract crate of this workspace (a contract's tests depend on it,
//! so the other way round would be a cycle). Each contract's `ContractWrapper`s stay in its own
//! `tests/common`, written with [`contract_wrapper!`].

mod chain;
mod contracts;
mod errors;
mod events;
mod queries;
mod snapshot;

pub use crate::chain::{advance, advance_to, app_with_native_balances, blocks_in, BLOCK_SECONDS};
pub use crate::contracts::{cw20_send, token_instantiate_msg};
pub use crate::errors::{downcast, find_error};
pub use crate::events::{attrs, expect_wasm_attr, wasm_attr, wasm_attrs};
pub use crate::queries::{balance, cw20_balance, cw20_supply, native_balance, Asset};
pub use crate::snapshot::{assert_rejected_unchanged, Snapshot, SnapshotBuilder};

use cosmwasm_std::Uint128;

/// `Uint128::new(n)`, shorter in expected values.
pub fn u(n: u128) -> Uint128 {
    Uint128::new(n)
}
