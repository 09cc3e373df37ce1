//! Every refusal of the registry, each with its exact error and the registry's raw storage
//! unchanged.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::{coins, Decimal, Uint128};
use cw_ownable::OwnershipError;
use poe_controllers::AllowListError;
use poe_reputation::msg::{ExecuteMsg, MAX_DECAY_RATE_PER_DAY};
use poe_reputation::ContractError;
use poe_test_utils::assert_rejected_unchanged;

fn rejected(
    s: &mut Suite,
    expected: ContractError,
    f: impl FnOnce(&mut Suite) -> anyhow::Result<cw_multi_test::AppResponse>,
) {
    assert_rejected_unchanged(s, Suite::snapshot, &expected, &"", f);
}

fn raise_msg(account: &cosmwasm_std::Addr, tags: &[&str], points: u128) -> ExecuteMsg {
    ExecuteMsg::Raise {
        account: account.to_string(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        points: Uint128::new(points),
    }
}

#[test]
fn a_stranger_or_an_owner_who_is_not_a_writer_cannot_raise() {
    let mut s = Suite::new();
    s.registry
        .raise(&s.writer, &s.alice, &["python"], 10)
        .unwrap();
    for who in [s.stranger.clone(), s.owner.clone(), s.alice.clone()] {
        let expected = ContractError::AllowList(AllowListError::NotListed {
            role: "writer".into(),
            address: who.to_string(),
        });
        rejected(&mut s, expected, |s| {
            s.registry.raise(&who, &s.alice.clone(), &["python"], 10)
        });
    }
    // a removed writer neither
    s.registry
        .update_writers(&s.owner, &[], &[&s.other_writer])
        .unwrap();
    let expected = ContractError::AllowList(AllowListError::NotListed {
        role: "writer".into(),
        address: s.other_writer.to_string(),
    });
    rejected(&mut s, expected, |s| {
        s.registry
            .raise(&s.other_writer.clone(), &s.alice.clone(), &[], 1)
    });
}

#[test]
fn zero_too_many_points_bad_tags_and_funds() {
    let mut s = Suite::new();
    let (w, a) = (s.writer.clone(), s.alice.clone());
    for points in [0, 1_000_001] {
        let expected = ContractError::InvalidPoints {
            points,
            max: 1_000_000,
        };
        rejected(&mut s, expected, |s| {
            s.registry.raise(&w, &a, &["x"], points)
        });
    }
    let eleven: Vec<String> = (0..11).map(|i| format!("t{i}")).collect();
    let eleven: Vec<&str> = eleven.iter().map(String::as_str).collect();
    rejected(
        &mut s,
        ContractError::TooManyTags { count: 11, max: 10 },
        |s| s.registry.raise(&w, &a, &eleven, 1),
    );
    let long = "a".repeat(33);
    for (tag, reason) in [
        ("", "must be 1 to 32 bytes"),
        (long.as_str(), "must be 1 to 32 bytes"),
        ("Python", "only a-z, 0-9, '-' and '_'"),
        ("sec urity", "only a-z, 0-9, '-' and '_'"),
        ("é", "only a-z, 0-9, '-' and '_'"),
    ] {
        let expected = ContractError::InvalidTag {
            tag: tag.into(),
            reason: reason.into(),
        };
        rejected(&mut s, expected, |s| {
            s.registry.raise(&w, &a, &["ok", tag], 1)
        });
    }
    let expected = ContractError::InvalidTag {
        tag: "py".into(),
        reason: "named twice".into(),
    };
    rejected(&mut s, expected, |s| {
        s.registry.raise(&w, &a, &["py", "go", "py"], 1)
    });
    // funds are refused
    s.fund(&w, coins(10, "ucosm"));
    let expected = ContractError::Payment(cw_utils::PaymentError::NonPayable {});
    rejected(&mut s, expected, |s| {
        s.registry
            .execute_with_funds(&w, &raise_msg(&a, &["x"], 1), &coins(1, "ucosm"))
    });
    // an invalid account
    let err = s
        .registry
        .execute(
            &w,
            &ExecuteMsg::Raise {
                account: "not-an-address".into(),
                tags: vec![],
                points: Uint128::new(1),
            },
        )
        .unwrap_err();
    assert!(matches!(
        poe_test_utils::find_error::<ContractError>(&err),
        ContractError::Std(_)
    ));
}

#[test]
fn only_the_owner_configures_and_only_within_bounds() {
    let mut s = Suite::new();
    let (stranger, writer, owner) = (s.stranger.clone(), s.writer.clone(), s.owner.clone());
    for who in [&stranger, &writer] {
        let expected = ContractError::Ownership(OwnershipError::NotOwner);
        rejected(&mut s, expected, |s| {
            s.registry.update_writers(who, &[who], &[])
        });
        let expected = ContractError::Ownership(OwnershipError::NotOwner);
        rejected(&mut s, expected, |s| {
            s.registry.update_config(who, Decimal::percent(2))
        });
    }
    let rate = MAX_DECAY_RATE_PER_DAY + Decimal::permille(1);
    let expected = ContractError::InvalidDecayRate {
        rate,
        max: MAX_DECAY_RATE_PER_DAY,
    };
    rejected(&mut s, expected, |s| s.registry.update_config(&owner, rate));
    rejected(&mut s, ContractError::NoWriterChange, |s| {
        s.registry.update_writers(&owner, &[], &[])
    });
    let expected = ContractError::AllowList(AllowListError::AlreadyListed {
        role: "writer".into(),
        address: writer.to_string(),
    });
    rejected(&mut s, expected, |s| {
        s.registry.update_writers(&owner, &[&writer], &[])
    });
    let expected = ContractError::AllowList(AllowListError::NotListed {
        role: "writer".into(),
        address: stranger.to_string(),
    });
    rejected(&mut s, expected, |s| {
        s.registry.update_writers(&owner, &[], &[&stranger])
    });
    // at most 20 writers
    let many: Vec<cosmwasm_std::Addr> = (0..19)
        .map(|i| s.app.borrow().api().addr_make(&format!("w{i}")))
        .collect();
    let refs: Vec<&cosmwasm_std::Addr> = many.iter().collect();
    let expected = ContractError::AllowList(AllowListError::Full {
        role: "writer".into(),
        cap: 20,
    });
    rejected(&mut s, expected, |s| {
        s.registry.update_writers(&owner, &refs, &[])
    });
}
