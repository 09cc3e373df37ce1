//! The registry's life: raises by tag, the `_total`, lazy decay over whole days, writers and
//! the decay rate changed by the owner.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::{Decimal, Uint128};
use poe_reputation::msg::TagPoints;
use poe_test_utils::wasm_attrs;

#[test]
fn a_raise_adds_points_per_tag_and_to_the_total() {
    let s = Suite::new();
    let res = s
        .registry
        .raise(&s.writer, &s.alice, &["python", "security"], 10)
        .unwrap();
    let attrs = wasm_attrs(&res, &s.registry.addr);
    assert_eq!(
        attrs,
        [
            ("action", "raise"),
            ("account", s.alice.as_str()),
            ("points", "10"),
            ("tags", "python,security"),
            ("total", "20"),
            ("tag:python", "10"),
            ("tag:security", "10"),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string()))
    );
    s.registry
        .raise(&s.other_writer, &s.alice, &["python"], 10)
        .unwrap();
    let rep = s.registry.reputation(&s.alice).unwrap();
    assert_eq!(rep.total, Uint128::new(30));
    assert_eq!(
        rep.tags,
        vec![
            TagPoints {
                tag: "python".into(),
                points: Uint128::new(20)
            },
            TagPoints {
                tag: "security".into(),
                points: Uint128::new(10)
            },
        ]
    );
    // a raise without tags counts once in the total
    s.registry.raise(&s.writer, &s.bob, &[], 7).unwrap();
    assert_eq!((s.total(&s.bob), s.tag(&s.bob, "python")), (7, 0));
    // nobody else moved
    assert_eq!(s.total(&s.stranger), 0);
}

#[test]
fn reputation_decays_one_percent_per_whole_day_when_read() {
    let s = Suite::new();
    s.registry
        .raise(&s.writer, &s.alice, &["python"], 1_000)
        .unwrap();
    s.advance(DAY - 1);
    assert_eq!(s.tag(&s.alice, "python"), 1_000);
    s.advance(1);
    assert_eq!(s.tag(&s.alice, "python"), 990);
    s.advance(29 * DAY);
    // floor(1000 × 0.99^30) = 739
    assert_eq!((s.tag(&s.alice, "python"), s.total(&s.alice)), (739, 739));
}

#[test]
fn frequent_raises_keep_the_partial_day() {
    // one holder raised every 6 hours, another once: after 3 days both decayed 3 times
    let s = Suite::new();
    s.registry
        .raise(&s.writer, &s.alice, &["ops"], 1_000)
        .unwrap();
    s.registry
        .raise(&s.writer, &s.bob, &["ops"], 1_000)
        .unwrap();
    for _ in 0..12 {
        s.advance(6 * 3_600);
        s.registry.raise(&s.writer, &s.alice, &["ops"], 1).unwrap();
    }
    // bob: floor(1000 × 0.99^3) = floor(970.299) = 970
    assert_eq!(s.tag(&s.bob, "ops"), 970);
    let alice = s.tag(&s.alice, "ops");
    // alice: the same 3 decays of the 1,000 plus her 12 raises, each decayed by whole days only
    assert!((970..=982).contains(&alice), "{alice}");
}

#[test]
fn the_owner_changes_writers_and_the_rate() {
    let s = Suite::new();
    s.registry
        .update_writers(&s.owner, &[&s.stranger], &[&s.other_writer])
        .unwrap();
    assert_eq!(s.registry.writers().unwrap().len(), 2);
    assert!(s.registry.writers().unwrap().contains(&s.stranger));
    s.registry
        .raise(&s.stranger, &s.alice, &["x"], 100)
        .unwrap();
    s.registry
        .update_config(&s.owner, Decimal::percent(10))
        .unwrap();
    assert_eq!(
        s.registry.config().unwrap().decay_rate_per_day,
        Decimal::percent(10)
    );
    s.advance(2 * DAY);
    // floor(100 × 0.9^2) = 81
    assert_eq!(s.tag(&s.alice, "x"), 81);
    // a zero rate: no decay
    let s = Suite::with_rate(Some(Decimal::zero()));
    s.registry.raise(&s.writer, &s.alice, &["x"], 100).unwrap();
    s.advance(365 * DAY);
    assert_eq!(s.tag(&s.alice, "x"), 100);
}
