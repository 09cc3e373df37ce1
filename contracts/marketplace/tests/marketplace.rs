//! The marketplace's paths that succeed: pools, sellers, replenish, allocate, release, expire,
//! cancel, withdraw, the pause, the transfer burn, pagination and migration.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cw_multi_test::Executor;
use poe_test_utils::wasm_attr;

#[test]
fn instantiate_records_config_and_owner() {
    let s = Suite::new();
    let config = s.market.config().unwrap();
    assert_eq!(
        config,
        ConfigResponse {
            flx_token: s.flx.addr.clone(),
            treasury: s.treasury.addr.clone(),
            max_allocation_seconds: WEEK,
            max_pools: 4,
            max_sellers_per_pool: 2,
            pool_count: 0,
            paused_until: None,
        }
    );
    assert_eq!(
        s.market.ownership().unwrap().owner,
        Some(s.owner.to_string())
    );
    assert!(!s.market.pause_status().unwrap().paused);
}

#[test]
fn create_pool_and_replenish_track_the_pool() {
    let s = Suite::with_gold_pool(Burns::default(), 0);
    let created_at = s.now();
    let pool = s.pool(1);
    assert_eq!(pool.name, "gold");
    assert_eq!(pool.token, s.gold.addr);
    assert_eq!(pool.recipient, s.treasury.addr);
    assert_eq!(pool.sellers, 1);
    assert!(s.market.is_seller(1, &s.seller).unwrap());
    assert!(!s.market.is_seller(1, &s.bob).unwrap());
    assert_eq!(pool.created_at, created_at);
    assert_eq!(pool.last_replenish, None);

    s.advance(60);
    let res = s.market.replenish(&s.gold, &s.bob, 1, u(5_000)).unwrap();
    assert_eq!(
        wasm_attr(&res, &s.market.addr, "from").unwrap(),
        s.bob.to_string()
    );
    s.market.replenish(&s.gold, &s.seller, 1, u(1_000)).unwrap();
    let pool = s.pool(1);
    assert_eq!(pool.available.u128(), 6_000);
    assert_eq!(pool.reserved.u128(), 0);
    assert_eq!(pool.total_replenished.u128(), 6_000);
    assert_eq!(pool.last_replenish, Some(s.now()));
    assert_eq!(s.balance(&s.gold, &s.market.addr), 6_000);
    assert_eq!(s.balance(&s.gold, &s.bob), START - 5_000);
    assert_eq!(s.balance(&s.gold, &s.seller), START - 1_000);
}

#[test]
fn allocate_then_release_pays_buyer_and_treasury() {
    let s = Suite::with_gold_pool(Burns::default(), 10_000);
    let res = s.allocate(1, 4_000, 700, 3_600).unwrap();
    assert_eq!(
        wasm_attr(&res, &s.market.addr, "allocation_id").unwrap(),
        "1"
    );
    let pool = s.pool(1);
    assert_eq!(
        (
            pool.available.u128(),
            pool.reserved.u128(),
            pool.pending_allocations
        ),
        (6_000, 4_000, 1)
    );
    let a = s.allocation(1);
    assert_eq!(a.status, AllocationStatus::Open);
    assert_eq!(a.expires_at, s.now().plus_seconds(3_600));
    assert_eq!(
        (a.seller.clone(), a.buyer.clone()),
        (s.seller.clone(), s.buyer.clone())
    );

    s.advance(600);
    let res = s.release(1, 700).unwrap();
    assert_eq!(
        wasm_attr(&res, &s.market.addr, "recipient").unwrap(),
        s.treasury.addr.to_string()
    );
    assert_eq!(s.balance(&s.gold, &s.buyer), START + 4_000);
    assert_eq!(s.balance(&s.gold, &s.market.addr), 6_000);
    assert_eq!(s.balance(&s.flx, &s.buyer), START - 700);
    assert_eq!(s.balance(&s.flx, &s.treasury.addr), 700);
    assert_eq!(s.balance(&s.flx, &s.market.addr), 0);
    // The treasury's ledger recorded the deposit, with the allocation as its memo.
    let ledger = s
        .treasury
        .balance(TreasuryHandle::cw20(&s.flx.addr))
        .unwrap();
    assert_eq!(ledger.total_received.u128(), 700);
    assert!(res
        .events
        .iter()
        .flat_map(|e| &e.attributes)
        .any(|a| a.key == "memo" && a.value == "marketplace_allocation_1"));

    let pool = s.pool(1);
    assert_eq!(
        (
            pool.available.u128(),
            pool.reserved.u128(),
            pool.pending_allocations,
            pool.total_released.u128(),
            pool.total_proceeds.u128()
        ),
        (6_000, 0, 0, 4_000, 700)
    );
    let a = s.allocation(1);
    assert_eq!(a.status, AllocationStatus::Released);
    assert_eq!(a.closed_at, Some(s.now()));
}

#[test]
fn another_recipient_gets_a_plain_transfer() {
    let s = Suite::with_gold_pool(Burns::default(), 1_000);
    s.market.update_pool(&s.owner, 1, Some(&s.carol)).unwrap();
    assert_eq!(s.pool(1).recipient, s.carol);
    s.allocate(1, 100, 55, 60).unwrap();
    s.release(1, 55).unwrap();
    assert_eq!(s.balance(&s.flx, &s.carol), 55);
    assert_eq!(s.balance(&s.flx, &s.treasury.addr), 0);
    // Back to the treasury.
    s.market.update_pool(&s.owner, 1, None).unwrap();
    assert_eq!(s.pool(1).recipient, s.treasury.addr);
}

#[test]
fn expire_by_anyone_and_cancel_by_seller_or_owner_return_tokens() {
    let s = Suite::with_gold_pool(Burns::default(), 1_000);
    s.allocate(1, 300, 10, 100).unwrap();
    s.allocate(1, 200, 10, 100).unwrap();
    s.allocate(1, 100, 10, 100).unwrap();
    assert_eq!(s.pool(1).available.u128(), 400);

    s.market.cancel(&s.seller, 2).unwrap();
    s.market.cancel(&s.owner, 3).unwrap();
    assert_eq!(s.allocation(2).status, AllocationStatus::Cancelled);
    assert_eq!(s.allocation(3).status, AllocationStatus::Cancelled);
    s.advance(100);
    let res = s.market.expire(&s.carol, 1).unwrap();
    assert_eq!(wasm_attr(&res, &s.market.addr, "amount").unwrap(), "300");
    assert_eq!(s.allocation(1).status, AllocationStatus::Expired);
    let pool = s.pool(1);
    assert_eq!(
        (
            pool.available.u128(),
            pool.reserved.u128(),
            pool.pending_allocations
        ),
        (1_000, 0, 0)
    );
    assert_eq!(s.balance(&s.gold, &s.market.addr), 1_000);
}

#[test]
fn withdraw_pays_from_available_only() {
    let s = Suite::with_gold_pool(Burns::default(), 1_000);
    s.allocate(1, 600, 10, 100).unwrap();
    s.market.withdraw(&s.owner, 1, u(400), &s.carol).unwrap();
    assert_eq!(s.balance(&s.gold, &s.carol), 400);
    let pool = s.pool(1);
    assert_eq!(
        (
            pool.available.u128(),
            pool.reserved.u128(),
            pool.total_withdrawn.u128()
        ),
        (0, 600, 400)
    );
    assert_eq!(s.balance(&s.gold, &s.market.addr), 600);
}

#[test]
fn transfer_burn_credits_what_arrives_and_pays_net() {
    // 1 % on every token.
    let burns = Burns {
        flx: 100,
        gold: 100,
        silver: 100,
    };
    let s = Suite::with_gold_pool(burns, 10_000);
    // bob sent 10,000: 100 burned, 9,900 delivered and credited.
    assert_eq!(s.pool(1).available.u128(), 9_900);
    assert_eq!(s.balance(&s.gold, &s.market.addr), 9_900);

    s.allocate(1, 1_000, 990, 60).unwrap();
    // The buyer must deliver exactly 990: sends 1,000, 10 burned.
    s.release(1, 1_000).unwrap();
    // The buyer receives 1,000 - 10; the treasury 990 - 10 (burn rounded up).
    assert_eq!(s.balance(&s.gold, &s.buyer), START + 990);
    assert_eq!(s.balance(&s.flx, &s.treasury.addr), 980);
    assert_eq!(s.balance(&s.gold, &s.market.addr), 8_900);
    let pool = s.pool(1);
    assert_eq!(pool.available.u128() + pool.reserved.u128(), 8_900);
    assert_eq!(pool.total_proceeds.u128(), 990);
}

#[test]
fn pause_stops_trading_but_not_expiry_or_cancel() {
    let s = Suite::with_gold_pool(Burns::default(), 1_000);
    s.allocate(1, 100, 10, 100).unwrap();
    s.allocate(1, 100, 10, 100).unwrap();
    s.market.pause(&s.owner, None).unwrap();
    assert!(s.market.pause_status().unwrap().indefinite);
    assert!(s.allocate(1, 100, 10, 100).is_err());
    assert!(s.release(1, 10).is_err());
    assert!(s.market.replenish(&s.gold, &s.bob, 1, u(5)).is_err());
    s.market.cancel(&s.seller, 2).unwrap();
    s.advance(100);
    s.market.expire(&s.bob, 1).unwrap();
    s.market.unpause(&s.owner).unwrap();
    s.allocate(1, 100, 10, 100).unwrap();
    s.release(3, 10).unwrap();
    assert_eq!(s.allocation(3).status, AllocationStatus::Released);
}

#[test]
fn sellers_swap_and_removed_seller_cannot_allocate() {
    let s = Suite::with_gold_pool(Burns::default(), 1_000);
    s.market
        .update_sellers(&s.owner, 1, &[&s.bob], &[])
        .unwrap();
    // The list is full (cap 2): swap seller for carol.
    s.market
        .update_sellers(&s.owner, 1, &[&s.carol], &[&s.seller])
        .unwrap();
    assert_eq!(s.pool(1).sellers, 2);
    assert!(!s.market.is_seller(1, &s.seller).unwrap());
    assert!(s.allocate(1, 1, 1, 10).is_err());
    let at = s.now().plus_seconds(10);
    s.market
        .allocate(&s.carol, 1, u(1), &s.buyer, u(1), at)
        .unwrap();
}

#[test]
fn pools_and_allocations_paginate() {
    let s = Suite::with_gold_pool(Burns::default(), 1_000);
    s.market
        .create_pool(&s.owner, "silver", &s.silver.addr, None)
        .unwrap();
    s.market
        .create_pool(&s.owner, "gold two", &s.gold.addr, Some(&s.carol))
        .unwrap();
    let pools = s.market.all_pools().unwrap();
    assert_eq!(
        pools.iter().map(|p| p.id).collect::<Vec<_>>(),
        vec![1, 2, 3]
    );
    assert_eq!(s.market.pools(Some(1), Some(1)).unwrap()[0].name, "silver");
    for _ in 0..5 {
        s.allocate(1, 10, 1, 10).unwrap();
    }
    let page = s.market.allocations(1, Some(2), Some(2)).unwrap();
    assert_eq!(page.iter().map(|a| a.id).collect::<Vec<_>>(), vec![3, 4]);
    assert_eq!(s.market.all_allocations(1).unwrap().len(), 5);
    assert!(s.market.all_allocations(2).unwrap().is_empty());
    assert_eq!(s.market.config().unwrap().pool_count, 3);
}

#[test]
fn migrate_keeps_state() {
    let s = Suite::with_gold_pool(Burns::default(), 1_000);
    let code = s.app.borrow_mut().store_code(marketplace_contract());
    let admin = s.app.borrow().api().addr_make("admin");
    s.app
        .borrow_mut()
        .migrate_contract(admin, s.market.addr.clone(), &MigrateMsg {}, code)
        .unwrap();
    assert_eq!(s.pool(1).available.u128(), 1_000);
}
