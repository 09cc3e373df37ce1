//! Seeded property test: random raises (by writers and strangers), time steps and rate changes.
//! After every step each record the test knows equals its model (points decayed by whole days
//! from the last raise, the partial day kept), `_total` is the sum of the raises' points ×
//! max(1, tags) decayed the same way, a refused raise changes no storage, and queries never
//! write. Fixed seed and case count; no failure persistence.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::collections::BTreeMap;

use common::*;
use cosmwasm_std::{Addr, Decimal, Timestamp, Uint128};
use poe_math::reputation::decay;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

const TAGS: [&str; 4] = ["python", "security", "devops", "testing"];

#[derive(Clone, Debug)]
enum Op {
    Raise {
        writer: bool,
        who: usize,
        tags: Vec<usize>,
        points: u128,
    },
    Advance {
        seconds: u64,
    },
    Rate {
        percent: u64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        5 => (any::<bool>(), 0..3usize, prop::collection::btree_set(0..4usize, 0..4), 1..2_000u128)
            .prop_map(|(w, who, tags, points)| Op::Raise {
                writer: w,
                who,
                tags: tags.into_iter().collect(),
                points,
            }),
        3 => prop_oneof![1..3_600u64, 3_600..(3 * DAY), Just(DAY)].prop_map(|seconds| Op::Advance { seconds }),
        1 => (0..6u64).prop_map(|percent| Op::Rate { percent }),
    ]
}

#[derive(Clone, Copy, Debug, Default)]
struct Rec {
    points: u128,
    as_of: u64,
}

fn decayed(r: Rec, now: u64, rate: Decimal) -> Rec {
    let (p, t) = decay(
        Uint128::new(r.points),
        Timestamp::from_seconds(r.as_of),
        Timestamp::from_seconds(now),
        rate,
    )
    .unwrap();
    Rec {
        points: p.u128(),
        as_of: t.seconds(),
    }
}

fn run(ops: Vec<Op>) -> Result<(), TestCaseError> {
    let s = Suite::new();
    let holders: Vec<Addr> = vec![s.alice.clone(), s.bob.clone(), s.stranger.clone()];
    let mut rate = Decimal::percent(1);
    let mut totals: BTreeMap<usize, Rec> = BTreeMap::new();
    let mut tags: BTreeMap<(usize, usize), Rec> = BTreeMap::new();
    for (step, op) in ops.into_iter().enumerate() {
        let now = s.app.borrow().block_info().time.seconds();
        match op {
            Op::Raise {
                writer,
                who,
                tags: named,
                points,
            } => {
                let sender = if writer {
                    s.writer.clone()
                } else {
                    s.stranger.clone()
                };
                let names: Vec<&str> = named.iter().map(|t| TAGS[*t]).collect();
                let before = s.snapshot();
                let res = s.registry.raise(&sender, &holders[who], &names, points);
                if !writer {
                    prop_assert!(res.is_err(), "step {step}: a stranger raised");
                    prop_assert_eq!(s.snapshot(), before, "step {}: a refused raise wrote", step);
                    continue;
                }
                res.unwrap();
                let times = named.len().max(1) as u128;
                let t = totals.entry(who).or_insert(Rec {
                    points: 0,
                    as_of: now,
                });
                let mut d = decayed(*t, now, rate);
                d.points += points * times;
                *t = d;
                for tag in named {
                    let r = tags.entry((who, tag)).or_insert(Rec {
                        points: 0,
                        as_of: now,
                    });
                    let mut d = decayed(*r, now, rate);
                    d.points += points;
                    *r = d;
                }
            }
            Op::Advance { seconds } => s.advance(seconds),
            Op::Rate { percent } => {
                rate = Decimal::percent(percent);
                s.registry.update_config(&s.owner, rate).unwrap();
            }
        }
        // every record equals its model, and reading writes nothing
        let now = s.app.borrow().block_info().time.seconds();
        let before = s.snapshot();
        for (who, addr) in holders.iter().enumerate() {
            let rep = s.registry.reputation(addr).unwrap();
            let want = totals
                .get(&who)
                .map_or(0, |r| decayed(*r, now, rate).points);
            prop_assert_eq!(rep.total.u128(), want, "step {} total of {}", step, who);
            for (t, name) in TAGS.iter().enumerate() {
                let want = tags
                    .get(&(who, t))
                    .map_or(0, |r| decayed(*r, now, rate).points);
                prop_assert_eq!(
                    s.tag(addr, name),
                    want,
                    "step {} tag {} of {}",
                    step,
                    name,
                    who
                );
            }
        }
        prop_assert_eq!(s.snapshot(), before, "step {}: a query wrote", step);
    }
    Ok(())
}

proptest! {
    #![proptest_config(Config {
        cases: 48,
        rng_seed: RngSeed::Fixed(0x5EED_0004),
        failure_persistence: None,
        ..Config::default()
    })]

    #[test]
    fn records_decay_lazily_and_only_writers_raise(
        ops in prop::collection::vec(op(), 10..50)
    ) {
        run(ops)?;
    }
}
