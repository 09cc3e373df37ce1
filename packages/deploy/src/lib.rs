//! The suite's deployment as data. [`plan::DeployPlan`] is the ordered list of instantiations
//! and wiring calls (accounts written `@name`, contracts `$label`) that
//! `harness/testing`'s `SuiteBuilder` runs in cw-multi-test and `ts/src/deploy.ts` runs on a
//! node, so a local wasmd node gets exactly the simulator's genesis and parameters.
//!
//! This crate depends on the interface and math packages only: no contract, no test harness.

pub mod plan;

pub use crate::plan::{
    AurumSettings, DeployPlan, DeployStep, FluxSettings, GovernanceSettings, StakingSettings,
};
