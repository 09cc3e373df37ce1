//! A cw-multi-test suite builder that deploys the whole PoE suite in one call (treasury, the four
//! tokens GEN / NEX / FLX / AUR, PoE mining, staking, governance, and the hand-over of every
//! contract to governance), with typed handles, for the integration tests and the simulator.
//!
//! ```no_run
//! use poe_testing::{flx, SuiteBuilder};
//!
//! let mut suite = SuiteBuilder::new()
//!     .with_reporter("reporter")
//!     .with_flx_balance("reporter", flx(1_000_000))
//!     .build();
//! let miner = suite.addr("alice");
//! suite.poe.register_miner(&miner, None).unwrap();
//! ```
//!
//! Every execute method returns `anyhow::Result<AppResponse>`; a contract's error can be
//! recovered with `err.downcast_ref::<poe_testing::poe_mining::ContractError>()` (the contract
//! crates are re-exported for that).

mod amm;
mod aurum;
mod flux;
mod governance;
mod poe;
mod staking;
mod suite;
mod token;
mod treasury;

use std::cell::RefCell;
use std::rc::Rc;

use cosmwasm_std::Uint128;

pub use crate::amm::{token_asset, AmmHandle, PairHandle};
pub use crate::aurum::AurumHandle;
pub use crate::flux::FluxHandle;
pub use crate::governance::{wasm_execute, GovernanceHandle};
pub use poe_deploy::plan;
pub use poe_deploy::{
    AurumSettings, DeployPlan, DeployStep, FluxSettings, GovernanceSettings, StakingSettings,
};
pub use crate::poe::PoeHandle;
pub use crate::staking::StakingHandle;
pub use crate::suite::{default_params, Suite, SuiteBuilder, BLOCK_SECONDS};
pub use crate::token::TokenHandle;
pub use crate::treasury::TreasuryHandle;

/// The contract crates and the shared packages, re-exported so tests can name their types
/// (`poe_testing::poe_mining::ContractError`, `poe_testing::poe_interface::poe_mining::JobReport`).
pub use {
    cw_multi_test, poe_amm_factory, poe_amm_pair, poe_amm_router, poe_aurum_reserve,
    poe_flux_controller, poe_governance, poe_interface, poe_math, poe_mining, poe_staking,
    poe_token, poe_treasury,
};

/// The embedded chain every handle executes on: cw-multi-test's default `App`.
pub type SuiteApp = cw_multi_test::App;

/// The chain shared by the [`Suite`] and its handles (single-threaded: handles borrow it only for
/// the duration of one call, so never hold a borrow across a handle call).
pub type SharedApp = Rc<RefCell<SuiteApp>>;

/// Base units per whole token: every token of the suite has 6 decimals.
pub const TOKEN_UNIT: u128 = 1_000_000;

/// `amount` whole tokens in base units (6 decimals), e.g. `flx(10) == Uint128::new(10_000_000)`.
pub fn flx(amount: u128) -> Uint128 {
    tokens(amount)
}

/// `amount` whole NEX in base units (6 decimals).
pub fn nex(amount: u128) -> Uint128 {
    tokens(amount)
}

/// `amount` whole tokens of any suite token in base units (6 decimals).
pub fn tokens(amount: u128) -> Uint128 {
    Uint128::new(amount * TOKEN_UNIT)
}
