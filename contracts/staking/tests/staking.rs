//! Behaviour: pools, stakes, locks, unbonding claims, reward streams (single and several stakers,
//! refunding a running stream, a new stream after one ended, zero total stake), the same token as
//! stake and reward, voting power by height (including the flash stake), tier changes, ownership.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::{Decimal, Timestamp, Uint128};
use cw_ownable::Action;

#[test]
fn instantiates_with_caps_and_owner() {
    let s = Suite::new();
    assert_eq!(
        s.staking.config().unwrap(),
        ConfigResponse {
            max_pools: 4,
            max_claims: MAX_CLAIMS,
            pool_count: 4
        }
    );
    assert_eq!(
        s.staking.ownership().unwrap().owner,
        Some(s.owner.to_string())
    );

    let gen = s.staking.pool(&s.gen).unwrap();
    assert_eq!(gen.reward_token, s.nex.addr.to_string());
    assert_eq!(gen.tier, Decimal::from_atomics(10u128, 0).unwrap());
    assert_eq!(gen.min_stake, u(MIN_STAKE));
    assert_eq!(gen.lock_period_seconds, LOCK);
    assert_eq!(gen.unbonding_period_seconds, UNBONDING);
    assert_eq!(gen.total_staked, Uint128::zero());
    assert_eq!(gen.reward_rate, Decimal::zero());

    // pools come in address order, paginated
    let page1 = s.staking.pools_page(None, Some(3)).unwrap();
    assert_eq!(page1.len(), 3);
    let page2 = s
        .staking
        .pools_page(Some(page1[2].token.clone()), None)
        .unwrap();
    assert_eq!(page2.len(), 1);
    let mut tokens: Vec<String> = page1
        .iter()
        .chain(&page2)
        .map(|p| p.token.clone())
        .collect();
    let listed = tokens.clone();
    tokens.sort();
    assert_eq!(listed, tokens);
    let mut expected: Vec<String> = s.pool_tokens().iter().map(|t| t.addr.to_string()).collect();
    expected.sort();
    assert_eq!(listed, expected);
}

#[test]
fn staking_records_the_position_and_locks_it() {
    let s = Suite::new();
    let (alice, gen, staking) = (&s.alice, &s.gen, &s.staking);
    let t0 = s.now();
    let res = staking.stake(gen, alice, u(1_000)).unwrap();
    assert_eq!(
        wasm_attrs(&res, &staking.addr),
        vec![
            ("action".to_string(), "stake".to_string()),
            ("token".to_string(), gen.addr.to_string()),
            ("staker".to_string(), alice.to_string()),
            ("amount".to_string(), "1000".to_string()),
            ("staked".to_string(), "1000".to_string()),
            ("total_staked".to_string(), "1000".to_string()),
            ("lock_until".to_string(), t0.plus_seconds(LOCK).to_string()),
        ]
    );
    assert_eq!(s.balance(gen, &staking.addr), 1_000);
    assert_eq!(s.balance(gen, alice), START - 1_000);
    let pos = staking.position(alice, gen).unwrap();
    assert_eq!(pos.staked, u(1_000));
    assert_eq!(pos.lock_until, t0.plus_seconds(LOCK));
    assert_eq!(pos.pending_rewards, Uint128::zero());

    // a top-up (any size once a position exists) restarts the lock from the new stake
    s.advance(60, 1);
    staking.stake(gen, alice, u(1)).unwrap();
    let pos = staking.position(alice, gen).unwrap();
    assert_eq!(pos.staked, u(1_001));
    assert_eq!(pos.lock_until, t0.plus_seconds(60 + LOCK));
    assert_eq!(staking.pool(gen).unwrap().total_staked, u(1_001));
}

#[test]
fn unstake_unbonds_then_claim_pays_matured_claims_only() {
    let s = Suite::new();
    let (alice, gen, staking) = (&s.alice, &s.gen, &s.staking);
    staking.stake(gen, alice, u(1_000)).unwrap();
    s.advance(LOCK, 1);
    let t1 = s.now();
    let res = staking.unstake(gen, alice, u(300)).unwrap();
    assert_eq!(
        wasm_attrs(&res, &staking.addr),
        vec![
            ("action".to_string(), "unstake".to_string()),
            ("token".to_string(), gen.addr.to_string()),
            ("staker".to_string(), alice.to_string()),
            ("amount".to_string(), "300".to_string()),
            ("staked".to_string(), "700".to_string()),
            ("total_staked".to_string(), "700".to_string()),
            (
                "release_at".to_string(),
                t1.plus_seconds(UNBONDING).to_string()
            ),
        ]
    );
    s.advance(50, 1);
    staking.unstake(gen, alice, u(200)).unwrap();
    assert_eq!(
        staking.claims(alice, gen).unwrap().claims,
        vec![
            Claim {
                amount: u(300),
                release_at: t1.plus_seconds(UNBONDING)
            },
            Claim {
                amount: u(200),
                release_at: t1.plus_seconds(50 + UNBONDING)
            },
        ]
    );
    let pool = staking.pool(gen).unwrap();
    assert_eq!(pool.total_staked, u(500));
    assert_eq!(pool.total_unbonding, u(500));
    assert_eq!(s.balance(gen, &staking.addr), 1_000);

    // the first claim matures, the second not yet
    s.advance(UNBONDING - 50, 1);
    let res = staking.claim(gen, alice).unwrap();
    assert_eq!(
        wasm_attrs(&res, &staking.addr),
        vec![
            ("action".to_string(), "claim".to_string()),
            ("token".to_string(), gen.addr.to_string()),
            ("staker".to_string(), alice.to_string()),
            ("amount".to_string(), "300".to_string()),
            ("claims_paid".to_string(), "1".to_string()),
            ("claims_pending".to_string(), "1".to_string()),
        ]
    );
    assert_eq!(s.balance(gen, alice), START - 1_000 + 300);
    assert_eq!(staking.claims(alice, gen).unwrap().claims.len(), 1);
    s.advance(50, 1);
    staking.claim(gen, alice).unwrap();
    assert_eq!(s.balance(gen, alice), START - 500);
    assert!(staking.claims(alice, gen).unwrap().claims.is_empty());
    assert_eq!(staking.pool(gen).unwrap().total_unbonding, Uint128::zero());
    assert_eq!(s.balance(gen, &staking.addr), 500);

    // unstaking everything is allowed whatever min_stake says
    staking.unstake(gen, alice, u(500)).unwrap();
    assert_eq!(
        staking.position(alice, gen).unwrap().staked,
        Uint128::zero()
    );
}

#[test]
fn a_zero_unbonding_period_pays_at_once() {
    let s = Suite::new();
    let (alice, flx, staking) = (&s.alice, &s.flx, &s.staking);
    staking
        .update_pool(&s.owner, &flx.addr, None, Some(0), Some(0), None)
        .unwrap();
    staking.stake(flx, alice, u(500)).unwrap();
    staking.unstake(flx, alice, u(500)).unwrap();
    assert_eq!(s.balance(flx, alice), START);
    assert_eq!(s.balance(flx, &staking.addr), 0);
    assert!(staking.claims(alice, flx).unwrap().claims.is_empty());
    assert_eq!(staking.pool(flx).unwrap().total_unbonding, Uint128::zero());
}

#[test]
fn a_single_staker_earns_the_stream_linearly() {
    let s = Suite::new();
    let (alice, funder, gen, nex, staking) = (&s.alice, &s.funder, &s.gen, &s.nex, &s.staking);
    staking.stake(gen, alice, u(1_000)).unwrap();
    let res = staking.fund(nex, funder, gen, u(1_000), 100).unwrap();
    let attrs = wasm_attrs(&res, &staking.addr);
    assert!(attrs.contains(&("action".to_string(), "fund".to_string())));
    assert!(attrs.contains(&("amount".to_string(), "1000".to_string())));
    assert!(attrs.contains(&("funder".to_string(), funder.to_string())));
    let pool = staking.pool(gen).unwrap();
    assert_eq!(pool.reward_rate, Decimal::from_atomics(10u128, 0).unwrap());
    assert_eq!(pool.total_funded, u(1_000));
    assert_eq!(pool.period_finish, s.now().seconds() + 100);

    s.advance(30, 1);
    assert_eq!(s.pending(alice, gen), u(300));
    // claiming mid-stream
    staking.claim_rewards(gen, alice).unwrap();
    assert_eq!(s.balance(nex, alice), START + 300);
    s.advance(1_000, 1);
    assert_eq!(s.pending(alice, gen), u(700));
    let res = staking.claim_rewards(gen, alice).unwrap();
    assert_eq!(
        wasm_attrs(&res, &staking.addr),
        vec![
            ("action".to_string(), "claim_rewards".to_string()),
            ("token".to_string(), gen.addr.to_string()),
            ("reward_token".to_string(), nex.addr.to_string()),
            ("staker".to_string(), alice.to_string()),
            ("amount".to_string(), "700".to_string()),
        ]
    );
    assert_eq!(s.balance(nex, alice), START + 1_000);
    let pool = staking.pool(gen).unwrap();
    assert_eq!(pool.total_rewards_paid, u(1_000));
    assert_eq!(pool.reward_remaining, Uint128::zero());
    assert_eq!(pool.reward_rate, Decimal::zero());
    assert_eq!(s.balance(nex, &staking.addr), 0);
}

#[test]
fn several_stakers_share_pro_rata_to_stake_and_time() {
    let s = Suite::new();
    let (alice, bob, carol, gen, nex, staking) =
        (&s.alice, &s.bob, &s.carol, &s.gen, &s.nex, &s.staking);
    staking.stake(gen, alice, u(1_000)).unwrap();
    staking.stake(gen, bob, u(3_000)).unwrap();
    staking.fund(nex, &s.funder, gen, u(4_000), 100).unwrap();
    s.advance(50, 1);
    // 2,000 released: 500 / 1,500
    assert_eq!(s.pending(alice, gen), u(500));
    assert_eq!(s.pending(bob, gen), u(1_500));
    staking.stake(gen, carol, u(4_000)).unwrap();
    s.advance(50, 1);
    // the other 2,000 over 8,000 staked: 250 / 750 / 1,000
    assert_eq!(s.pending(alice, gen), u(750));
    assert_eq!(s.pending(bob, gen), u(2_250));
    assert_eq!(s.pending(carol, gen), u(1_000));
    for who in [alice, bob, carol] {
        staking.claim_rewards(gen, who).unwrap();
    }
    assert_eq!(s.balance(nex, alice), START + 750);
    assert_eq!(s.balance(nex, bob), START + 2_250);
    assert_eq!(s.balance(nex, carol), START + 1_000);
    assert_eq!(staking.pool(gen).unwrap().total_rewards_paid, u(4_000));
}

#[test]
fn funding_a_running_stream_adds_its_leftover() {
    let s = Suite::new();
    let (alice, gen, nex, staking) = (&s.alice, &s.gen, &s.nex, &s.staking);
    staking.stake(gen, alice, u(1_000)).unwrap();
    staking.fund(nex, &s.funder, gen, u(1_000), 100).unwrap();
    s.advance(40, 1);
    // 400 released, 600 left: 600 + 600 over the next 100 s. Moving the end later (40 s past
    // the running stream's) is the owner's alone (tests/funding.rs): the funder would be refused.
    staking.fund(nex, &s.owner, gen, u(600), 100).unwrap();
    let pool = staking.pool(gen).unwrap();
    assert_eq!(pool.reward_remaining, u(1_200));
    assert_eq!(pool.reward_rate, Decimal::from_atomics(12u128, 0).unwrap());
    assert_eq!(pool.period_finish, s.now().seconds() + 100);
    s.advance(50, 1);
    assert_eq!(s.pending(alice, gen), u(400 + 600));
    s.advance(50, 1);
    assert_eq!(s.pending(alice, gen), u(1_600));
}

#[test]
fn a_short_funding_never_compresses_a_running_stream() {
    let s = Suite::new();
    let (alice, gen, nex, staking) = (&s.alice, &s.gen, &s.nex, &s.staking);
    staking.stake(gen, alice, u(1_000)).unwrap();
    staking.fund(nex, &s.funder, gen, u(1_000), 100).unwrap();
    let finish = staking.pool(gen).unwrap().period_finish;
    // 1 unit for 1 second would otherwise release the whole stream in one second
    staking.fund(nex, alice, gen, u(1), 1).unwrap();
    assert_eq!(staking.pool(gen).unwrap().period_finish, finish);
    s.advance(1, 1);
    assert_eq!(s.pending(alice, gen), u(10));
}

#[test]
fn funding_after_a_stream_ended_starts_a_new_one() {
    let s = Suite::new();
    let (alice, funder, gen, nex, staking) = (&s.alice, &s.funder, &s.gen, &s.nex, &s.staking);
    staking.stake(gen, alice, u(1_000)).unwrap();
    staking.fund(nex, funder, gen, u(100), 10).unwrap();
    s.advance(50, 1);
    assert_eq!(s.pending(alice, gen), u(100));
    staking.fund(nex, funder, gen, u(200), 20).unwrap();
    assert_eq!(
        staking.pool(gen).unwrap().reward_rate,
        Decimal::from_atomics(10u128, 0).unwrap()
    );
    s.advance(10, 1);
    assert_eq!(s.pending(alice, gen), u(200));
    s.advance(10, 1);
    assert_eq!(s.pending(alice, gen), u(300));
}

#[test]
fn rewards_streamed_while_nothing_is_staked_wait_for_stakers() {
    let s = Suite::new();
    let (alice, funder, gen, nex, staking) = (&s.alice, &s.funder, &s.gen, &s.nex, &s.staking);
    let t0 = s.now().seconds();
    staking.fund(nex, funder, gen, u(1_000), 100).unwrap();
    s.advance(60, 1);
    // paused: nothing released, the end moved by the 60 s at zero stake
    let pool = staking.pool(gen).unwrap();
    assert_eq!(pool.reward_remaining, u(1_000));
    assert_eq!(pool.period_finish, t0 + 160);
    assert_eq!(pool.reward_rate, Decimal::zero());

    // the first staker earns the normal rate, not a lump sum
    staking.stake(gen, alice, u(1_000)).unwrap();
    s.advance(1, 1);
    assert_eq!(s.pending(alice, gen), u(10));
    s.advance(49, 1);
    assert_eq!(s.pending(alice, gen), u(500));

    // everyone leaves: paused again, then a newcomer gets the rest at the same rate
    s.advance(LOCK - 50, 1);
    assert_eq!(s.pending(alice, gen), u(1_000));
    let s = Suite::new();
    let (alice, gen, staking) = (&s.alice, &s.gen, &s.staking);
    staking.fund(&s.nex, &s.funder, gen, u(1_000), 100).unwrap();
    staking.stake(gen, alice, u(1_000)).unwrap();
    s.advance(LOCK, 1);
    staking.unstake(gen, alice, u(1_000)).unwrap();
    // 1,000 released by then; nothing more while nothing is staked
    s.advance(500, 1);
    assert_eq!(s.pending(alice, gen), u(1_000));
    staking.claim_rewards(gen, alice).unwrap();
    assert_eq!(staking.pool(gen).unwrap().total_rewards_paid, u(1_000));

    let s = Suite::new();
    let (alice, bob, gen, staking) = (&s.alice, &s.bob, &s.gen, &s.staking);
    staking.fund(&s.nex, &s.funder, gen, u(1_000), 100).unwrap();
    staking.stake(gen, alice, u(1_000)).unwrap();
    s.advance(LOCK / 2, 1);
    s.advance(LOCK / 2, 0);
    // alice leaves at 100 s, having earned all; bob then finds an ended stream
    staking.unstake(gen, alice, u(1_000)).unwrap();
    staking.stake(gen, bob, u(1_000)).unwrap();
    s.advance(100, 1);
    assert_eq!(s.pending(bob, gen), Uint128::zero());
    assert_eq!(s.pending(alice, gen), u(1_000));
}

#[test]
fn the_same_token_as_stake_and_reward_is_kept_apart() {
    let s = Suite::new();
    let (alice, nex, staking) = (&s.alice, &s.nex, &s.staking);
    staking.stake(nex, alice, u(1_000)).unwrap();
    staking.fund(nex, &s.funder, nex, u(500), 100).unwrap();
    assert_eq!(s.balance(nex, &staking.addr), 1_500);
    s.advance(LOCK, 1);
    staking.claim_rewards(nex, alice).unwrap();
    assert_eq!(s.balance(nex, &staking.addr), 1_000);
    staking.unstake(nex, alice, u(1_000)).unwrap();
    s.advance(UNBONDING, 1);
    staking.claim(nex, alice).unwrap();
    assert_eq!(s.balance(nex, &staking.addr), 0);
    assert_eq!(s.balance(nex, alice), START + 500);
}

#[test]
fn voting_power_counts_from_the_block_after_the_stake() {
    let s = Suite::new();
    let (alice, bob, gen, staking) = (&s.alice, &s.bob, &s.gen, &s.staking);
    let h = s.height();
    staking.stake(gen, alice, u(1_000)).unwrap();
    // the stake of block h does not count at h (the flash-stake attack gets nothing)
    assert_eq!(s.power(alice, None), 0);
    assert_eq!(s.power(alice, Some(h)), 0);
    assert_eq!(s.total_power(Some(h)), 0);
    s.advance(5, 1);
    assert_eq!(s.power(alice, None), 10_000);
    assert_eq!(s.power(alice, Some(h)), 0);
    staking.stake(&s.aur, alice, u(200)).unwrap();
    s.advance(5, 1);
    assert_eq!(s.power(alice, Some(h + 2)), 10_000 + 1_000);
    staking.stake(&s.nex, bob, u(100)).unwrap();
    staking.stake(&s.flx, bob, u(100)).unwrap();
    s.advance(5, 1);
    assert_eq!(s.power(bob, Some(h + 3)), 300 + 100);
    assert_eq!(s.total_power(Some(h + 3)), 11_000 + 400);

    // a flash stake in block h+3 changes nothing at h+3
    staking.stake(gen, bob, u(1_000_000)).unwrap();
    assert_eq!(s.power(bob, Some(h + 3)), 400);
    assert_eq!(s.total_power(None), 11_400);
    s.advance(LOCK, 1);
    staking.unstake(gen, bob, u(1_000_000)).unwrap();
    s.advance(5, 1);
    assert_eq!(s.power(bob, Some(h + 4)), 400 + 10_000_000);
    assert_eq!(s.power(bob, None), 400);
    // the past is unchanged
    assert_eq!(s.power(alice, Some(h)), 0);
    assert_eq!(s.power(alice, Some(h + 1)), 10_000);
    assert_eq!(s.power(alice, Some(h + 2)), 11_000);
    assert_eq!(s.total_power(Some(h + 3)), 11_400);
}

#[test]
fn a_tier_change_counts_from_the_next_block_and_never_rewrites_the_past() {
    let s = Suite::new();
    let (alice, gen, staking) = (&s.alice, &s.gen, &s.staking);
    staking.stake(gen, alice, u(1_000)).unwrap();
    s.advance(5, 1);
    let h = s.height();
    let tier = Decimal::from_atomics(20u128, 0).unwrap();
    staking
        .update_pool(&s.owner, &gen.addr, Some(u(5)), None, None, Some(tier))
        .unwrap();
    assert_eq!(s.power(alice, Some(h)), 10_000);
    s.advance(5, 1);
    assert_eq!(s.power(alice, Some(h)), 10_000);
    assert_eq!(s.power(alice, None), 20_000);
    assert_eq!(s.total_power(None), 20_000);
    let pool = staking.pool(gen).unwrap();
    assert_eq!(pool.tier, tier);
    assert_eq!(pool.min_stake, u(5));
}

#[test]
fn a_pool_created_later_adds_power_from_its_next_block() {
    let s = Suite::bare();
    let (alice, gen) = (&s.alice, &s.gen);
    let h = s.height();
    s.create_pool(&s.owner, &gen.addr, &s.nex.addr, 10).unwrap();
    s.staking.stake(gen, alice, u(1_000)).unwrap();
    assert_eq!(s.total_power(Some(h)), 0);
    s.advance(5, 1);
    assert_eq!(s.total_power(None), 10_000);
    assert_eq!(s.power(alice, Some(h)), 0);
}

#[test]
fn ownership_moves_in_two_steps() {
    let mut s = Suite::new();
    let (owner, bob) = (s.owner.clone(), s.bob.clone());
    s.staking
        .update_ownership(
            &owner,
            Action::TransferOwnership {
                new_owner: bob.to_string(),
                expiry: None,
            },
        )
        .unwrap();
    // not yet
    let not_owner = || ContractError::Ownership(cw_ownable::OwnershipError::NotOwner);
    s.assert_rejected(not_owner(), |s| {
        s.staking.update_config(&bob, Some(8), None)
    });
    s.staking
        .update_ownership(&bob, Action::AcceptOwnership)
        .unwrap();
    s.staking.update_config(&bob, Some(8), None).unwrap();
    s.assert_rejected(not_owner(), |s| {
        s.staking.update_config(&owner, Some(8), None)
    });
    assert_eq!(s.staking.config().unwrap().max_pools, 8);
    s.staking
        .update_pool(&bob, &s.gen.addr, None, Some(1), None, None)
        .unwrap();
    assert_eq!(s.staking.pool(&s.gen).unwrap().lock_period_seconds, 1);
}

#[test]
fn a_position_with_nothing_left_is_removed() {
    let s = Suite::new();
    let (alice, gen, staking) = (&s.alice, &s.gen, &s.staking);
    staking.stake(gen, alice, u(1_000)).unwrap();
    staking.fund(&s.nex, &s.funder, gen, u(100), 10).unwrap();
    s.advance(LOCK, 1);
    staking.unstake(gen, alice, u(1_000)).unwrap();
    // rewards survive the unstake
    assert_eq!(s.pending(alice, gen), u(100));
    staking.claim_rewards(gen, alice).unwrap();
    assert_eq!(
        staking.position(alice, gen).unwrap(),
        PositionResponse {
            staked: Uint128::zero(),
            lock_until: Timestamp::from_seconds(0),
            pending_rewards: Uint128::zero(),
        }
    );
}
