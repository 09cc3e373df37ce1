//! Bidders' bonds: posted with the first bid, returned on withdrawal, to the losers after the
//! close, to the winner with its payout, and to the creator when the winner misses the delivery
//! deadline; refusals with their exact error and nothing changed.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::Addr;

const BOND: u128 = 50;

fn post_bonded(s: &Suite, max_reward: u128) -> u64 {
    let now = s.now();
    let mut spec = task_spec(
        "bonded",
        &["audit"],
        Some(now.plus_seconds(DAY)),
        now.plus_seconds(10 * DAY),
    );
    spec.bid_bond = Some(u(BOND));
    s.auction
        .create_task(&s.flx, &s.creator, u(max_reward), spec)
        .unwrap();
    s.auction.config().unwrap().task_count
}

fn bond_bid(
    s: &Suite,
    who: &Addr,
    task_id: u64,
    amount: u128,
    days: u32,
    sent: u128,
) -> anyhow::Result<cw_multi_test::AppResponse> {
    s.flx.send_hook(
        who,
        &s.auction.addr,
        u(sent),
        &ReceiveMsg::PlaceBid {
            task_id,
            amount: u(amount),
            estimated_days: days,
        },
    )
}

fn escrow_held(s: &Suite) -> u128 {
    s.auction
        .totals()
        .unwrap()
        .escrow
        .iter()
        .map(|e| e.amount.u128())
        .sum()
}

#[test]
fn bonds_come_back_to_losers_and_winner_and_go_to_the_creator_on_a_default() {
    let s = Suite::new();
    let id = post_bonded(&s, 500);
    let start: Vec<u128> = [&s.a, &s.b, &s.c].iter().map(|w| s.flx_of(w)).collect();
    bond_bid(&s, &s.a, id, 450, 3, BOND).unwrap();
    bond_bid(&s, &s.b, id, 400, 5, BOND).unwrap();
    bond_bid(&s, &s.c, id, 480, 2, BOND).unwrap();
    assert_eq!(s.task(id).bonds_held, u(3 * BOND));
    assert_eq!(escrow_held(&s), 500 + 3 * BOND);
    // a replacement needs no new bond
    s.auction.bid(&s.a, id, u(440), 3).unwrap();
    assert_eq!(s.auction.bid_of(id, &s.a).unwrap().bond, u(BOND));
    // B withdraws: its bond comes back at once
    s.auction.withdraw_bid(&s.b, id).unwrap();
    assert_eq!(s.flx_of(&s.b), start[1]);
    s.advance(DAY);
    s.auction.close_auction(&s.stranger, id).unwrap();
    assert_eq!(s.task(id).assignee, Some(s.c.clone()));
    // A lost: it takes its bond back; C (the winner) cannot
    s.auction
        .execute(&s.a, &ExecuteMsg::ReleaseBond { task_id: id })
        .unwrap();
    assert_eq!(s.flx_of(&s.a), start[0]);
    s.auction.deliver(&s.c, id).unwrap();
    s.auction.accept(&s.creator, id).unwrap();
    // C: its bond back with 480 - 10 of tax
    assert_eq!(s.flx_of(&s.c), start[2] + 470);
    assert_eq!(escrow_held(&s), 0);
    assert_eq!(s.task(id).bonds_held, u(0));

    // a default: the winner never delivers; the creator takes the escrow and the bond
    let id = post_bonded(&s, 500);
    bond_bid(&s, &s.c, id, 300, 2, BOND).unwrap();
    s.advance(DAY);
    s.auction.close_auction(&s.stranger, id).unwrap();
    let creator = s.flx_of(&s.creator);
    s.advance(10 * DAY);
    s.auction.reclaim(&s.creator, id).unwrap();
    assert_eq!(s.flx_of(&s.creator), creator + 300 + BOND);
    assert_eq!(escrow_held(&s), 0);
}

#[test]
fn bond_refusals_change_nothing() {
    let mut s = Suite::new();
    let id = post_bonded(&s, 500);
    let (a, b, creator) = (s.a.clone(), s.b.clone(), s.creator.clone());
    // a plain first bid, a wrong amount, a bond on an unbonded task, a wrong token
    s.rejected(
        ContractError::BondRequired {
            task_id: id,
            bond: u(BOND),
        },
        |s| s.auction.bid(&a, id, u(100), 1),
    );
    let expected = ContractError::InvalidBond {
        task_id: id,
        reason: format!("the bond is {BOND}, 49 was sent"),
    };
    s.rejected(expected, |s| bond_bid(s, &a, id, 100, 1, 49));
    let plain = s.post(500, &[], Some(1));
    let expected = ContractError::InvalidBond {
        task_id: plain,
        reason: "the task asks for no bond: bid without sending tokens".into(),
    };
    s.rejected(expected, |s| bond_bid(s, &a, plain, 100, 1, BOND));
    let nex = s.nex.clone();
    let auction = s.auction.addr.clone();
    let expected = ContractError::InvalidBond {
        task_id: id,
        reason: format!("the bond is paid in {}, not {}", s.flx.addr, nex.addr),
    };
    s.rejected(expected, |_| {
        nex.send_hook(
            &a,
            &auction,
            u(BOND),
            &ReceiveMsg::PlaceBid {
                task_id: id,
                amount: u(100),
                estimated_days: 1,
            },
        )
    });
    // a second bond
    bond_bid(&s, &a, id, 100, 1, BOND).unwrap();
    let expected = ContractError::InvalidBond {
        task_id: id,
        reason: "the bond is posted already: replace the bid without sending tokens".into(),
    };
    s.rejected(expected, |s| bond_bid(s, &a, id, 90, 1, BOND));
    // releasing during the auction, without a bid, twice, or as the winner
    let msg = ExecuteMsg::ReleaseBond { task_id: id };
    let expected = ContractError::NoBond {
        task_id: id,
        bidder: a.clone(),
        reason: "the auction is open (withdraw the bid instead)".into(),
    };
    s.rejected(expected, |s| s.auction.execute(&a, &msg));
    bond_bid(&s, &b, id, 480, 1, BOND).unwrap();
    s.advance(DAY);
    s.auction.close_auction(&creator, id).unwrap();
    let winner = s.task(id).assignee.unwrap();
    assert_eq!(winner, a);
    let expected = ContractError::NoBond {
        task_id: id,
        bidder: a.clone(),
        reason: "the winner's bond is returned with its payout".into(),
    };
    s.rejected(expected, |s| s.auction.execute(&a, &msg));
    s.auction.execute(&b, &msg).unwrap();
    let expected = ContractError::NoBond {
        task_id: id,
        bidder: b.clone(),
        reason: "none is held".into(),
    };
    s.rejected(expected, |s| s.auction.execute(&b, &msg));
    let stranger = s.stranger.clone();
    let expected = ContractError::NoBid {
        task_id: id,
        bidder: stranger.clone(),
    };
    s.rejected(expected, |s| s.auction.execute(&stranger, &msg));
    // a bond only with an auction
    let flx = s.flx.clone();
    let mut spec = task_spec("x", &[], None, s.now().plus_seconds(DAY));
    spec.bid_bond = Some(u(1));
    let expected = ContractError::InvalidTask {
        reason: "a bid bond is above 0 and only for an auction (not a team task)".into(),
    };
    s.rejected(expected, |s| {
        s.auction.create_task(&flx, &creator, u(10), spec)
    });
}
