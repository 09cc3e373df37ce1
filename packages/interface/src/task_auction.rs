//! Task auctions (seed 004 "Auction System"): a creator posts a task with its reward escrowed
//! (a cw20 `Send` of one of the accepted tokens: the amount sent is `max_reward`), tags and
//! deadlines. With an auction, bidders offer `amount <= max_reward` and `estimated_days` until the
//! auction deadline, each bid scored at once by [`poe_math::auction::score_bid`] with the
//! bidder's reputation read from the reputation registry; the best bid is kept in an ordered
//! index, so closing reads one entry whatever the number of bids. Without an auction the first
//! claimant is assigned at `max_reward`.
//!
//! Closing (anyone, after the auction deadline) assigns the best bid at its amount and returns
//! `max_reward - amount` to the creator. The assignee delivers before the delivery deadline; the
//! creator (or the task's arbiter) accepts, or anyone does once `acceptance_timeout_seconds`
//! have passed since the delivery. The payout is `amount - tax` to the assignee and
//! `tax = max(1, round_half_even(amount × tax_bps / 10,000))` (seed 004, at most the amount) to
//! the treasury; the assignee's reputation is raised by `reputation_points_per_tag` per tag.
//! A task not delivered by its delivery deadline lets the creator reclaim the escrow.
//!
//! Ties: of two bids with the same score the one placed (or last replaced) earlier wins.
//!
//! Team tasks (seed 004 "Collaborative Teams"): a task posted with a [`TeamSpec`] splits its
//! reward into a coordinator bonus and sub-tasks (they must sum to `max_reward`). It has no
//! auction: the first claimant is its coordinator, who assigns each sub-task to a member; each
//! member delivers its sub-task and each is accepted (and paid, minus the same tax, with the
//! member's reputation raised by the sub-task's tags) on its own; when the last is accepted the
//! coordinator is paid the bonus (minus tax) and raised by the task's tags.
//!
//! Invariants: for each token the escrow held equals the sum of the tasks' escrow and bonds
//! held; every
//! base unit of a finished task went to the assignee, the treasury or back to the creator; a
//! task pays out once.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, Decimal, Timestamp, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_ownable::Action;

/// Default tax, bps of the paid amount: 2 % (seed 004).
pub const DEFAULT_TAX_BPS: u16 = 200;
/// Largest tax, bps: 10 %.
pub const MAX_TAX_BPS: u16 = 1_000;
/// Default reputation points per tag of a completed task: 10.
pub const DEFAULT_REPUTATION_POINTS_PER_TAG: u128 = 10;
/// Default and largest number of bids per task.
pub const DEFAULT_MAX_BIDS_PER_TASK: u32 = 1_000;
/// Upper bound of `max_bids_per_task`.
pub const MAX_BIDS_PER_TASK_LIMIT: u32 = 10_000;
/// Default time anyone may accept a delivery after, seconds: 7 days.
pub const DEFAULT_ACCEPTANCE_TIMEOUT_SECONDS: u64 = 7 * 24 * 3_600;
/// Most tags of a task.
pub const MAX_TASK_TAGS: usize = 10;
/// Most sub-tasks of a team task.
pub const MAX_SUBTASKS: usize = 20;
/// Longest title, bytes.
pub const MAX_TITLE_BYTES: usize = 128;
/// Longest estimate of a bid, days.
pub const MAX_ESTIMATED_DAYS: u32 = 3_650;

/// Instantiates the task auction.
#[cw_serde]
pub struct InstantiateMsg {
    /// The owner (accepted tokens, bounds); default the instantiator, governance after the
    /// hand-over.
    pub owner: Option<String>,
    /// The treasury: receives the tax (cw20 `Send` with its `Deposit` hook).
    pub treasury: String,
    /// The reputation registry bids read and completions raise; `None`: every reputation is
    /// 0 and nothing is raised.
    pub reputation: Option<String>,
    /// cw20 tokens a reward may be escrowed in (the suite's FLX, NEX, AUR, GEN).
    pub accepted_tokens: Vec<String>,
    /// Tax, bps, at most [`MAX_TAX_BPS`]; default [`DEFAULT_TAX_BPS`].
    pub tax_bps: Option<u16>,
    /// Points per tag on completion; default [`DEFAULT_REPUTATION_POINTS_PER_TAG`].
    pub reputation_points_per_tag: Option<Uint128>,
    /// Bids per task, 1..=[`MAX_BIDS_PER_TASK_LIMIT`]; default [`DEFAULT_MAX_BIDS_PER_TASK`].
    pub max_bids_per_task: Option<u32>,
    /// Seconds after a delivery anyone may accept it; default
    /// [`DEFAULT_ACCEPTANCE_TIMEOUT_SECONDS`].
    pub acceptance_timeout_seconds: Option<u64>,
}

/// The task auction's executes.
#[cw_serde]
pub enum ExecuteMsg {
    /// cw20 hook: `msg` must be a [`ReceiveMsg`].
    Receive(Cw20ReceiveMsg),
    /// Before the auction deadline, anyone but the creator: places (or replaces) a bid.
    PlaceBid {
        /// The task.
        task_id: u64,
        /// Reward asked, base units, 1..=`max_reward`.
        amount: Uint128,
        /// Delivery estimate, days, at most [`MAX_ESTIMATED_DAYS`].
        estimated_days: u32,
    },
    /// Before the auction deadline, the bidder: withdraws its bid.
    WithdrawBid {
        /// The task.
        task_id: u64,
    },
    /// A bidder whose bid did not win (after the close, or on a cancelled task): takes its bond
    /// back.
    ReleaseBond {
        /// The task.
        task_id: u64,
    },
    /// A task without an auction, anyone but the creator: takes it at `max_reward`.
    Claim {
        /// The task.
        task_id: u64,
    },
    /// Anyone, at or after the auction deadline: assigns the best bid (or, with no bid, returns
    /// the escrow to the creator).
    CloseAuction {
        /// The task.
        task_id: u64,
    },
    /// The assignee, before the delivery deadline: declares the work delivered.
    Deliver {
        /// The task.
        task_id: u64,
    },
    /// The creator or the arbiter once delivered; anyone `acceptance_timeout_seconds` after
    /// the delivery: pays the assignee and the tax, raises the assignee's reputation.
    Accept {
        /// The task.
        task_id: u64,
    },
    /// A team task's coordinator: assigns sub-task `index` (from 0) to `member`.
    AssignSubtask {
        /// The task.
        task_id: u64,
        /// The sub-task, from 0.
        index: u32,
        /// Who does it (not the creator).
        member: String,
    },
    /// The sub-task's member, before the delivery deadline: declares it delivered.
    DeliverSubtask {
        /// The task.
        task_id: u64,
        /// The sub-task.
        index: u32,
    },
    /// The creator or the arbiter once the sub-task is delivered; anyone
    /// `acceptance_timeout_seconds` after its delivery: pays the member (and, after the last
    /// sub-task, the coordinator's bonus).
    AcceptSubtask {
        /// The task.
        task_id: u64,
        /// The sub-task.
        index: u32,
    },
    /// The creator, after the delivery deadline of an assigned task not delivered (for a team
    /// task: with no sub-task waiting for acceptance): takes the rest of the escrow back.
    Reclaim {
        /// The task.
        task_id: u64,
    },
    /// The creator, before any assignment: cancels the task, the escrow back (bids dropped).
    Cancel {
        /// The task.
        task_id: u64,
    },
    /// Owner: the accepted tokens and bounds; `None` keeps a value.
    UpdateConfig {
        /// Tokens added to the accepted ones.
        add_tokens: Vec<String>,
        /// Tokens no new task may use (tasks open keep theirs).
        remove_tokens: Vec<String>,
        /// Tax, bps.
        tax_bps: Option<u16>,
        /// Points per tag.
        reputation_points_per_tag: Option<Uint128>,
        /// Bids per task (applies to later bids).
        max_bids_per_task: Option<u32>,
        /// Acceptance timeout, seconds.
        acceptance_timeout_seconds: Option<u64>,
    },
    /// cw-ownable two-step ownership transfer.
    UpdateOwnership(Action),
}

/// The `msg` of a cw20 `Send` to the task auction.
#[cw_serde]
pub enum ReceiveMsg {
    /// With an accepted token: posts a task escrowing the amount sent as its `max_reward`; the
    /// sender is the creator.
    CreateTask(TaskSpec),
    /// With the task's token, exactly its `bid_bond`: places a first bid on a task that asks for
    /// a bond (as [`ExecuteMsg::PlaceBid`], which then only replaces a bid already bonded).
    PlaceBid {
        /// The task.
        task_id: u64,
        /// Reward asked, base units, 1..=`max_reward`.
        amount: Uint128,
        /// Delivery estimate, days.
        estimated_days: u32,
    },
}

/// What a creator posts.
#[cw_serde]
pub struct TaskSpec {
    /// A title, 1 to [`MAX_TITLE_BYTES`] bytes.
    pub title: String,
    /// 0 to [`MAX_TASK_TAGS`] tags (as the reputation registry's: `a-z0-9-_`, 1 to 32 bytes).
    pub tags: Vec<String>,
    /// The auction's end (after now, before `delivery_deadline`); `None`: no auction, the first
    /// claimant takes it.
    pub auction_deadline: Option<Timestamp>,
    /// The delivery's end: after now and after the auction deadline.
    pub delivery_deadline: Timestamp,
    /// Who besides the creator may accept the delivery.
    pub arbiter: Option<String>,
    /// Common tools (the treasury's, seed 004) the work may use: 0 to [`MAX_TASK_TAGS`] names.
    /// [`QueryMsg::CanUseTool`] answers who may use which.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required_tools: Vec<String>,
    /// A bidder's guarantee: each bidder posts this much of the task's token with its first bid
    /// (cw20 `Send` with [`ReceiveMsg::PlaceBid`]); a withdrawn or losing bid gets it back
    /// ([`ExecuteMsg::ReleaseBond`]), the winner with its payout, and the creator takes the
    /// winner's when the delivery deadline is missed. Only with an auction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bid_bond: Option<Uint128>,
    /// A team task: the reward split into a coordinator bonus and sub-tasks (no auction).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<TeamSpec>,
}

/// How a team task splits its reward: `coordinator_bonus + Σ subtasks[i].reward = max_reward`.
#[cw_serde]
pub struct TeamSpec {
    /// Paid to the coordinator (the claimant) once every sub-task is accepted.
    pub coordinator_bonus: Uint128,
    /// 1 to [`MAX_SUBTASKS`] sub-tasks.
    pub subtasks: Vec<SubtaskSpec>,
}

/// One sub-task of a team task.
#[cw_serde]
pub struct SubtaskSpec {
    /// A title, 1 to [`MAX_TITLE_BYTES`] bytes.
    pub title: String,
    /// Its reward, above 0.
    pub reward: Uint128,
    /// Its tags (as a task's): the member is raised by these.
    pub tags: Vec<String>,
}

/// Where a sub-task is.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum SubtaskStatus {
    /// No member yet.
    Unassigned,
    /// A member works on it.
    Assigned,
    /// Delivered, waiting for the acceptance.
    Delivered,
    /// Paid.
    Accepted,
}

/// A sub-task as it stands.
#[cw_serde]
pub struct SubtaskResponse {
    /// Its title.
    pub title: String,
    /// Its reward.
    pub reward: Uint128,
    /// Its tags.
    pub tags: Vec<String>,
    /// Its member.
    pub member: Option<Addr>,
    /// Where it is.
    pub status: SubtaskStatus,
    /// When it was delivered.
    pub delivered_at: Option<Timestamp>,
    /// The tax paid on it.
    pub tax: Option<Uint128>,
}

/// A team task's split as it stands.
#[cw_serde]
pub struct TeamResponse {
    /// The coordinator's bonus.
    pub coordinator_bonus: Uint128,
    /// The tax paid on the bonus, once paid.
    pub bonus_tax: Option<Uint128>,
    /// The sub-tasks.
    pub subtasks: Vec<SubtaskResponse>,
}

/// Where a task is.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum TaskStatus {
    /// Taking bids until its auction deadline.
    Auction,
    /// Without auction, waiting for a claimant.
    Open,
    /// Assigned, waiting for the delivery.
    Assigned,
    /// Delivered, waiting for the acceptance.
    Delivered,
    /// Paid out.
    Completed,
    /// The escrow went back to the creator (cancelled, no bid, or reclaimed after a missed
    /// delivery deadline).
    Refunded,
}

impl std::fmt::Display for TaskStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            TaskStatus::Auction => "auction",
            TaskStatus::Open => "open",
            TaskStatus::Assigned => "assigned",
            TaskStatus::Delivered => "delivered",
            TaskStatus::Completed => "completed",
            TaskStatus::Refunded => "refunded",
        })
    }
}

/// The task auction's queries.
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// Addresses and bounds.
    #[returns(ConfigResponse)]
    Config {},
    /// One task.
    #[returns(TaskResponse)]
    Task {
        /// The task.
        task_id: u64,
    },
    /// Tasks by id after `start_after`; page size 1..=30, default 10.
    #[returns(TasksResponse)]
    Tasks {
        /// The last id of the previous page (exclusive).
        start_after: Option<u64>,
        /// Page size.
        limit: Option<u32>,
    },
    /// One bid.
    #[returns(BidResponse)]
    Bid {
        /// The task.
        task_id: u64,
        /// The bidder.
        bidder: String,
    },
    /// A task's bids, best first (score, then the earlier); page size 1..=30, default 10.
    #[returns(BidsResponse)]
    Bids {
        /// The task.
        task_id: u64,
        /// Page size.
        limit: Option<u32>,
    },
    /// The escrow held per token.
    #[returns(TotalsResponse)]
    Totals {},
    /// Seed 004's three-layer authorization of a common tool: the tool is active in the
    /// treasury (`tool_status`), `caller` works on the task (its assignee, or a member of one
    /// of its sub-tasks) while it is assigned, and the task declares the tool.
    #[returns(CanUseToolResponse)]
    CanUseTool {
        /// The tool's name in the treasury.
        tool: String,
        /// The task.
        task_id: u64,
        /// Who asks to use it.
        caller: String,
    },
    /// cw-ownable's owner.
    #[returns(cw_ownable::Ownership<String>)]
    Ownership {},
}

/// The configuration.
#[cw_serde]
pub struct ConfigResponse {
    /// The treasury.
    pub treasury: Addr,
    /// The reputation registry, if any.
    pub reputation: Option<Addr>,
    /// Accepted tokens.
    pub accepted_tokens: Vec<Addr>,
    /// Tax, bps.
    pub tax_bps: u16,
    /// Points per tag on completion.
    pub reputation_points_per_tag: Uint128,
    /// Bids per task.
    pub max_bids_per_task: u32,
    /// Acceptance timeout, seconds.
    pub acceptance_timeout_seconds: u64,
    /// Tasks posted so far.
    pub task_count: u64,
}

/// A task.
#[cw_serde]
pub struct TaskResponse {
    /// Its id.
    pub id: u64,
    /// Who posted it.
    pub creator: Addr,
    /// The title.
    pub title: String,
    /// The tags.
    pub tags: Vec<String>,
    /// The escrowed token.
    pub token: Addr,
    /// The escrow posted.
    pub max_reward: Uint128,
    /// What the task holds now (the assigned amount once assigned; 0 once finished).
    pub escrow: Uint128,
    /// The auction's end, if it has one.
    pub auction_deadline: Option<Timestamp>,
    /// The delivery's end.
    pub delivery_deadline: Timestamp,
    /// Who besides the creator may accept.
    pub arbiter: Option<Addr>,
    /// Where it is.
    pub status: TaskStatus,
    /// The number of live bids.
    pub bid_count: u32,
    /// The assignee, once assigned.
    pub assignee: Option<Addr>,
    /// The amount assigned.
    pub amount: Option<Uint128>,
    /// When the delivery was declared.
    pub delivered_at: Option<Timestamp>,
    /// The tax paid on completion.
    pub tax: Option<Uint128>,
    /// When it was posted.
    pub created_at: Timestamp,
    /// A team task's split.
    pub team: Option<TeamResponse>,
    /// Common tools the work may use.
    pub required_tools: Vec<String>,
    /// The bond a bidder posts, if the task asks for one.
    pub bid_bond: Option<Uint128>,
    /// Bonds held for the task's bids (released ones excluded).
    pub bonds_held: Uint128,
}

/// A page of tasks.
#[cw_serde]
pub struct TasksResponse {
    /// Tasks by id.
    pub tasks: Vec<TaskResponse>,
}

/// A bid.
#[cw_serde]
pub struct BidResponse {
    /// The task.
    pub task_id: u64,
    /// The bidder.
    pub bidder: Addr,
    /// Reward asked.
    pub amount: Uint128,
    /// Delivery estimate, days.
    pub estimated_days: u32,
    /// The bidder's `_total` reputation when it bid.
    pub reputation: Uint128,
    /// Seed 004's score.
    pub score: Decimal,
    /// Order of placement (a later bid or replacement has a higher one).
    pub sequence: u64,
    /// The bond it holds (0 once released, or without a bond).
    pub bond: Uint128,
    /// When it was placed.
    pub placed_at: Timestamp,
}

/// A page of bids, best first.
#[cw_serde]
pub struct BidsResponse {
    /// Bids.
    pub bids: Vec<BidResponse>,
}

/// Escrow (rewards and bonds) held for one token.
#[cw_serde]
pub struct EscrowTotal {
    /// The token.
    pub token: Addr,
    /// Base units held: the open tasks' rewards and every bond not yet returned.
    pub amount: Uint128,
}

/// The escrow per token.
#[cw_serde]
pub struct TotalsResponse {
    /// Per token, those with a non-zero escrow.
    pub escrow: Vec<EscrowTotal>,
    /// Tasks not yet finished.
    pub open_tasks: u64,
}

/// The answer of [`QueryMsg::CanUseTool`].
#[cw_serde]
pub struct CanUseToolResponse {
    /// All three layers hold.
    pub allowed: bool,
    /// The tool is active in the treasury.
    pub tool_active: bool,
    /// The caller works on the task, which is assigned.
    pub caller_assigned: bool,
    /// The task declares the tool.
    pub declared: bool,
}

/// Migration message (no fields).
#[cw_serde]
pub struct MigrateMsg {}
