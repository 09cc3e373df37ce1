//! Staking and governance during a run (scenario blocks `staking` and `governance`, report key
//! `governance`): the stakes made before epoch 0, and the proposals holders make during the run
//! (a change of PoE mining's fee split or PoE weights, treasury-funded staking rewards), run
//! through the real contracts: deposit, votes at the start height's power, timelock, execution.
//!
//! Timing: a proposal is made at the start of its `epoch` and voted in the next block; the
//! runner looks at open proposals again at the start of every epoch, so a passed proposal
//! executes at the first epoch start after its timelock ends, and its change is in force for
//! every job of that epoch and the following ones. Proposals still undecided after the last
//! epoch are driven to their end (time moves on past the run).

use anyhow::{anyhow, Context, Result as AnyResult};
use cosmwasm_std::{to_json_binary, Addr, CosmosMsg, Uint128};
use poe_deploy::scenario::{GovernanceConfig, ProposalChange, StakingConfig, SuiteToken};
use poe_interface::governance::{ProposalResponse, ProposalStatus};
use poe_interface::poe_mining::{ConfigUpdate, ExecuteMsg as PoeExecuteMsg};
use poe_interface::staking::ReceiveMsg as StakingReceiveMsg;
use poe_interface::token::ExecuteMsg as TokenExecuteMsg;
use poe_interface::treasury::{AssetInfo, ExecuteMsg as TreasuryExecuteMsg};
use poe_testing::{wasm_execute, Suite, TokenHandle};

use crate::report::governance::{PoolReport, ProposalReport, StakerReport, StakingReport};
use crate::report::reason;

/// The handle of one of the suite's four tokens in `suite`.
pub fn token_handle(token: SuiteToken, suite: &Suite) -> &TokenHandle {
    match token {
        SuiteToken::GEN => &suite.gen,
        SuiteToken::NEX => &suite.nex,
        SuiteToken::FLX => &suite.flx,
        SuiteToken::AUR => &suite.aur,
    }
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
                    pool_token: token_handle(fund.pool, suite).addr.to_string(),
                    duration_seconds: fund.duration_seconds,
                })?,
            },
        )?);
    }
    Ok(msgs)
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
    /// Governance of a run of these blocks.
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
            let token = token_handle(s.token, suite);
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
                    errors.push(format!("vote of {voter}: {}", reason(&e)));
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
                        Err(e) => t.errors.push(format!("execute: {}", reason(&e))),
                    }
                    t.done = true;
                }
                ProposalStatus::Rejected | ProposalStatus::Vetoed | ProposalStatus::Expired => {
                    if let Err(e) = suite.governance.close(&executor, t.id) {
                        t.errors.push(format!("close: {}", reason(&e)));
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
            let token = token_handle(s.token, suite);
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
        for t in SuiteToken::POOLS {
            let p = suite.staking.pool(token_handle(t, suite))?;
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
