//! Who may shape a pool's reward stream. The hole these tests close: anyone could `Fund` 1 base
//! unit with a 10-year duration, which re-spread the whole running stream to that end (its rate
//! divided by ~30,000 and what was funded delayed by years), and on a pool with no running stream
//! set a 10-year end that every later funding was stretched to. Now an account other than the
//! owner may only add to a running stream with an end no later than its current end (so the rate
//! only goes up), or start a stream of at most `MAX_OPEN_FUND_SECONDS` when none runs; the owner
//! (governance) alone sets a later end or a longer stream.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::Decimal;
use poe_staking::msg::{MAX_OPEN_FUND_SECONDS, MAX_PERIOD_SECONDS};

/// `bob` funds the GEN pool with `amount` NEX over `duration` seconds.
fn bob_funds(s: &Suite, amount: u128, duration: u64) -> anyhow::Result<cw_multi_test::AppResponse> {
    s.staking.fund(&s.nex, &s.bob, &s.gen, u(amount), duration)
}

#[test]
fn a_strangers_long_dust_funding_of_a_running_stream_is_refused() {
    // alice has 1,000 GEN staked and a 1,000 NEX stream over 100 s runs, 10 s in
    let mut s = Suite::staked();
    let pool = s.staking.pool(&s.gen).unwrap();
    assert_eq!(pool.reward_rate, Decimal::from_atomics(10u128, 0).unwrap());
    let now = s.now().seconds();
    s.assert_rejected(
        ContractError::FundWouldExtendStream {
            period_finish: pool.period_finish,
            requested_end: now + MAX_PERIOD_SECONDS,
        },
        |s| bob_funds(s, 1, MAX_PERIOD_SECONDS),
    );
    // one second past the end is already too late
    let left = pool.period_finish - now;
    s.assert_rejected(
        ContractError::FundWouldExtendStream {
            period_finish: pool.period_finish,
            requested_end: pool.period_finish + 1,
        },
        |s| bob_funds(s, 1, left + 1),
    );
    // the stream pays on as funded: 10 per second until its end
    s.advance(90, 1);
    assert_eq!(s.pending(&s.alice, &s.gen), u(1_000));
}

#[test]
fn a_strangers_long_dust_funding_of_an_empty_pool_is_refused() {
    let mut s = Suite::new();
    // no stake, no stream
    s.assert_rejected(
        ContractError::OpenFundTooLong {
            duration_seconds: MAX_PERIOD_SECONDS,
            max: MAX_OPEN_FUND_SECONDS,
        },
        |s| bob_funds(s, 1, MAX_PERIOD_SECONDS),
    );
    // and on a staked pool whose stream has ended
    s.staking.stake(&s.gen, &s.alice, u(1_000)).unwrap();
    s.assert_rejected(
        ContractError::OpenFundTooLong {
            duration_seconds: MAX_OPEN_FUND_SECONDS + 1,
            max: MAX_OPEN_FUND_SECONDS,
        },
        |s| bob_funds(s, 1, MAX_OPEN_FUND_SECONDS + 1),
    );
    // so a real funding afterwards runs on its own schedule, not stretched to ten years
    s.staking
        .fund(&s.nex, &s.funder, &s.gen, u(1_000), 100)
        .unwrap();
    let pool = s.staking.pool(&s.gen).unwrap();
    assert_eq!(pool.period_finish, s.now().seconds() + 100);
    assert_eq!(pool.reward_rate, Decimal::from_atomics(10u128, 0).unwrap());
}

#[test]
fn a_stranger_may_add_to_a_running_stream_until_its_end() {
    let s = Suite::staked();
    let before = s.staking.pool(&s.gen).unwrap();
    // 900 left over 90 s; bob adds 900 asking for 30 s: released with the stream until its end
    let res = bob_funds(&s, 900, 30).unwrap();
    let attrs = wasm_attrs(&res, &s.staking.addr);
    assert!(attrs.contains(&(
        "period_finish".to_string(),
        before.period_finish.to_string()
    )));
    let after = s.staking.pool(&s.gen).unwrap();
    assert_eq!(after.period_finish, before.period_finish);
    assert_eq!(after.reward_remaining, u(1_800));
    assert_eq!(after.reward_rate, Decimal::from_atomics(20u128, 0).unwrap());
    s.advance(90, 1);
    assert_eq!(s.pending(&s.alice, &s.gen), u(1_900));
}

#[test]
fn the_owner_alone_may_move_the_end_later() {
    let s = Suite::staked();
    let (owner, flx, staking) = (&s.owner, &s.flx, &s.staking);
    // an empty pool too: the owner may start a stream of any length up to the maximum
    staking
        .fund(flx, owner, flx, u(1), MAX_PERIOD_SECONDS)
        .unwrap();
    assert_eq!(
        staking.pool(flx).unwrap().period_finish,
        s.now().seconds() + MAX_PERIOD_SECONDS
    );
    // and re-spread a running stream over a later end (governance's decision)
    staking.fund(&s.nex, owner, &s.gen, u(100), 1_000).unwrap();
    let pool = staking.pool(&s.gen).unwrap();
    assert_eq!(pool.period_finish, s.now().seconds() + 1_000);
    assert_eq!(pool.reward_remaining, u(1_000));
    assert_eq!(pool.reward_rate, Decimal::from_atomics(1u128, 0).unwrap());
}
