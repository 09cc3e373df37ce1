//! Storage: the configuration, the accepted tokens, the tasks, the bids with their ranking
//! index, and the escrow per token.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Decimal, Empty, Timestamp, Uint128};
use cw_storage_plus::{Item, Map};

use crate::msg::{TaskStatus, TeamResponse};

/// A team task's split as stored: the coordinator's bonus and the sub-tasks with their members
/// and statuses (the query's shape).
pub type Team = TeamResponse;

/// The configuration and the counters.
#[cw_serde]
pub struct Config {
    /// Receives the tax.
    pub treasury: Addr,
    /// Read at bid time, raised on completion.
    pub reputation: Option<Addr>,
    /// Tax, bps.
    pub tax_bps: u16,
    /// Points per tag on completion.
    pub reputation_points_per_tag: Uint128,
    /// Bids per task.
    pub max_bids_per_task: u32,
    /// Anyone may accept this long after a delivery, seconds.
    pub acceptance_timeout_seconds: u64,
    /// Tasks posted (the last id).
    pub task_count: u64,
    /// Tasks not finished.
    pub open_tasks: u64,
    /// Bids placed (the last sequence number).
    pub bid_sequence: u64,
}

/// What a task's creator posted and never changes: split from [`Task`] so each stored struct
/// stays small (a wasm function may hold at most 100 locals, and serde's visitor of a struct
/// keeps one per field).
#[cw_serde]
pub struct Terms {
    /// The title.
    pub title: String,
    /// The tags.
    pub tags: Vec<String>,
    /// The auction's end.
    pub auction_deadline: Option<Timestamp>,
    /// The delivery's end.
    pub delivery_deadline: Timestamp,
    /// Who besides the creator may accept.
    pub arbiter: Option<Addr>,
    /// Common tools the work may use.
    pub required_tools: Vec<String>,
    /// The bond a bidder posts.
    pub bid_bond: Option<Uint128>,
    /// When it was posted.
    pub created_at: Timestamp,
}

/// A task.
#[cw_serde]
pub struct Task {
    /// Who posted it.
    pub creator: Addr,
    /// The escrowed token.
    pub token: Addr,
    /// The escrow posted.
    pub max_reward: Uint128,
    /// What it posted.
    pub terms: Terms,
    /// What the task holds now.
    pub escrow: Uint128,
    /// Where it is.
    pub status: TaskStatus,
    /// Live bids.
    pub bid_count: u32,
    /// The assignee.
    pub assignee: Option<Addr>,
    /// The amount assigned.
    pub amount: Option<Uint128>,
    /// The delivery's time.
    pub delivered_at: Option<Timestamp>,
    /// The tax paid.
    pub tax: Option<Uint128>,
    /// A team task's split.
    pub team: Option<Team>,
    /// Bonds held for the task's bids.
    pub bonds_held: Uint128,
}

/// A bid.
#[cw_serde]
pub struct Bid {
    /// Reward asked.
    pub amount: Uint128,
    /// Delivery estimate, days.
    pub estimated_days: u32,
    /// The bidder's reputation when it bid.
    pub reputation: Uint128,
    /// Seed 004's score.
    pub score: Decimal,
    /// Placement order.
    pub sequence: u64,
    /// The bond it holds.
    pub bond: Uint128,
    /// When it was placed.
    pub placed_at: Timestamp,
}

/// The configuration.
pub const CONFIG: Item<Config> = Item::new("cfg");
/// Tokens a reward may be escrowed in.
pub const ACCEPTED: Map<&Addr, Empty> = Map::new("tok");
/// Tasks by id.
pub const TASKS: Map<u64, Task> = Map::new("task");
/// Bids by (task, bidder).
pub const BIDS: Map<(u64, &Addr), Bid> = Map::new("bid");
/// The ranking of a task's bids: `(task, 10^18 - score atomics, sequence) -> bidder`, so the
/// first entry of a task's prefix is its best bid (highest score, then the earliest).
pub const RANKING: Map<(u64, u128, u64), Addr> = Map::new("rank");
/// Escrow held per token.
pub const ESCROW: Map<&Addr, Uint128> = Map::new("esc");

/// The ranking key of `bid` on `task_id`.
pub fn rank_key(task_id: u64, bid: &Bid) -> (u64, u128, u64) {
    let inverted = Decimal::one()
        .atomics()
        .u128()
        .saturating_sub(bid.score.atomics().u128());
    (task_id, inverted, bid.sequence)
}
