//! The owner role (cw-ownable two-step transfer) and migration.
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
use cw_ownable::{Action, OwnershipError};
use cw_utils::Expiration;
use poe_token::msg::MigrateMsg;

/// `admin` migrates the token to the suite's code.
fn migrate(s: &Suite) -> anyhow::Result<cw_multi_test::AppResponse> {
    s.app.borrow_mut().migrate_contract(
        s.admin.clone(),
        s.token.addr.clone(),
        &MigrateMsg {},
        s.code_id,
    )
}

/// Overwrites the token's stored cw2 version with `version` (of the token's own contract name).
fn pretend_version(s: &Suite, version: &str) {
    let mut app = s.app.borrow_mut();
    let mut storage = app.contract_storage_mut(&s.token.addr);
    cw2::set_contract_version(storage.as_mut(), poe_token::CONTRACT_NAME, version).unwrap();
}

#[test]
fn instantiation_sets_owner_and_version() {
    let s = Suite::new(0);
    assert_eq!(
        s.token.ownership().unwrap().owner,
        Some(s.owner.to_string())
    );
    let version = cw2::query_contract_info(&s.app.borrow().wrap(), &s.token.addr).unwrap();
    assert_eq!(version.contract, poe_token::CONTRACT_NAME);
    assert_eq!(version.version, poe_token::CONTRACT_VERSION);
}

#[test]
fn two_step_transfer_hands_over_the_burn_setting() {
    let mut s = Suite::new(0);
    let (owner, carol) = (s.owner.clone(), s.carol.clone());
    s.token
        .update_ownership(
            &owner,
            Action::TransferOwnership {
                new_owner: carol.to_string(),
                expiry: None,
            },
        )
        .unwrap();
    assert_eq!(
        s.token.ownership().unwrap().pending_owner,
        Some(carol.to_string())
    );
    // until accepted, the old owner still rules and the pending one does not
    s.assert_rejected(ContractError::Ownership(OwnershipError::NotOwner), |s| {
        s.token.update_transfer_burn(&carol, 5)
    });
    let res = s
        .token
        .update_ownership(&carol, Action::AcceptOwnership)
        .unwrap();
    assert_eq!(
        wasm_attrs(&res, &s.token.addr),
        attrs(&[
            ("action", "update_ownership"),
            ("owner", carol.as_str()),
            ("pending_owner", "none"),
            ("pending_expiry", "none"),
        ])
    );
    s.assert_rejected(ContractError::Ownership(OwnershipError::NotOwner), |s| {
        s.token.update_transfer_burn(&owner, 5)
    });
    s.token.update_transfer_burn(&carol, 5).unwrap();
    assert_eq!(s.token.transfer_burn().unwrap(), 5);
}

#[test]
fn renounced_ownership_freezes_the_burn_rate() {
    let mut s = Suite::new(30);
    let owner = s.owner.clone();
    s.token
        .update_ownership(&owner, Action::RenounceOwnership)
        .unwrap();
    assert_eq!(s.token.ownership().unwrap().owner, None);
    s.assert_rejected(ContractError::Ownership(OwnershipError::NoOwner), |s| {
        s.token.update_transfer_burn(&owner, 0)
    });
    assert_eq!(s.token.transfer_burn().unwrap(), 30);
}

#[test]
fn an_expired_transfer_cannot_be_accepted() {
    let mut s = Suite::new(0);
    let (owner, carol) = (s.owner.clone(), s.carol.clone());
    let height = s.app.borrow().block_info().height;
    s.token
        .update_ownership(
            &owner,
            Action::TransferOwnership {
                new_owner: carol.to_string(),
                expiry: Some(Expiration::AtHeight(height + 3)),
            },
        )
        .unwrap();
    s.app.borrow_mut().update_block(|b| b.height += 3);
    s.assert_rejected(
        ContractError::Ownership(OwnershipError::TransferExpired),
        |s| s.token.update_ownership(&carol, Action::AcceptOwnership),
    );
    assert_eq!(s.token.ownership().unwrap().owner, Some(owner.to_string()));
}

#[test]
fn migrate_to_the_same_version_is_accepted() {
    let s = Suite::new(40);
    let res = migrate(&s).unwrap();
    assert_eq!(
        wasm_attrs(&res, &s.token.addr),
        attrs(&[
            ("action", "migrate"),
            ("from_version", poe_token::CONTRACT_VERSION),
            ("to_version", poe_token::CONTRACT_VERSION),
        ])
    );
    assert_eq!(s.token.transfer_burn().unwrap(), 40);
    assert_eq!(s.balance(&s.alice), ALICE_START);
}

#[test]
fn migrate_refuses_other_contracts() {
    let s = Suite::new(0);
    // a plain cw20-base instance cannot be migrated to this code
    let mut app = s.app.borrow_mut();
    let base_code = app.store_code(cw20_base_contract());
    let admin = s.admin.clone();
    let base = app
        .instantiate_contract(
            base_code,
            admin.clone(),
            &cw20_base::msg::InstantiateMsg {
                name: "Other".to_string(),
                symbol: "OTH".to_string(),
                decimals: 6,
                initial_balances: vec![],
                mint: None,
                marketing: None,
            },
            &[],
            "other",
            Some(admin.to_string()),
        )
        .unwrap();
    let before = app.dump_wasm_raw(&base);
    let err = app
        .migrate_contract(admin, base.clone(), &MigrateMsg {}, s.code_id)
        .unwrap_err();
    assert_eq!(
        contract_err(err),
        ContractError::Std(StdError::generic_err(
            "Cannot migrate from crates.io:cw20-base to crates.io:poe-token"
        ))
    );
    assert_eq!(app.dump_wasm_raw(&base), before);
}

#[test]
fn migrate_refuses_a_downgrade() {
    let s = Suite::new(0);
    // pretend a newer release is deployed
    pretend_version(&s, "99.0.0");
    let before = s.snapshot();
    let err = migrate(&s).unwrap_err();
    assert_eq!(
        contract_err(err),
        ContractError::Std(StdError::generic_err(format!(
            "Cannot migrate from newer version (99.0.0) to older ({})",
            poe_token::CONTRACT_VERSION
        )))
    );
    assert_eq!(s.snapshot(), before);
}

#[test]
fn migrate_from_an_older_version_records_the_new_one() {
    let s = Suite::new(0);
    pretend_version(&s, "0.0.1");
    migrate(&s).unwrap();
    let version = cw2::query_contract_info(&s.app.borrow().wrap(), &s.token.addr).unwrap();
    assert_eq!(version.version, poe_token::CONTRACT_VERSION);
}
