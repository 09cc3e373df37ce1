//! Storage layout. Keys are short and distinct; a layout change gets a new key and a migration.
//!
//! A route in flight is two entries: the immutable [`Route`] (hops, receiver, bounds), written
//! once when the route starts and read by each hop's reply, and the small [`Progress`] (the hop in
//! flight and its recipient's balance before it), the only entry each hop rewrites. Both are
//! removed by the last reply. (Until this version the whole route, hop list included, was
//! re-saved on every hop under `route`; no router holds a route between transactions, so the
//! new layout needs no migration.)

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Decimal, Uint128};
use cw_storage_plus::Item;
use poe_interface::amm::AssetInfo;

#[cw_serde]
pub struct Config {
    /// The factory whose registry gives each hop's pair.
    pub factory: Addr,
}

/// One hop of a route: sell `offer` for `ask` in `pair`.
#[cw_serde]
pub struct Hop {
    pub pair: Addr,
    pub offer: AssetInfo,
    pub ask: AssetInfo,
}

/// A route in flight (between the entry message and the last hop's reply): what does not change
/// from hop to hop.
#[cw_serde]
pub struct Route {
    pub hops: Vec<Hop>,
    /// Receives the last hop's output.
    pub receiver: Addr,
    pub minimum_receive: Option<Uint128>,
    /// Passed to every hop.
    pub max_spread: Option<Decimal>,
}

/// Where a route in flight stands: what each hop changes.
#[cw_serde]
pub struct Progress {
    /// The hop in flight (index into [`Route::hops`]).
    pub current: u32,
    /// The hop's recipient's balance of its ask asset before the hop.
    pub balance_before: Uint128,
}

impl Route {
    /// Whether hop `current` is the last.
    pub fn is_last(&self, current: u32) -> bool {
        current as usize + 1 == self.hops.len()
    }
}

pub const CONFIG: Item<Config> = Item::new("cfg");
/// The route in flight, written once when it starts; present only within its transaction.
pub const ROUTE: Item<Route> = Item::new("rt");
/// The route's progress, rewritten by each hop; present only within its transaction.
pub const PROGRESS: Item<Progress> = Item::new("hop");
