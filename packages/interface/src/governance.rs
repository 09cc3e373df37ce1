//! Governance: proposals paid for with a GEN deposit, votes weighted by the staking contract's
//! voting power at the proposal's start height, quorum / threshold (67 %, seed 000
//! `consensus_threshold`) / veto, a timelock and an execution window, execution of the passed
//! proposal's messages through one atomic submessage, and the guardian's bounded emergency pause
//! (seed 000 `emergency_halt_threshold` is the stability monitor's trigger for it).
//!
//! Flow: a proposer sends exactly `deposit_amount` of the deposit token with
//! `cw20::Send { contract: governance, amount, msg: to_json_binary(&ReceiveMsg::Propose { .. }) }`;
//! stakers `Vote` until `end_time`; once `end_time + timelock_seconds` has passed, anyone may
//! `Execute` a passed proposal until `expires_at`; anyone may `Close` a rejected, vetoed or expired
//! one, which pays its deposit back or forfeits it to the treasury.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, CosmosMsg, Decimal, Timestamp, Uint128};
use cw20::Cw20ReceiveMsg;

/// The default pass threshold: yes / (yes + no + no_with_veto) must reach 67 % (seed 000
/// `GovernanceParameters.consensus_threshold: 0.67`).
pub const DEFAULT_THRESHOLD: Decimal = Decimal::raw(670_000_000_000_000_000);
/// The default veto threshold: no_with_veto / all votes cast must reach 33.4 % (the Cosmos SDK
/// default), so a blocking third can always veto a 67 % proposal.
pub const DEFAULT_VETO_THRESHOLD: Decimal = Decimal::raw(334_000_000_000_000_000);
/// Shortest proposal title, bytes (after trimming surrounding white space).
pub const MIN_TITLE_BYTES: usize = 4;
/// Longest proposal title, bytes.
pub const MAX_TITLE_BYTES: usize = 128;
/// Longest proposal description, bytes.
pub const MAX_DESCRIPTION_BYTES: usize = 4_096;
/// Most messages one proposal may carry.
pub const MAX_PROPOSAL_MSGS: usize = 16;
/// Largest serialized (JSON) size of a proposal's messages together, bytes (16 KiB): a
/// proposal is stored and answered in full by `proposal` / `proposals` (up to 30 a page), so one
/// proposer must not make those queries heavy for everyone.
pub const MAX_PROPOSAL_MSGS_BYTES: usize = 16_384;
/// Most contracts one `AcceptOwnership` may name.
pub const MAX_ACCEPT_OWNERSHIP: usize = 32;
/// Longest period the config or a pause may name, seconds (10 years of 365.25 days), so that
/// every deadline stays far from `Timestamp` overflow.
pub const MAX_DURATION_SECONDS: u64 = 315_576_000;
/// The default length of the guardian's budget window, seconds (30 days): see
/// [`Config::guardian_window_seconds`].
pub const DEFAULT_GUARDIAN_WINDOW_SECONDS: u64 = 30 * 86_400;
/// The default total of pause seconds the guardian may order per window (7 days): see
/// [`Config::guardian_pause_budget_seconds`].
pub const DEFAULT_GUARDIAN_PAUSE_BUDGET_SECONDS: u64 = 7 * 86_400;

/// Instantiates governance.
#[cw_serde]
pub struct InstantiateMsg {
    /// The staking contract, asked `voting_power` / `total_power` at a height
    /// ([`crate::staking::QueryMsg`]).
    pub staking: String,
    /// The cw20 token deposits are paid in (GEN).
    pub deposit_token: String,
    /// The exact deposit of a proposal, the token's base units (> 0).
    pub deposit_amount: Uint128,
    /// How long a proposal is open for votes, seconds (> 0).
    pub voting_period_seconds: u64,
    /// Share of the total power at the start height that must vote (abstain included), in (0, 1].
    pub quorum: Decimal,
    /// Share of yes in yes + no + no_with_veto needed to pass, in (0, 1]; default
    /// [`DEFAULT_THRESHOLD`] (0.67).
    pub threshold: Option<Decimal>,
    /// Share of no_with_veto in all votes cast that vetoes the proposal (its deposit is
    /// forfeited), in (0, 1]; default [`DEFAULT_VETO_THRESHOLD`] (0.334).
    pub veto_threshold: Option<Decimal>,
    /// Delay between the end of voting and the earliest execution, seconds.
    pub timelock_seconds: u64,
    /// How long after the timelock a passed proposal may be executed, seconds (> 0).
    pub execution_window_seconds: u64,
    /// Where forfeited deposits go (a cw20 `Send` with the treasury's `Deposit` hook).
    pub treasury: String,
    /// May pause a target for at most `max_pause_seconds`; none = no emergency pause.
    pub guardian: Option<String>,
    /// Longest pause the guardian may order, seconds.
    pub max_pause_seconds: u64,
    /// Total pause seconds the guardian may order per window, over all targets, in (0,
    /// [`MAX_DURATION_SECONDS`]]; default [`DEFAULT_GUARDIAN_PAUSE_BUDGET_SECONDS`] (7 days).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guardian_pause_budget_seconds: Option<u64>,
    /// The length of the guardian's budget window, seconds, in (0, [`MAX_DURATION_SECONDS`]];
    /// default [`DEFAULT_GUARDIAN_WINDOW_SECONDS`] (30 days).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guardian_window_seconds: Option<u64>,
    /// DAO DAO's `close_proposal_on_execution_failure`: `true` makes a failed execution final
    /// (`execution_failed`); default `false`: a failed execution leaves the proposal executable
    /// until it expires, so nobody can end a passed proposal for good by executing it at a bad
    /// moment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub close_proposal_on_execution_failure: Option<bool>,
}

/// A vote.
#[cw_serde]
#[derive(Copy, Eq, Hash, PartialOrd, Ord)]
pub enum VoteOption {
    /// For the proposal.
    Yes,
    /// Against the proposal.
    No,
    /// Counts for the quorum only.
    Abstain,
    /// A no that, at `veto_threshold` of the votes cast, vetoes the proposal and forfeits its
    /// deposit.
    NoWithVeto,
}

/// How `UpdateConfig` changes the guardian.
#[cw_serde]
pub enum GuardianUpdate {
    /// A new guardian.
    Set {
        /// The new guardian's address.
        address: String,
    },
    /// No guardian: no emergency pause until one is set.
    Remove {},
}

/// `UpdateConfig`: the fields to change (none = unchanged). Proposals already made keep the rules
/// they were made under (staking, deposit, quorum, thresholds, timelock, window).
#[cw_serde]
#[derive(Default)]
pub struct ConfigUpdate {
    /// New staking contract asked for voting power.
    pub staking: Option<String>,
    /// New cw20 token deposits are paid in.
    pub deposit_token: Option<String>,
    /// New exact deposit, base units of the deposit token (> 0).
    pub deposit_amount: Option<Uint128>,
    /// New voting period, seconds (> 0).
    pub voting_period_seconds: Option<u64>,
    /// New quorum: share of the total power that must vote, in (0, 1].
    pub quorum: Option<Decimal>,
    /// New pass threshold: share of yes in yes + no + no_with_veto, in (0, 1].
    pub threshold: Option<Decimal>,
    /// New veto threshold: share of no_with_veto in all votes cast, in (0, 1].
    pub veto_threshold: Option<Decimal>,
    /// New delay between the end of voting and the earliest execution, seconds.
    pub timelock_seconds: Option<u64>,
    /// New execution window after the timelock, seconds (> 0).
    pub execution_window_seconds: Option<u64>,
    /// New receiver of forfeited deposits.
    pub treasury: Option<String>,
    /// Sets or removes the guardian.
    pub guardian: Option<GuardianUpdate>,
    /// New longest pause the guardian may order, seconds.
    pub max_pause_seconds: Option<u64>,
    /// New total pause seconds the guardian may order per window, in (0, [`MAX_DURATION_SECONDS`]].
    pub guardian_pause_budget_seconds: Option<u64>,
    /// New length of the guardian's budget window, seconds, in (0, [`MAX_DURATION_SECONDS`]].
    pub guardian_window_seconds: Option<u64>,
    /// Whether new proposals end `execution_failed` on a failed execution.
    pub close_proposal_on_execution_failure: Option<bool>,
}

/// Governance's executes.
#[cw_serde]
pub enum ExecuteMsg {
    /// cw20 hook: `msg` must be a [`ReceiveMsg`]; only the deposit token, only the exact deposit.
    Receive(Cw20ReceiveMsg),
    /// A staker votes with its power at the proposal's start height; may change its vote until
    /// the voting ends.
    Vote {
        /// The open proposal voted on.
        proposal_id: u64,
        /// The sender's choice (replaces its earlier one).
        vote: VoteOption,
    },
    /// Anyone, once a proposal has passed and its timelock is over, before its window ends:
    /// marks it `executed`, records the attempt, refunds the deposit (first attempt) and
    /// dispatches its messages (atomically). If they fail, the attempt's error is recorded and
    /// the proposal can be executed again until it expires (unless it was made under
    /// `close_proposal_on_execution_failure`: then it ends `execution_failed`).
    Execute {
        /// The passed proposal to execute.
        proposal_id: u64,
    },
    /// Anyone: finalizes a rejected, vetoed or expired proposal and pays its deposit back or
    /// forfeits it to the treasury.
    Close {
        /// The rejected, vetoed or expired proposal to finalize.
        proposal_id: u64,
    },
    /// The guardian (at most `max_pause_seconds`, within its budget per window, only when the
    /// target's own `pause_status` says it is not paused) or governance itself (any length up
    /// to [`MAX_DURATION_SECONDS`]): sends `target` [`PausableExecuteMsg::Pause`] until now +
    /// `seconds`.
    Pause {
        /// The pausable contract (owned by governance).
        target: String,
        /// Length of the pause from now, seconds.
        seconds: u64,
    },
    /// Governance itself only (a proposal): sends `target` [`PausableExecuteMsg::Unpause`].
    Unpause {
        /// The paused contract.
        target: String,
    },
    /// Governance itself only (a proposal).
    UpdateConfig(Box<ConfigUpdate>),
    /// Anyone: governance accepts the cw-ownable ownership that each of `contracts` (1 to
    /// [`MAX_ACCEPT_OWNERSHIP`], no repeats) has offered it, by sending each
    /// `{"update_ownership": "accept_ownership"}`. This is the second step of the bootstrap
    /// hand-over (the deployer offers every contract to governance, then anyone completes it);
    /// it can only take ownership that was offered to governance, so it needs no vote. All or
    /// nothing: one contract without a pending offer to governance fails the whole message.
    AcceptOwnership {
        /// The contracts whose offered ownership governance accepts.
        contracts: Vec<String>,
    },
    /// Internal, governance itself only: `Execute` sends it as one submessage so that a
    /// proposal's messages run all or none.
    Dispatch {
        /// The proposal being executed.
        proposal_id: u64,
        /// Its messages, sent in order.
        msgs: Vec<CosmosMsg>,
    },
    /// Internal, governance itself only: the last message of every `Dispatch`. Fails (and so
    /// reverts the proposal's messages) when governance's balance of a deposit token is below
    /// the deposits it holds for open proposals: a proposal may spend governance's own funds,
    /// never the deposits other proposers will get back.
    VerifyHeldDeposits {},
}

/// The `msg` of the cw20 `Send` of a deposit.
#[cw_serde]
pub enum ReceiveMsg {
    /// Makes a proposal. `title`: [`MIN_TITLE_BYTES`]..=[`MAX_TITLE_BYTES`] bytes; `description`:
    /// at most [`MAX_DESCRIPTION_BYTES`]; `msgs`: at most [`MAX_PROPOSAL_MSGS`] and
    /// [`MAX_PROPOSAL_MSGS_BYTES`] of JSON together, sent by governance when executed (none = a
    /// text proposal).
    Propose {
        /// Short title, [`MIN_TITLE_BYTES`]..=[`MAX_TITLE_BYTES`] bytes once trimmed.
        title: String,
        /// Free-text description, at most [`MAX_DESCRIPTION_BYTES`].
        description: String,
        /// Messages governance sends when the proposal is executed; empty: a text proposal.
        msgs: Vec<CosmosMsg>,
    },
}

/// What governance sends a contract it pauses (one definition for every pausable contract).
pub use crate::pause::PausableExecuteMsg;

/// Governance's queries.
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// The configuration in force.
    #[returns(Config)]
    Config {},
    /// One proposal, its status computed at the current block time.
    #[returns(ProposalResponse)]
    Proposal {
        /// The proposal's id.
        proposal_id: u64,
    },
    /// Proposals by ascending id after `start_after`; `limit` default 10, at most 30.
    #[returns(ProposalsResponse)]
    Proposals {
        /// Id of the last proposal of the previous page (exclusive).
        start_after: Option<u64>,
        /// Page size, at most 30; default 10.
        limit: Option<u32>,
    },
    /// `voter`'s ballot (vote) on a proposal, if any. Named `ballot` so that generated clients
    /// do not clash with the `vote` execute message.
    #[returns(VoteResponse)]
    Ballot {
        /// The proposal's id.
        proposal_id: u64,
        /// The voter's address.
        voter: String,
    },
    /// A proposal's ballots by voter address after `start_after`; `limit` default 10, at most 30.
    #[returns(VotesResponse)]
    Ballots {
        /// The proposal's id.
        proposal_id: u64,
        /// Address of the last voter of the previous page (exclusive).
        start_after: Option<String>,
        /// Page size, at most 30; default 10.
        limit: Option<u32>,
    },
    /// Every pause governance has ordered, by target address, with whether it is still active.
    #[returns(PausesResponse)]
    Pauses {
        /// Address of the last target of the previous page (exclusive).
        start_after: Option<String>,
        /// Page size, at most 30; default 10.
        limit: Option<u32>,
    },
    /// A proposal's execution attempts by ascending number after `start_after`; `limit`
    /// default 10, at most 30.
    #[returns(ExecutionAttemptsResponse)]
    ExecutionAttempts {
        /// The proposal's id.
        proposal_id: u64,
        /// Number of the last attempt of the previous page (exclusive).
        start_after: Option<u32>,
        /// Page size, at most 30; default 10.
        limit: Option<u32>,
    },
    /// What the guardian has used of its pause budget in the current window.
    #[returns(GuardianBudgetResponse)]
    GuardianBudget {},
    /// The deposits governance holds for proposals not yet closed or executed, per token.
    #[returns(HeldDepositsResponse)]
    HeldDeposits {},
}

/// The configuration (validated addresses; seconds; shares as `Decimal`).
#[cw_serde]
pub struct Config {
    /// The staking contract asked for voting power at a height.
    pub staking: Addr,
    /// The cw20 token deposits are paid in (GEN).
    pub deposit_token: Addr,
    /// The exact deposit of a proposal, base units of `deposit_token`.
    pub deposit_amount: Uint128,
    /// How long a proposal is open for votes, seconds.
    pub voting_period_seconds: u64,
    /// Share of the total power at the start height that must vote (abstain included).
    pub quorum: Decimal,
    /// Share of yes in yes + no + no_with_veto needed to pass.
    pub threshold: Decimal,
    /// Share of no_with_veto in all votes cast that vetoes a proposal.
    pub veto_threshold: Decimal,
    /// Delay between the end of voting and the earliest execution, seconds.
    pub timelock_seconds: u64,
    /// How long after the timelock a passed proposal may be executed, seconds.
    pub execution_window_seconds: u64,
    /// Where forfeited deposits go.
    pub treasury: Addr,
    /// Who may order bounded emergency pauses; `None`: nobody but governance itself.
    pub guardian: Option<Addr>,
    /// Longest pause the guardian may order, seconds.
    pub max_pause_seconds: u64,
    /// Total pause seconds the guardian may order per window, over all targets (each pause
    /// counts its full length when ordered, even if governance lifts it early). Stored configs
    /// of older versions read the default.
    #[serde(default = "default_guardian_pause_budget_seconds")]
    pub guardian_pause_budget_seconds: u64,
    /// The guardian's budget window, seconds: a window starts with the guardian's first pause
    /// after the previous window ended and lasts this long.
    #[serde(default = "default_guardian_window_seconds")]
    pub guardian_window_seconds: u64,
    /// New proposals end `execution_failed` on a failed execution (DAO DAO's behaviour) instead
    /// of staying executable until they expire (the default, `false`).
    #[serde(default)]
    pub close_proposal_on_execution_failure: bool,
}

fn default_guardian_pause_budget_seconds() -> u64 {
    DEFAULT_GUARDIAN_PAUSE_BUDGET_SECONDS
}

fn default_guardian_window_seconds() -> u64 {
    DEFAULT_GUARDIAN_WINDOW_SECONDS
}

/// A proposal's status. `open` until `end_time`; then `passed`, `rejected` or `vetoed` follow
/// from the tally (computed by the queries, persisted by `Execute` / `Close`); a `passed`
/// proposal not executed before `expires_at` is `expired`.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum ProposalStatus {
    /// Voting runs (block time < `end_time`).
    Open,
    /// Voting ended with quorum, threshold reached and no veto; executable after the timelock.
    Passed,
    /// Voting ended without quorum or below the threshold; `Close` refunds the deposit when the
    /// quorum was reached and forfeits it otherwise.
    Rejected,
    /// Voting ended with no_with_veto at `veto_threshold`; the deposit is forfeited on `Close`.
    Vetoed,
    /// Dispatched and its messages ran; final (the deposit was refunded).
    Executed,
    /// Dispatched and one of its messages failed: none of them took effect; final. Only a
    /// proposal made under `close_proposal_on_execution_failure` ends so; otherwise a failed
    /// execution leaves it `passed` (executable again) until it expires.
    ExecutionFailed,
    /// Passed but not executed within its window.
    Expired,
}

impl std::fmt::Display for ProposalStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ProposalStatus::Open => "open",
            ProposalStatus::Passed => "passed",
            ProposalStatus::Rejected => "rejected",
            ProposalStatus::Vetoed => "vetoed",
            ProposalStatus::Executed => "executed",
            ProposalStatus::ExecutionFailed => "execution_failed",
            ProposalStatus::Expired => "expired",
        })
    }
}

/// Where a proposal's deposit went.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum DepositStatus {
    /// Held by governance.
    Held,
    /// Paid back to the proposer.
    Refunded,
    /// Sent to the treasury.
    Forfeited,
}

/// Voting power per option, the staking contract's units.
#[cw_serde]
#[derive(Default)]
pub struct Tally {
    /// Power voting yes.
    pub yes: Uint128,
    /// Power voting no.
    pub no: Uint128,
    /// Power abstaining (counts for the quorum only).
    pub abstain: Uint128,
    /// Power voting no with veto.
    pub no_with_veto: Uint128,
}

/// The voting rules a proposal was made under (the config's at proposal time).
#[cw_serde]
pub struct VotingRules {
    /// Share of the total power that must vote (abstain included).
    pub quorum: Decimal,
    /// Share of yes in yes + no + no_with_veto needed to pass.
    pub threshold: Decimal,
    /// Share of no_with_veto in all votes cast that vetoes.
    pub veto_threshold: Decimal,
}

/// A proposal, its status at the queried block.
#[cw_serde]
pub struct ProposalResponse {
    /// 1, 2, ... in proposal order.
    pub id: u64,
    /// The proposal's title.
    pub title: String,
    /// The proposal's description.
    pub description: String,
    /// The messages sent on execution (empty: a text proposal).
    pub msgs: Vec<CosmosMsg>,
    /// Who paid the deposit (the cw20 sender).
    pub proposer: Addr,
    /// The cw20 token the deposit was paid in.
    pub deposit_token: Addr,
    /// The deposit paid, base units of `deposit_token`.
    pub deposit_amount: Uint128,
    /// Held, refunded or forfeited.
    pub deposit_status: DepositStatus,
    /// The staking contract whose power counts.
    pub staking: Addr,
    /// Voting power is read at the start of this block.
    pub start_height: u64,
    /// Block time of the proposal.
    pub start_time: Timestamp,
    /// Votes are accepted while block time < `end_time`.
    pub end_time: Timestamp,
    /// Earliest execution (`end_time + timelock_seconds`).
    pub executable_at: Timestamp,
    /// Execution is refused from this time on (`executable_at + execution_window_seconds`).
    pub expires_at: Timestamp,
    /// Total power at `start_height`.
    pub total_power: Uint128,
    /// The rules the proposal was made under.
    pub rules: VotingRules,
    /// Power cast per option.
    pub tally: Tally,
    /// Whether the votes cast reach `quorum` of `total_power`.
    pub quorum_reached: bool,
    /// At the current block time.
    pub status: ProposalStatus,
    /// The (possibly redacted) error of the last execution attempt, if it failed.
    pub execution_error: Option<String>,
    /// How many times `Execute` dispatched it (query `ExecutionAttempts` for each one).
    pub execution_attempts: u32,
    /// Made under `close_proposal_on_execution_failure`: a failed execution is final.
    pub close_on_execution_failure: bool,
}

/// One `Execute` of a proposal.
#[cw_serde]
pub struct ExecutionAttempt {
    /// 1 for the first attempt.
    pub attempt: u32,
    /// The block of the attempt.
    pub height: u64,
    /// The block time of the attempt.
    pub time: Timestamp,
    /// Who called `Execute`.
    pub executor: Addr,
    /// The (possibly redacted) error of the messages; `None`: they ran and the proposal is
    /// executed.
    pub error: Option<String>,
}

/// A page of a proposal's execution attempts.
#[cw_serde]
pub struct ExecutionAttemptsResponse {
    /// Attempts by ascending number.
    pub attempts: Vec<ExecutionAttempt>,
}

/// The guardian's pause budget now.
#[cw_serde]
pub struct GuardianBudgetResponse {
    /// The current window's start (`None`: no window runs: the next guardian pause starts one).
    pub window_start: Option<Timestamp>,
    /// When the current window ends and the budget renews.
    pub window_ends_at: Option<Timestamp>,
    /// Pause seconds ordered in the current window.
    pub used_seconds: u64,
    /// `guardian_pause_budget_seconds`.
    pub budget_seconds: u64,
    /// `budget_seconds - used_seconds`.
    pub remaining_seconds: u64,
}

/// The deposits held, per deposit token (tokens holding none are left out).
#[cw_serde]
pub struct HeldDepositsResponse {
    /// By token address, ascending.
    pub deposits: Vec<HeldDeposit>,
}

/// The deposits held in one token.
#[cw_serde]
pub struct HeldDeposit {
    /// The deposit token.
    pub token: Addr,
    /// Sum of the held deposits, base units of `token`; governance's balance of `token` never
    /// falls below it after a proposal's execution.
    pub amount: Uint128,
}

/// A page of proposals.
#[cw_serde]
pub struct ProposalsResponse {
    /// Proposals by ascending id.
    pub proposals: Vec<ProposalResponse>,
}

/// One voter's vote.
#[cw_serde]
pub struct VoteInfo {
    /// The voter.
    pub voter: Addr,
    /// Its latest choice.
    pub vote: VoteOption,
    /// The voter's power at the proposal's start height.
    pub power: Uint128,
}

/// One voter's ballot on a proposal.
#[cw_serde]
pub struct VoteResponse {
    /// `None` when the address has not voted.
    pub vote: Option<VoteInfo>,
}

/// A page of a proposal's ballots.
#[cw_serde]
pub struct VotesResponse {
    /// Ballots by voter address.
    pub votes: Vec<VoteInfo>,
}

/// A pause governance ordered.
#[cw_serde]
pub struct PauseInfo {
    /// The paused contract.
    pub target: Addr,
    /// The target is paused until this block time.
    pub until: Timestamp,
    /// The guardian or governance itself.
    pub paused_by: Addr,
    /// Block time the pause was ordered.
    pub paused_at: Timestamp,
    /// `until` is still in the future.
    pub active: bool,
}

/// A page of ordered pauses.
#[cw_serde]
pub struct PausesResponse {
    /// The latest pause of each target, by target address.
    pub pauses: Vec<PauseInfo>,
}

/// Migrates governance (no parameters).
#[cw_serde]
pub struct MigrateMsg {}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::to_json_string;

    /// Governance asks the staking contract with the staking contract's own query type; the JSON
    /// is the one governance always sent (`height` set), and the answers parse.
    #[test]
    fn staking_queries_keep_the_agreed_json() {
        use crate::staking::{QueryMsg as StakingQuery, TotalPowerResponse, VotingPowerResponse};
        let q = StakingQuery::VotingPower {
            address: "addr".to_string(),
            height: Some(123),
        };
        assert_eq!(
            to_json_string(&q).unwrap(),
            r#"{"voting_power":{"address":"addr","height":123}}"#
        );
        let q = StakingQuery::TotalPower { height: Some(123) };
        assert_eq!(
            to_json_string(&q).unwrap(),
            r#"{"total_power":{"height":123}}"#
        );
        let r: VotingPowerResponse =
            cosmwasm_std::from_json(r#"{"power":"42","height":123}"#).unwrap();
        assert_eq!(r.power, Uint128::new(42));
        let r: TotalPowerResponse =
            cosmwasm_std::from_json(r#"{"power":"42","height":123}"#).unwrap();
        assert_eq!(r.power, Uint128::new(42));
    }

    #[test]
    fn a_stored_config_of_an_older_version_reads_the_new_defaults() {
        let old = r#"{"staking":"s","deposit_token":"g","deposit_amount":"1","voting_period_seconds":1,"quorum":"0.3","threshold":"0.67","veto_threshold":"0.334","timelock_seconds":0,"execution_window_seconds":1,"treasury":"t","guardian":null,"max_pause_seconds":60}"#;
        let c: Config = cosmwasm_std::from_json(old).unwrap();
        assert_eq!(
            c.guardian_pause_budget_seconds,
            DEFAULT_GUARDIAN_PAUSE_BUDGET_SECONDS
        );
        assert_eq!(c.guardian_window_seconds, DEFAULT_GUARDIAN_WINDOW_SECONDS);
        assert!(!c.close_proposal_on_execution_failure);
    }

    #[test]
    fn default_thresholds() {
        assert_eq!(DEFAULT_THRESHOLD, Decimal::percent(67));
        assert_eq!(DEFAULT_VETO_THRESHOLD, Decimal::permille(334));
        assert_eq!(
            to_json_string(&VoteOption::NoWithVeto).unwrap(),
            r#""no_with_veto""#
        );
    }
}
