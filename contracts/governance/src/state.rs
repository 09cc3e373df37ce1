//! Governance's state. Keys are short and distinct; a layout change gets a new key and a
//! migration. A proposal's content (title, description, messages: up to kilobytes) is stored
//! apart from its record (times, rules, tally: about 600 bytes), so a vote reads and writes only
//! the record.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, CosmosMsg, Timestamp, Uint128};
use cw_storage_plus::{Item, Map};
use poe_interface::governance::{
    Config, DepositStatus, ExecutionAttempt, ProposalStatus, Tally, VoteOption, VotingRules,
};

/// The configuration.
pub const CONFIG: Item<Config> = Item::new("c");
/// The id of the last proposal made (ids start at 1).
pub const PROPOSAL_COUNT: Item<u64> = Item::new("n");
/// The deposits held for proposals not yet closed or executed, base units, by deposit token
/// (an entry is removed when it reaches zero). Written by every path that holds or releases a
/// deposit: `Propose` adds, the refund of `Execute` and `Close` (refund or forfeit) subtract;
/// `VerifyHeldDeposits` checks governance's balance against it after a proposal's messages.
pub const HELD_DEPOSITS: Map<&Addr, Uint128> = Map::new("hd");
/// Proposal records by id.
pub const PROPOSALS: Map<u64, Proposal> = Map::new("p");
/// Proposal contents by id.
pub const CONTENTS: Map<u64, ProposalContent> = Map::new("t");
/// Ballots by (proposal id, voter).
pub const BALLOTS: Map<(u64, &Addr), Ballot> = Map::new("b");
/// The last pause governance ordered, by target. A record of what governance sent, not the
/// target's state (a proposal may also send a target its own `pause` / `unpause` JSON): the
/// guardian's checks read the target's `pause_status`, never this.
pub const PAUSES: Map<&Addr, PauseRecord> = Map::new("z");
/// Execution attempts by (proposal id, attempt number from 1).
pub const ATTEMPTS: Map<(u64, u32), ExecutionAttempt> = Map::new("x");
/// The guardian's pause budget in its current window (one record: O(1) per pause).
pub const GUARDIAN_BUDGET: Item<GuardianBudget> = Item::new("g");

/// A proposal's record: everything a vote, an execution or a close needs.
#[cw_serde]
pub struct Proposal {
    /// Who paid the deposit (the cw20 sender).
    pub proposer: Addr,
    /// The deposit token and amount paid (the config's at proposal time).
    pub deposit_token: Addr,
    /// The deposit paid, base units of `deposit_token`.
    pub deposit_amount: Uint128,
    /// Held, refunded or forfeited.
    pub deposit_status: DepositStatus,
    /// The staking contract asked for voting power (the config's at proposal time).
    pub staking: Addr,
    /// Voting power counts as at the start of this block.
    pub start_height: u64,
    /// Block time of the proposal.
    pub start_time: Timestamp,
    /// Votes are accepted while block time < `end_time`.
    pub end_time: Timestamp,
    /// `end_time + timelock_seconds`.
    pub executable_at: Timestamp,
    /// `executable_at + execution_window_seconds`.
    pub expires_at: Timestamp,
    /// Total voting power at `start_height`, read at proposal time.
    pub total_power: Uint128,
    /// The config's rules at proposal time.
    pub rules: VotingRules,
    /// Power cast per option so far.
    pub tally: Tally,
    /// The persisted status: `Open` until `Execute` (`Executed`), its reply (`ExecutionFailed`) or
    /// `Close` (`Rejected`, `Vetoed`, `Expired`) writes a final one. The status at a given time is
    /// [`Proposal::status_at`].
    pub status: ProposalStatus,
    /// The error of the last execution attempt, if it failed (cleared by the next attempt).
    pub execution_error: Option<String>,
    /// How many times `Execute` dispatched the proposal (records of older versions: 0).
    #[serde(default)]
    pub execution_attempts: u32,
    /// The config's `close_proposal_on_execution_failure` at proposal time (older records:
    /// `false`).
    #[serde(default)]
    pub close_on_execution_failure: bool,
}

/// What a proposal says and does.
#[cw_serde]
pub struct ProposalContent {
    /// The proposal's title.
    pub title: String,
    /// The proposal's description.
    pub description: String,
    /// The messages sent on execution (empty: a text proposal).
    pub msgs: Vec<CosmosMsg>,
}

/// One voter's vote on one proposal.
#[cw_serde]
pub struct Ballot {
    /// The voter's latest choice.
    pub vote: VoteOption,
    /// The voter's power at the proposal's start height (what the tally holds for it).
    pub power: Uint128,
}

/// A pause governance ordered.
#[cw_serde]
pub struct PauseRecord {
    /// The target is paused until this block time.
    pub until: Timestamp,
    /// The guardian or governance itself.
    pub paused_by: Addr,
    /// Block time the pause was ordered.
    pub paused_at: Timestamp,
}

/// The guardian's budget window: `used_seconds` of pauses ordered since `window_start`. A
/// window lasts `guardian_window_seconds`; the guardian's first pause after it ended starts the
/// next one with nothing used. So the pauses the guardian orders within any one window total at
/// most `guardian_pause_budget_seconds` (and at most twice that across a window boundary).
#[cw_serde]
pub struct GuardianBudget {
    /// Start of the current window.
    pub window_start: Timestamp,
    /// Pause seconds the guardian ordered since `window_start`.
    pub used_seconds: u64,
}
