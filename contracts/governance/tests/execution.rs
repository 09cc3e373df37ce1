//! Execution that fails: the proposal ends `ExecutionFailed`, none of its messages takes effect,
//! the failure is recorded (not reverted), and it never runs again.

mod common;

use common::*;
use cosmwasm_std::Decimal;
use cw_multi_test::Executor;

#[test]
fn a_failing_message_ends_execution_failed_with_nothing_applied_and_no_replay() {
    let mut s = Suite::new();
    let (alice, eve, gov) = (s.alice.clone(), s.eve.clone(), s.gov.clone());
    // the config change is fine, the transfer is above the reserve: all or nothing
    let id = s.pass(vec![
        s.gov_msg(&ExecuteMsg::UpdateConfig(Box::new(ConfigUpdate {
            quorum: Some(Decimal::percent(50)),
            ..Default::default()
        }))),
        s.gen_transfer(&eve, RESERVE + 1),
    ]);
    let res = s.execute(&eve, id).unwrap();
    let attributes = wasm_attrs(&res, &gov);
    assert!(attributes.contains(&("action".to_string(), "execution_failed".to_string())));

    let p = s.proposal(id);
    assert_eq!(p.status, ProposalStatus::ExecutionFailed);
    assert!(p.execution_error.is_some());
    // nothing of the proposal happened...
    assert_eq!(s.config().quorum, Decimal::percent(30));
    assert_eq!(s.gen_balance(&eve), START);
    // ...but the deposit was refunded (the proposal passed)
    assert_eq!(s.gen_balance(&alice), START);
    assert_eq!(p.deposit_status, DepositStatus::Refunded);
    assert_eq!(s.gen_balance(&gov), RESERVE);

    // never again: not even once governance could pay
    let gen = s.gen.clone();
    s.app
        .execute_contract(
            eve.clone(),
            gen,
            &cw20::Cw20ExecuteMsg::Transfer {
                recipient: gov.to_string(),
                amount: u(1),
            },
            &[],
        )
        .unwrap();
    for msg in [
        ExecuteMsg::Execute { proposal_id: id },
        ExecuteMsg::Close { proposal_id: id },
    ] {
        let expected = match msg {
            ExecuteMsg::Execute { .. } => ContractError::NotExecutable {
                proposal_id: id,
                status: ProposalStatus::ExecutionFailed,
            },
            _ => ContractError::NotClosable {
                proposal_id: id,
                status: ProposalStatus::ExecutionFailed,
            },
        };
        s.assert_exec_rejected(&eve, &msg, expected);
    }
    s.advance(WINDOW * 2);
    assert_eq!(s.proposal(id).status, ProposalStatus::ExecutionFailed);
}

#[test]
fn a_proposal_that_executes_itself_fails_instead_of_replaying() {
    let mut s = Suite::new();
    let eve = s.eve.clone();
    // the proposal's only message executes proposal 1, itself
    let id = s.pass(vec![
        s.gen_transfer(&eve, 1_000_000),
        s.gov_msg(&ExecuteMsg::Execute { proposal_id: 1 }),
    ]);
    assert_eq!(id, 1);
    s.execute(&eve, id).unwrap();
    let p = s.proposal(id);
    assert_eq!(p.status, ProposalStatus::ExecutionFailed);
    let error = p.execution_error.expect("the error is kept");
    assert!(error.len() <= poe_governance::MAX_ERROR_BYTES);
    // the transfer before the re-entry was reverted with it
    assert_eq!(s.gen_balance(&eve), START);
}

#[test]
fn a_proposal_with_an_invalid_config_fails_and_keeps_the_config() {
    let mut s = Suite::new();
    let before = s.config();
    let id = s.pass_and_execute(vec![s.gov_msg(&ExecuteMsg::UpdateConfig(Box::new(
        ConfigUpdate {
            threshold: Some(Decimal::percent(40)),
            ..Default::default()
        },
    )))]);
    assert_eq!(s.proposal(id).status, ProposalStatus::ExecutionFailed);
    assert_eq!(s.config(), before);
}
