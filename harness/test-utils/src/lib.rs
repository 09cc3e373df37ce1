//! The cw-multi-test harness shared by the contracts' integration tests and by `poe-testing`:
//! typed handles of every contract of the suite on one shared chain ([`handles`]), `wasm` event
//! attributes, contract errors out of multi-test errors, raw-storage and balance snapshots for
//! "rejected and nothing changed" assertions, cw20 and bank queries, and moving the block.
//!
//! Dev-only: it depends on no contract crate of this workspace (a contract's tests depend on it,
//! so the other way round would be a cycle); the handles are built from `poe_interface`
//! messages only. Each contract's `ContractWrapper`s stay in its own `tests/common`, written with
//! [`contract_wrapper!`]. The crate's README shows how a contract's tests use the handles.

mod chain;
mod contracts;
mod errors;
mod events;
pub mod handles;
mod queries;
mod snapshot;

pub use crate::chain::{advance, advance_to, app_with_native_balances, blocks_in, BLOCK_SECONDS};
pub use crate::contracts::{cw20_send, token_instantiate_msg};
pub use crate::errors::{downcast, find_error};
pub use crate::events::{attrs, expect_wasm_attr, wasm_attr, wasm_attrs};
pub use crate::handles::{
    all_pages, share, task_spec, token_asset, wasm_execute, AmmHandle, AurumHandle, Cw20Handle,
    FactoryHandle, FluxHandle, GovernanceHandle, GuaranteeHandle, Handle, MarketplaceHandle,
    Ownable, PairHandle, Pausable, PoeHandle, ReputationHandle, RouterHandle, SharedApp,
    StakingHandle, SwapBounds, TaskAuctionHandle, TokenHandle, TreasuryHandle,
};
pub use crate::queries::{balance, cw20_balance, cw20_supply, native_balance, Asset};
pub use crate::snapshot::{assert_rejected_unchanged, Snapshot, SnapshotBuilder};

use cosmwasm_std::Uint128;

/// `Uint128::new(n)`, shorter in expected values.
pub fn u(n: u128) -> Uint128 {
    Uint128::new(n)
}
