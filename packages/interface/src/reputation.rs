//! The reputation registry (seed 004 "Reputation v2"): points per address, as a `_total` and per
//! tag (`python`, `security`, ...), raised only by writers on an allow-list (the task auction,
//! on a task's completion) and decaying by `decay_rate_per_day` for every whole day since the
//! record's last update, computed when read ([`poe_math::reputation::decay`]): no loop over
//! holders, no keeper.
//!
//! Who ranks highest in a tag is not kept on chain: every [`ExecuteMsg::Raise`] emits
//! `action=raise`, `account`, `tag`s and the new values, from which an indexer (the chain's
//! event index, or any off-chain store) ranks holders, applying the same decay.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, Decimal, Timestamp, Uint128};
use cw_ownable::Action;

/// Default decay, per whole day: 1 %.
pub const DEFAULT_DECAY_RATE_PER_DAY: Decimal = Decimal::percent(1);
/// Largest decay per day: 50 %.
pub const MAX_DECAY_RATE_PER_DAY: Decimal = Decimal::percent(50);
/// Most tags one raise may name.
pub const MAX_TAGS_PER_RAISE: usize = 10;
/// Longest tag, bytes (`a-z`, `0-9`, `-`, `_`).
pub const MAX_TAG_BYTES: usize = 32;
/// Most points one raise may add per tag.
pub const MAX_POINTS_PER_RAISE: u128 = 1_000_000;
/// Most writers.
pub const MAX_WRITERS: u32 = 20;

/// Instantiates the registry.
#[cw_serde]
pub struct InstantiateMsg {
    /// The owner (names writers, sets the decay); default the instantiator, governance after
    /// the hand-over.
    pub owner: Option<String>,
    /// Who may raise reputations (at most [`MAX_WRITERS`]).
    pub writers: Vec<String>,
    /// Decay per whole day, at most [`MAX_DECAY_RATE_PER_DAY`]; default
    /// [`DEFAULT_DECAY_RATE_PER_DAY`].
    pub decay_rate_per_day: Option<Decimal>,
}

/// The registry's executes.
#[cw_serde]
pub enum ExecuteMsg {
    /// A writer: adds `points` to `account`'s `_total` once per tag (once for a raise without
    /// tags) and to each of `tags`, after decaying each record to now.
    Raise {
        /// Whose reputation.
        account: String,
        /// The task's tags: 0 to [`MAX_TAGS_PER_RAISE`], each 1 to [`MAX_TAG_BYTES`] bytes of
        /// `a-z0-9-_`, no repeats.
        tags: Vec<String>,
        /// Points per tag, 1 to [`MAX_POINTS_PER_RAISE`].
        points: Uint128,
    },
    /// Owner: removes `remove`, then adds `add` to the writers.
    UpdateWriters {
        /// New writers.
        add: Vec<String>,
        /// Writers removed.
        remove: Vec<String>,
    },
    /// Owner: the decay per whole day (it applies to every day not yet decayed, of every record).
    UpdateConfig {
        /// At most [`MAX_DECAY_RATE_PER_DAY`].
        decay_rate_per_day: Decimal,
    },
    /// cw-ownable two-step ownership transfer.
    UpdateOwnership(Action),
}

/// The registry's queries.
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// The decay rate and the writer count.
    #[returns(ConfigResponse)]
    Config {},
    /// `account`'s `_total` and a page of its tags (by name after `start_after`, page size
    /// 1..=30, default 10), decayed to now.
    #[returns(ReputationResponse)]
    Reputation {
        /// Whose.
        account: String,
        /// The last tag of the previous page (exclusive).
        start_after: Option<String>,
        /// Page size, 1..=30; default 10.
        limit: Option<u32>,
    },
    /// `account`'s points in one tag (and its `_total`), decayed to now.
    #[returns(TagReputationResponse)]
    TagReputation {
        /// Whose.
        account: String,
        /// The tag.
        tag: String,
    },
    /// A page of writers in address order.
    #[returns(WritersResponse)]
    Writers {
        /// The last writer of the previous page (exclusive).
        start_after: Option<String>,
        /// Page size, 1..=30; default 10.
        limit: Option<u32>,
    },
    /// cw-ownable's owner.
    #[returns(cw_ownable::Ownership<String>)]
    Ownership {},
}

/// The configuration.
#[cw_serde]
pub struct ConfigResponse {
    /// Decay per whole day.
    pub decay_rate_per_day: Decimal,
    /// How many writers there are.
    pub writers: u32,
}

/// One tag's points.
#[cw_serde]
pub struct TagPoints {
    /// The tag.
    pub tag: String,
    /// Points, decayed to now.
    pub points: Uint128,
}

/// An address's reputation, decayed to now.
#[cw_serde]
pub struct ReputationResponse {
    /// Whose.
    pub account: Addr,
    /// `_total`: the sum of every raise, decayed (equal to the sum of the tags' points up to
    /// rounding, plus the raises without tags).
    pub total: Uint128,
    /// A page of tags, by name.
    pub tags: Vec<TagPoints>,
    /// The block time the values stand at.
    pub as_of: Timestamp,
}

/// One tag of an address, decayed to now.
#[cw_serde]
pub struct TagReputationResponse {
    /// Whose.
    pub account: Addr,
    /// The tag.
    pub tag: String,
    /// Points in the tag.
    pub points: Uint128,
    /// `_total`.
    pub total: Uint128,
}

/// A page of writers.
#[cw_serde]
pub struct WritersResponse {
    /// Writers, in address order.
    pub writers: Vec<Addr>,
}

/// Migration message (no fields).
#[cw_serde]
pub struct MigrateMsg {}
