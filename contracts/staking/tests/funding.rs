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

/// Alice has 1,000 GEN staked and a 1,000 NEX stream over 100 s runs on the GEN pool, 10 s in.
fn running() -> Suite {
    let mut s = Suite::new();
    let (alice, funder, gen, nex) = (
        s.alice.clone(),
        s.funder.clone(),
        s.gen.clone(),
        s.nex.clone(),
    );
    s.stake(&alice, &gen, 1_000).unwrap();
    s.fund(&funder, &nex, &gen, 1_000, 100).unwrap();
    s.advance(10, 1);
    s
}

#[test]
fn a_strangers_long_dust_funding_of_a_running_stream_is_refused() {
    let mut s = running();
    let (bob, gen, nex) = (s.bob.clone(), s.gen.clone(), s.nex.clone());
    let pool = s.pool(&gen);
    assert_eq!(pool.reward_rate, Decimal::from_atomics(10u128, 0).unwrap());
    let now = s.now().seconds();
    s.assert_rejected(
        ContractError::FundWouldExtendStream {
            period_finish: pool.period_finish,
            requested_end: now + MAX_PERIOD_SECONDS,
        },
        |s| s.fund(&bob, &nex, &gen, 1, MAX_PERIOD_SECONDS),
    );
    // one second past the end is already too late
    let left = pool.period_finish - now;
    s.assert_rejected(
        ContractError::FundWouldExtendStream {
            period_finish: pool.period_finish,
            requested_end: pool.period_finish + 1,
        },
        |s| s.fund(&bob, &nex, &gen, 1, left + 1),
    );
    // the stream pays on as funded: 10 per second until its end
    s.advance(90, 1);
    assert_eq!(s.position(&s.alice.clone(), &gen).pending_rewards, u(1_000));
}

#[test]
fn a_strangers_long_dust_funding_of_an_empty_pool_is_refused() {
    let mut s = Suite::new();
    let (bob, funder, alice, gen, nex) = (
        s.bob.clone(),
        s.funder.clone(),
        s.alice.clone(),
        s.gen.clone(),
        s.nex.clone(),
    );
    // no stake, no stream
    s.assert_rejected(
        ContractError::OpenFundTooLong {
            duration_seconds: MAX_PERIOD_SECONDS,
            max: MAX_OPEN_FUND_SECONDS,
        },
        |s| s.fund(&bob, &nex, &gen, 1, MAX_PERIOD_SECONDS),
    );
    // and on a staked pool whose stream has ended
    s.stake(&alice, &gen, 1_000).unwrap();
    s.assert_rejected(
        ContractError::OpenFundTooLong {
            duration_seconds: MAX_OPEN_FUND_SECONDS + 1,
            max: MAX_OPEN_FUND_SECONDS,
        },
        |s| s.fund(&bob, &nex, &gen, 1, MAX_OPEN_FUND_SECONDS + 1),
    );
    // so a real funding afterwards runs on its own schedule, not stretched to ten years
    s.fund(&funder, &nex, &gen, 1_000, 100).unwrap();
    let pool = s.pool(&gen);
    assert_eq!(pool.period_finish, s.now().seconds() + 100);
    assert_eq!(pool.reward_rate, Decimal::from_atomics(10u128, 0).unwrap());
}

#[test]
fn a_stranger_may_add_to_a_running_stream_until_its_end() {
    let mut s = running();
    let (bob, alice, gen, nex, staking) = (
        s.bob.clone(),
        s.alice.clone(),
        s.gen.clone(),
        s.nex.clone(),
        s.staking.clone(),
    );
    let before = s.pool(&gen);
    // 900 left over 90 s; bob adds 900 asking for 30 s: released with the stream until its end
    let res = s.fund(&bob, &nex, &gen, 900, 30).unwrap();
    let attrs = wasm_attrs(&res, &staking);
    assert!(attrs.contains(&(
        "period_finish".to_string(),
        before.period_finish.to_string()
    )));
    let after = s.pool(&gen);
    assert_eq!(after.period_finish, before.period_finish);
    assert_eq!(after.reward_remaining, u(1_800));
    assert_eq!(after.reward_rate, Decimal::from_atomics(20u128, 0).unwrap());
    s.advance(90, 1);
    assert_eq!(s.position(&alice, &gen).pending_rewards, u(1_900));
}

#[test]
fn the_owner_alone_may_move_the_end_later() {
    let mut s = running();
    let (owner, gen, nex) = (s.owner.clone(), s.gen.clone(), s.nex.clone());
    // an empty pool too: the owner may start a stream of any length up to the maximum
    let flx = s.flx.clone();
    s.fund(&owner, &flx, &flx, 1, MAX_PERIOD_SECONDS).unwrap();
    assert_eq!(
        s.pool(&flx).period_finish,
        s.now().seconds() + MAX_PERIOD_SECONDS
    );
    // and re-spread a running stream over a later end (governance's decision)
    s.fund(&owner, &nex, &gen, 100, 1_000).unwrap();
    let pool = s.pool(&gen);
    assert_eq!(pool.period_finish, s.now().seconds() + 1_000);
    assert_eq!(pool.reward_remaining, u(1_000));
    assert_eq!(pool.reward_rate, Decimal::from_atomics(1u128, 0).unwrap());
}
