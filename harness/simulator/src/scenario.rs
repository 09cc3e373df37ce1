//! The scenario file: genesis and parameters as in the seeds' YAML, the participants, and the
//! stream of economic jobs (generated from a stated seed, plus an explicit list).
//!
//! Every struct refuses unknown fields, so a typo is an error naming the field and its line.
//! Amounts are written in whole tokens (6 decimals at most) and held in base units; rates as
//! decimals (`0.002` or `"0.002"`). See `scenarios/default.yaml` for a commented example.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use cosmwasm_std::{Decimal, Timestamp, Uint128};
use poe_interface::poe_mining::{EconomicJobType, PoeParams};
use poe_math::fee::FeeRates;
use poe_math::genesis::GEN_SUPPLY_TOKENS;
use poe_math::poe::{PoeScales, PoeWeights};
use poe_math::salary::OwnerSalaryPolicy;
use poe_math::weight::MinerWeightParams;
use serde::Deserialize;

use crate::economy::{AurumConfig, FluxConfig, PoolsConfig};
use crate::governance::{GovernanceConfig, StakingConfig};
use crate::locate::locate_line;
use crate::values::{Amount, Dec, Range, SignedAmount};

/// A scenario that could not be read or was refused, with where: the file, the field path
/// (`jobs[3].miner`) and the line when known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioError {
    /// The scenario file as given.
    pub file: String,
    /// The field path, e.g. `jobs[3].miner` (empty for a whole-file error).
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// 1-based line of the field, when found.
    pub line: Option<usize>,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "scenario {}: ", self.file)?;
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)?;
        match self.line {
            // a YAML syntax or type error already names its line and column
            Some(line) if !self.message.contains(" at line ") => write!(f, " (line {line})")?,
            _ => {}
        }
        Ok(())
    }
}

impl std::error::Error for ScenarioError {}

/// A whole scenario (the file's top level).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Name shown in the reports.
    pub name: String,
    /// Free text.
    #[serde(default)]
    pub description: Option<String>,
    /// Seed of the job generator (ChaCha8, stable across platforms).
    pub seed: u64,
    /// Number of epochs to run (epochs `0 .. epochs`).
    pub epochs: u64,
    /// Block time of the deployment, the start of epoch 0: RFC 3339 (`"2024-01-31T18:00:00Z"`)
    /// or Unix seconds. Default: cw-multi-test's default block time.
    #[serde(default)]
    pub start_time: Option<StartTime>,
    /// Seed 000 `autonomous_economy.tokens`.
    #[serde(default)]
    pub tokens: TokensConfig,
    /// Seed 001 `poe_mining`, plus the suite's own issuance parameters.
    #[serde(default)]
    pub poe_mining: PoeMiningConfig,
    /// Who receives the owner salary (a name), default `owner_salary`.
    #[serde(default = "default_salary_recipient")]
    pub owner_salary_recipient: String,
    /// The reporters allowed to submit jobs.
    pub reporters: ReportersConfig,
    /// The miners.
    pub miners: MinersConfig,
    /// Jobs generated from `seed`.
    #[serde(default)]
    pub job_generation: Option<JobGeneration>,
    /// Jobs stated one by one, submitted after the generated jobs of their epoch.
    #[serde(default)]
    pub jobs: Vec<ExplicitJob>,
    /// What miners and the salary recipient do between epochs.
    #[serde(default)]
    pub actions: ActionsConfig,
    /// The staking pools and the stakes made before epoch 0.
    #[serde(default)]
    pub staking: StakingConfig,
    /// Governance's settings and the proposals of the run.
    #[serde(default)]
    pub governance: GovernanceConfig,
    /// FLX balances at genesis (whole tokens) of the market maker, traders, AUR buyers...
    #[serde(default)]
    pub flx_holders: BTreeMap<String, Amount>,
    /// The FLX supply controller: parameters, reporters, demand profile, burn buffer.
    #[serde(default)]
    pub flux_controller: Option<FluxConfig>,
    /// The AUR reserve: settings, attestations, purchases, redemptions.
    #[serde(default)]
    pub aurum: Option<AurumConfig>,
    /// The NEX/FLX and AUR/FLX pools: seeding and trades.
    #[serde(default)]
    pub pools: Option<PoolsConfig>,
}

fn default_salary_recipient() -> String {
    "owner_salary".to_string()
}

/// The deployment's block time.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum StartTime {
    /// Unix seconds.
    Seconds(u64),
    /// RFC 3339.
    Rfc3339(String),
}

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
        let p = poe_testing::default_params();
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

/// The reporters: `count` names `<prefix>_<n>`, or explicit `names`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportersConfig {
    /// How many, named `<prefix>_1 ..`.
    #[serde(default)]
    pub count: Option<u32>,
    /// Prefix of generated names, default `reporter`.
    #[serde(default)]
    pub prefix: Option<String>,
    /// Explicit names (instead of `count`).
    #[serde(default)]
    pub names: Option<Vec<String>>,
    /// FLX minted to each reporter (and to each unlisted reporter named by an explicit job)
    /// before epoch 0, whole tokens; default 1,000,000.
    #[serde(default = "default_reporter_funding")]
    pub flx_funding: Amount,
}

fn default_reporter_funding() -> Amount {
    Amount::tokens(1_000_000)
}

/// The miners: `count` names `<prefix>_<nnn>`, or explicit `names`; `specializations` are given
/// to the miners in turn (a `~` entry means none).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MinersConfig {
    /// How many, named `<prefix>_001 ..`.
    #[serde(default)]
    pub count: Option<u32>,
    /// Prefix of generated names, default `miner`.
    #[serde(default)]
    pub prefix: Option<String>,
    /// Explicit names (instead of `count`).
    #[serde(default)]
    pub names: Option<Vec<String>>,
    /// Specializations, cycled over the miners in order.
    #[serde(default)]
    pub specializations: Vec<Option<EconomicJobType>>,
}

/// How jobs are generated, epoch by epoch.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JobGeneration {
    /// Jobs in an epoch without an `activity` entry.
    pub jobs_per_epoch: u32,
    /// Fraction of the miners taking part in an ordinary epoch, default 0.85.
    #[serde(default = "default_active_miners")]
    pub active_miners: Dec,
    /// Probability that a job is of its miner's specialization, default 0.5.
    #[serde(default = "default_specialization_bias")]
    pub specialization_bias: Dec,
    /// Relative frequency of each job type (default 1 each; 0 removes a type).
    #[serde(default)]
    pub job_type_mix: BTreeMap<EconomicJobType, Dec>,
    /// Job value range per job type, FLX (defaults in the code for types not listed).
    #[serde(default)]
    pub value_ranges: BTreeMap<EconomicJobType, Range<Amount>>,
    /// Quality score range, default [0.7, 1].
    #[serde(default = "default_quality")]
    pub quality: Range<Dec>,
    /// Uptime range, default [0.9, 1].
    #[serde(default = "default_uptime")]
    pub uptime: Range<Dec>,
    /// Liquidity delta of `liquidity_provision` jobs, FLX, may be negative; default
    /// [-15,000, 18,000]. Other job types move no liquidity.
    #[serde(default = "default_liquidity_delta")]
    pub liquidity_delta: Range<SignedAmount>,
    /// Epochs that differ from the ordinary one (quiet, outage, ramp-up...).
    #[serde(default)]
    pub activity: Vec<ActivityProfile>,
}

fn default_active_miners() -> Dec {
    Dec(Decimal::percent(85))
}
fn default_specialization_bias() -> Dec {
    Dec(Decimal::percent(50))
}
fn default_quality() -> Range<Dec> {
    Range::new(Dec(Decimal::percent(70)), Dec(Decimal::one()))
}
fn default_uptime() -> Range<Dec> {
    Range::new(Dec(Decimal::percent(90)), Dec(Decimal::one()))
}
fn default_liquidity_delta() -> Range<SignedAmount> {
    Range::new(SignedAmount::tokens(-15_000), SignedAmount::tokens(18_000))
}

/// The job value range of a type not listed in `value_ranges`, FLX.
pub fn default_value_range(job_type: EconomicJobType) -> Range<Amount> {
    let (lo, hi) = match job_type {
        EconomicJobType::Transaction => (5, 500),
        EconomicJobType::DataStorage => (50, 2_000),
        EconomicJobType::Compute => (100, 5_000),
        EconomicJobType::CrossBorderTransfer => (1_000, 20_000),
        EconomicJobType::ValidatorReward => (200, 3_000),
        EconomicJobType::DockLockHosting => (100, 4_000),
        EconomicJobType::BankMeshSettlement => (5_000, 50_000),
        EconomicJobType::LiquidityProvision => (1_000, 25_000),
        EconomicJobType::GovernanceVoting => (10, 300),
        EconomicJobType::AuditCompliance => (500, 8_000),
    };
    Range::new(Amount::tokens(lo), Amount::tokens(hi))
}

/// An epoch (or several) whose activity differs from the ordinary one.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivityProfile {
    /// The epochs this profile applies to.
    pub epochs: Vec<u64>,
    /// Shown in the report's epoch table (e.g. `outage`).
    #[serde(default)]
    pub label: Option<String>,
    /// Jobs in each of these epochs (default: `jobs_per_epoch`).
    #[serde(default)]
    pub jobs: Option<u32>,
    /// Fraction of the miners taking part.
    #[serde(default)]
    pub active_miners: Option<Dec>,
    /// Multiplier of job values (e.g. 0.3 in a slow epoch).
    #[serde(default)]
    pub value_factor: Option<Dec>,
    /// Quality range in these epochs.
    #[serde(default)]
    pub quality: Option<Range<Dec>>,
    /// Uptime range in these epochs.
    #[serde(default)]
    pub uptime: Option<Range<Dec>>,
    /// Liquidity delta range in these epochs.
    #[serde(default)]
    pub liquidity_delta: Option<Range<SignedAmount>>,
}

/// One job stated in the file.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExplicitJob {
    /// The epoch in which it is submitted.
    pub epoch: u64,
    /// Snake_case job type (`cross_border_transfer`, ...).
    pub job_type: EconomicJobType,
    /// A miner of the `miners` list.
    pub miner: String,
    /// Job value, FLX; a negative value is refused by validation (with its line).
    pub value: SignedAmount,
    /// Quality score, default 1 (above 1 is sent as is: the contract refuses it).
    #[serde(default = "one")]
    pub quality: Dec,
    /// Uptime, default 1 (above 1 is sent as is: the contract refuses it).
    #[serde(default = "one")]
    pub uptime: Dec,
    /// Liquidity delta, FLX, default 0.
    #[serde(default)]
    pub liquidity_delta: SignedAmount,
    /// Who submits it, default the first reporter; a name not in the reporter list is funded
    /// with FLX too (the contract refuses it as unauthorized).
    #[serde(default)]
    pub reporter: Option<String>,
    /// Why this job is here (shown with a rejection).
    #[serde(default)]
    pub note: Option<String>,
}

fn one() -> Dec {
    Dec(Decimal::one())
}

/// What miners and the salary recipient do.
#[derive(Clone, Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ActionsConfig {
    /// After each close, every miner active in the epoch claims its NEX, default true.
    pub claim_rewards: bool,
    /// Probability that an active miner withdraws its spendable FLX after a close, default 0.3.
    pub withdraw_spendable_probability: Dec,
    /// After the last epoch, approve (as owner, when required) and claim the salary of every
    /// month that has ended, default true.
    pub claim_owner_salary: bool,
}

impl Default for ActionsConfig {
    fn default() -> Self {
        ActionsConfig {
            claim_rewards: true,
            withdraw_spendable_probability: Dec(Decimal::percent(30)),
            claim_owner_salary: true,
        }
    }
}

/// A miner of the scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MinerSpec {
    /// Its name (the address is `addr_make(name)`).
    pub name: String,
    /// Its specialization, if any.
    pub specialization: Option<EconomicJobType>,
}

impl Scenario {
    /// Reads and validates a scenario file; `display` is the name used in error messages.
    pub fn load(path: &Path) -> Result<Scenario, ScenarioError> {
        let display = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| ScenarioError {
            file: display.clone(),
            path: String::new(),
            message: format!("cannot read the file: {e}"),
            line: None,
        })?;
        Scenario::parse(&text, &display)
    }

    /// Parses and validates a scenario's text; `file` names it in error messages.
    pub fn parse(text: &str, file: &str) -> Result<Scenario, ScenarioError> {
        // serde_yaml_ng's text already reads "path: message at line L column C"
        let scenario: Scenario = serde_yaml_ng::from_str(text).map_err(|e| ScenarioError {
            file: file.to_string(),
            path: String::new(),
            message: e.to_string(),
            line: e.location().map(|l| l.line()),
        })?;
        scenario.validate().map_err(|(path, message)| {
            let line = locate_line(text, &path);
            ScenarioError {
                file: file.to_string(),
                path,
                message,
                line,
            }
        })?;
        Ok(scenario)
    }

    /// Semantic checks serde cannot make; the error is `(field path, message)`.
    pub fn validate(&self) -> Result<(), (String, String)> {
        let err = |path: &str, msg: String| Err((path.to_string(), msg));
        if self.name.trim().is_empty() {
            return err("name", "must not be empty".into());
        }
        if self.epochs == 0 {
            return err("epochs", "must be at least 1".into());
        }
        if self.epochs > 10_000 {
            return err(
                "epochs",
                format!(
                    "{} epochs is above the simulator's limit of 10,000",
                    self.epochs
                ),
            );
        }
        if let Err(msg) = self.start_timestamp() {
            return err("start_time", msg);
        }
        if self.tokens.genesis.max_supply != GEN_SUPPLY_TOKENS {
            return err(
                "tokens.genesis.max_supply",
                format!(
                    "{} GEN: the suite's GEN supply is fixed at {GEN_SUPPLY_TOKENS} (seed 000 genesis_max_supply, no minter)",
                    self.tokens.genesis.max_supply
                ),
            );
        }
        self.validate_params()?;
        if self.owner_salary_recipient.trim().is_empty() {
            return err("owner_salary_recipient", "must not be empty".into());
        }
        let reporters = self
            .reporter_names()
            .map_err(|(p, m)| (format!("reporters{p}"), m))?;
        let miners = self
            .miner_specs()
            .map_err(|(p, m)| (format!("miners{p}"), m))?;
        let miner_names: BTreeSet<&str> = miners.iter().map(|m| m.name.as_str()).collect();
        for r in &reporters {
            if miner_names.contains(r.as_str()) {
                return err(
                    "reporters",
                    format!("{r:?} is also a miner: use distinct names"),
                );
            }
        }
        if miner_names.contains(self.owner_salary_recipient.as_str()) {
            return err(
                "owner_salary_recipient",
                "is also a miner: use a distinct name".into(),
            );
        }
        if let Some(gen) = &self.job_generation {
            self.validate_generation(gen, miners.len())?;
        }
        for (i, job) in self.jobs.iter().enumerate() {
            if job.epoch >= self.epochs {
                return err(
                    &format!("jobs[{i}].epoch"),
                    format!(
                        "epoch {} is past the scenario's last epoch {}",
                        job.epoch,
                        self.epochs - 1
                    ),
                );
            }
            if job.value.0.is_negative() {
                return err(
                    &format!("jobs[{i}].value"),
                    format!("{} FLX is negative: a job value must be >= 0", job.value),
                );
            }
            if !miner_names.contains(job.miner.as_str()) {
                return err(
                    &format!("jobs[{i}].miner"),
                    format!("unknown miner {:?}", job.miner),
                );
            }
            if let Some(r) = &job.reporter {
                if r.trim().is_empty() {
                    return err(&format!("jobs[{i}].reporter"), "must not be empty".into());
                }
                if miner_names.contains(r.as_str()) {
                    return err(
                        &format!("jobs[{i}].reporter"),
                        format!("{r:?} is a miner, not a reporter"),
                    );
                }
            }
            if job.reporter.is_none() && reporters.is_empty() {
                return err(
                    &format!("jobs[{i}].reporter"),
                    "no reporter given and the reporter list is empty".into(),
                );
            }
        }
        let planned = self
            .job_generation
            .as_ref()
            .map_or(0, |g| self.generated_job_count(g))
            + self.jobs.len() as u64;
        if planned > 2_000_000 {
            return err(
                "job_generation",
                format!("{planned} jobs is above the simulator's limit of 2,000,000"),
            );
        }
        crate::governance::validate(&self.staking, &self.governance, self.epochs)?;
        crate::economy::validate(
            &self.flx_holders,
            self.flux_controller.as_ref(),
            self.aurum.as_ref(),
            self.pools.as_ref(),
            self.epochs,
        )?;
        Ok(())
    }

    fn validate_params(&self) -> Result<(), (String, String)> {
        let params = self.poe_params();
        let p = &self.poe_mining;
        params
            .fee_rates
            .validate()
            .map_err(|e| ("poe_mining.fee_structure".to_string(), e.to_string()))?;
        params
            .poe_weights
            .validate()
            .map_err(|e| ("poe_mining.poe_parameters".to_string(), e.to_string()))?;
        if p.poe_parameters.min_poe_threshold.0 >= Decimal::one() {
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
        if p.issuance.epoch_length_seconds == 0 {
            return Err((
                "poe_mining.issuance.epoch_length_seconds".into(),
                "must be above 0".into(),
            ));
        }
        Ok(())
    }

    fn validate_generation(
        &self,
        gen: &JobGeneration,
        miners: usize,
    ) -> Result<(), (String, String)> {
        let err = |path: String, msg: String| Err((path, msg));
        for (name, d) in [
            ("active_miners", gen.active_miners),
            ("specialization_bias", gen.specialization_bias),
        ] {
            if d.0 > Decimal::one() {
                return err(format!("job_generation.{name}"), format!("{d} is above 1"));
            }
        }
        if gen.job_type_mix.values().all(|w| w.0.is_zero()) && !gen.job_type_mix.is_empty() {
            let all_listed = EconomicJobType::ALL
                .iter()
                .all(|t| gen.job_type_mix.contains_key(t));
            if all_listed {
                return err(
                    "job_generation.job_type_mix".into(),
                    "every weight is zero".into(),
                );
            }
        }
        if gen.jobs_per_epoch > 0 && miners == 0 {
            return err(
                "miners".into(),
                "jobs are generated but there is no miner".into(),
            );
        }
        let mut seen: BTreeSet<u64> = BTreeSet::new();
        for (i, profile) in gen.activity.iter().enumerate() {
            for (j, e) in profile.epochs.iter().enumerate() {
                if *e >= self.epochs {
                    return err(
                        format!("job_generation.activity[{i}].epochs[{j}]"),
                        format!(
                            "epoch {e} is past the scenario's last epoch {}",
                            self.epochs - 1
                        ),
                    );
                }
                if !seen.insert(*e) {
                    return err(
                        format!("job_generation.activity[{i}].epochs[{j}]"),
                        format!("epoch {e} already has an activity profile"),
                    );
                }
            }
            if let Some(a) = profile.active_miners {
                if a.0 > Decimal::one() {
                    return err(
                        format!("job_generation.activity[{i}].active_miners"),
                        format!("{a} is above 1"),
                    );
                }
            }
        }
        Ok(())
    }

    /// The number of generated jobs over all epochs.
    pub fn generated_job_count(&self, gen: &JobGeneration) -> u64 {
        (0..self.epochs)
            .map(|e| {
                u64::from(
                    gen.profile(e)
                        .map_or(gen.jobs_per_epoch, |p| p.jobs.unwrap_or(gen.jobs_per_epoch)),
                )
            })
            .sum()
    }

    /// The deployment's block time, if the scenario states one.
    pub fn start_timestamp(&self) -> Result<Option<Timestamp>, String> {
        match &self.start_time {
            None => Ok(None),
            Some(StartTime::Seconds(s)) => Ok(Some(Timestamp::from_seconds(*s))),
            Some(StartTime::Rfc3339(text)) => chrono::DateTime::parse_from_rfc3339(text)
                .map_err(|e| format!("{text:?} is not an RFC 3339 time: {e}"))
                .and_then(|t| {
                    u64::try_from(t.timestamp()).map_err(|_| format!("{text:?} is before 1970"))
                })
                .map(|s| Some(Timestamp::from_seconds(s))),
        }
    }

    /// The contract parameters this scenario states.
    pub fn poe_params(&self) -> PoeParams {
        let p = &self.poe_mining;
        let f = &p.fee_structure;
        let w = &p.poe_parameters;
        let s = &p.owner_salary;
        let r = &p.mining_rewards;
        let i = &p.issuance;
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

    /// The reporter allow-list, in order; the error is `(path suffix, message)`.
    pub fn reporter_names(&self) -> Result<Vec<String>, (String, String)> {
        let r = &self.reporters;
        names_from(
            r.count,
            r.prefix.as_deref(),
            r.names.as_ref(),
            "reporter",
            1,
        )
    }

    /// The miners, in order, with their specializations; the error is `(path suffix, message)`.
    pub fn miner_specs(&self) -> Result<Vec<MinerSpec>, (String, String)> {
        let m = &self.miners;
        let names = names_from(m.count, m.prefix.as_deref(), m.names.as_ref(), "miner", 3)?;
        Ok(names
            .into_iter()
            .enumerate()
            .map(|(i, name)| MinerSpec {
                name,
                specialization: if m.specializations.is_empty() {
                    None
                } else {
                    m.specializations[i % m.specializations.len()]
                },
            })
            .collect())
    }

    /// Every reporter name that needs FLX: the allow-list, then unlisted reporters named by
    /// explicit jobs (in file order, once each).
    pub fn funded_reporters(&self) -> Vec<String> {
        let mut all = self.reporter_names().unwrap_or_default();
        for job in &self.jobs {
            if let Some(r) = &job.reporter {
                if !all.contains(r) {
                    all.push(r.clone());
                }
            }
        }
        all
    }

    /// The FLX base units each funded reporter receives.
    pub fn reporter_funding(&self) -> Uint128 {
        self.reporters.flx_funding.0
    }
}

impl JobGeneration {
    /// The activity profile of `epoch`, if any.
    pub fn profile(&self, epoch: u64) -> Option<&ActivityProfile> {
        self.activity.iter().find(|p| p.epochs.contains(&epoch))
    }

    /// The relative weight of `job_type` (default 1).
    pub fn mix_weight(&self, job_type: EconomicJobType) -> Decimal {
        if self.job_type_mix.is_empty() {
            return Decimal::one();
        }
        self.job_type_mix
            .get(&job_type)
            .map_or(Decimal::zero(), |d| d.0)
    }

    /// The value range of `job_type`, FLX base units.
    pub fn value_range(&self, job_type: EconomicJobType) -> Range<Amount> {
        self.value_ranges
            .get(&job_type)
            .copied()
            .unwrap_or_else(|| default_value_range(job_type))
    }
}

fn names_from(
    count: Option<u32>,
    prefix: Option<&str>,
    names: Option<&Vec<String>>,
    default_prefix: &str,
    min_width: usize,
) -> Result<Vec<String>, (String, String)> {
    match (count, names) {
        (Some(_), Some(_)) => Err((
            String::new(),
            "give either `count` (with `prefix`) or `names`, not both".into(),
        )),
        (None, None) => Err((
            String::new(),
            "give `count` (with an optional `prefix`) or `names`".into(),
        )),
        (Some(n), None) => {
            let prefix = prefix.unwrap_or(default_prefix);
            if prefix.trim().is_empty() {
                return Err((".prefix".into(), "must not be empty".into()));
            }
            if n > 100_000 {
                return Err((
                    ".count".into(),
                    format!("{n} is above the simulator's limit of 100,000"),
                ));
            }
            let width = n.to_string().len().max(min_width);
            Ok((1..=n).map(|i| format!("{prefix}_{i:0width$}")).collect())
        }
        (None, Some(list)) => {
            if prefix.is_some() {
                return Err((".prefix".into(), "`prefix` only goes with `count`".into()));
            }
            let mut seen = BTreeSet::new();
            for (i, name) in list.iter().enumerate() {
                if name.trim().is_empty() {
                    return Err((format!(".names[{i}]"), "must not be empty".into()));
                }
                if !seen.insert(name.as_str()) {
                    return Err((format!(".names[{i}]"), format!("duplicate name {name:?}")));
                }
            }
            Ok(list.clone())
        }
    }
}
