//! `poe-staking`: multi-token staking pools (seed 003 "staking pools") with tier-weighted voting
//! power (seed 000 tier multipliers GEN 10, AUR 5, NEX 3, FLX 1).
//!
//! - one pool per staked cw20 token, created and tuned by the owner (governance after
//!   bootstrap), at most `max_pools` of them;
//! - stakes arrive as a cw20 `Send` from the pool's token with [`msg::ReceiveMsg::Stake`]; a
//!   position is locked for `lock_period_seconds` after its last stake; `Unstake` moves stake into
//!   a claim paid by `Claim` after `unbonding_period_seconds` (at most `max_claims` pending per
//!   pool and address);
//! - rewards: a pool's linear stream is funded with a cw20 `Send` of its reward token
//!   ([`msg::ReceiveMsg::Fund`]): by the owner freely, by anyone else only within the running
//!   stream's end (raising its rate) or as a new stream of at most 30 days when none runs, so no
//!   stranger can dilute or delay a stream; a reward-per-share accumulator shares it pro rata to
//!   stake, O(1) per operation whatever the number of stakers or fundings ([`rewards`]);
//! - voting power at a height is `floor(sum over pools of tier x staked)` at the start of that
//!   block, read from the stake and total changelogs ([`state`]).
//!
//! The messages live in [`poe_interface::staking`], re-exported as [`msg`].

pub mod contract;
pub mod error;
pub mod execute;
pub mod migrate;
pub mod query;
pub mod rewards;
pub mod state;

pub use crate::error::ContractError;

/// The staking contract's messages (re-exported from the interface package).
pub mod msg {
    pub use poe_interface::staking::*;
}

/// cw2 contract name.
pub const CONTRACT_NAME: &str = "crates.io:poe-staking";
/// cw2 contract version (the crate version).
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");
