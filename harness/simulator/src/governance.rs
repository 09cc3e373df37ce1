//! Staking and governance in a scenario: who stakes before epoch 0, governance's settings, and
//! the proposals holders make during the run (a change of PoE mining's fee split or PoE weights,
//! treasury-funded staking rewards), run through the real contracts: deposit, votes at the start
//! height's power, timelock, execution.
//!
//! Timing: a proposal is made at the start of its `epoch` and voted in the next block; the
//! runner looks at open proposals again at the start of every epoch, so a passed proposal
//! executes at the first epoch start after its timelock ends, and its change is in force for
//! every job of that epoch and the following ones. Proposals still undecided after the last
//! epoch are driven to their end (time moves on past the run).

use anyhow::{anyhow, Context, Result as AnyResult};
use cosmwasm_std::{to_json_binary, Addr, CosmosMsg, Decimal, Uint128};
use poe_interface::governance::{ProposalResponse, ProposalStatus, VoteOption};
use poe_interface::poe_mining::{ConfigUpdate, ExecuteMsg as PoeExecuteMsg};
use poe_interface::staking::ReceiveMsg as StakingReceiveMsg;
use poe_interface::token::ExecuteMsg as TokenExecuteMsg;
use poe_interface::treasury::{AssetInfo, ExecuteMsg as TreasuryExecuteMsg};
use poe_testing::{wasm_execute, GovernanceSettings, StakingSettings, Suite, TokenHandle};
use serde::{Deserialize, Serialize};

use crate::scenario::{FeeStructure, PoeParameters};
use crate::values::{Amount, Dec};

/// One of the suite's four tokens, by symbol.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
pub enum SuiteToken {
    GEN,
    NEX,
    FLX,
    AUR,
}

impl SuiteToken {
    /// The token's handle in `suite`.
    pub fn handle(self, suite: &Suite) -> &TokenHandle {
        match self {
            SuiteToken::GEN => &suite.gen,
            SuiteToken::NEX => &suite.nex,
            SuiteToken::FLX => &suite.flx,
            SuiteToken::AUR => &suite.aur,
        }
    }
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
    pub GEN: Dec,
    pub AUR: Dec,
    pub NEX: Dec,
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
    pub votes: std::collections::BTreeMap<String, VoteOption>,
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

/// The messages of a change: PoE mining's `UpdateConfig` and/or the treasury's FLX to
/// governance followed by governance's `Send` of it to staking with `Fund`.
pub fn change_msgs(suite: &Suite, change: &ProposalChange) -> AnyResult<Vec<CosmosMsg>> {
    let mut msgs = Vec::new();
    if change.fee_structure.is_some() || change.poe_parameters.is_some() {
        let mut update = ConfigUpdate::default();
        if let Some(f) = &change.fee_structure {
            update.fee_rates = Some(f.rates());
        }
        if let Some(w) = &change.poe_parameters {
            update.poe_weights = Some(w.weights());
            update.min_poe_threshold = Some(w.min_poe_threshold.0);
        }
        msgs.push(wasm_execute(
            &suite.poe.addr,
            &PoeExecuteMsg::UpdateConfig(Box::new(update)),
        )?);
    }
    if let Some(fund) = &change.fund_staking {
        msgs.push(wasm_execute(
            &suite.treasury.addr,
            &TreasuryExecuteMsg::Spend {
                asset: AssetInfo::Cw20 {
                    contract_addr: suite.flx.addr.to_string(),
                },
                recipient: suite.governance.addr.to_string(),
                amount: fund.amount.0,
                memo: Some(format!("{:?} staking rewards", fund.pool)),
            },
        )?);
        msgs.push(wasm_execute(
            &suite.flx.addr,
            &TokenExecuteMsg::Send {
                contract: suite.staking.addr.to_string(),
                amount: fund.amount.0,
                msg: to_json_binary(&StakingReceiveMsg::Fund {
                    pool_token: fund.pool.handle(suite).addr.to_string(),
                    duration_seconds: fund.duration_seconds,
                })?,
            },
        )?);
    }
    Ok(msgs)
}

/// A proposal of the run, for the report.
#[derive(Clone, Debug, Serialize)]
pub struct ProposalReport {
    /// Governance's id.
    pub id: u64,
    pub title: String,
    pub proposer: String,
    /// Made at the start of this epoch; `None` for the owner-salary approvals made after the run.
    pub made_in_epoch: Option<u64>,
    /// Executed at the start of this epoch (its change is in force from it on); `None` when
    /// executed after the last epoch, or never.
    pub executed_in_epoch: Option<u64>,
    /// Final status.
    pub status: ProposalStatus,
    /// Power at the start height, by option.
    pub yes: Uint128,
    pub no: Uint128,
    pub abstain: Uint128,
    pub no_with_veto: Uint128,
    /// Total power at the start height.
    pub total_power: Uint128,
    pub quorum_reached: bool,
    /// Messages it carried.
    pub messages: usize,
    /// A refused vote or execution, or the failing message's error.
    pub errors: Vec<String>,
}

/// Staking at the end of the run.
#[derive(Clone, Debug, Serialize)]
pub struct StakingReport {
    /// Per pool.
    pub pools: Vec<PoolReport>,
    /// Per staker (name, pool).
    pub stakers: Vec<StakerReport>,
    /// Total voting power at the end.
    pub total_power: Uint128,
}

/// One pool at the end of the run.
#[derive(Clone, Debug, Serialize)]
pub struct PoolReport {
    pub token: SuiteToken,
    pub tier: Decimal,
    pub total_staked: Uint128,
    /// FLX funded into its reward stream.
    pub total_funded: Uint128,
    /// FLX paid to its stakers.
    pub total_rewards_paid: Uint128,
}

/// One staker at the end of the run.
#[derive(Clone, Debug, Serialize)]
pub struct StakerReport {
    pub name: String,
    pub token: SuiteToken,
    pub staked: Uint128,
    pub voting_power: Uint128,
    /// FLX rewards claimed after the last epoch.
    pub rewards_claimed: Uint128,
}

struct Tracked {
    spec: usize,
    id: u64,
    executed_in_epoch: Option<u64>,
    done: bool,
    errors: Vec<String>,
}

/// Governance during a run.
pub struct GovernanceRun<'a> {
    staking: &'a StakingConfig,
    governance: &'a GovernanceConfig,
    tracked: Vec<Tracked>,
    /// Extra proposals (salary approvals) for the report.
    extra: Vec<(u64, String, String)>,
}

impl<'a> GovernanceRun<'a> {
    pub fn new(staking: &'a StakingConfig, governance: &'a GovernanceConfig) -> Self {
        GovernanceRun {
            staking,
            governance,
            tracked: Vec::new(),
            extra: Vec::new(),
        }
    }

    /// The stakes before epoch 0 (with the transfers from `from`), then one block so that they
    /// count from the next proposal on.
    pub fn stake(&self, suite: &Suite) -> AnyResult<()> {
        for s in &self.staking.stakers {
            let token = s.token.handle(suite);
            let staker = suite.addr(&s.name);
            if let Some(from) = &s.from {
                // a GEN genesis bucket is the address of its name, like every name of the suite
                let from_addr = suite.addr(from);
                let total = s.amount.0.checked_add(s.keep.0)?;
                token
                    .transfer(&from_addr, &staker, total)
                    .with_context(|| format!("{from} transferring {total} to {}", s.name))?;
            }
            suite
                .staking
                .stake(token, &staker, s.amount.0)
                .with_context(|| format!("{} staking {} {:?}", s.name, s.amount, s.token))?;
        }
        suite.advance_time(poe_testing::BLOCK_SECONDS);
        Ok(())
    }

    /// At the start of `epoch`: executes the proposals whose timelock has ended (or closes the
    /// ones that failed), then makes this epoch's proposals and casts their votes a block later.
    pub fn tick(&mut self, suite: &Suite, epoch: u64) -> AnyResult<()> {
        self.settle(suite, Some(epoch))?;
        let specs: Vec<usize> = (0..self.governance.proposals.len())
            .filter(|i| self.governance.proposals[*i].epoch == epoch)
            .collect();
        if specs.is_empty() {
            return Ok(());
        }
        let mut made = Vec::new();
        for i in specs {
            let spec = &self.governance.proposals[i];
            let msgs = change_msgs(suite, &spec.change)?;
            let proposer = suite.addr(&spec.proposer);
            let description = spec.description.clone().unwrap_or(spec.title.clone());
            let id = suite
                .governance
                .propose(&suite.gen, &proposer, &spec.title, &description, msgs)
                .with_context(|| format!("proposal {:?} by {}", spec.title, spec.proposer))?;
            made.push((i, id));
        }
        suite.advance_time(poe_testing::BLOCK_SECONDS);
        for (i, id) in made {
            let mut errors = Vec::new();
            for (voter, vote) in &self.governance.proposals[i].votes {
                if let Err(e) = suite.governance.vote(&suite.addr(voter), id, *vote) {
                    errors.push(format!("vote of {voter}: {}", e.root_cause()));
                }
            }
            self.tracked.push(Tracked {
                spec: i,
                id,
                executed_in_epoch: None,
                done: false,
                errors,
            });
        }
        Ok(())
    }

    /// Executes what can be executed now, closes what is finally rejected, vetoed or expired.
    /// `epoch` is the epoch starting now (`None` after the run).
    fn settle(&mut self, suite: &Suite, epoch: Option<u64>) -> AnyResult<()> {
        let now = suite.block_time();
        let executor = suite.deployer.clone();
        for t in self.tracked.iter_mut().filter(|t| !t.done) {
            let p = suite.governance.proposal(t.id)?;
            match p.status {
                ProposalStatus::Passed if now >= p.executable_at => {
                    match suite.governance.execute_proposal(&executor, t.id) {
                        Ok(_) => {
                            let after = suite.governance.proposal(t.id)?;
                            if after.status == ProposalStatus::Executed {
                                t.executed_in_epoch = epoch;
                            } else if let Some(e) = after.execution_error {
                                t.errors.push(format!("execution failed: {e}"));
                            }
                        }
                        Err(e) => t.errors.push(format!("execute: {}", e.root_cause())),
                    }
                    t.done = true;
                }
                ProposalStatus::Rejected | ProposalStatus::Vetoed | ProposalStatus::Expired => {
                    if let Err(e) = suite.governance.close(&executor, t.id) {
                        t.errors.push(format!("close: {}", e.root_cause()));
                    }
                    t.done = true;
                }
                ProposalStatus::Executed | ProposalStatus::ExecutionFailed => t.done = true,
                _ => {}
            }
        }
        Ok(())
    }

    /// After the last epoch: moves time to the end of every undecided proposal (voting, then
    /// timelock) and settles it.
    pub fn finish(&mut self, suite: &Suite) -> AnyResult<()> {
        for _ in 0..2 {
            let pending: Vec<u64> = self
                .tracked
                .iter()
                .filter(|t| !t.done)
                .map(|t| t.id)
                .collect();
            for id in pending {
                let p = suite.governance.proposal(id)?;
                let at = if p.status == ProposalStatus::Open {
                    p.end_time
                } else {
                    p.executable_at
                };
                suite.advance_to(at);
            }
            self.settle(suite, None)?;
        }
        Ok(())
    }

    /// Approves the owner salary of `month` by a proposal of the first staker that every staker
    /// votes yes on. Errors when there is no staker or a step is refused.
    pub fn approve_owner_salary(&mut self, suite: &Suite, month: &str) -> AnyResult<u64> {
        let first = self
            .staking
            .stakers
            .first()
            .ok_or_else(|| anyhow!("no staker to propose the approval"))?;
        let voters: Vec<Addr> = self.voters(suite);
        let voter_refs: Vec<&Addr> = voters.iter().collect();
        let title = format!("Approve the owner salary of {month}");
        let id = suite.pass_proposal(
            &suite.addr(&first.name),
            &voter_refs,
            &title,
            vec![wasm_execute(
                &suite.poe.addr,
                &PoeExecuteMsg::ApproveOwnerSalary {
                    month: month.to_string(),
                },
            )?],
        )?;
        self.extra.push((id, title, first.name.clone()));
        Ok(id)
    }

    fn voters(&self, suite: &Suite) -> Vec<Addr> {
        let mut names: Vec<&str> = self
            .staking
            .stakers
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        names.sort_unstable();
        names.dedup();
        names.into_iter().map(|n| suite.addr(n)).collect()
    }

    /// Every staker claims its pending FLX rewards; returns the report of staking.
    pub fn claim_and_report(&self, suite: &Suite) -> AnyResult<StakingReport> {
        let mut stakers = Vec::new();
        for s in &self.staking.stakers {
            let addr = suite.addr(&s.name);
            let token = s.token.handle(suite);
            if stakers
                .iter()
                .any(|r: &StakerReport| r.name == s.name && r.token == s.token)
            {
                continue;
            }
            let pending = suite.staking.position(&addr, token)?.pending_rewards;
            let mut claimed = Uint128::zero();
            if !pending.is_zero() {
                let before = suite.flx.balance(&addr)?;
                suite
                    .staking
                    .claim_rewards(token, &addr)
                    .with_context(|| format!("{} claiming staking rewards", s.name))?;
                claimed = suite.flx.balance(&addr)? - before;
            }
            stakers.push(StakerReport {
                name: s.name.clone(),
                token: s.token,
                staked: suite.staking.position(&addr, token)?.staked,
                voting_power: suite.staking.voting_power(&addr, None)?,
                rewards_claimed: claimed,
            });
        }
        let mut pools = Vec::new();
        for t in [
            SuiteToken::GEN,
            SuiteToken::AUR,
            SuiteToken::NEX,
            SuiteToken::FLX,
        ] {
            let p = suite.staking.pool(t.handle(suite))?;
            pools.push(PoolReport {
                token: t,
                tier: p.tier,
                total_staked: p.total_staked,
                total_funded: p.total_funded,
                total_rewards_paid: p.total_rewards_paid,
            });
        }
        Ok(StakingReport {
            pools,
            stakers,
            total_power: suite.staking.total_power(None)?,
        })
    }

    /// Every proposal of the run (the scenario's, then the salary approvals), for the report.
    pub fn report(&self, suite: &Suite) -> AnyResult<Vec<ProposalReport>> {
        let mut out = Vec::new();
        for t in &self.tracked {
            let spec = &self.governance.proposals[t.spec];
            let p = suite.governance.proposal(t.id)?;
            let mut errors = t.errors.clone();
            if let Some(e) = &p.execution_error {
                if !errors.iter().any(|x| x.contains(e.as_str())) {
                    errors.push(e.clone());
                }
            }
            out.push(proposal_report(
                &p,
                spec.proposer.clone(),
                Some(spec.epoch),
                t.executed_in_epoch,
                errors,
            ));
        }
        for (id, _, proposer) in &self.extra {
            let p = suite.governance.proposal(*id)?;
            out.push(proposal_report(&p, proposer.clone(), None, None, vec![]));
        }
        Ok(out)
    }
}

fn proposal_report(
    p: &ProposalResponse,
    proposer: String,
    made_in_epoch: Option<u64>,
    executed_in_epoch: Option<u64>,
    errors: Vec<String>,
) -> ProposalReport {
    ProposalReport {
        id: p.id,
        title: p.title.clone(),
        proposer,
        made_in_epoch,
        executed_in_epoch,
        status: p.status,
        yes: p.tally.yes,
        no: p.tally.no,
        abstain: p.tally.abstain,
        no_with_veto: p.tally.no_with_veto,
        total_power: p.total_power,
        quorum_reached: p.quorum_reached,
        messages: p.msgs.len(),
        errors,
    }
}
