//! The governance contract: [`GovernanceHandle`].

use anyhow::{anyhow, Result as AnyResult};
use cosmwasm_std::{Addr, CosmosMsg, StdResult};
use cw_multi_test::AppResponse;
use poe_interface::governance::{
    Config, ExecuteMsg, ExecutionAttempt, ExecutionAttemptsResponse, GuardianBudgetResponse,
    HeldDeposit, HeldDepositsResponse, PauseInfo, PausesResponse, ProposalResponse,
    ProposalsResponse, QueryMsg, ReceiveMsg, VoteOption, VoteResponse, VotesResponse,
};
use poe_interface::MAX_LIMIT;
use serde::Serialize;

use super::{all_pages, contract_interface, Cw20Handle, Handle};
use crate::events::wasm_attr;

contract_interface!(
    /// Governance's interface (`poe_interface::governance`).
    Governance: ExecuteMsg, QueryMsg
);

/// The governance contract: the owner of every other contract after the bootstrap.
pub type GovernanceHandle = Handle<Governance>;

/// A `WasmMsg::Execute` of `msg` on `contract` with no funds (`cosmwasm_std::wasm_execute`), as
/// a `CosmosMsg`: what a proposal usually carries.
pub fn wasm_execute(contract: &Addr, msg: &impl Serialize) -> StdResult<CosmosMsg> {
    cosmwasm_std::wasm_execute(contract, msg, vec![]).map(Into::into)
}

impl Handle<Governance> {
    /// Makes a proposal: `proposer` sends the configured deposit of the deposit token (`gen`)
    /// with `Propose`. Returns the new proposal's id (the `proposal_id` attribute).
    pub fn propose(
        &self,
        gen: &Cw20Handle,
        proposer: &Addr,
        title: &str,
        description: &str,
        msgs: Vec<CosmosMsg>,
    ) -> AnyResult<u64> {
        let deposit = self.config()?.deposit_amount;
        let hook = ReceiveMsg::Propose {
            title: title.to_string(),
            description: description.to_string(),
            msgs,
        };
        let res = gen.send_hook(proposer, &self.addr, deposit, &hook)?;
        let id = wasm_attr(&res, &self.addr, "proposal_id")
            .ok_or_else(|| anyhow!("the propose response has no proposal_id"))?;
        Ok(id.parse()?)
    }

    /// `voter` votes `vote` on `proposal_id`.
    pub fn vote(&self, voter: &Addr, proposal_id: u64, vote: VoteOption) -> AnyResult<AppResponse> {
        self.execute(voter, &ExecuteMsg::Vote { proposal_id, vote })
    }

    /// `sender` executes the passed `proposal_id` (again, after a failed attempt, until it
    /// expires).
    pub fn execute_proposal(&self, sender: &Addr, proposal_id: u64) -> AnyResult<AppResponse> {
        self.execute(sender, &ExecuteMsg::Execute { proposal_id })
    }

    /// `sender` closes the rejected, vetoed or expired `proposal_id`.
    pub fn close(&self, sender: &Addr, proposal_id: u64) -> AnyResult<AppResponse> {
        self.execute(sender, &ExecuteMsg::Close { proposal_id })
    }

    /// `sender` (the guardian) pauses `target` for `seconds`.
    pub fn pause(&self, sender: &Addr, target: &Addr, seconds: u64) -> AnyResult<AppResponse> {
        self.execute(
            sender,
            &ExecuteMsg::Pause {
                target: target.to_string(),
                seconds,
            },
        )
    }

    /// The config.
    pub fn config(&self) -> StdResult<Config> {
        self.query(&QueryMsg::Config {})
    }

    /// One proposal.
    pub fn proposal(&self, proposal_id: u64) -> StdResult<ProposalResponse> {
        self.query(&QueryMsg::Proposal { proposal_id })
    }

    /// One page of proposals after `start_after`, oldest first.
    pub fn proposals(
        &self,
        start_after: Option<u64>,
        limit: Option<u32>,
    ) -> StdResult<Vec<ProposalResponse>> {
        let page: ProposalsResponse = self.query(&QueryMsg::Proposals { start_after, limit })?;
        Ok(page.proposals)
    }

    /// Every proposal, oldest first.
    pub fn all_proposals(&self) -> StdResult<Vec<ProposalResponse>> {
        all_pages(
            MAX_LIMIT,
            |start_after| self.proposals(start_after, Some(MAX_LIMIT)),
            |p| p.id,
        )
    }

    /// `voter`'s ballot on `proposal_id`, if any.
    pub fn ballot(&self, proposal_id: u64, voter: &Addr) -> StdResult<VoteResponse> {
        self.query(&QueryMsg::Ballot {
            proposal_id,
            voter: voter.to_string(),
        })
    }

    /// The first page of ballots on `proposal_id`.
    pub fn ballots(&self, proposal_id: u64) -> StdResult<VotesResponse> {
        self.ballots_page(proposal_id, None, Some(MAX_LIMIT))
    }

    /// One page of ballots on `proposal_id`, by voter address after `start_after`.
    pub fn ballots_page(
        &self,
        proposal_id: u64,
        start_after: Option<&Addr>,
        limit: Option<u32>,
    ) -> StdResult<VotesResponse> {
        self.query(&QueryMsg::Ballots {
            proposal_id,
            start_after: start_after.map(Addr::to_string),
            limit,
        })
    }

    /// The first page of `proposal_id`'s execution attempts (oldest first).
    pub fn execution_attempts(&self, proposal_id: u64) -> StdResult<Vec<ExecutionAttempt>> {
        let r: ExecutionAttemptsResponse = self.query(&QueryMsg::ExecutionAttempts {
            proposal_id,
            start_after: None,
            limit: Some(MAX_LIMIT),
        })?;
        Ok(r.attempts)
    }

    /// The deposits governance holds for open proposals, per token.
    pub fn held_deposits(&self) -> StdResult<Vec<HeldDeposit>> {
        let r: HeldDepositsResponse = self.query(&QueryMsg::HeldDeposits {})?;
        Ok(r.deposits)
    }

    /// The guardian's pause budget in the current window.
    pub fn guardian_budget(&self) -> StdResult<GuardianBudgetResponse> {
        self.query(&QueryMsg::GuardianBudget {})
    }

    /// The first page of pause records.
    pub fn pauses(&self) -> StdResult<Vec<PauseInfo>> {
        let r: PausesResponse = self.query(&QueryMsg::Pauses {
            start_after: None,
            limit: Some(MAX_LIMIT),
        })?;
        Ok(r.pauses)
    }
}
