//! Deposits: forfeited to the treasury when vetoed or without quorum; refunded when a passed
//! proposal expires unexecuted (and when rejected with quorum, or executed: see lifecycle.rs).
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use poe_treasury::msg::AssetBalanceResponse;

fn treasury_gen(s: &Suite) -> AssetBalanceResponse {
    s.treasury
        .balance(TreasuryHandle::cw20(&s.gen.addr))
        .expect("treasury answers")
}

#[test]
fn a_vetoed_proposal_forfeits_its_deposit_to_the_treasury() {
    let mut s = Suite::new();
    let (alice, bob, eve, gov, treasury) = (
        s.alice.clone(),
        s.bob.clone(),
        s.eve.clone(),
        s.gov.addr.clone(),
        s.treasury.addr.clone(),
    );
    let id = s
        .propose(&alice, vec![s.gen_transfer(&alice, RESERVE)])
        .unwrap();
    // 300 / 700 = 42.9 % no_with_veto >= 33.4 %
    s.gov.vote(&alice, id, VoteOption::Yes).unwrap();
    s.gov.vote(&bob, id, VoteOption::NoWithVeto).unwrap();
    let p = s.gov.proposal(id).unwrap();
    s.advance_to(p.executable_at);
    assert_eq!(s.gov.proposal(id).unwrap().status, ProposalStatus::Vetoed);
    s.assert_rejected(
        ContractError::NotExecutable {
            proposal_id: id,
            status: ProposalStatus::Vetoed,
        },
        |s| s.gov.execute_proposal(&eve, id),
    );

    let res = s.gov.close(&eve, id).unwrap();
    assert_eq!(
        wasm_attrs(&res, &gov)[..6],
        attrs(&[
            ("action", "close_proposal"),
            ("proposal_id", "1"),
            ("status", "vetoed"),
            ("deposit", "forfeited"),
            ("amount", "1000000"),
            ("recipient", treasury.as_str()),
        ])[..]
    );
    assert_eq!(s.gen_balance(&treasury), DEPOSIT);
    assert_eq!(s.gen_balance(&alice), START - DEPOSIT);
    assert_eq!(s.gen_balance(&gov), RESERVE);
    // the treasury's ledger recorded it (Send + Deposit hook)
    let ledger = treasury_gen(&s);
    assert_eq!(ledger.total_received, u(DEPOSIT));
    let p = s.gov.proposal(id).unwrap();
    assert_eq!(p.status, ProposalStatus::Vetoed);
    assert_eq!(p.deposit_status, DepositStatus::Forfeited);
    s.assert_rejected(
        ContractError::NotClosable {
            proposal_id: id,
            status: ProposalStatus::Vetoed,
        },
        |s| s.gov.close(&eve, id),
    );
}

#[test]
fn without_quorum_the_deposit_is_forfeited() {
    let s = Suite::new();
    let (dave, treasury) = (s.dave.clone(), s.treasury.addr.clone());
    let id = s.propose(&dave, vec![]).unwrap();
    // 100 of 1,000 = 10 % < 30 %, although 100 % yes
    s.gov.vote(&dave, id, VoteOption::Yes).unwrap();
    let end = s.gov.proposal(id).unwrap().end_time;
    s.advance_to(end);
    let p = s.gov.proposal(id).unwrap();
    assert_eq!(p.status, ProposalStatus::Rejected);
    assert!(!p.quorum_reached);
    s.gov.close(&dave, id).unwrap();
    assert_eq!(s.gen_balance(&treasury), DEPOSIT);
    assert_eq!(s.gen_balance(&dave), START - DEPOSIT);
    assert_eq!(
        s.gov.proposal(id).unwrap().deposit_status,
        DepositStatus::Forfeited
    );
}

#[test]
fn an_expired_proposal_is_refunded_on_close_and_never_runs() {
    let mut s = Suite::new();
    let (alice, eve, gov) = (s.alice.clone(), s.eve.clone(), s.gov.addr.clone());
    let id = s.pass(vec![s.gen_transfer(&eve, 1_000_000)]);
    let p = s.gov.proposal(id).unwrap();
    // still passed at the last second of the window: not closable
    s.advance_to(p.expires_at.minus_seconds(1));
    assert_eq!(s.gov.proposal(id).unwrap().status, ProposalStatus::Passed);
    s.assert_rejected(
        ContractError::NotClosable {
            proposal_id: id,
            status: ProposalStatus::Passed,
        },
        |s| s.gov.close(&eve, id),
    );
    s.advance_to(p.expires_at);
    assert_eq!(s.gov.proposal(id).unwrap().status, ProposalStatus::Expired);
    s.assert_rejected(
        ContractError::NotExecutable {
            proposal_id: id,
            status: ProposalStatus::Expired,
        },
        |s| s.gov.execute_proposal(&eve, id),
    );
    s.gov.close(&eve, id).unwrap();
    assert_eq!(s.gen_balance(&alice), START);
    assert_eq!(s.gen_balance(&eve), START);
    assert_eq!(s.gen_balance(&gov), RESERVE);
    let p = s.gov.proposal(id).unwrap();
    assert_eq!(p.status, ProposalStatus::Expired);
    assert_eq!(p.deposit_status, DepositStatus::Refunded);
    s.assert_rejected(
        ContractError::NotExecutable {
            proposal_id: id,
            status: ProposalStatus::Expired,
        },
        |s| s.gov.execute_proposal(&eve, id),
    );
}
