//! Migration: the shared guard (same contract, never a downgrade), and state of the previous
//! version (a config without the guardian budget and the execution-failure flag, proposal
//! records without attempts) reads the documented defaults.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::StdError;
use cw_multi_test::Executor;
use poe_governance::msg::{
    MigrateMsg, DEFAULT_GUARDIAN_PAUSE_BUDGET_SECONDS, DEFAULT_GUARDIAN_WINDOW_SECONDS,
};

/// The raw key of proposal `id` (`Map<u64, _>` under "p").
fn proposal_key(id: u64) -> Vec<u8> {
    let mut key = vec![0, 1, b'p'];
    key.extend_from_slice(&id.to_be_bytes());
    key
}

/// `json` without `"field":value` (a value without commas or braces).
fn strip(json: &str, field: &str) -> String {
    let start = json.find(&format!(",\"{field}\":")).expect("field present");
    let rest = &json[start + 1..];
    let end = rest.find([',', '}']).expect("value ends");
    format!("{}{}", &json[..start], &rest[end..])
}

#[test]
fn state_of_the_previous_version_migrates_with_the_defaults() {
    let s = Suite::new();
    let (alice, gov, admin, code) = (
        s.alice.clone(),
        s.gov.addr.clone(),
        s.admin.clone(),
        s.gov_code,
    );
    let id = s.propose(&alice, vec![]).unwrap();
    {
        let mut app = s.app.borrow_mut();
        let mut storage = app.contract_storage_mut(&gov);
        // the previous version's config and proposal record, and its cw2 version
        let mut config = String::from_utf8(storage.get(b"c").unwrap()).unwrap();
        for field in [
            "guardian_pause_budget_seconds",
            "guardian_window_seconds",
            "close_proposal_on_execution_failure",
        ] {
            config = strip(&config, field);
        }
        storage.set(b"c", config.as_bytes());
        let mut record = String::from_utf8(storage.get(&proposal_key(id)).unwrap()).unwrap();
        for field in ["execution_attempts", "close_on_execution_failure"] {
            record = strip(&record, field);
        }
        assert!(!record.contains("execution_attempts"));
        storage.set(&proposal_key(id), record.as_bytes());
        cw2::set_contract_version(storage.as_mut(), poe_governance::CONTRACT_NAME, "0.0.1")
            .unwrap();
    }
    let res = s
        .app
        .borrow_mut()
        .migrate_contract(admin, gov.clone(), &MigrateMsg {}, code)
        .unwrap();
    assert_eq!(
        wasm_attrs(&res, &gov),
        attrs(&[
            ("action", "migrate"),
            ("from_version", "0.0.1"),
            ("to_version", poe_governance::CONTRACT_VERSION),
        ])
    );
    let c = s.gov.config().unwrap();
    assert_eq!(
        (
            c.guardian_pause_budget_seconds,
            c.guardian_window_seconds,
            c.close_proposal_on_execution_failure
        ),
        (
            DEFAULT_GUARDIAN_PAUSE_BUDGET_SECONDS,
            DEFAULT_GUARDIAN_WINDOW_SECONDS,
            false
        )
    );
    // written back with the new fields
    let stored =
        String::from_utf8(s.app.borrow().contract_storage(&gov).get(b"c").unwrap()).unwrap();
    assert!(stored.contains("guardian_window_seconds"));
    let p = s.gov.proposal(id).unwrap();
    assert_eq!(
        (p.execution_attempts, p.close_on_execution_failure),
        (0, false)
    );
    // and the old proposal runs as any other
    let bob = s.bob.clone();
    s.gov.vote(&alice, id, VoteOption::Yes).unwrap();
    s.gov.vote(&bob, id, VoteOption::Yes).unwrap();
    s.advance_to(p.executable_at);
    s.gov.execute_proposal(&bob, id).unwrap();
    assert_eq!(s.gov.proposal(id).unwrap().execution_attempts, 1);
}

#[test]
fn migration_refuses_a_downgrade_and_changes_nothing() {
    let s = Suite::new();
    let (gov, admin, code) = (s.gov.addr.clone(), s.admin.clone(), s.gov_code);
    cw2::set_contract_version(
        s.app.borrow_mut().contract_storage_mut(&gov).as_mut(),
        poe_governance::CONTRACT_NAME,
        "99.0.0",
    )
    .unwrap();
    let before = s.app.borrow().dump_wasm_raw(&gov);
    let err = s
        .app
        .borrow_mut()
        .migrate_contract(admin, gov.clone(), &MigrateMsg {}, code)
        .unwrap_err();
    assert_eq!(
        contract_err(err),
        ContractError::Std(StdError::generic_err(format!(
            "Cannot migrate from newer version (99.0.0) to older ({})",
            poe_governance::CONTRACT_VERSION
        )))
    );
    assert_eq!(s.app.borrow().dump_wasm_raw(&gov), before);
}
