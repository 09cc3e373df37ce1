//! The staking and governance blocks of a scenario: the staking pools' parameters and the stakes
//! made before epoch 0, governance's settings and the proposals holders make during the run,
//! with the deployment settings they make.

use std::collections::BTreeMap;

use poe_interface::governance::VoteOption;
use serde::{Deserialize, Serialize};

use crate::plan::{GovernanceSettings, StakingSettings};
use crate::scenario::poe_mining::{FeeStructure, PoeParameters};
use crate::values::{Amount, Dec};

/// One of the suite's four tokens, by symbol.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
pub enum SuiteToken {
    /// Genesis.
    GEN,
    /// Nexus.
    NEX,
    /// Flux.
    FLX,
    /// Aurum.
    AUR,
}

impl SuiteToken {
    /// The four, in the staking pools' order (GEN, AUR, NEX, FLX: the tiers' order).
    pub const POOLS: [SuiteToken; 4] = [
        SuiteToken::GEN,
        SuiteToken::AUR,
        SuiteToken::NEX,
        SuiteToken::FLX,
    ];
}

/// The staking contract's pools (one per token, rewards in FLX) and the stakes made before
/// epoch 0.
#[derive(Clone, Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StakingConfig {
    /// Smallest stake that opens a position, whole tokens; default 1.
    pub min_stake: Amount,
    /// Lock after a stake, seconds; default 86,400.
    pub lock_period_seconds: u64,
    /// Unbonding before a claim is paid, seconds; default 604,800.
    pub unbonding_period_seconds: u64,
    /// Voting-power tiers (seed 000 `tier_multiplier`), default GEN 10, AUR 5, NEX 3, FLX 1.
    pub tiers: Tiers,
    /// Stakes made after the deployment, before epoch 0, in order.
    pub stakers: Vec<StakerSpec>,
}

impl Default for StakingConfig {
    fn default() -> Self {
        let d = StakingSettings::default();
        StakingConfig {
            min_stake: Amount(d.min_stake),
            lock_period_seconds: d.lock_period_seconds,
            unbonding_period_seconds: d.unbonding_period_seconds,
            tiers: Tiers::default(),
            stakers: Vec::new(),
        }
    }
}

/// Seed 000 tier multipliers.
#[derive(Clone, Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[allow(non_snake_case)]
pub struct Tiers {
    /// GEN's, default 10.
    pub GEN: Dec,
    /// AUR's, default 5.
    pub AUR: Dec,
    /// NEX's, default 3.
    pub NEX: Dec,
    /// FLX's, default 1.
    pub FLX: Dec,
}

impl Default for Tiers {
    fn default() -> Self {
        let [gen, aur, nex, flx] = StakingSettings::default().tiers;
        Tiers {
            GEN: Dec(gen),
            AUR: Dec(aur),
            NEX: Dec(nex),
            FLX: Dec(flx),
        }
    }
}

/// One stake before epoch 0.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StakerSpec {
    /// Who stakes.
    pub name: String,
    /// Which pool.
    pub token: SuiteToken,
    /// How much, whole tokens.
    pub amount: Amount,
    /// A holder that first transfers `amount` to the staker (e.g. a GEN genesis bucket:
    /// `community_rewards`); none = the staker holds it already.
    #[serde(default)]
    pub from: Option<String>,
    /// With `from`: whole tokens transferred on top of `amount` and kept unstaked (a GEN
    /// proposal deposit, say); default 0.
    #[serde(default)]
    pub keep: Amount,
}

/// Governance's settings and the proposals of the run.
#[derive(Clone, Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct GovernanceConfig {
    /// The exact deposit of a proposal, whole GEN; default 100.
    pub deposit: Amount,
    /// Voting period, seconds; default 3 days.
    pub voting_period_seconds: u64,
    /// Share of the total power that must vote; default 0.334.
    pub quorum: Dec,
    /// Pass threshold; default 0.67 (seed 000 `consensus_threshold`).
    pub threshold: Option<Dec>,
    /// Veto threshold; default 0.334.
    pub veto_threshold: Option<Dec>,
    /// Timelock between the end of voting and execution, seconds; default 1 day.
    pub timelock_seconds: u64,
    /// Execution window after the timelock, seconds; default 7 days.
    pub execution_window_seconds: u64,
    /// The guardian's name (bounded emergency pause); `~` = none; default `guardian`.
    pub guardian: Option<String>,
    /// Longest guardian pause, seconds; default 3 days.
    pub max_pause_seconds: u64,
    /// Proposals made during the run.
    pub proposals: Vec<ProposalSpec>,
}

impl Default for GovernanceConfig {
    fn default() -> Self {
        let d = GovernanceSettings::default();
        GovernanceConfig {
            deposit: Amount(d.deposit_amount),
            voting_period_seconds: d.voting_period_seconds,
            quorum: Dec(d.quorum),
            threshold: d.threshold.map(Dec),
            veto_threshold: d.veto_threshold.map(Dec),
            timelock_seconds: d.timelock_seconds,
            execution_window_seconds: d.execution_window_seconds,
            guardian: d.guardian,
            max_pause_seconds: d.max_pause_seconds,
            proposals: Vec::new(),
        }
    }
}

/// One proposal of the run.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProposalSpec {
    /// 4 to 128 bytes.
    pub title: String,
    /// Free text; default the title.
    #[serde(default)]
    pub description: Option<String>,
    /// Who pays the deposit (needs GEN and voting power at the proposal's start).
    pub proposer: String,
    /// Made at the start of this epoch.
    pub epoch: u64,
    /// Each voter's vote: `yes`, `no`, `abstain` or `no_with_veto`.
    #[serde(default)]
    pub votes: BTreeMap<String, VoteOption>,
    /// What the proposal does when executed.
    pub change: ProposalChange,
}

/// What a proposal changes (at least one part).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProposalChange {
    /// PoE mining's new fee split (the whole block; omitted fields take the seed's values).
    #[serde(default)]
    pub fee_structure: Option<FeeStructure>,
    /// PoE mining's new weights and threshold (the whole block, as above).
    #[serde(default)]
    pub poe_parameters: Option<PoeParameters>,
    /// Treasury FLX streamed to a staking pool's stakers.
    #[serde(default)]
    pub fund_staking: Option<FundStaking>,
}

/// Funding of a pool's reward stream from the treasury's FLX.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FundStaking {
    /// The pool (its staked token).
    pub pool: SuiteToken,
    /// FLX, whole tokens.
    pub amount: Amount,
    /// Stream length, seconds.
    pub duration_seconds: u64,
}

impl StakingConfig {
    /// The builder's settings.
    pub fn settings(&self) -> StakingSettings {
        StakingSettings {
            min_stake: self.min_stake.0,
            lock_period_seconds: self.lock_period_seconds,
            unbonding_period_seconds: self.unbonding_period_seconds,
            tiers: [
                self.tiers.GEN.0,
                self.tiers.AUR.0,
                self.tiers.NEX.0,
                self.tiers.FLX.0,
            ],
        }
    }
}

impl GovernanceConfig {
    /// The builder's settings.
    pub fn settings(&self) -> GovernanceSettings {
        GovernanceSettings {
            deposit_amount: self.deposit.0,
            voting_period_seconds: self.voting_period_seconds,
            quorum: self.quorum.0,
            threshold: self.threshold.map(|d| d.0),
            veto_threshold: self.veto_threshold.map(|d| d.0),
            timelock_seconds: self.timelock_seconds,
            execution_window_seconds: self.execution_window_seconds,
            guardian: self.guardian.clone(),
            max_pause_seconds: self.max_pause_seconds,
        }
    }
}

/// Semantic checks of the staking and governance blocks (the contracts check the rest when they
/// are deployed); `(field path, message)`.
pub fn validate(
    staking: &StakingConfig,
    governance: &GovernanceConfig,
    epochs: u64,
) -> Result<(), (String, String)> {
    let err = |path: String, msg: String| Err((path, msg));
    for (i, s) in staking.stakers.iter().enumerate() {
        if s.name.trim().is_empty() {
            return err(
                format!("staking.stakers[{i}].name"),
                "must not be empty".into(),
            );
        }
        if s.from.is_none() && !s.keep.0.is_zero() {
            return err(
                format!("staking.stakers[{i}].keep"),
                "needs `from`: it is an amount transferred from there".into(),
            );
        }
        if s.amount.0 < staking.min_stake.0 {
            return err(
                format!("staking.stakers[{i}].amount"),
                format!("{} is below min_stake {}", s.amount, staking.min_stake),
            );
        }
    }
    let stakers: Vec<&str> = staking.stakers.iter().map(|s| s.name.as_str()).collect();
    for (i, p) in governance.proposals.iter().enumerate() {
        if p.epoch >= epochs {
            return err(
                format!("governance.proposals[{i}].epoch"),
                format!(
                    "epoch {} is not run (the scenario has {epochs} epochs)",
                    p.epoch
                ),
            );
        }
        let c = &p.change;
        if c.fee_structure.is_none() && c.poe_parameters.is_none() && c.fund_staking.is_none() {
            return err(
                format!("governance.proposals[{i}].change"),
                "names nothing to change (fee_structure, poe_parameters or fund_staking)".into(),
            );
        }
        if !stakers.contains(&p.proposer.as_str()) {
            return err(
                format!("governance.proposals[{i}].proposer"),
                format!(
                    "{} is not a staker: it would have no voting power",
                    p.proposer
                ),
            );
        }
        for voter in p.votes.keys() {
            if !stakers.contains(&voter.as_str()) {
                return err(
                    format!("governance.proposals[{i}].votes.{voter}"),
                    format!("{voter} is not a staker: it would have no voting power"),
                );
            }
        }
    }
    Ok(())
}
