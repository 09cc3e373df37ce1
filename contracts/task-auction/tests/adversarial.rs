//! Every refusal of the task auction, each with its exact error and nothing changed (the raw
//! storage of the auction, the treasury and the registry; every FLX/NEX balance and supply).
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::{coins, to_json_binary};
use cw20::Cw20ReceiveMsg;
use cw_ownable::OwnershipError;

fn status(task_id: u64, status: TaskStatus, operation: &str) -> ContractError {
    ContractError::WrongStatus {
        task_id,
        status,
        operation: operation.into(),
    }
}

#[test]
fn a_wrong_token_a_forged_hook_and_bad_specs_post_nothing() {
    let mut s = Suite::new();
    let now = s.now();
    let good = task_spec(
        "t",
        &["x"],
        Some(now.plus_seconds(86_400)),
        now.plus_seconds(10 * 86_400),
    );
    let (xyz, creator) = (s.xyz.clone(), s.creator.clone());
    let expected = ContractError::TokenNotAccepted {
        token: xyz.addr.clone(),
    };
    let spec = good.clone();
    s.rejected(expected, |s| {
        s.auction.create_task(&xyz, &creator, u(100), spec)
    });
    // a hook called directly by an account (no tokens moved) is a token that is not accepted
    let expected = ContractError::TokenNotAccepted {
        token: creator.clone(),
    };
    let forged = ExecuteMsg::Receive(Cw20ReceiveMsg {
        sender: creator.to_string(),
        amount: u(100),
        msg: to_json_binary(&ReceiveMsg::CreateTask(good.clone())).unwrap(),
    });
    s.rejected(expected, |s| s.auction.execute(&creator, &forged));
    let flx = s.flx.clone();
    let bad = |f: &dyn Fn(&mut TaskSpec)| {
        let mut spec = good.clone();
        f(&mut spec);
        spec
    };
    let cases: Vec<(TaskSpec, String)> = vec![
        (bad(&|t| t.title = " ".into()), "the title must be 1 to 128 bytes".into()),
        (bad(&|t| t.tags = vec!["Bad".into()]), "tag \"Bad\": 1 to 32 bytes of a-z, 0-9, '-', '_'".into()),
        (bad(&|t| t.tags = vec!["a".into(), "a".into()]), "tag \"a\" named twice".into()),
        (
            bad(&|t| t.tags = (0..11).map(|i| format!("t{i}")).collect()),
            "11 tags: at most 10".into(),
        ),
        (
            bad(&|t| t.delivery_deadline = now),
            format!("the delivery deadline {now} is not after now ({now})"),
        ),
        (
            bad(&|t| t.auction_deadline = Some(t.delivery_deadline)),
            format!(
                "the auction deadline {} must be after now ({now}) and before the delivery deadline {}",
                good.delivery_deadline, good.delivery_deadline
            ),
        ),
    ];
    for (spec, reason) in cases {
        let expected = ContractError::InvalidTask { reason };
        s.rejected(expected, |s| {
            s.auction.create_task(&flx, &creator, u(100), spec)
        });
    }
    // a zero reward: cw20 refuses a zero Send before the hook runs; nothing is posted
    let before = s.snapshot();
    assert!(s
        .auction
        .create_task(&flx, &creator, u(0), good.clone())
        .is_err());
    assert_eq!(s.snapshot(), before);
    assert_eq!(s.auction.config().unwrap().task_count, 0);
}

#[test]
fn bids_outside_the_rules() {
    let mut s = Suite::new();
    let id = s.post(500, &[], Some(1));
    let (a, creator) = (s.a.clone(), s.creator.clone());
    s.rejected(ContractError::OwnTask { task_id: id }, |s| {
        s.auction.bid(&creator, id, u(100), 1)
    });
    for amount in [0, 501] {
        let expected = ContractError::InvalidAmount {
            amount: u(amount),
            max: u(500),
        };
        s.rejected(expected, |s| s.auction.bid(&a, id, u(amount), 1));
    }
    let expected = ContractError::InvalidEstimate {
        days: 3_651,
        max: 3_650,
    };
    s.rejected(expected, |s| s.auction.bid(&a, id, u(100), 3_651));
    s.rejected(ContractError::TaskNotFound { task_id: 9 }, |s| {
        s.auction.bid(&a, 9, u(100), 1)
    });
    let expected = ContractError::NoBid {
        task_id: id,
        bidder: a.clone(),
    };
    s.rejected(expected, |s| s.auction.withdraw_bid(&a, id));
    // funds where none are taken
    s.app
        .borrow_mut()
        .init_modules(|router, _, storage| router.bank.init_balance(storage, &a, coins(5, "ucosm")))
        .unwrap();
    let expected = ContractError::Payment(cw_utils::PaymentError::NonPayable {});
    let msg = ExecuteMsg::PlaceBid {
        task_id: id,
        amount: u(100),
        estimated_days: 1,
    };
    s.rejected(expected, |s| {
        s.auction.execute_with_funds(&a, &msg, &coins(5, "ucosm"))
    });
    // at and after the deadline
    s.auction.bid(&a, id, u(100), 1).unwrap();
    s.advance(86_400);
    let deadline = s.task(id).auction_deadline.unwrap();
    let expected = ContractError::AuctionTiming {
        task_id: id,
        deadline,
        reason: "bidding is closed".into(),
    };
    let b = s.b.clone();
    s.rejected(expected, |s| s.auction.bid(&b, id, u(100), 1));
    let expected = ContractError::AuctionTiming {
        task_id: id,
        deadline,
        reason: "withdrawing a bid is closed".into(),
    };
    s.rejected(expected, |s| s.auction.withdraw_bid(&a, id));
    // a task without auction takes no bid; a claimed one no claim
    let open = s.post(100, &[], None);
    s.rejected(status(open, TaskStatus::Open, "bidding"), |s| {
        s.auction.bid(&a, open, u(50), 1)
    });
    s.auction.claim(&a, open).unwrap();
    s.rejected(status(open, TaskStatus::Assigned, "claim"), |s| {
        s.auction.claim(&b, open)
    });
}

#[test]
fn the_bid_cap_holds() {
    let mut s = Suite::new();
    let owner = s.owner.clone();
    s.auction
        .execute(
            &owner,
            &ExecuteMsg::UpdateConfig {
                add_tokens: vec![],
                remove_tokens: vec![],
                tax_bps: None,
                reputation_points_per_tag: None,
                max_bids_per_task: Some(2),
                acceptance_timeout_seconds: None,
            },
        )
        .unwrap();
    let id = s.post(500, &[], Some(1));
    let (a, b, c) = (s.a.clone(), s.b.clone(), s.c.clone());
    s.auction.bid(&a, id, u(100), 1).unwrap();
    s.auction.bid(&b, id, u(100), 1).unwrap();
    s.rejected(
        ContractError::TooManyBids {
            task_id: id,
            max: 2,
        },
        |s| s.auction.bid(&c, id, u(100), 1),
    );
    // replacing a bid is not a new one
    s.auction.bid(&a, id, u(90), 1).unwrap();
}

#[test]
fn settling_out_of_turn_or_by_the_wrong_caller_and_never_twice() {
    let mut s = Suite::new();
    let id = s.post(1_000, &["x"], Some(1));
    let (a, b, creator, stranger) = (
        s.a.clone(),
        s.b.clone(),
        s.creator.clone(),
        s.stranger.clone(),
    );
    s.auction.bid(&a, id, u(800), 3).unwrap();
    s.rejected(status(id, TaskStatus::Auction, "delivery"), |s| {
        s.auction.deliver(&a, id)
    });
    s.rejected(status(id, TaskStatus::Auction, "acceptance"), |s| {
        s.auction.accept(&creator, id)
    });
    s.rejected(status(id, TaskStatus::Auction, "reclaim"), |s| {
        s.auction.reclaim(&creator, id)
    });
    let expected = ContractError::Unauthorized {
        task_id: id,
        sender: stranger.clone(),
        operation: "cancel".into(),
    };
    s.rejected(expected, |s| s.auction.cancel(&stranger, id));
    s.advance(86_400);
    s.auction.close_auction(&stranger, id).unwrap();
    s.rejected(
        status(id, TaskStatus::Assigned, "closing the auction"),
        |s| s.auction.close_auction(&stranger, id),
    );
    s.rejected(status(id, TaskStatus::Assigned, "cancel"), |s| {
        s.auction.cancel(&creator, id)
    });
    let expected = ContractError::Unauthorized {
        task_id: id,
        sender: b.clone(),
        operation: "deliver".into(),
    };
    s.rejected(expected, |s| s.auction.deliver(&b, id));
    let deadline = s.task(id).delivery_deadline;
    let expected = ContractError::DeliveryTiming {
        task_id: id,
        deadline,
        reason: "it has not passed".into(),
    };
    s.rejected(expected, |s| s.auction.reclaim(&creator, id));
    s.auction.deliver(&a, id).unwrap();
    let expected = ContractError::Unauthorized {
        task_id: id,
        sender: stranger.clone(),
        operation: "accept (before the acceptance timeout)".into(),
    };
    s.rejected(expected, |s| s.auction.accept(&stranger, id));
    // the assignee cannot accept its own work either
    let expected = ContractError::Unauthorized {
        task_id: id,
        sender: a.clone(),
        operation: "accept (before the acceptance timeout)".into(),
    };
    s.rejected(expected, |s| s.auction.accept(&a, id));
    s.auction.accept(&creator, id).unwrap();
    for (what, res) in [("acceptance", 0), ("reclaim", 1), ("cancel", 2)] {
        let expected = status(id, TaskStatus::Completed, what);
        s.rejected(expected, |s| match res {
            0 => s.auction.accept(&creator, id),
            1 => s.auction.reclaim(&creator, id),
            _ => s.auction.cancel(&creator, id),
        });
    }
}

#[test]
fn only_the_owner_configures_within_bounds() {
    let mut s = Suite::new();
    let (stranger, owner) = (s.stranger.clone(), s.owner.clone());
    let update = |tax_bps: Option<u16>, max_bids: Option<u32>| ExecuteMsg::UpdateConfig {
        add_tokens: vec![],
        remove_tokens: vec![],
        tax_bps,
        reputation_points_per_tag: None,
        max_bids_per_task: max_bids,
        acceptance_timeout_seconds: None,
    };
    let msg = update(Some(100), None);
    s.rejected(ContractError::Ownership(OwnershipError::NotOwner), |s| {
        s.auction.execute(&stranger, &msg)
    });
    let msg = update(Some(1_001), None);
    let expected = ContractError::InvalidBound {
        field: "tax_bps".into(),
        value: 1_001,
        min: 0,
        max: 1_000,
    };
    s.rejected(expected, |s| s.auction.execute(&owner, &msg));
    let msg = update(None, Some(0));
    let expected = ContractError::InvalidBound {
        field: "max_bids_per_task".into(),
        value: 0,
        min: 1,
        max: 10_000,
    };
    s.rejected(expected, |s| s.auction.execute(&owner, &msg));
}
