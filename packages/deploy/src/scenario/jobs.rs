//! The participants and the economic jobs of a scenario: the reporters and miners (generated
//! names or a list), how jobs are generated epoch by epoch, the jobs stated one by one, and what
//! miners and the salary recipient do between epochs.

use std::collections::{BTreeMap, BTreeSet};

use cosmwasm_std::Decimal;
use poe_interface::poe_mining::EconomicJobType;
use serde::Deserialize;

use crate::values::{Amount, Dec, Range, SignedAmount};

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

    /// The number of jobs generated over `epochs` epochs.
    pub fn job_count(&self, epochs: u64) -> u64 {
        (0..epochs)
            .map(|e| {
                u64::from(self.profile(e).map_or(self.jobs_per_epoch, |p| {
                    p.jobs.unwrap_or(self.jobs_per_epoch)
                }))
            })
            .sum()
    }

    /// Semantic checks of the block for a scenario of `epochs` epochs and `miners` miners; the
    /// error is `(field path, message)`.
    pub fn validate(&self, epochs: u64, miners: usize) -> Result<(), (String, String)> {
        let gen = self;
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
                if *e >= epochs {
                    return err(
                        format!("job_generation.activity[{i}].epochs[{j}]"),
                        format!("epoch {e} is past the scenario's last epoch {}", epochs - 1),
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
}

/// The names of a `count`/`prefix`/`names` block (reporters, miners); the error is `(path
/// suffix, message)`.
pub(crate) fn names_from(
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
