//! Storage layout. Keys are short and distinct; a layout change gets a new key and a migration.

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

/// A route in flight (between the entry message and the last hop's reply).
#[cw_serde]
pub struct Route {
    pub hops: Vec<Hop>,
    /// The hop in flight.
    pub current: u32,
    /// Receives the last hop's output.
    pub receiver: Addr,
    pub minimum_receive: Option<Uint128>,
    /// Passed to every hop.
    pub max_spread: Option<Decimal>,
    /// The current hop's recipient's balance of its ask asset before the hop.
    pub balance_before: Uint128,
}

impl Route {
    /// Whether the hop in flight is the last.
    pub fn at_last_hop(&self) -> bool {
        self.current as usize + 1 == self.hops.len()
    }
}

pub const CONFIG: Item<Config> = Item::new("cfg");
/// Present only within a route's transaction.
pub const ROUTE: Item<Route> = Item::new("route");
