//! Governance's errors.

use cosmwasm_std::{OverflowError, StdError, Timestamp, Uint128};
use poe_interface::governance::ProposalStatus;
use thiserror::Error;

/// Every error governance returns.
#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    /// Storage, serialization (a malformed hook `msg`), address and staking query errors.
    #[error(transparent)]
    Std(#[from] StdError),

    /// A tally pushed past `Uint128::MAX`.
    #[error(transparent)]
    Overflow(#[from] OverflowError),

    /// Funds attached where none belong.
    #[error(transparent)]
    Payment(#[from] cw_utils::PaymentError),

    /// A proposal's messages spent deposits governance holds for other proposals: its balance of
    /// the deposit token fell below the deposits held (the execution is reverted).
    #[error("governance holds {held} {token} of deposits but has {balance} after the proposal's messages")]
    HeldDepositsSpent {
        /// The deposit token.
        token: String,
        /// The deposits held, base units.
        held: Uint128,
        /// Governance's balance of the token after the messages, base units.
        balance: Uint128,
    },

    /// A caller without the role the message needs (guardian, or governance itself).
    #[error("{sender} is not allowed to {action}")]
    Unauthorized {
        /// The caller.
        sender: String,
        /// What it tried, e.g. `update_config`.
        action: String,
    },

    /// `AcceptOwnership` with no contract, more than the maximum, or one contract twice.
    #[error("accept_ownership needs 1 to {max} distinct contracts: {reason}")]
    InvalidAcceptOwnership {
        /// [`poe_interface::governance::MAX_ACCEPT_OWNERSHIP`].
        max: usize,
        /// What is wrong with the list.
        reason: String,
    },

    /// An instantiate or `UpdateConfig` value out of its range.
    #[error("invalid config: {field} {reason}")]
    InvalidConfig {
        /// The field's name.
        field: String,
        /// What is wrong with it.
        reason: String,
    },

    /// A `Propose` hook from a token other than the deposit token.
    #[error("deposits are paid in {expected}, not in {received}")]
    WrongDepositToken {
        /// The configured deposit token.
        expected: String,
        /// The token that called the hook.
        received: String,
    },

    /// A deposit of another amount than the configured one.
    #[error("the deposit is exactly {expected}, not {received}")]
    WrongDepositAmount {
        /// The configured deposit, base units.
        expected: Uint128,
        /// The amount sent, base units.
        received: Uint128,
    },

    /// A title shorter (trimmed) or longer than the bounds.
    #[error("title of {len} bytes: must be {min} to {max} bytes")]
    InvalidTitle {
        /// The title's length, bytes (trimmed when too short).
        len: usize,
        /// Shortest title, bytes.
        min: usize,
        /// Longest title, bytes.
        max: usize,
    },

    /// A description above the bound.
    #[error("description of {len} bytes is longer than {max} bytes")]
    DescriptionTooLong {
        /// The description's length, bytes.
        len: usize,
        /// Longest description, bytes.
        max: usize,
    },

    /// A proposal with more messages than the bound.
    #[error("{count} messages: a proposal carries at most {max}")]
    TooManyMessages {
        /// Messages given.
        count: usize,
        /// Most accepted.
        max: usize,
    },

    /// A proposal whose messages serialize to more than the bound.
    #[error("the messages are {bytes} bytes of JSON: a proposal carries at most {max}")]
    MessagesTooLarge {
        /// Their JSON size, bytes.
        bytes: usize,
        /// Most accepted, bytes.
        max: usize,
    },

    /// A proposer or voter without voting power at the height that counts.
    #[error("{address} has no voting power at height {height}")]
    NoVotingPower {
        /// The proposer or voter.
        address: String,
        /// The proposal's start height.
        height: u64,
    },

    /// No proposal with this id.
    #[error("proposal {proposal_id} not found")]
    ProposalNotFound {
        /// The id asked for.
        proposal_id: u64,
    },

    /// A vote at or after the end of voting.
    #[error("voting on proposal {proposal_id} ended at {ended_at}")]
    VotingClosed {
        /// The proposal.
        proposal_id: u64,
        /// Its `end_time`.
        ended_at: Timestamp,
    },

    /// `Execute` or `Close` while the proposal is still open for votes.
    #[error("proposal {proposal_id} is open for votes until {ends_at}")]
    VotingOpen {
        /// The proposal.
        proposal_id: u64,
        /// Its `end_time`.
        ends_at: Timestamp,
    },

    /// `Execute` of a passed proposal before `end_time + timelock_seconds`.
    #[error("proposal {proposal_id} is timelocked until {executable_at}")]
    TimelockActive {
        /// The proposal.
        proposal_id: u64,
        /// Its earliest execution time.
        executable_at: Timestamp,
    },

    /// `Execute` of a proposal that is not (or no longer) passed: rejected, vetoed, expired,
    /// executed or failed.
    #[error("proposal {proposal_id} is {status}: it cannot be executed")]
    NotExecutable {
        /// The proposal.
        proposal_id: u64,
        /// Its status now.
        status: ProposalStatus,
    },

    /// `Close` of a passed proposal still in (or before) its execution window, or of one already
    /// final.
    #[error("proposal {proposal_id} is {status}: it cannot be closed")]
    NotClosable {
        /// The proposal.
        proposal_id: u64,
        /// Its status now.
        status: ProposalStatus,
    },

    /// A pause of zero seconds.
    #[error("a pause lasts at least one second")]
    ZeroPause {},

    /// A pause longer than the caller may order (`max_pause_seconds` for the guardian,
    /// `MAX_DURATION_SECONDS` for governance itself).
    #[error("a pause of {seconds} seconds is longer than {max} seconds")]
    PauseTooLong {
        /// The pause asked for, seconds.
        seconds: u64,
        /// The caller's bound, seconds.
        max: u64,
    },

    /// The guardian tried to pause a target whose own `pause_status` says it is paused (only
    /// governance extends or lifts a pause). `until` is the target's end (the largest
    /// `Timestamp` for a pause until `unpause`).
    #[error("{target} is already paused until {until}")]
    AlreadyPaused {
        /// The target.
        target: String,
        /// The end of its active pause.
        until: Timestamp,
    },

    /// The guardian named a target that does not answer `{"pause_status":{}}`.
    #[error("{target} does not answer pause_status: it is not a pausable contract")]
    NotPausable {
        /// The target.
        target: String,
    },

    /// A guardian pause beyond what is left of the budget of the current window.
    #[error("a pause of {seconds} seconds exceeds the guardian's budget: {used} of {budget} seconds used in the window until {renews_at}")]
    GuardianBudgetExceeded {
        /// The pause asked for, seconds.
        seconds: u64,
        /// Seconds already ordered in the window.
        used: u64,
        /// `guardian_pause_budget_seconds`.
        budget: u64,
        /// When the window ends and the budget renews.
        renews_at: Timestamp,
    },

    /// A reply governance did not ask for.
    #[error("unexpected reply {id}")]
    UnexpectedReply {
        /// The reply's id.
        id: u64,
    },
}
