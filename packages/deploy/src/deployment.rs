//! The deployment described: who deploys, who is paid the owner salary, the reporters, the
//! genesis FLX balances, PoE mining's parameters and every other contract's settings, and the
//! block time it starts at. [`Deployment::plan`] (in [`crate::plan`]) turns it into the
//! [`crate::DeployPlan`]; a scenario makes one with `Scenario::deployment`, and
//! `poe_testing::SuiteBuilder` holds one, so the simulator, the multi-test suite and the on-chain
//! deploy tool go from settings to plan by the same path.

use std::collections::BTreeMap;

use cosmwasm_std::{Decimal, OverflowError, Timestamp, Uint128};
use poe_interface::poe_mining::PoeParams;
use poe_math::fee::FeeRates;
use poe_math::poe::{PoeScales, PoeWeights};
use poe_math::salary::OwnerSalaryPolicy;
use poe_math::weight::MinerWeightParams;

use crate::plan::{
    AurumSettings, FluxSettings, GovernanceSettings, GuaranteeSettings, MarketplaceSettings,
    StakingSettings,
};
use crate::values::tokens;

/// The suite's default parameters: the seeds' values (fee split 1 % = 0.2 + 0.3 + 0.2 + 0.3 %,
/// PoE weights 0.3 / 0.25 / 0.25 / 0.2, `min_poe_threshold` 0.1, seed owner salary policy with a
/// 50,000 FLX monthly cap), the suite's prestige/diversity defaults, and scales for 6-decimal
/// tokens: epochs of 3,600 s, `volume_scale` 1,000,000 FLX, `liquidity_scale` 100,000 FLX,
/// `max_emission_per_epoch` 10,000 NEX, `min_epoch_job_value` 10,000 FLX (1 % of the volume scale),
/// a 7-day lock of the miners' reserve, a job's liquidity delta at most its value
/// (`max_liquidity_ratio` 1) and prestige streaks over epochs of at least 100 FLX of job value.
pub fn default_params() -> PoeParams {
    PoeParams {
        fee_rates: FeeRates::seed_default(),
        poe_weights: PoeWeights::seed_default(),
        poe_scales: PoeScales {
            volume_scale: tokens(1_000_000),
            liquidity_scale: tokens(100_000),
        },
        min_poe_threshold: Decimal::percent(10),
        max_emission_per_epoch: tokens(10_000),
        min_epoch_job_value: tokens(10_000),
        epoch_length_seconds: 3_600,
        lock_period_seconds: 7 * 24 * 3_600,
        miner_weight: MinerWeightParams::suite_default(),
        owner_salary_policy: OwnerSalaryPolicy::seed_default(),
        max_liquidity_ratio: Decimal::one(),
    }
}

/// The suite's deployment, described by names (every account is a name; its address is the
/// chain's business). See [`Deployment::plan`] for the steps it makes.
#[derive(Clone, Debug, PartialEq)]
pub struct Deployment {
    /// The account that sends every step (wasm admin and owner until the hand-over).
    pub deployer: String,
    /// The account PoE mining pays the owner salary to.
    pub owner_salary_recipient: String,
    /// PoE mining's reporter allow-list, in order, each once.
    pub reporters: Vec<String>,
    /// Genesis FLX balances, base units, by name (the plan lists them in name order and leaves
    /// out zeros).
    pub flx_balances: BTreeMap<String, Uint128>,
    /// PoE mining's parameters.
    pub params: PoeParams,
    /// The staking pools.
    pub staking: StakingSettings,
    /// Governance.
    pub governance: GovernanceSettings,
    /// The FLX supply controller.
    pub flux: FluxSettings,
    /// The AUR reserve.
    pub aurum: AurumSettings,
    /// The marketplace's pools and sellers.
    pub marketplace: MarketplaceSettings,
    /// The guarantee contract's bounds and collaterals.
    pub guarantee: GuaranteeSettings,
    /// The block time of the deployment, the start of epoch 0 (`None`: the chain's time). Not a
    /// step of the plan: the multi-test suite sets its clock to it; a real chain has its own.
    pub start_time: Option<Timestamp>,
}

impl Default for Deployment {
    /// The seeds' parameters ([`default_params`]), no reporter, no FLX balance; the deployer is
    /// `"deployer"`, the salary recipient `"owner_salary"`; staking, governance, the FLX
    /// controller, the AUR reserve, the marketplace and the guarantee contract with their
    /// defaults; no start time.
    fn default() -> Self {
        Deployment {
            deployer: "deployer".to_string(),
            owner_salary_recipient: "owner_salary".to_string(),
            reporters: Vec::new(),
            flx_balances: BTreeMap::new(),
            params: default_params(),
            staking: StakingSettings::default(),
            governance: GovernanceSettings::default(),
            flux: FluxSettings::default(),
            aurum: AurumSettings::default(),
            marketplace: MarketplaceSettings::default(),
            guarantee: GuaranteeSettings::default(),
            start_time: None,
        }
    }
}

impl Deployment {
    /// Adds `name` to the end of the reporter allow-list, unless it is on it already.
    pub fn add_reporter(&mut self, name: &str) {
        if !self.reporters.iter().any(|r| r == name) {
            self.reporters.push(name.to_string());
        }
    }

    /// Adds `amount` base units to the genesis FLX balance of `name` (an entry even for zero).
    /// Errors, changing nothing, when the sum overflows.
    pub fn add_flx_balance(&mut self, name: &str, amount: Uint128) -> Result<(), OverflowError> {
        let balance = self.flx_balances.entry(name.to_string()).or_default();
        *balance = balance.checked_add(amount)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reporters_are_listed_once_and_balances_add_up() {
        let mut d = Deployment::default();
        d.add_reporter("r1");
        d.add_reporter("r2");
        d.add_reporter("r1");
        assert_eq!(d.reporters, ["r1", "r2"]);
        d.add_flx_balance("alice", Uint128::new(5)).unwrap();
        d.add_flx_balance("alice", Uint128::new(7)).unwrap();
        d.add_flx_balance("bob", Uint128::zero()).unwrap();
        assert_eq!(d.flx_balances["alice"], Uint128::new(12));
        assert_eq!(d.flx_balances["bob"], Uint128::zero());
        // an overflow is refused and the balance stays as it was
        let before = d.clone();
        assert!(d.add_flx_balance("alice", Uint128::MAX).is_err());
        assert_eq!(d, before);
    }

    #[test]
    fn the_default_deployment_has_the_documented_values() {
        let d = Deployment::default();
        assert_eq!(
            (d.deployer.as_str(), d.owner_salary_recipient.as_str()),
            ("deployer", "owner_salary")
        );
        assert_eq!(d.params.epoch_length_seconds, 3_600);
        assert_eq!(
            d.params.poe_scales.volume_scale,
            Uint128::new(1_000_000_000_000)
        );
        assert_eq!(
            d.params.max_emission_per_epoch,
            Uint128::new(10_000_000_000)
        );
        assert_eq!(d.params.min_epoch_job_value, Uint128::new(10_000_000_000));
        assert_eq!(d.params.lock_period_seconds, 604_800);
        assert!(d.reporters.is_empty() && d.flx_balances.is_empty() && d.start_time.is_none());
    }
}
