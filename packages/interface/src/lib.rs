//! Every contract's messages and responses, one module per contract (as Astroport's one
//! interface crate), so contracts build each other's messages without depending on each other.
//!
//! Conventions: addresses arrive as `String` and are validated by the contract; amounts are
//! `Uint128` in the token's base units; rates and fractions are `Decimal`; times are seconds.

pub mod amm;
pub mod aurum_reserve;
pub mod flux_controller;
pub mod governance;
pub mod guarantee;
pub mod marketplace;
pub mod ownership;
pub mod pause;
pub mod poe_mining;
pub mod reputation;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod staking;
pub mod task_auction;
pub mod token;
pub mod treasury;

/// The math types that appear in messages, re-exported for clients.
pub use poe_math::{
    fee::{FeeRates, FeeSplit},
    genesis::GenesisAllocation,
    poe::{PoeIndex, PoeScales, PoeWeights},
    salary::{OwnerSalaryPolicy, SalaryBreakdown},
    weight::MinerWeightParams,
};

/// Default page size of paginated queries.
pub const DEFAULT_LIMIT: u32 = 10;
/// Largest page size of paginated queries.
pub const MAX_LIMIT: u32 = 30;
