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

/// The router's configuration.
#[cw_serde]
pub struct Config {
    /// The factory whose registry gives each hop's pair.
    pub factory: Addr,
}

/// One hop of a route: sell `offer` for `ask` in `pair`.
#[cw_serde]
pub struct Hop {
    /// The factory's pair of `offer` and `ask`.
    pub pair: Addr,
    /// The asset sold.
    pub offer: AssetInfo,
    /// The asset bought.
    pub ask: AssetInfo,
}

/// A route in flight (between the entry message and the last hop's reply): what does not change
/// from hop to hop.
#[cw_serde]
pub struct Route {
    /// The hops, in order.
    pub hops: Vec<Hop>,
    /// Receives the last hop's output.
    pub receiver: Addr,
    /// Least base units of the last ask the receiver's balance must grow by.
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

/// The router's configuration.
pub const CONFIG: Item<Config> = Item::new("cfg");
/// The route in flight, written once when it starts; present only within its transaction.
pub const ROUTE: Item<Route> = Item::new("rt");
/// The route's progress, rewritten by each hop; present only within its transaction.
pub const PROGRESS: Item<Progress> = Item::new("hop");

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::to_json_vec;

    /// A route of `hops` hops between cw20s, with chain-length contract addresses (63 characters,
    /// as `wasm1...` contract addresses are).
    fn route(hops: usize) -> Route {
        let contract = |i: usize| Addr::unchecked(format!("wasm1{:058}", i));
        Route {
            hops: (0..hops)
                .map(|i| Hop {
                    pair: contract(100 + i),
                    offer: AssetInfo::Token {
                        contract_addr: contract(i).to_string(),
                    },
                    ask: AssetInfo::Token {
                        contract_addr: contract(i + 1).to_string(),
                    },
                })
                .collect(),
            receiver: Addr::unchecked(format!("wasm1{:038}", 7)),
            minimum_receive: Some(Uint128::new(1_000_000_000)),
            max_spread: Some(Decimal::percent(1)),
        }
    }

    /// What each hop writes is the small progress entry, whatever the route's length: the figures
    /// of the README's gas table (key + value bytes).
    #[test]
    fn a_hop_rewrites_only_the_progress_entry() {
        let progress = Progress {
            current: 3,
            balance_before: Uint128::new(123_456_789_012_345),
        };
        let progress_bytes = to_json_vec(&progress).unwrap().len() + "hop".len();
        assert!(progress_bytes <= 56, "{progress_bytes}");
        for hops in 1..=4 {
            let route_bytes = to_json_vec(&route(hops)).unwrap().len() + "rt".len();
            // the route grows by ~300 bytes a hop; the progress entry does not
            assert!(route_bytes > 250 * hops, "{hops} hops: {route_bytes}");
            println!("{hops} hops: route {route_bytes} bytes, progress {progress_bytes} bytes");
        }
    }
}
