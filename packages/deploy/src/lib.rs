//! The suite's deployment as data, and the scenario files it is read from.
//!
//! - [`scenario`]: the scenario format (YAML: genesis and parameters as in the seeds, the
//!   participants, the jobs, the economy around PoE mining) with its checks, and
//!   [`scenario::Scenario::deployment`];
//! - [`deployment`]: the [`Deployment`] (who deploys, genesis balances, every contract's
//!   settings), whose [`Deployment::plan`] is the [`DeployPlan`];
//! - [`plan`]: the [`DeployPlan`], the ordered list of instantiations and wiring calls (accounts
//!   written `@name`, contracts `$label`) that `harness/testing`'s `SuiteBuilder` runs in
//!   cw-multi-test and `ts/src/deploy.ts` runs on a node, so a local wasmd node gets exactly the
//!   simulator's genesis and parameters;
//! - [`values`] and [`locate`]: the scenario's scalars and how an error finds its line.
//!
//! The binary `poe-deploy-plan [SCENARIO] [--out FILE]` prints a scenario's plan as JSON for the
//! deploy tool. This crate depends on the interface and math packages only: no contract, no test
//! harness, no embedded chain.

pub mod deployment;
pub mod locate;
pub mod plan;
pub mod scenario;
pub mod values;

pub use crate::deployment::{default_params, Deployment};
pub use crate::plan::{
    AurumSettings, CollateralSetting, DeployPlan, DeployStep, FluxSettings, GovernanceSettings,
    GuaranteeSettings, MarketplaceSettings, StakingSettings,
};
pub use crate::scenario::{resolve_scenario_path, Scenario, ScenarioError, DEFAULT_SCENARIO};
