//! Seeded property test of the distribution schedules: a few random schedules (FLX or uatom, a
//! fixed amount, seconds or blocks, perpetual or not, paid to an account, a marketplace pool's
//! replenish hook or the sink's hook), then random sequences of deposits, time and block steps,
//! distributions of random pages, cancellations, owner spends competing for the same balance,
//! and the sink refusing or accepting payments. A model replays every step; after each:
//! - each schedule's intervals due, total paid, status and owed match the model, and
//!   `total_paid + owed = intervals_due * amount_per_interval` (a cancelled one records
//!   `unpaid = intervals due at cancellation * amount - total_paid`);
//! - the ledger's spent of each asset is the sum of the schedules' payments and the spends;
//! - the treasury's balance of each asset is what came in less that spent (never below zero: the
//!   model subtracts with checked arithmetic), and each recipient holds exactly what it was paid;
//! - a refused step (a spend above the balance, cancelling an ended schedule) fails with its
//!   exact error and changes nothing.
//!
//! Fixed seed and case count; no failure persistence.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::coins;
use poe_math::distribution::intervals_due;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

#[derive(Clone, Copy, Debug, PartialEq)]
enum To {
    Bob,
    Pool,
    Sink,
}

#[derive(Clone, Debug)]
struct Spec {
    flx: bool,
    amount: u128,
    blocks: bool,
    every: u64,
    start_in: u64,
    duration: Option<u64>,
    to: To,
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        any::<bool>(),
        1..300u128,
        any::<bool>(),
        1..60u64,
        0..100u64,
        prop::option::of(1..25u64),
        prop_oneof![Just(To::Bob), Just(To::Pool), Just(To::Sink)],
    )
        .prop_map(
            |(flx, amount, blocks, every, start_in, duration, to)| Spec {
                flx,
                amount,
                blocks,
                every,
                start_in,
                duration,
                // the pool holds FLX only
                to: if to == To::Pool && !flx { To::Bob } else { to },
            },
        )
}

#[derive(Clone, Debug)]
enum Op {
    Deposit {
        flx: bool,
        amount: u128,
    },
    Advance {
        secs: u64,
        blocks: u64,
    },
    Distribute {
        start_after: Option<u64>,
        limit: u32,
    },
    Cancel {
        pick: usize,
    },
    Spend {
        flx: bool,
        amount: u128,
    },
    SinkRefuses {
        refuse: bool,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        2 => (any::<bool>(), 1..1_500u128).prop_map(|(flx, amount)| Op::Deposit { flx, amount }),
        4 => (0..400u64, 0..40u64).prop_map(|(secs, blocks)| Op::Advance { secs, blocks }),
        5 => (prop::option::of(0..5u64), 1..5u32)
            .prop_map(|(start_after, limit)| Op::Distribute { start_after, limit }),
        1 => (0..8usize).prop_map(|pick| Op::Cancel { pick }),
        1 => (any::<bool>(), 1..800u128).prop_map(|(flx, amount)| Op::Spend { flx, amount }),
        1 => any::<bool>().prop_map(|refuse| Op::SinkRefuses { refuse }),
    ]
}

#[derive(Clone, Debug, PartialEq)]
enum Kind {
    Active,
    Underfunded(u128),
    Blocked(u128),
    Completed,
    Cancelled(u128),
}

struct Model {
    spec: Spec,
    start: u64,
    intervals_due: u64,
    total_due: u128,
    paid: u128,
    kind: Kind,
}

impl Model {
    fn ended(&self) -> bool {
        matches!(self.kind, Kind::Completed | Kind::Cancelled(_))
    }
}

fn kind_of(status: &ScheduleStatus) -> Kind {
    match status {
        ScheduleStatus::Active => Kind::Active,
        ScheduleStatus::Underfunded { owed, .. } => Kind::Underfunded(owed.u128()),
        ScheduleStatus::Blocked { owed, .. } => Kind::Blocked(owed.u128()),
        ScheduleStatus::Completed { .. } => Kind::Completed,
        ScheduleStatus::Cancelled { unpaid, .. } => Kind::Cancelled(unpaid.u128()),
    }
}

/// What the model tracks per asset (index 0: FLX, 1: uatom).
#[derive(Default)]
struct Books {
    balance: [u128; 2],
    received: [u128; 2],
    spent: [u128; 2],
    /// Paid to bob, the pool, the sink (by schedules), and spent to alice.
    bob: [u128; 2],
    pool: u128,
    sink: [u128; 2],
}

fn ix(flx: bool) -> usize {
    if flx {
        0
    } else {
        1
    }
}

fn now_of(s: &Suite, blocks: bool) -> u64 {
    if blocks {
        s.height()
    } else {
        s.now().seconds()
    }
}

fn check(
    s: &Suite,
    models: &[Model],
    books: &Books,
    start: &StartBalances,
) -> Result<(), TestCaseError> {
    for (i, m) in models.iter().enumerate() {
        let chain = s.schedule(i as u64 + 1);
        prop_assert_eq!(
            chain.intervals_due,
            m.intervals_due,
            "schedule {} due",
            i + 1
        );
        prop_assert_eq!(chain.total_paid.u128(), m.paid, "schedule {} paid", i + 1);
        prop_assert_eq!(
            chain.total_due.u128(),
            m.total_due,
            "schedule {} total",
            i + 1
        );
        prop_assert_eq!(
            kind_of(&chain.status),
            m.kind.clone(),
            "schedule {} status",
            i + 1
        );
        if !matches!(m.kind, Kind::Cancelled(_)) {
            prop_assert_eq!(
                chain.total_paid.u128() + chain.status.owed().u128(),
                chain.intervals_due as u128 * m.spec.amount,
                "paid + owed = intervals due * amount, schedule {}",
                i + 1
            );
        }
    }
    for (flx, asset) in [(true, s.asset("FLX")), (false, s.asset(ATOM))] {
        let b = s.balance(asset);
        let i = ix(flx);
        prop_assert_eq!(b.total_spent.u128(), books.spent[i], "spent of {}", i);
        prop_assert_eq!(b.total_received.u128(), books.received[i]);
        prop_assert_eq!(b.balance.u128(), books.balance[i], "balance of {}", i);
    }
    prop_assert_eq!(s.cw20_balance(&s.flx, &s.bob), start.bob_flx + books.bob[0]);
    prop_assert_eq!(s.native_balance(&s.bob, ATOM), books.bob[1]);
    prop_assert_eq!(s.pool_available(FLX_POOL), books.pool);
    prop_assert_eq!(s.cw20_balance(&s.flx, &s.sink), books.sink[0]);
    prop_assert_eq!(s.native_balance(&s.sink, ATOM), books.sink[1]);
    Ok(())
}

struct StartBalances {
    bob_flx: u128,
}

fn refused(
    s: &Suite,
    before: &poe_test_utils::Snapshot,
    res: anyhow::Result<cw_multi_test::AppResponse>,
    expected: ContractError,
) -> Result<(), TestCaseError> {
    let err = match res {
        Ok(_) => {
            return Err(TestCaseError::fail(format!(
                "accepted, expected {expected:?}"
            )))
        }
        Err(err) => err,
    };
    prop_assert_eq!(contract_err(err), expected);
    prop_assert_eq!(&s.snapshot(), before);
    Ok(())
}

fn run(specs: Vec<Spec>, ops: Vec<Op>) -> Result<(), TestCaseError> {
    let s = Suite::new();
    let start = StartBalances {
        bob_flx: s.cw20_balance(&s.flx, &s.bob),
    };
    let mut books = Books::default();
    let mut models: Vec<Model> = Vec::new();
    for spec in specs {
        let asset = s.asset(if spec.flx { "FLX" } else { ATOM });
        let begin = now_of(&s, spec.blocks) + spec.start_in;
        let interval = if spec.blocks {
            TreasuryHandle::every_blocks(spec.every, Some(begin))
        } else {
            TreasuryHandle::every_seconds(
                spec.every,
                Some(cosmwasm_std::Timestamp::from_seconds(begin)),
            )
        };
        let recipient = match (spec.to, spec.flx) {
            (To::Bob, _) => TreasuryHandle::to_address(&s.bob),
            (To::Pool, _) => s.pool_hook(FLX_POOL),
            (To::Sink, true) => TreasuryHandle::to_hook(&s.sink, &"cw20-hook"),
            (To::Sink, false) => {
                TreasuryHandle::to_hook(&s.sink, &SinkMsg::Fund { note: "n".into() })
            }
        };
        s.create(
            asset,
            TreasuryHandle::fixed(spec.amount),
            interval,
            spec.duration,
            recipient,
        );
        models.push(Model {
            spec,
            start: begin,
            intervals_due: 0,
            total_due: 0,
            paid: 0,
            kind: Kind::Active,
        });
    }
    let mut refusing = false;

    for op in ops {
        let before = s.snapshot();
        match op {
            Op::Deposit { flx, amount } => {
                if flx {
                    s.treasury
                        .deposit_cw20(&s.flx, &s.alice, u(amount), None)
                        .unwrap();
                } else {
                    s.treasury
                        .deposit_native(&s.alice, &coins(amount, ATOM), None)
                        .unwrap();
                }
                books.balance[ix(flx)] += amount;
                books.received[ix(flx)] += amount;
            }
            Op::Advance { secs, blocks } => s.advance(secs, blocks),
            Op::SinkRefuses { refuse } => {
                s.sink_refuses(refuse);
                refusing = refuse;
            }
            Op::Spend { flx, amount } => {
                let asset = s.asset(if flx { "FLX" } else { ATOM });
                let res = s.treasury.spend(&s.owner, asset, &s.alice, u(amount), None);
                let held = books.balance[ix(flx)];
                if amount > held {
                    let label = if flx {
                        format!("cw20:{}", s.flx.addr)
                    } else {
                        format!("native:{ATOM}")
                    };
                    let expected = ContractError::InsufficientBalance {
                        asset: label,
                        balance: u(held),
                        requested: u(amount),
                    };
                    refused(&s, &before, res, expected)?;
                } else {
                    res.unwrap();
                    books.balance[ix(flx)] = held.checked_sub(amount).unwrap();
                    books.spent[ix(flx)] += amount;
                }
            }
            Op::Cancel { pick } => {
                let i = pick % models.len();
                let m = &mut models[i];
                let res = s.treasury.cancel_schedule(&s.owner, i as u64 + 1);
                if m.ended() {
                    let status = if m.kind == Kind::Completed {
                        "completed"
                    } else {
                        "cancelled"
                    };
                    let expected = ContractError::ScheduleEnded {
                        schedule_id: i as u64 + 1,
                        status: status.into(),
                    };
                    refused(&s, &before, res, expected)?;
                } else {
                    res.unwrap();
                    let now = now_of(&s, m.spec.blocks);
                    let due = intervals_due(m.start, m.spec.every, m.spec.duration, now);
                    m.kind = Kind::Cancelled(due as u128 * m.spec.amount - m.paid);
                }
            }
            Op::Distribute { start_after, limit } => {
                // anyone may distribute: alice, who holds no role
                s.treasury
                    .distribute(&s.alice, start_after, Some(limit))
                    .unwrap();
                // what the call may pay: the balances at its start, less what it paid (failed
                // payments included: they fail after the call decided them)
                let at_start = books.balance;
                let mut paid_in_call = [0u128; 2];
                let page: Vec<usize> = (0..models.len())
                    .filter(|&i| !models[i].ended() && start_after.is_none_or(|a| i as u64 + 1 > a))
                    .take(limit as usize)
                    .collect();
                for i in page {
                    let m = &mut models[i];
                    let a = ix(m.spec.flx);
                    let now = now_of(&s, m.spec.blocks);
                    let due = intervals_due(m.start, m.spec.every, m.spec.duration, now);
                    if due > m.intervals_due {
                        m.total_due += (due - m.intervals_due) as u128 * m.spec.amount;
                        m.intervals_due = due;
                    }
                    let owed = m.total_due - m.paid;
                    let available = at_start[a].checked_sub(paid_in_call[a]).unwrap();
                    let whole = owed.min(available) / m.spec.amount * m.spec.amount;
                    paid_in_call[a] += whole;
                    let fails = whole > 0 && m.spec.to == To::Sink && refusing;
                    if fails {
                        m.kind = Kind::Blocked(owed);
                        continue;
                    }
                    m.paid += whole;
                    books.balance[a] = books.balance[a].checked_sub(whole).unwrap();
                    books.spent[a] += whole;
                    match m.spec.to {
                        To::Bob => books.bob[a] += whole,
                        To::Pool => books.pool += whole,
                        To::Sink => books.sink[a] += whole,
                    }
                    let left = owed - whole;
                    m.kind = if left > 0 {
                        Kind::Underfunded(left)
                    } else if m.spec.duration.is_some_and(|d| m.intervals_due >= d) {
                        Kind::Completed
                    } else {
                        Kind::Active
                    };
                }
            }
        }
        check(&s, &models, &books, &start)?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(Config {
        cases: 40,
        rng_seed: RngSeed::Fixed(0x5EED_0011),
        failure_persistence: None,
        ..Config::default()
    })]

    #[test]
    fn schedules_pay_what_came_due_and_the_ledger_balances(
        specs in prop::collection::vec(spec(), 1..5),
        ops in prop::collection::vec(op(), 10..45),
    ) {
        run(specs, ops)?;
    }
}
