//! The PoE blocks of a scenario: seed 000 `tokens` (GEN's fixed supply) and seed 001
//! `poe_mining` (fee split, PoE weights, owner salary, mining rewards) with the suite's own
//! issuance parameters, and the contract parameters they make.

use cosmwasm_std::Decimal;
use poe_interface::poe_mining::PoeParams;
use poe_math::fee::FeeRates;
use poe_math::genesis::GEN_SUPPLY_TOKENS;
use poe_math::poe::{PoeScales, PoeWeights};
use poe_math::salary::OwnerSalaryPolicy;
use poe_math::weight::MinerWeightParams;
use serde::Deserialize;

use crate::deployment::default_params;
use crate::values::{Amount, Dec};

/// Seed 000 `tokens`: only GEN's fixed supply is a parameter (checked, not changed: the suite's
/// GEN is 100,000 with 6 decimals and no minter).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TokensConfig {
    /// GEN.
    pub genesis: GenesisTokenConfig,
}

/// Seed 000 `tokens.genesis`.
#[derive(Clone, Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct GenesisTokenConfig {
    /// `max_supply` in whole GEN: must be 100,000.
    pub max_supply: u128,
}

impl Default for GenesisTokenConfig {
    fn default() -> Self {
        GenesisTokenConfig {
            max_supply: GEN_SUPPLY_TOKENS,
        }
    }
}

/// Seed 001 `poe_mining`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PoeMiningConfig {
    /// Seed 001 `fee_structure`.
    pub fee_structure: FeeStructure,
    /// Seed 001 `poe_parameters`.
    pub poe_parameters: PoeParameters,
    /// Seed 001 `owner_salary`.
    pub owner_salary: OwnerSalaryConfig,
    /// Seed 001 `mining_rewards`, with the suite's prestige/diversity formulas.
    pub mining_rewards: MiningRewards,
    /// The suite's own: epochs, scales, emission, lock period.
    pub issuance: Issuance,
}

/// Seed 001 `poe_mining.fee_structure`, fractions of the job value.
#[derive(Clone, Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FeeStructure {
    /// 0.01
    pub total_fee_rate: Dec,
    /// 0.002
    pub miner_lock_rate: Dec,
    /// 0.003
    pub miner_spendable_rate: Dec,
    /// 0.002
    pub owner_salary_rate: Dec,
    /// 0.003
    pub treasury_rate: Dec,
}

impl Default for FeeStructure {
    fn default() -> Self {
        let r = FeeRates::seed_default();
        FeeStructure {
            total_fee_rate: Dec(r.total_fee_rate),
            miner_lock_rate: Dec(r.miner_lock_rate),
            miner_spendable_rate: Dec(r.miner_spendable_rate),
            owner_salary_rate: Dec(r.owner_salary_rate),
            treasury_rate: Dec(r.treasury_net_rate),
        }
    }
}

/// Seed 001 `poe_mining.poe_parameters`.
#[derive(Clone, Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PoeParameters {
    /// 0.3
    pub volume_weight: Dec,
    /// 0.25
    pub liquidity_weight: Dec,
    /// 0.25
    pub uptime_weight: Dec,
    /// 0.2
    pub quality_weight: Dec,
    /// 0.1: Gamma at or above which an epoch mints NEX.
    pub min_poe_threshold: Dec,
}

impl FeeStructure {
    /// The contract's fee rates.
    pub fn rates(&self) -> FeeRates {
        FeeRates {
            total_fee_rate: self.total_fee_rate.0,
            miner_lock_rate: self.miner_lock_rate.0,
            miner_spendable_rate: self.miner_spendable_rate.0,
            owner_salary_rate: self.owner_salary_rate.0,
            treasury_net_rate: self.treasury_rate.0,
        }
    }
}

impl PoeParameters {
    /// The contract's PoE weights.
    pub fn weights(&self) -> PoeWeights {
        PoeWeights {
            volume_weight: self.volume_weight.0,
            liquidity_weight: self.liquidity_weight.0,
            uptime_weight: self.uptime_weight.0,
            quality_weight: self.quality_weight.0,
        }
    }
}

impl Default for PoeParameters {
    fn default() -> Self {
        let w = PoeWeights::seed_default();
        PoeParameters {
            volume_weight: Dec(w.volume_weight),
            liquidity_weight: Dec(w.liquidity_weight),
            uptime_weight: Dec(w.uptime_weight),
            quality_weight: Dec(w.quality_weight),
            min_poe_threshold: Dec(Decimal::percent(10)),
        }
    }
}

/// Seed 001 `poe_mining.owner_salary`.
#[derive(Clone, Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OwnerSalaryConfig {
    /// Seed: `$50K` a month; held as FLX (the chain has no USD price), whole tokens.
    pub monthly_cap_usd: Amount,
    /// 0.3
    pub vesting_percentage: Dec,
    /// 12
    pub vesting_period_months: u32,
    /// 0.1
    pub escrow_percentage: Dec,
    /// true: each month needs the owner's (governance's) approval before payout.
    pub governance_approval: bool,
    /// true
    pub transparency_reporting: bool,
    /// true (seed 001 `OwnerSalaryPolicy::emergency_halt_enabled`).
    pub emergency_halt_enabled: bool,
}

impl Default for OwnerSalaryConfig {
    fn default() -> Self {
        let p = OwnerSalaryPolicy::seed_default();
        OwnerSalaryConfig {
            monthly_cap_usd: Amount(p.monthly_cap),
            vesting_percentage: Dec(p.vesting_percentage),
            vesting_period_months: p.vesting_period_months,
            escrow_percentage: Dec(p.escrow_percentage),
            governance_approval: p.governance_approval_required,
            transparency_reporting: p.transparency_reporting,
            emergency_halt_enabled: p.emergency_halt_enabled,
        }
    }
}

/// Seed 001 `poe_mining.mining_rewards` with the suite's multiplier formulas
/// (`lambda_P = 1 + prestige_step * min(streak - 1, prestige_cap_epochs)`, the streak counting
/// epochs of at least `prestige_min_epoch_value` of job value;
/// `lambda_D = 1 + diversity_step * min(D - 1, diversity_cap_types)`, `D` the effective number of
/// job types by value).
#[derive(Clone, Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MiningRewards {
    /// false sets `prestige_step` to 0.
    pub prestige_bonus_enabled: bool,
    /// false sets `diversity_step` to 0.
    pub diversity_bonus_enabled: bool,
    /// 0.05 per consecutive active epoch.
    pub prestige_step: Dec,
    /// 10 epochs.
    pub prestige_cap_epochs: u32,
    /// 0.1 per distinct job type.
    pub diversity_step: Dec,
    /// 4 types.
    pub diversity_cap_types: u32,
    /// FLX of job value a miner's epoch needs to continue its prestige streak, 100.
    pub prestige_min_epoch_value: Amount,
}

impl Default for MiningRewards {
    fn default() -> Self {
        let m = MinerWeightParams::suite_default();
        MiningRewards {
            prestige_bonus_enabled: true,
            diversity_bonus_enabled: true,
            prestige_step: Dec(m.prestige_step),
            prestige_cap_epochs: m.prestige_cap_epochs,
            diversity_step: Dec(m.diversity_step),
            diversity_cap_types: m.diversity_cap_types,
            prestige_min_epoch_value: Amount(m.prestige_min_epoch_value),
        }
    }
}

/// The suite's own issuance parameters.
#[derive(Clone, Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Issuance {
    /// Seconds per epoch, 3,600.
    pub epoch_length_seconds: u64,
    /// `scale_V`, FLX per epoch, 1,000,000.
    pub volume_scale: Amount,
    /// `scale_L`, FLX per epoch, 100,000.
    pub liquidity_scale: Amount,
    /// NEX minted by an epoch at Gamma = 1, 10,000.
    pub max_emission_per_epoch: Amount,
    /// FLX of job value below which an epoch mints no NEX, 10,000 (1 % of `volume_scale`).
    pub min_epoch_job_value: Amount,
    /// Seconds a miner's locked reserve stays locked, 604,800 (7 days).
    pub lock_period_seconds: u64,
    /// A job's `|liquidity_delta|` is at most its value times this, 1.
    pub max_liquidity_ratio: Dec,
}

impl Default for Issuance {
    fn default() -> Self {
        let p = default_params();
        Issuance {
            epoch_length_seconds: p.epoch_length_seconds,
            volume_scale: Amount(p.poe_scales.volume_scale),
            liquidity_scale: Amount(p.poe_scales.liquidity_scale),
            max_emission_per_epoch: Amount(p.max_emission_per_epoch),
            min_epoch_job_value: Amount(p.min_epoch_job_value),
            lock_period_seconds: p.lock_period_seconds,
            max_liquidity_ratio: Dec(p.max_liquidity_ratio),
        }
    }
}

impl PoeMiningConfig {
    /// The contract parameters these blocks state.
    pub fn params(&self) -> PoeParams {
        let f = &self.fee_structure;
        let w = &self.poe_parameters;
        let s = &self.owner_salary;
        let r = &self.mining_rewards;
        let i = &self.issuance;
        PoeParams {
            fee_rates: f.rates(),
            poe_weights: w.weights(),
            poe_scales: PoeScales {
                volume_scale: i.volume_scale.0,
                liquidity_scale: i.liquidity_scale.0,
            },
            min_poe_threshold: w.min_poe_threshold.0,
            max_emission_per_epoch: i.max_emission_per_epoch.0,
            min_epoch_job_value: i.min_epoch_job_value.0,
            epoch_length_seconds: i.epoch_length_seconds,
            lock_period_seconds: i.lock_period_seconds,
            miner_weight: MinerWeightParams {
                prestige_step: if r.prestige_bonus_enabled {
                    r.prestige_step.0
                } else {
                    Decimal::zero()
                },
                prestige_cap_epochs: r.prestige_cap_epochs,
                diversity_step: if r.diversity_bonus_enabled {
                    r.diversity_step.0
                } else {
                    Decimal::zero()
                },
                diversity_cap_types: r.diversity_cap_types,
                prestige_min_epoch_value: r.prestige_min_epoch_value.0,
            },
            owner_salary_policy: OwnerSalaryPolicy {
                monthly_cap: s.monthly_cap_usd.0,
                vesting_percentage: s.vesting_percentage.0,
                vesting_period_months: s.vesting_period_months,
                escrow_percentage: s.escrow_percentage.0,
                governance_approval_required: s.governance_approval,
                transparency_reporting: s.transparency_reporting,
                emergency_halt_enabled: s.emergency_halt_enabled,
            },
            max_liquidity_ratio: i.max_liquidity_ratio.0,
        }
    }

    /// The checks of the math package on the parameters, and the ones it leaves to the
    /// scenario; the error is `(field path, message)`.
    pub fn validate(&self) -> Result<(), (String, String)> {
        let params = self.params();
        params
            .fee_rates
            .validate()
            .map_err(|e| ("poe_mining.fee_structure".to_string(), e.to_string()))?;
        params
            .poe_weights
            .validate()
            .map_err(|e| ("poe_mining.poe_parameters".to_string(), e.to_string()))?;
        if self.poe_parameters.min_poe_threshold.0 >= Decimal::one() {
            return Err((
                "poe_mining.poe_parameters.min_poe_threshold".into(),
                "must be below 1 (Gamma never reaches 1)".into(),
            ));
        }
        params
            .poe_scales
            .validate()
            .map_err(|e| ("poe_mining.issuance".to_string(), e.to_string()))?;
        params
            .miner_weight
            .validate()
            .map_err(|e| ("poe_mining.mining_rewards".to_string(), e.to_string()))?;
        params
            .owner_salary_policy
            .validate()
            .map_err(|e| ("poe_mining.owner_salary".to_string(), e.to_string()))?;
        if self.issuance.epoch_length_seconds == 0 {
            return Err((
                "poe_mining.issuance.epoch_length_seconds".into(),
                "must be above 0".into(),
            ));
        }
        Ok(())
    }
}
