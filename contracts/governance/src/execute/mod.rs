//! Execute handlers, one file per operation, and the helpers they share.

pub mod accept_ownership;
pub mod close;
pub mod config;
pub mod deposits;
pub mod dispatch;
pub mod execute_proposal;
pub mod instantiate;
pub mod pause;
pub mod propose;
pub mod vote;

use cosmwasm_std::{Env, MessageInfo, Storage};

use crate::error::ContractError;
use crate::state::{Proposal, PROPOSALS};

/// Governance itself (a proposal being executed) is the only caller allowed.
///
/// Errors: [`ContractError::Unauthorized`] naming `action`.
pub fn ensure_self(env: &Env, info: &MessageInfo, action: &str) -> Result<(), ContractError> {
    if info.sender != env.contract.address {
        return Err(ContractError::Unauthorized {
            sender: info.sender.to_string(),
            action: action.to_string(),
        });
    }
    Ok(())
}

/// The proposal record `proposal_id`.
///
/// Errors: [`ContractError::ProposalNotFound`].
pub fn load_proposal(storage: &dyn Storage, proposal_id: u64) -> Result<Proposal, ContractError> {
    PROPOSALS
        .may_load(storage, proposal_id)?
        .ok_or(ContractError::ProposalNotFound { proposal_id })
}
