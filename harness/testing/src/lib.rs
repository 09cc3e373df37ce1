//! A cw-multi-test suite builder that deploys the whole PoE suite in one call (treasury, the four
//! tokens GEN / NEX / FLX / AUR, PoE mining, staking, governance, the FLX controller, the AUR
//! reserve, the AMM, the marketplace, the guarantee contract, and the hand-over of every
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

mod suite;

use cosmwasm_std::Uint128;

pub use crate::suite::{default_params, Suite, SuiteBuilder, BLOCK_SECONDS};
pub use poe_deploy::plan;
pub use poe_deploy::{
    AurumSettings, CollateralSetting, DeployPlan, DeployStep, FluxSettings, GovernanceSettings,
    GuaranteeSettings, MarketplaceSettings, StakingSettings,
};
/// The typed handles live in `poe-test-utils` (below the contracts, so a contract's own tests use
/// them too); re-exported here under their names.
pub use poe_test_utils::handles::{
    open_msg, token_asset, wasm_execute, AmmHandle, AurumHandle, Cw20Handle, FluxHandle,
    GovernanceHandle, GuaranteeConfigUpdate, GuaranteeHandle, Handle, MarketplaceHandle,
    PairHandle, PoeHandle, ReputationHandle, SharedApp, StakingHandle, SwapBounds,
    TaskAuctionHandle, TokenHandle, TreasuryHandle,
};

/// The contract crates and the shared packages, re-exported so tests can name their types
/// (`poe_testing::poe_mining::ContractError`, `poe_testing::poe_interface::poe_mining::JobReport`).
pub use {
    cw_multi_test, poe_amm_factory, poe_amm_pair, poe_amm_router, poe_aurum_reserve,
    poe_flux_controller, poe_governance, poe_guarantee, poe_interface, poe_marketplace, poe_math,
    poe_mining, poe_reputation, poe_staking, poe_task_auction, poe_test_utils, poe_token,
    poe_treasury,
};

/// The embedded chain every handle executes on: cw-multi-test's default `App` (a [`SharedApp`]
/// is `Rc<RefCell<SuiteApp>>`).
pub type SuiteApp = cw_multi_test::App;

/// Base units per whole token (every token of the suite has 6 decimals) and `tokens(n)`, `n`
/// whole tokens in base units: the scenario format's own, so tests and scenarios agree.
pub use poe_deploy::values::{tokens, UNIT as TOKEN_UNIT};

/// `amount` whole tokens in base units (6 decimals), e.g. `flx(10) == Uint128::new(10_000_000)`.
pub fn flx(amount: u128) -> Uint128 {
    tokens(amount)
}

/// `amount` whole NEX in base units (6 decimals).
pub fn nex(amount: u128) -> Uint128 {
    tokens(amount)
}
