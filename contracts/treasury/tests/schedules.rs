//! Distribution schedules over their lives: a schedule feeding a marketplace pool through its
//! cw20 replenish hook, missed intervals paid in one call, an underfunded schedule marked and
//! paid later, a perpetual schedule on the block clock, a native hook, cancellation, a refused
//! hook that blocks only its own schedule, pages, the `Due` query, and inflation minted per
//! second and per block, capped at the token's `max_supply`.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::{coin, coins, Uint128};
use cw_multi_test::Executor;
use poe_math::distribution::{inflation_mint, inflation_rate, BLOCKS_PER_YEAR, SECONDS_PER_YEAR};

const HOUR: u64 = 3_600;

/// A suite whose treasury holds `flx` FLX and `atom` uatom (deposited by alice).
fn funded(flx: u128, atom: u128) -> Suite {
    let s = Suite::new();
    if flx > 0 {
        s.treasury
            .deposit_cw20(&s.flx, &s.alice, u(flx), None)
            .unwrap();
    }
    if atom > 0 {
        s.treasury
            .deposit_native(&s.alice, &coins(atom, ATOM), None)
            .unwrap();
    }
    s
}

fn flx_spent(s: &Suite) -> u128 {
    s.balance(s.asset("FLX")).total_spent.u128()
}

/// The replenish events of the marketplace, as `(pool_id, amount)`.
fn replenishes(s: &Suite, res: &cw_multi_test::AppResponse) -> Vec<(String, String)> {
    let attrs = wasm_attrs(res, &s.market.addr);
    attrs
        .chunks(4)
        .filter(|c| {
            c.first()
                .is_some_and(|(k, v)| k == "action" && v == "replenish")
        })
        .map(|c| (c[1].1.clone(), c[2].1.clone()))
        .collect()
}

#[test]
fn a_schedule_replenishes_a_marketplace_pool_through_its_hook() {
    let s = funded(10_000, 0);
    let start = s.now().seconds();
    let id = s.create(
        s.asset("FLX"),
        TreasuryHandle::fixed(100),
        TreasuryHandle::every_seconds(HOUR, None),
        Some(5),
        s.pool_hook(FLX_POOL),
    );
    assert_eq!(id, 1);
    let created = s.schedule(id);
    assert_eq!(
        (created.clock, created.every, created.start, created.end),
        (Clock::Seconds, HOUR, start, Some(start + 5 * HOUR))
    );
    assert_eq!(created.status, ScheduleStatus::Active);

    // nothing is due before the first interval ends
    s.advance(HOUR - 1, 1);
    let res = s.distribute(None, None);
    assert!(replenishes(&s, &res).is_empty());
    assert_eq!(
        s.schedule(id),
        created,
        "an idle distribution writes nothing"
    );

    s.advance(1, 1);
    let res = s.distribute(None, None);
    assert_eq!(
        wasm_attrs(&res, &s.treasury.addr),
        attrs(&[
            ("action", "distribute"),
            ("schedule_id", "1"),
            ("asset", &format!("cw20:{}", s.flx.addr)),
            ("paid", "100"),
            ("owed", "0"),
            ("status", "active"),
            ("schedules", "1"),
            ("last_schedule_id", "1"),
        ])
    );
    assert_eq!(replenishes(&s, &res), vec![("1".into(), "100".into())]);
    assert_eq!(s.pool_available(FLX_POOL), 100);
    assert_eq!(flx_spent(&s), 100);
    let after = s.schedule(id);
    assert_eq!(
        (after.intervals_due, after.total_due, after.total_paid),
        (1, u(100), u(100))
    );
    assert_eq!(after.last_distribution, Some(s.now()));
    assert_eq!(s.balance(s.asset("FLX")).balance, u(9_900));
}

#[test]
fn missed_intervals_are_paid_in_one_payment_and_the_schedule_completes() {
    let s = funded(10_000, 0);
    let id = s.create(
        s.asset("FLX"),
        TreasuryHandle::fixed(100),
        TreasuryHandle::every_seconds(HOUR, None),
        Some(5),
        s.pool_hook(FLX_POOL),
    );
    // three intervals pass unpaid: one call pays them in one Send
    s.advance(3 * HOUR + 10, 3);
    let res = s.distribute(None, None);
    assert_eq!(replenishes(&s, &res), vec![("1".into(), "300".into())]);
    assert_eq!(s.schedule(id).intervals_due, 3);

    // long past the end: the last two, then completed and out of the running
    s.advance(100 * HOUR, 100);
    let res = s.distribute(None, None);
    assert_eq!(replenishes(&s, &res), vec![("1".into(), "200".into())]);
    let done = s.schedule(id);
    assert_eq!(done.status, ScheduleStatus::Completed { at: s.now() });
    assert_eq!((done.intervals_due, done.total_paid), (5, u(500)));
    assert_eq!(s.pool_available(FLX_POOL), 500);
    assert_eq!(flx_spent(&s), 500);
    assert!(s.treasury.due(None, None).unwrap().is_empty());
    let res = s.distribute(None, None);
    assert_eq!(
        wasm_attrs(&res, &s.treasury.addr),
        attrs(&[
            ("action", "distribute"),
            ("schedules", "0"),
            ("last_schedule_id", "")
        ])
    );
}

#[test]
fn an_underfunded_schedule_is_marked_and_its_arrears_paid_later() {
    let s = funded(250, 0);
    let id = s.create(
        s.asset("FLX"),
        TreasuryHandle::fixed(100),
        TreasuryHandle::every_seconds(HOUR, None),
        None,
        TreasuryHandle::to_address(&s.bob),
    );
    s.advance(3 * HOUR, 3);
    let since = s.now();
    let since_height = s.height();
    let res = s.distribute(None, None);
    // 300 due, 250 held: two whole intervals paid, one owed
    assert_eq!(
        wasm_attrs(&res, &s.treasury.addr)[2..6],
        attrs(&[
            ("asset", &format!("cw20:{}", s.flx.addr)),
            ("paid", "200"),
            ("owed", "100"),
            ("status", "underfunded"),
        ])[..]
    );
    let marked = s.schedule(id);
    assert_eq!(
        marked.status,
        ScheduleStatus::Underfunded {
            owed: u(100),
            since,
            since_height
        }
    );
    assert_eq!(marked.total_paid + marked.status.owed(), marked.total_due);
    assert_eq!(s.cw20_balance(&s.flx, &s.bob), 200);

    // still short an interval later: it keeps owing since the first shortfall
    s.advance(HOUR, 1);
    s.distribute(None, None);
    let still = s.schedule(id);
    assert_eq!(
        still.status,
        ScheduleStatus::Underfunded {
            owed: u(200),
            since,
            since_height
        }
    );

    // a retry that still cannot pay changes nothing but is reported
    let before = s.snapshot();
    let res = s.distribute(None, None);
    assert_eq!(
        wasm_attrs(&res, &s.treasury.addr)[3..6],
        attrs(&[("paid", "0"), ("owed", "200"), ("status", "underfunded")])[..]
    );
    assert_eq!(s.snapshot(), before);

    // funded: the arrears and the new interval are paid at once
    s.treasury
        .deposit_cw20(&s.flx, &s.alice, u(1_000), None)
        .unwrap();
    s.advance(HOUR, 1);
    let res = s.distribute(None, None);
    assert_eq!(
        wasm_attrs(&res, &s.treasury.addr)[3..6],
        attrs(&[("paid", "300"), ("owed", "0"), ("status", "active")])[..]
    );
    let paid = s.schedule(id);
    assert_eq!(paid.status, ScheduleStatus::Active);
    assert_eq!((paid.intervals_due, paid.total_paid), (5, u(500)));
    assert_eq!(s.cw20_balance(&s.flx, &s.bob), 500);
    assert_eq!(flx_spent(&s), 500);
    assert_eq!(s.balance(s.asset("FLX")).balance, u(750));
}

#[test]
fn a_perpetual_schedule_on_the_block_clock_never_completes() {
    let s = funded(0, 100_000);
    let h0 = s.height();
    let id = s.create(
        s.asset(ATOM),
        TreasuryHandle::fixed(7),
        TreasuryHandle::every_blocks(10, Some(h0 + 5)),
        None,
        TreasuryHandle::to_address(&s.bob),
    );
    // block time does not matter to a blocks clock
    s.advance(1_000_000, 14);
    assert_eq!(s.treasury.due(None, None).unwrap()[0].new_intervals, 0);
    s.advance(0, 1);
    let due = s.treasury.due(None, None).unwrap();
    assert_eq!(
        due,
        vec![ScheduleDue {
            schedule_id: id,
            asset: s.asset(ATOM),
            new_intervals: 1,
            minted: u(0),
            capped: false,
            owed: u(7),
            payable: u(7),
            status: ScheduleStatus::Active,
            next_due: Some(h0 + 25),
        }]
    );
    s.distribute(None, None);
    assert_eq!(s.native_balance(&s.bob, ATOM), 7);

    s.advance(0, 10_000);
    s.distribute(None, None);
    let sched = s.schedule(id);
    let intervals = (s.height() - h0 - 5) / 10;
    assert_eq!(sched.intervals_due, intervals);
    assert_eq!(sched.status, ScheduleStatus::Active);
    assert_eq!(s.native_balance(&s.bob, ATOM), 7 * intervals as u128);
    assert_eq!(
        s.balance(s.asset(ATOM)).total_spent.u128(),
        7 * intervals as u128
    );
    assert_eq!(sched.end, None);
}

#[test]
fn a_native_hook_gets_the_coins_with_the_message_verbatim() {
    let s = funded(1_000, 1_000);
    s.create(
        s.asset(ATOM),
        TreasuryHandle::fixed(40),
        TreasuryHandle::every_seconds(DAY, None),
        Some(2),
        TreasuryHandle::to_hook(
            &s.sink,
            &SinkMsg::Fund {
                note: "grant".into(),
            },
        ),
    );
    s.create(
        s.asset("FLX"),
        TreasuryHandle::fixed(15),
        TreasuryHandle::every_seconds(DAY, None),
        Some(1),
        TreasuryHandle::to_hook(&s.sink, &MarketReceiveMsg::Replenish { pool_id: 9 }),
    );
    s.advance(2 * DAY, 2);
    s.distribute(None, None);
    assert_eq!(
        s.sink_log(),
        vec![
            "fund:grant:80uatom".to_string(),
            format!("cw20:{}:15:{{\"replenish\":{{\"pool_id\":9}}}}", s.flx.addr),
        ]
    );
    assert_eq!(s.native_balance(&s.sink, ATOM), 80);
}

#[test]
fn a_refused_payment_blocks_only_its_schedule_and_is_retried() {
    let s = funded(1_000, 0);
    let hooked = s.create(
        s.asset("FLX"),
        TreasuryHandle::fixed(100),
        TreasuryHandle::every_seconds(HOUR, None),
        Some(3),
        s.pool_hook(FLX_POOL),
    );
    let plain = s.create(
        s.asset("FLX"),
        TreasuryHandle::fixed(10),
        TreasuryHandle::every_seconds(HOUR, None),
        None,
        TreasuryHandle::to_address(&s.bob),
    );
    // the marketplace's pause refuses every replenishment
    s.market.pause(&s.admin, None).unwrap();
    s.advance(HOUR, 1);
    let res = s.distribute(None, None);
    let refused = wasm_attrs(&res, &s.treasury.addr);
    let tail = &refused[refused.len() - 5..];
    assert_eq!(
        tail[0],
        ("action".to_string(), "payment_refused".to_string())
    );
    assert_eq!(
        tail[1..4],
        attrs(&[("schedule_id", "1"), ("amount", "100"), ("owed", "100")])[..]
    );
    assert!(tail[4].1.contains("paused"), "{:?}", tail[4]);

    let blocked = s.schedule(hooked);
    let ScheduleStatus::Blocked {
        owed,
        since,
        ref reason,
        ..
    } = blocked.status
    else {
        panic!("blocked: {:?}", blocked.status);
    };
    assert_eq!((owed, since), (u(100), s.now()));
    assert!(reason.contains("paused"));
    assert_eq!((blocked.total_due, blocked.total_paid), (u(100), u(0)));
    // the other schedule was paid, and the ledger counts only what left
    assert_eq!(s.schedule(plain).total_paid, u(10));
    assert_eq!(s.cw20_balance(&s.flx, &s.bob), 10);
    assert_eq!(flx_spent(&s), 10);
    assert_eq!(s.balance(s.asset("FLX")).balance, u(990));
    assert_eq!(s.pool_available(FLX_POOL), 0);

    // unpaused: the next call pays the arrears and the new interval
    s.market.unpause(&s.admin).unwrap();
    s.advance(HOUR, 1);
    let res = s.distribute(None, None);
    assert_eq!(replenishes(&s, &res), vec![("1".into(), "200".into())]);
    assert_eq!(s.schedule(hooked).status, ScheduleStatus::Active);
    assert_eq!(flx_spent(&s), 200 + 20);

    // a refused final payment reopens a schedule that had completed
    s.sink_refuses(true);
    let last = s.create(
        s.asset("FLX"),
        TreasuryHandle::fixed(5),
        TreasuryHandle::every_seconds(HOUR, None),
        Some(1),
        TreasuryHandle::to_hook(&s.sink, &SinkMsg::Fund { note: "x".into() }),
    );
    s.advance(HOUR, 1);
    s.distribute(Some(plain), None);
    assert!(matches!(
        s.schedule(last).status,
        ScheduleStatus::Blocked { owed, .. } if owed == u(5)
    ));
    s.sink_refuses(false);
    s.distribute(Some(plain), None);
    assert_eq!(
        s.schedule(last).status,
        ScheduleStatus::Completed { at: s.now() }
    );
    assert_eq!(s.cw20_balance(&s.flx, &s.sink), 5);
}

#[test]
fn cancellation_stops_payments_and_records_what_was_unpaid() {
    let s = funded(1_000, 0);
    let id = s.create(
        s.asset("FLX"),
        TreasuryHandle::fixed(100),
        TreasuryHandle::every_seconds(HOUR, None),
        None,
        TreasuryHandle::to_address(&s.bob),
    );
    s.advance(HOUR, 1);
    s.distribute(None, None);
    // two more intervals fall due, never distributed
    s.advance(2 * HOUR, 2);
    let res = s.treasury.cancel_schedule(&s.owner, id).unwrap();
    assert_eq!(
        wasm_attrs(&res, &s.treasury.addr),
        attrs(&[
            ("action", "cancel_schedule"),
            ("schedule_id", "1"),
            ("unpaid", "200")
        ])
    );
    assert_eq!(
        s.schedule(id).status,
        ScheduleStatus::Cancelled {
            at: s.now(),
            unpaid: u(200)
        }
    );
    s.advance(10 * HOUR, 10);
    s.distribute(None, None);
    assert_eq!(s.cw20_balance(&s.flx, &s.bob), 100);
    assert_eq!(flx_spent(&s), 100);
    assert!(s.treasury.due(None, None).unwrap().is_empty());
    assert_eq!(s.treasury.all_schedules().unwrap().len(), 1);
}

#[test]
fn pages_bound_the_work_and_due_foresees_distribute() {
    // 250 FLX for three schedules of 100: in id order, the third is short
    let s = funded(250, 0);
    for _ in 0..3 {
        s.create(
            s.asset("FLX"),
            TreasuryHandle::fixed(100),
            TreasuryHandle::every_seconds(HOUR, None),
            Some(1),
            TreasuryHandle::to_address(&s.bob),
        );
    }
    s.advance(HOUR, 1);
    let due = s.treasury.due(None, None).unwrap();
    let payable: Vec<u128> = due.iter().map(|d| d.payable.u128()).collect();
    assert_eq!(payable, vec![100, 100, 0]);
    assert_eq!(
        due[2].status,
        ScheduleStatus::Underfunded {
            owed: u(100),
            since: s.now(),
            since_height: s.height()
        }
    );

    // a page of two pays the first two only
    let res = s.distribute(None, Some(2));
    assert_eq!(
        expect_wasm_attr(&res, &s.treasury.addr, "last_schedule_id"),
        "2"
    );
    assert_eq!(
        s.schedule(1).status,
        ScheduleStatus::Completed { at: s.now() }
    );
    assert_eq!(s.schedule(3).intervals_due, 0);
    // the next page: what due said
    let expected = s.treasury.due(Some(2), None).unwrap();
    assert_eq!(expected[0].schedule_id, 3);
    s.distribute(Some(2), None);
    assert_eq!(s.schedule(3).status, expected[0].status);
    assert_eq!(s.cw20_balance(&s.flx, &s.bob), 200);
    assert_eq!(s.treasury.schedules(None, Some(2)).unwrap().len(), 2);
    assert_eq!(s.treasury.schedules(Some(2), None).unwrap()[0].id, 3);
}

#[test]
fn a_schedule_created_before_its_funds_starts_underfunded() {
    let s = Suite::new();
    let id = s.create(
        s.asset(COSM),
        TreasuryHandle::fixed(50),
        TreasuryHandle::every_seconds(DAY, None),
        Some(2),
        TreasuryHandle::to_address(&s.bob),
    );
    s.advance(DAY, 1);
    s.distribute(None, None);
    assert_eq!(s.schedule(id).status.owed(), u(50));
    s.treasury
        .deposit_native(&s.alice, &[coin(500, COSM)], None)
        .unwrap();
    s.advance(DAY, 1);
    s.distribute(None, None);
    assert_eq!(
        s.schedule(id).status,
        ScheduleStatus::Completed { at: s.now() }
    );
    assert_eq!(s.native_balance(&s.bob, COSM), 100);
}

#[test]
fn inflation_per_second_mints_the_seed_rate_and_stops_at_the_cap() {
    let s = Suite::new();
    let supply = s.inf_supply();
    assert_eq!(supply, 2 * START);
    let id = s.create(
        s.asset("INF"),
        TreasuryHandle::inflation(None),
        TreasuryHandle::every_seconds(DAY, None),
        None,
        s.pool_hook(INF_POOL),
    );
    let ScheduleAmountInfo::Inflation {
        inflation_rate_bps,
        units_per_year,
        ..
    } = s.schedule(id).amount
    else {
        panic!("an inflation schedule");
    };
    assert_eq!(
        (inflation_rate_bps, units_per_year),
        (500, SECONDS_PER_YEAR)
    );

    // 10 days at 5 % a year of 2,000,000: floor(2e6 * 0.05 * 864,000 / 31,536,000) = 2,739
    s.advance(10 * DAY, 10);
    let expected = inflation_mint(
        u(supply),
        inflation_rate(500).unwrap(),
        10 * DAY,
        SECONDS_PER_YEAR,
        u(0),
    )
    .unwrap();
    assert_eq!(expected.amount, u(2_739));
    let res = s.distribute(None, None);
    assert_eq!(
        wasm_attrs(&res, &s.treasury.addr)[1..7],
        attrs(&[
            ("schedule_id", "1"),
            ("asset", &format!("cw20:{}", s.inf.addr)),
            ("minted", "2739"),
            ("paid", "2739"),
            ("owed", "0"),
            ("status", "active"),
        ])[..]
    );
    assert_eq!(s.inf_supply(), supply + 2_739);
    assert_eq!(s.pool_available(INF_POOL), 2_739);
    let sched = s.schedule(id);
    assert_eq!(
        sched.amount,
        ScheduleAmountInfo::Inflation {
            inflation_rate_bps: 500,
            units_per_year: SECONDS_PER_YEAR,
            remainder: expected.remainder,
            capped_since: None,
        }
    );
    // the mint went through the treasury's ledger: received and spent
    let ledger = s.balance(s.asset("INF"));
    assert_eq!(
        (ledger.total_received, ledger.total_spent, ledger.balance),
        (u(2_739), u(2_739), u(0))
    );
    // the token's supply record counts it as inflation
    let record = s.inf.supply_record().unwrap();
    assert_eq!(record.total_minted, u(2_739));

    // a year later the accrual (about 100,000) is above the room left under the cap: clamped
    s.advance(365 * DAY, 365);
    let room = INF_CAP - s.inf_supply();
    let res = s.distribute(None, None);
    assert_eq!(
        expect_wasm_attr(&res, &s.treasury.addr, "minted"),
        room.to_string()
    );
    assert_eq!(expect_wasm_attr(&res, &s.treasury.addr, "capped"), "true");
    assert_eq!(s.inf_supply(), INF_CAP);
    let capped = s.schedule(id);
    let ScheduleAmountInfo::Inflation {
        capped_since,
        remainder,
        ..
    } = capped.amount
    else {
        panic!("an inflation schedule");
    };
    assert_eq!((capped_since, remainder), (Some(s.now()), Uint128::zero()));
    assert_eq!(capped.total_paid, u(2_739 + room));
    assert_eq!(s.pool_available(INF_POOL), 2_739 + room);

    // at the cap nothing more is minted, and the schedule keeps its first capped time
    let at = s.now();
    s.advance(30 * DAY, 30);
    let res = s.distribute(None, None);
    assert_eq!(expect_wasm_attr(&res, &s.treasury.addr, "minted"), "0");
    assert_eq!(s.inf_supply(), INF_CAP);
    let ScheduleAmountInfo::Inflation { capped_since, .. } = s.schedule(id).amount else {
        panic!("an inflation schedule");
    };
    assert_eq!(capped_since, Some(at));
}

#[test]
fn inflation_per_block_carries_the_remainder() {
    let s = Suite::new();
    let supply = s.inf_supply();
    let id = s.create(
        s.asset("INF"),
        TreasuryHandle::inflation(Some(500)),
        TreasuryHandle::every_blocks(1, None),
        Some(1_000),
        TreasuryHandle::to_address(&s.bob),
    );
    // 2,000,000 * 0.05 / 5,256,000 = 0.019 a block: one block mints nothing, carries it all
    s.advance(5, 1);
    let res = s.distribute(None, None);
    assert_eq!(expect_wasm_attr(&res, &s.treasury.addr, "minted"), "0");
    let one = inflation_mint(
        u(supply),
        inflation_rate(500).unwrap(),
        1,
        BLOCKS_PER_YEAR,
        u(0),
    )
    .unwrap();
    let ScheduleAmountInfo::Inflation { remainder, .. } = s.schedule(id).amount else {
        panic!("an inflation schedule");
    };
    assert_eq!(remainder, one.remainder);
    assert_eq!(s.schedule(id).intervals_due, 1);

    // 52 more blocks one by one, then 1,000 at once: the total is the floor of the exact total
    for _ in 0..52 {
        s.advance(5, 1);
        s.distribute(None, None);
    }
    let total = inflation_mint(
        u(supply),
        inflation_rate(500).unwrap(),
        53,
        BLOCKS_PER_YEAR,
        u(0),
    )
    .unwrap();
    assert_eq!(u(s.cw20_balance(&s.inf, &s.bob)), total.amount);
    assert_eq!(total.amount, u(1)); // 53 * 0.019 = 1.008
    s.advance(5_000, 1_000);
    s.distribute(None, None);
    let done = s.schedule(id);
    assert_eq!(done.status, ScheduleStatus::Completed { at: s.now() });
    assert_eq!(done.intervals_due, 1_000);
    // a supply that grows as it mints: at most the exact total at the start supply plus a
    // rounding unit per mint
    let bob = s.cw20_balance(&s.inf, &s.bob);
    let flat = inflation_mint(
        u(supply),
        inflation_rate(500).unwrap(),
        1_000,
        BLOCKS_PER_YEAR,
        u(0),
    )
    .unwrap()
    .amount
    .u128();
    assert!((flat..=flat + 1).contains(&bob), "{bob} vs {flat}");
    assert_eq!(s.inf_supply(), supply + bob);
}

#[test]
fn inflation_is_blocked_while_the_treasury_is_not_the_minter() {
    let s = Suite::new();
    let id = s.create(
        s.asset("INF"),
        TreasuryHandle::inflation(Some(10_000)),
        TreasuryHandle::every_seconds(DAY, None),
        None,
        TreasuryHandle::to_address(&s.bob),
    );
    // the treasury hands the minter role to alice (as a governance proposal could), then
    // alice hands it back
    let give = |to: &cosmwasm_std::Addr, from: &cosmwasm_std::Addr| {
        s.inf.update_minter(from, Some(to)).unwrap();
    };
    give(&s.alice, &s.treasury.addr);
    s.advance(DAY, 1);
    s.distribute(None, None);
    let blocked = s.schedule(id);
    let ScheduleStatus::Blocked {
        owed, ref reason, ..
    } = blocked.status
    else {
        panic!("blocked: {:?}", blocked.status);
    };
    assert_eq!(owed, u(0));
    assert!(reason.contains("not the minter"), "{reason}");
    assert_eq!(blocked.intervals_due, 0, "the accrual is kept");

    give(&s.treasury.addr, &s.alice);
    s.advance(DAY, 1);
    let supply = s.inf_supply();
    s.distribute(None, None);
    // two days at 100 % a year, minted at once
    let two_days = inflation_mint(
        u(supply),
        inflation_rate(10_000).unwrap(),
        2 * DAY,
        SECONDS_PER_YEAR,
        u(0),
    )
    .unwrap();
    assert_eq!(u(s.cw20_balance(&s.inf, &s.bob)), two_days.amount);
    assert_eq!(s.schedule(id).status, ScheduleStatus::Active);
}

#[test]
fn a_treasury_from_before_schedules_keeps_its_ledger_and_gains_them_after_migrating() {
    let s = funded(1_000, 0);
    // deposits write the original layout only: the ledger, cw2's version, cw-ownable's owner
    let keys: Vec<Vec<u8>> = s
        .app
        .borrow()
        .dump_wasm_raw(&s.treasury.addr)
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    let ledger_key = [
        b"\x00\x01l".as_slice(),
        format!("c{}", s.flx.addr).as_bytes(),
    ]
    .concat();
    let mut expected = vec![
        b"contract_info".to_vec(),
        ledger_key.clone(),
        b"ownership".to_vec(),
    ];
    expected.sort();
    assert_eq!(keys, expected);

    let (admin, code_id) = (s.admin.clone(), s.code_id);
    s.app
        .borrow_mut()
        .migrate_contract(
            admin,
            s.treasury.addr.clone(),
            &poe_treasury::msg::MigrateMsg {},
            code_id,
        )
        .unwrap();
    let id = s.create(
        s.asset("FLX"),
        TreasuryHandle::fixed(10),
        TreasuryHandle::every_seconds(HOUR, None),
        None,
        TreasuryHandle::to_address(&s.bob),
    );
    assert_eq!(id, 1, "no schedule id stored reads as none created yet");
    s.advance(HOUR, 1);
    s.distribute(None, None);
    let b = s.balance(s.asset("FLX"));
    assert_eq!((b.total_received, b.total_spent), (u(1_000), u(10)));
}
