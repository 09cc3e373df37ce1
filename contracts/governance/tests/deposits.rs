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

/// The held deposits of `s`'s GEN, base units (0 when none is held).
fn held_gen(s: &Suite) -> u128 {
    let held = s.gov.held_deposits().expect("governance answers");
    assert!(held.iter().all(|d| d.token == s.gen.addr), "{held:?}");
    held.iter().map(|d| d.amount.u128()).sum()
}

#[test]
fn a_proposal_cannot_spend_the_deposits_held_for_other_proposals() {
    let s = Suite::new();
    let (bob, eve, gov) = (s.bob.clone(), s.eve.clone(), s.gov.addr.clone());
    // bob's proposal stays open: governance holds its deposit
    s.propose(&bob, vec![s.ping_msg()]).unwrap();
    assert_eq!(held_gen(&s), DEPOSIT);
    // alice's proposal sends eve governance's reserve AND bob's deposit
    let id = s.pass(vec![s.gen_transfer(&eve, RESERVE + DEPOSIT)]);
    assert_eq!(held_gen(&s), 2 * DEPOSIT);
    assert_eq!(s.gen_balance(&gov), RESERVE + 2 * DEPOSIT);

    // Execute succeeds as a transaction (alice's deposit is refunded), but the dispatch is
    // reverted by its closing VerifyHeldDeposits: eve gets nothing
    s.gov.execute_proposal(&eve, id).unwrap();
    assert_eq!(s.gen_balance(&eve), START);
    assert_eq!(s.gen_balance(&gov), RESERVE + DEPOSIT);
    assert_eq!(held_gen(&s), DEPOSIT);
    let attempts = s.gov.execution_attempts(id).unwrap();
    assert_eq!(attempts.len(), 1);
    // (multi-test keeps the outer context of the error; the check's own error is asserted in
    // `verify_held_deposits_refuses_a_balance_below_the_deposits_held`)
    assert!(attempts[0].error.is_some());
    assert_eq!(s.gov.proposal(id).unwrap().status, ProposalStatus::Passed);

    // spending only governance's own reserve is fine
    s.pass_and_execute(vec![s.gen_transfer(&eve, RESERVE)]);
    assert_eq!(s.gen_balance(&eve), START + RESERVE);
    assert_eq!(s.gen_balance(&gov), DEPOSIT);
    assert_eq!(held_gen(&s), DEPOSIT);
}

#[test]
fn held_deposits_follow_every_path_that_holds_or_releases_one() {
    let s = Suite::new();
    let (alice, bob, eve, gov) = (
        s.alice.clone(),
        s.bob.clone(),
        s.eve.clone(),
        s.gov.addr.clone(),
    );
    assert!(s.gov.held_deposits().unwrap().is_empty());
    // executed: refunded at Execute
    s.pass_and_execute(vec![s.ping_msg()]);
    assert!(
        s.gov.held_deposits().unwrap().is_empty(),
        "a zero entry is removed"
    );
    // vetoed: forfeited at Close
    let vetoed = s.propose(&alice, vec![s.ping_msg()]).unwrap();
    s.gov.vote(&alice, vetoed, VoteOption::Yes).unwrap();
    s.gov.vote(&bob, vetoed, VoteOption::NoWithVeto).unwrap();
    // rejected with quorum: refunded at Close
    let rejected = s.propose(&bob, vec![s.ping_msg()]).unwrap();
    s.gov.vote(&alice, rejected, VoteOption::No).unwrap();
    s.gov.vote(&bob, rejected, VoteOption::No).unwrap();
    assert_eq!(held_gen(&s), 2 * DEPOSIT);
    let end = s.gov.proposal(rejected).unwrap().end_time;
    s.advance_to(end);
    s.gov.close(&eve, vetoed).unwrap();
    assert_eq!(held_gen(&s), DEPOSIT);
    s.gov.close(&eve, rejected).unwrap();
    assert_eq!(held_gen(&s), 0);
    assert_eq!(s.gen_balance(&gov), RESERVE);
}

#[test]
fn only_governance_itself_verifies_the_held_deposits() {
    let mut s = Suite::new();
    let (alice, eve) = (s.alice.clone(), s.eve.clone());
    s.propose(&alice, vec![s.ping_msg()]).unwrap();
    s.assert_rejected(
        ContractError::Unauthorized {
            sender: eve.to_string(),
            action: "verify_held_deposits".into(),
        },
        |s| s.gov.execute(&eve, &ExecuteMsg::VerifyHeldDeposits {}),
    );
}

#[test]
fn verify_held_deposits_refuses_a_balance_below_the_deposits_held() {
    let mut s = Suite::new();
    let (alice, eve, gov) = (s.alice.clone(), s.eve.clone(), s.gov.addr.clone());
    s.propose(&alice, vec![s.ping_msg()]).unwrap();
    // with the reserve and the deposit, governance's balance covers what it holds
    s.gov
        .execute(&gov, &ExecuteMsg::VerifyHeldDeposits {})
        .unwrap();
    // what a proposal's messages could do: governance's GEN leaves, down to 1 below the deposit
    s.gen.transfer(&gov, &eve, u(RESERVE + 1)).unwrap();
    s.assert_rejected(
        ContractError::HeldDepositsSpent {
            token: s.gen.addr.to_string(),
            held: u(DEPOSIT),
            balance: u(DEPOSIT - 1),
        },
        |s| s.gov.execute(&gov, &ExecuteMsg::VerifyHeldDeposits {}),
    );
}
