//! Storage: the configuration, the writers' allow-list, and one record per (address, `_total`)
//! and per (address, tag).

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Decimal, Timestamp, Uint128};
use cw_storage_plus::{Item, Map};
use poe_controllers::AllowList;

use crate::msg::MAX_WRITERS;

/// The configuration.
#[cw_serde]
pub struct Config {
    /// Decay per whole day.
    pub decay_rate_per_day: Decimal,
}

/// Points as of a time: decayed lazily from `as_of` by [`poe_math::reputation::decay`].
#[cw_serde]
pub struct Record {
    /// Points at `as_of`.
    pub points: Uint128,
    /// The time the points stand at (whole days after the last update, so the partial day is
    /// kept).
    pub as_of: Timestamp,
}

/// The configuration.
pub const CONFIG: Item<Config> = Item::new("cfg");
/// `_total` per address.
pub const TOTALS: Map<&Addr, Record> = Map::new("tot");
/// Points per (address, tag).
pub const TAGS: Map<(&Addr, &str), Record> = Map::new("tag");
/// Who may raise reputations.
pub const WRITERS: AllowList = AllowList::new("wr", "wrn", "writer", MAX_WRITERS);
