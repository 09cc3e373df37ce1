//! The scenario file: genesis and parameters as in the seeds' YAML, the participants, the stream
//! of economic jobs (generated from a stated seed, plus an explicit list) and the rest of the
//! economy, and the [`Deployment`] it makes.
//!
//! Every struct refuses unknown fields, so a typo is an error naming the field and its line.
//! Amounts are written in whole tokens (6 decimals at most) and held in base units; rates as
//! decimals (`0.002` or `"0.002"`). See `scenarios/default.yaml` for a commented example.
//!
//! The blocks by domain: [`poe_mining`] (seed 001's parameters, GEN's supply), [`jobs`]
//! (reporters, miners, jobs, actions), [`governance`] (staking, governance, proposals) and
//! [`economy`] (the FLX controller, the AUR reserve, the pools), [`marketplace`] (its pools'
//! replenishments and sales) and [`guarantees`] (guarantees, claims, price shocks). This module
//! is data and its
//! checks only: nothing here runs a contract.

pub mod economy;
pub mod governance;
pub mod guarantees;
pub mod jobs;
pub mod marketplace;
pub mod poe_mining;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Result as AnyResult};
use cosmwasm_std::{Timestamp, Uint128};
use poe_interface::poe_mining::PoeParams;
use poe_math::genesis::GEN_SUPPLY_TOKENS;
use serde::Deserialize;

pub use self::economy::{
    AurSeed, AurumConfig, BufferFunding, DemandProfile, FluxConfig, NexSeed, PoolsConfig,
    PurchaseConfig, RedemptionConfig,
};
pub use self::governance::{
    FundStaking, GovernanceConfig, ProposalChange, ProposalSpec, StakerSpec, StakingConfig,
    SuiteToken, Tiers,
};
pub use self::guarantees::{
    ClaimSale, GuaranteeOutcome, GuaranteeSpec, GuaranteesConfig, PriceShock,
};
use self::jobs::names_from;
pub use self::jobs::{
    default_value_range, ActionsConfig, ActivityProfile, ExplicitJob, JobGeneration, MinerSpec,
    MinersConfig, ReportersConfig,
};
pub use self::marketplace::{MarketplaceConfig, ReplenishSpec, SaleOutcome, SaleSpec};
pub use self::poe_mining::{
    FeeStructure, GenesisTokenConfig, Issuance, MiningRewards, OwnerSalaryConfig, PoeMiningConfig,
    PoeParameters, TokensConfig,
};
use crate::deployment::Deployment;
use crate::locate::locate_line;
use crate::plan::{AurumSettings, FluxSettings, GuaranteeSettings, MarketplaceSettings};
use crate::values::Amount;

/// The default scenario, relative to the repository root.
pub const DEFAULT_SCENARIO: &str = "scenarios/default.yaml";

/// Resolves a scenario path: as given (relative to the working directory) when it exists,
/// else relative to the repository root (`CARGO_MANIFEST_DIR/../..`) when that exists there.
pub fn resolve_scenario_path(given: &Path) -> PathBuf {
    if given.exists() || given.is_absolute() {
        return given.to_path_buf();
    }
    let repo_root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let candidate = repo_root.join(given);
    if candidate.exists() {
        candidate
    } else {
        given.to_path_buf()
    }
}

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
    /// The marketplace's pools: replenishments and sales.
    #[serde(default)]
    pub marketplace: Option<MarketplaceConfig>,
    /// Guarantees: collateral, claims, defaults, liquidations, price shocks.
    #[serde(default)]
    pub guarantees: Option<GuaranteesConfig>,
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

impl Scenario {
    /// Resolves `given` ([`resolve_scenario_path`]), reads and validates it; errors name the file
    /// as given. What `poe-sim` and `poe-deploy-plan` do with their SCENARIO argument.
    pub fn open(given: &Path) -> Result<Scenario, ScenarioError> {
        Scenario::load(&resolve_scenario_path(given)).map_err(|mut e| {
            e.file = given.display().to_string();
            e
        })
    }

    /// Reads and validates the scenario file at `path` (as is); errors name it as `path`.
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
        self.poe_mining.validate()?;
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
            gen.validate(self.epochs, miners.len())?;
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
            .map_or(0, |g| g.job_count(self.epochs))
            + self.jobs.len() as u64;
        if planned > 2_000_000 {
            return err(
                "job_generation",
                format!("{planned} jobs is above the simulator's limit of 2,000,000"),
            );
        }
        governance::validate(&self.staking, &self.governance, self.epochs)?;
        economy::validate(
            &self.flx_holders,
            self.flux_controller.as_ref(),
            self.aurum.as_ref(),
            self.pools.as_ref(),
            self.epochs,
        )?;
        if let Some(m) = &self.marketplace {
            m.validate(self.epochs, self.poe_mining.params().epoch_length_seconds)?;
        }
        if let Some(g) = &self.guarantees {
            g.validate(self.epochs)?;
        }
        Ok(())
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
        self.poe_mining.params()
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
                specialization: m
                    .specializations
                    .get(i % m.specializations.len().max(1))
                    .copied()
                    .flatten(),
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

    /// The deployment this scenario makes: PoE mining's parameters, the reporters (each funded
    /// with `reporters.flx_funding` FLX at genesis, as is every unlisted reporter an explicit job
    /// names), the `flx_holders`' genesis FLX (added to a reporter's funding for the same name),
    /// the owner salary recipient, staking and governance, the FLX controller (epochs aligned
    /// with PoE mining's: same length, same genesis) and the AUR reserve when their blocks are
    /// present (the defaults otherwise), and the start time. Its [`Deployment::plan`] is what
    /// `poe-deploy-plan` prints and what the simulator deploys in cw-multi-test.
    pub fn deployment(&self) -> AnyResult<Deployment> {
        let params = self.poe_params();
        let epoch_length_seconds = params.epoch_length_seconds;
        let mut deployment = Deployment {
            owner_salary_recipient: self.owner_salary_recipient.clone(),
            params,
            staking: self.staking.settings(),
            governance: self.governance.settings(),
            flux: self
                .flux_controller
                .as_ref()
                .map_or_else(FluxSettings::default, |f| f.settings(epoch_length_seconds)),
            aurum: self
                .aurum
                .as_ref()
                .map_or_else(AurumSettings::default, AurumConfig::settings),
            marketplace: self
                .marketplace
                .as_ref()
                .map_or_else(MarketplaceSettings::default, MarketplaceConfig::settings),
            guarantee: self
                .guarantees
                .as_ref()
                .map_or_else(GuaranteeSettings::default, GuaranteesConfig::settings),
            start_time: self
                .start_timestamp()
                .map_err(|e| anyhow!("start_time: {e}"))?,
            ..Deployment::default()
        };
        let reporters = self
            .reporter_names()
            .map_err(|(p, m)| anyhow!("reporters{p}: {m}"))?;
        for r in &reporters {
            deployment.add_reporter(r);
        }
        let funding = self.reporter_funding();
        if !funding.is_zero() {
            for r in self.funded_reporters() {
                deployment.add_flx_balance(&r, funding)?;
            }
        }
        for (name, amount) in &self.flx_holders {
            deployment.add_flx_balance(name, amount.0)?;
        }
        Ok(deployment)
    }
}
