//! Each behaviour that several contracts of the suite share, written once (as cw-plus's and
//! Mars's `controllers` packages):
//!
//! | module | what |
//! |---|---|
//! | [`pause`] | a pause that no `Pause` can shorten, only the owner's `Unpause` lifts, with its status query |
//! | [`allow_list`] | an address allow-list with a cap (reporters, custodians, writers) |
//! | [`ownership`] | cw-ownable's two-step `UpdateOwnership`, refusing attached funds |
//! | [`migrate`] | the migrate guard: same contract name, never a downgrade |
//! | [`page`] | the page-size clamp of every paginated query |
//! | [`cw20`] | cw20 `Transfer` / `Send` messages, poe-token's `Mint` / `Burn` / `Retire` |
//! | [`asset`] | paying a cw20 or native asset (`AssetInfo`) |
//! | [`reply`] | the address of a contract instantiated by submessage |
//!
//! Contracts keep their own `ContractError`; every function here returns either its own small
//! error ([`PauseError`], [`AllowListError`]) or is generic over the caller's error type with
//! `From` bounds, so a contract adds one `#[from]` variant and nothing else.

pub mod allow_list;
pub mod asset;
pub mod cw20;
pub mod migrate;
pub mod ownership;
pub mod page;
pub mod pause;
pub mod reply;

pub use allow_list::{AllowList, AllowListError};
pub use pause::{PauseError, PauseState};
