//! Execution that fails: none of the proposal's messages takes effect, the failed attempt is
//! recorded (not reverted), and the proposal stays executable until it expires, so a caller who
//! executes it at a bad moment cannot end it for good. It never runs twice: once executed it is
//! final. Under `close_proposal_on_execution_failure` (DAO DAO's behaviour) a failure is final.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::Decimal;

/// A failed attempt as the attempts query shows it.
fn failed(attempt: &ExecutionAttempt) -> bool {
    attempt.error.is_some()
}

#[test]
fn a_failed_execution_can_be_retried_until_it_succeeds_then_never_again() {
    let mut s = Suite::new();
    let (alice, eve, carol, gov) = (
        s.alice.clone(),
        s.eve.clone(),
        s.carol.clone(),
        s.gov.addr.clone(),
    );
    // the config change is fine, the ping is refused while the target's gate is closed: all or
    // nothing
    let id = s.pass(vec![
        s.gov_msg(&ExecuteMsg::UpdateConfig(Box::new(ConfigUpdate {
            quorum: Some(Decimal::percent(50)),
            ..Default::default()
        }))),
        s.ping_msg(),
    ]);
    let (h1, t1) = (s.height(), s.now());
    let res = s.gov.execute_proposal(&eve, id).unwrap();
    let attributes = wasm_attrs(&res, &gov);
    assert!(attributes.contains(&("action".to_string(), "execution_failed".to_string())));
    assert!(attributes.contains(&("attempt".to_string(), "1".to_string())));
    assert!(attributes.contains(&("reopened".to_string(), "true".to_string())));

    let p = s.gov.proposal(id).unwrap();
    // still executable: `passed`, with the failure recorded
    assert_eq!(p.status, ProposalStatus::Passed);
    assert_eq!(p.execution_attempts, 1);
    // (multi-test keeps the outer context of the error; wasmd redacts it to a code)
    let error = p.execution_error.clone().expect("the error is kept");
    assert!(!error.is_empty() && error.len() <= poe_governance::MAX_ERROR_BYTES);
    // nothing of the proposal happened...
    assert_eq!(s.gov.config().unwrap().quorum, Decimal::percent(30));
    assert_eq!(s.target_pings(), 0);
    // ...but the deposit was refunded (the proposal passed), once
    assert_eq!(s.gen_balance(&alice), START);
    assert_eq!(p.deposit_status, DepositStatus::Refunded);
    assert_eq!(s.gen_balance(&gov), RESERVE);

    // a second failure, later, by someone else
    s.advance(600);
    let (h2, t2) = (s.height(), s.now());
    s.gov.execute_proposal(&carol, id).unwrap();
    assert_eq!(s.gov.proposal(id).unwrap().status, ProposalStatus::Passed);

    // the condition changes: the next attempt succeeds
    s.set_target_open(true);
    s.advance(600);
    let (h3, t3) = (s.height(), s.now());
    let res = s.gov.execute_proposal(&eve, id).unwrap();
    assert_eq!(
        wasm_attrs(&res, &gov)
            .into_iter()
            .filter(|(k, _)| k == "action")
            .map(|(_, v)| v)
            .collect::<Vec<_>>(),
        vec![
            "execute_proposal",
            "dispatch",
            "update_config",
            "verify_held_deposits"
        ]
    );
    let p = s.gov.proposal(id).unwrap();
    assert_eq!(p.status, ProposalStatus::Executed);
    assert_eq!(p.execution_attempts, 3);
    assert_eq!(p.execution_error, None);
    assert_eq!(s.gov.config().unwrap().quorum, Decimal::percent(50));
    assert_eq!(s.target_pings(), 1);
    // the deposit was not refunded a second time
    assert_eq!(s.gen_balance(&alice), START);
    assert_eq!(s.gen_balance(&gov), RESERVE);

    // every attempt is recorded: number, block, caller, error
    let attempts = s.gov.execution_attempts(id).unwrap();
    assert_eq!(
        attempts
            .iter()
            .map(|a| (a.attempt, a.height, a.time, a.executor.clone(), failed(a)))
            .collect::<Vec<_>>(),
        vec![
            (1, h1, t1, eve.clone(), true),
            (2, h2, t2, carol.clone(), true),
            (3, h3, t3, eve.clone(), false),
        ]
    );
    assert_eq!(attempts[0].error, Some(error));

    // never twice
    s.assert_exec_rejected(
        &eve,
        &ExecuteMsg::Execute { proposal_id: id },
        ContractError::NotExecutable {
            proposal_id: id,
            status: ProposalStatus::Executed,
        },
    );
    s.assert_exec_rejected(
        &eve,
        &ExecuteMsg::Close { proposal_id: id },
        ContractError::NotClosable {
            proposal_id: id,
            status: ProposalStatus::Executed,
        },
    );
    s.advance(WINDOW * 2);
    assert_eq!(s.gov.proposal(id).unwrap().status, ProposalStatus::Executed);
}

#[test]
fn a_griefer_sandwiching_the_execution_only_records_a_failed_attempt() {
    let s = Suite::new();
    let (mallory, bob, gov, target) = (
        s.eve.clone(),
        s.bob.clone(),
        s.gov.addr.clone(),
        s.target.clone(),
    );
    s.set_target_open(true);
    let id = s.pass(vec![s.ping_msg()]);
    // one transaction: close the gate (a swap moving the pool), execute, reopen it (swap back)
    let gate =
        |open: bool| -> cosmwasm_std::CosmosMsg { wasm(&target, &TargetOther::SetOpen { open }) };
    s.app
        .borrow_mut()
        .execute_multi(
            mallory.clone(),
            vec![
                gate(false),
                wasm(&gov, &ExecuteMsg::Execute { proposal_id: id }),
                gate(true),
            ],
        )
        .unwrap();
    let p = s.gov.proposal(id).unwrap();
    assert_eq!(
        (p.status, p.execution_attempts),
        (ProposalStatus::Passed, 1)
    );
    assert_eq!(s.target_pings(), 0);
    // anyone executes it afterwards
    s.gov.execute_proposal(&bob, id).unwrap();
    assert_eq!(s.gov.proposal(id).unwrap().status, ProposalStatus::Executed);
    assert_eq!(s.target_pings(), 1);
    assert_eq!(
        s.gov
            .execution_attempts(id)
            .unwrap()
            .iter()
            .map(failed)
            .collect::<Vec<_>>(),
        vec![true, false]
    );
}

#[test]
fn after_expiry_a_failed_proposal_cannot_run_and_its_close_pays_nothing_twice() {
    let mut s = Suite::new();
    let (alice, eve, gov, treasury) = (
        s.alice.clone(),
        s.eve.clone(),
        s.gov.addr.clone(),
        s.treasury.addr.clone(),
    );
    let id = s.pass(vec![s.ping_msg()]);
    s.gov.execute_proposal(&eve, id).unwrap();
    let expires_at = s.gov.proposal(id).unwrap().expires_at;
    s.advance_to(expires_at.minus_seconds(1));
    s.gov.execute_proposal(&eve, id).unwrap();
    assert_eq!(s.gov.proposal(id).unwrap().execution_attempts, 2);
    s.set_target_open(true);
    s.advance_to(expires_at);
    assert_eq!(s.gov.proposal(id).unwrap().status, ProposalStatus::Expired);
    s.assert_exec_rejected(
        &eve,
        &ExecuteMsg::Execute { proposal_id: id },
        ContractError::NotExecutable {
            proposal_id: id,
            status: ProposalStatus::Expired,
        },
    );
    assert_eq!(s.target_pings(), 0);
    // the deposit went back with the first attempt: closing pays nothing more
    assert_eq!(s.gen_balance(&alice), START);
    let res = s.gov.close(&eve, id).unwrap();
    assert_eq!(
        wasm_attrs(&res, &gov),
        attrs(&[
            ("action", "close_proposal"),
            ("proposal_id", "1"),
            ("status", "expired"),
            ("deposit", "already_refunded"),
            ("amount", "0"),
            ("recipient", alice.as_str()),
        ])
    );
    assert_eq!(s.gen_balance(&alice), START);
    assert_eq!(s.gen_balance(&gov), RESERVE);
    assert_eq!(s.gen_balance(&treasury), 0);
    let p = s.gov.proposal(id).unwrap();
    assert_eq!(
        (p.status, p.deposit_status),
        (ProposalStatus::Expired, DepositStatus::Refunded)
    );
    assert_eq!(s.gov.execution_attempts(id).unwrap().len(), 2);
    s.assert_exec_rejected(
        &eve,
        &ExecuteMsg::Close { proposal_id: id },
        ContractError::NotClosable {
            proposal_id: id,
            status: ProposalStatus::Expired,
        },
    );
}

#[test]
fn under_close_on_failure_a_failed_execution_is_final() {
    let mut s = Suite::with_config(|m| m.close_proposal_on_execution_failure = Some(true));
    let (alice, eve, gov) = (s.alice.clone(), s.eve.clone(), s.gov.addr.clone());
    assert!(s.gov.config().unwrap().close_proposal_on_execution_failure);
    let id = s.pass(vec![s.gen_transfer(&eve, RESERVE + 1)]);
    let res = s.gov.execute_proposal(&eve, id).unwrap();
    assert!(wasm_attrs(&res, &gov).contains(&("reopened".to_string(), "false".to_string())));
    let p = s.gov.proposal(id).unwrap();
    assert_eq!(p.status, ProposalStatus::ExecutionFailed);
    assert!(p.close_on_execution_failure);
    assert!(p.execution_error.is_some());
    assert_eq!(s.gen_balance(&eve), START);
    assert_eq!(s.gen_balance(&alice), START);
    // never again: not even once governance could pay
    s.gen.transfer(&alice, &gov, u(1)).unwrap();
    s.assert_exec_rejected(
        &eve,
        &ExecuteMsg::Execute { proposal_id: id },
        ContractError::NotExecutable {
            proposal_id: id,
            status: ProposalStatus::ExecutionFailed,
        },
    );
    s.assert_exec_rejected(
        &eve,
        &ExecuteMsg::Close { proposal_id: id },
        ContractError::NotClosable {
            proposal_id: id,
            status: ProposalStatus::ExecutionFailed,
        },
    );
    s.advance(WINDOW * 2);
    assert_eq!(
        s.gov.proposal(id).unwrap().status,
        ProposalStatus::ExecutionFailed
    );
    assert_eq!(s.gov.execution_attempts(id).unwrap().len(), 1);
}

#[test]
fn the_flag_is_kept_per_proposal() {
    let s = Suite::new();
    let eve = s.eve.clone();
    // a proposal made before the flag is switched on keeps retrying
    let (alice, bob) = (s.alice.clone(), s.bob.clone());
    let old = s.propose(&alice, vec![s.ping_msg()]).unwrap();
    s.gov.vote(&alice, old, VoteOption::Yes).unwrap();
    s.gov.vote(&bob, old, VoteOption::Yes).unwrap();
    s.pass_and_execute(vec![s.gov_msg(&ExecuteMsg::UpdateConfig(Box::new(
        ConfigUpdate {
            close_proposal_on_execution_failure: Some(true),
            ..Default::default()
        },
    )))]);
    assert!(s.gov.config().unwrap().close_proposal_on_execution_failure);
    s.gov.execute_proposal(&eve, old).unwrap();
    let p = s.gov.proposal(old).unwrap();
    assert!(!p.close_on_execution_failure);
    assert_eq!(p.status, ProposalStatus::Passed);
}

#[test]
fn a_proposal_that_executes_itself_fails_instead_of_replaying() {
    let s = Suite::new();
    let eve = s.eve.clone();
    // the proposal's second message executes proposal 1, itself, while it is in flight
    let id = s.pass(vec![
        s.gen_transfer(&eve, 1_000_000),
        s.gov_msg(&ExecuteMsg::Execute { proposal_id: 1 }),
    ]);
    assert_eq!(id, 1);
    s.gov.execute_proposal(&eve, id).unwrap();
    let p = s.gov.proposal(id).unwrap();
    assert_eq!(
        (p.status, p.execution_attempts),
        (ProposalStatus::Passed, 1)
    );
    let error = p.execution_error.expect("the error is kept");
    assert!(error.len() <= poe_governance::MAX_ERROR_BYTES);
    // the transfer before the re-entry was reverted with it
    assert_eq!(s.gen_balance(&eve), START);
    // and so it is every time
    s.gov.execute_proposal(&eve, id).unwrap();
    assert_eq!(s.gen_balance(&eve), START);
    assert_eq!(
        s.gov
            .execution_attempts(id)
            .unwrap()
            .iter()
            .filter(|a| failed(a))
            .count(),
        2
    );
}

#[test]
fn a_proposal_with_an_invalid_config_fails_and_keeps_the_config() {
    let s = Suite::new();
    let before = s.gov.config().unwrap();
    let id = s.pass_and_execute(vec![s.gov_msg(&ExecuteMsg::UpdateConfig(Box::new(
        ConfigUpdate {
            threshold: Some(Decimal::percent(40)),
            ..Default::default()
        },
    )))]);
    let p = s.gov.proposal(id).unwrap();
    assert_eq!(
        (p.status, p.execution_attempts),
        (ProposalStatus::Passed, 1)
    );
    assert_eq!(s.gov.config().unwrap(), before);
}

#[test]
fn dispatch_of_a_text_proposal_records_one_successful_attempt() {
    let s = Suite::new();
    let id = s.pass_and_execute(vec![]);
    let p = s.gov.proposal(id).unwrap();
    assert_eq!(
        (p.status, p.execution_attempts),
        (ProposalStatus::Executed, 1)
    );
    assert_eq!(
        s.gov
            .execution_attempts(id)
            .unwrap()
            .iter()
            .map(failed)
            .collect::<Vec<_>>(),
        vec![false]
    );
}
