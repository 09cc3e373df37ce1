//! The test chain: an app with native balances, and moving its block forward.

use cosmwasm_std::{Coin, Timestamp};
use cw_multi_test::App;

/// The block time these tests assume (cw-multi-test's `next_block` uses the same 5 s).
pub const BLOCK_SECONDS: u64 = 5;

/// A fresh app in which each account `api.addr_make(name)` of `names` holds `coins`.
pub fn app_with_native_balances(names: &[&str], coins: &[Coin]) -> App {
    App::new(|router, api, storage| {
        for name in names {
            router
                .bank
                .init_balance(storage, &api.addr_make(name), coins.to_vec())
                .expect("bank balance");
        }
    })
}

/// Moves the chain `seconds` and `blocks` forward.
pub fn advance(app: &mut App, seconds: u64, blocks: u64) {
    app.update_block(|b| {
        b.time = b.time.plus_seconds(seconds);
        b.height += blocks;
    });
}

/// Moves the chain to exactly `time`, `blocks` blocks later. Panics when `time` is in the past.
pub fn advance_to(app: &mut App, time: Timestamp, blocks: u64) {
    assert!(time >= app.block_info().time, "cannot go back in time");
    app.update_block(|b| {
        b.time = time;
        b.height += blocks;
    });
}

/// How many [`BLOCK_SECONDS`] blocks `seconds` span, at least one.
pub fn blocks_in(seconds: u64) -> u64 {
    (seconds / BLOCK_SECONDS).max(1)
}
