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
use cw_ownable::{Action, Ownership};
use cw_utils::Expiration;
use poe_token::msg::MigrateMsg;

fn ownership(s: &Suite) -> Ownership<String> {
    s.query(&QueryMsg::Ownership {})
}

#[test]
fn instantiation_sets_owner_and_version() {
    let s = Suite::new(0);
    assert_eq!(ownership(&s).owner, Some(s.owner.to_string()));
    let version = cw2::query_contract_info(&s.app.wrap(), &s.token).unwrap();
    assert_eq!(version.contract, poe_token::CONTRACT_NAME);
    assert_eq!(version.version, poe_token::CONTRACT_VERSION);
}

#[test]
fn two_step_transfer_hands_over_the_burn_setting() {
    let mut s = Suite::new(0);
    let (owner, carol) = (s.owner.clone(), s.carol.clone());
    s.exec(
        &owner,
        &ExecuteMsg::UpdateOwnership(Action::TransferOwnership {
            new_owner: carol.to_string(),
            expiry: None,
        }),
    )
    .unwrap();
    assert_eq!(ownership(&s).pending_owner, Some(carol.to_string()));
    // until accepted, the old owner still rules and the pending one does not
    s.assert_rejected(
        &carol,
        &ExecuteMsg::UpdateTransferBurn {
            transfer_burn_bps: 5,
        },
        ContractError::Ownership(cw_ownable::OwnershipError::NotOwner),
    );
    let res = s
        .exec(
            &carol,
            &ExecuteMsg::UpdateOwnership(Action::AcceptOwnership),
        )
        .unwrap();
    assert_eq!(
        wasm_attrs(&res, &s.token),
        attrs(&[
            ("action", "update_ownership"),
            ("owner", carol.as_str()),
            ("pending_owner", "none"),
            ("pending_expiry", "none"),
        ])
    );
    s.assert_rejected(
        &owner,
        &ExecuteMsg::UpdateTransferBurn {
            transfer_burn_bps: 5,
        },
        ContractError::Ownership(cw_ownable::OwnershipError::NotOwner),
    );
    s.exec(
        &carol,
        &ExecuteMsg::UpdateTransferBurn {
            transfer_burn_bps: 5,
        },
    )
    .unwrap();
    assert_eq!(s.transfer_burn_bps(), 5);
}

#[test]
fn renounced_ownership_freezes_the_burn_rate() {
    let mut s = Suite::new(30);
    let owner = s.owner.clone();
    s.exec(
        &owner,
        &ExecuteMsg::UpdateOwnership(Action::RenounceOwnership),
    )
    .unwrap();
    assert_eq!(ownership(&s).owner, None);
    s.assert_rejected(
        &owner,
        &ExecuteMsg::UpdateTransferBurn {
            transfer_burn_bps: 0,
        },
        ContractError::Ownership(cw_ownable::OwnershipError::NoOwner),
    );
    assert_eq!(s.transfer_burn_bps(), 30);
}

#[test]
fn an_expired_transfer_cannot_be_accepted() {
    let mut s = Suite::new(0);
    let (owner, carol) = (s.owner.clone(), s.carol.clone());
    let height = s.app.block_info().height;
    s.exec(
        &owner,
        &ExecuteMsg::UpdateOwnership(Action::TransferOwnership {
            new_owner: carol.to_string(),
            expiry: Some(Expiration::AtHeight(height + 3)),
        }),
    )
    .unwrap();
    s.app.update_block(|b| b.height += 3);
    s.assert_rejected(
        &carol,
        &ExecuteMsg::UpdateOwnership(Action::AcceptOwnership),
        ContractError::Ownership(cw_ownable::OwnershipError::TransferExpired),
    );
    assert_eq!(ownership(&s).owner, Some(owner.to_string()));
}

#[test]
fn migrate_to_the_same_version_is_accepted() {
    let mut s = Suite::new(40);
    let (admin, token, code_id) = (s.admin.clone(), s.token.clone(), s.code_id);
    let res = s
        .app
        .migrate_contract(admin, token.clone(), &MigrateMsg {}, code_id)
        .unwrap();
    assert_eq!(
        wasm_attrs(&res, &token),
        attrs(&[
            ("action", "migrate"),
            ("from_version", poe_token::CONTRACT_VERSION),
            ("to_version", poe_token::CONTRACT_VERSION),
        ])
    );
    assert_eq!(s.transfer_burn_bps(), 40);
    assert_eq!(s.balance(&s.alice.clone()), ALICE_START);
}

#[test]
fn migrate_refuses_other_contracts() {
    let mut s = Suite::new(0);
    // a plain cw20-base instance cannot be migrated to this code
    let base_code = s.app.store_code(cw20_base_contract());
    let admin = s.admin.clone();
    let base = s
        .app
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
    let before = s.app.dump_wasm_raw(&base);
    let err = s
        .app
        .migrate_contract(admin, base.clone(), &MigrateMsg {}, s.code_id)
        .unwrap_err();
    assert_eq!(
        contract_err(err),
        ContractError::Std(StdError::generic_err(
            "Cannot migrate from crates.io:cw20-base to crates.io:poe-token"
        ))
    );
    assert_eq!(s.app.dump_wasm_raw(&base), before);
}

#[test]
fn migrate_refuses_a_downgrade() {
    let mut s = Suite::new(0);
    let (admin, token, code_id) = (s.admin.clone(), s.token.clone(), s.code_id);
    // pretend a newer release is deployed
    cw2::set_contract_version(
        s.app.contract_storage_mut(&token).as_mut(),
        poe_token::CONTRACT_NAME,
        "99.0.0",
    )
    .unwrap();
    let before = s.app.dump_wasm_raw(&token);
    let err = s
        .app
        .migrate_contract(admin, token.clone(), &MigrateMsg {}, code_id)
        .unwrap_err();
    assert_eq!(
        contract_err(err),
        ContractError::Std(StdError::generic_err(format!(
            "Cannot migrate from newer version (99.0.0) to older ({})",
            poe_token::CONTRACT_VERSION
        )))
    );
    assert_eq!(s.app.dump_wasm_raw(&token), before);
}

#[test]
fn migrate_from_an_older_version_records_the_new_one() {
    let mut s = Suite::new(0);
    let (admin, token, code_id) = (s.admin.clone(), s.token.clone(), s.code_id);
    cw2::set_contract_version(
        s.app.contract_storage_mut(&token).as_mut(),
        poe_token::CONTRACT_NAME,
        "0.0.1",
    )
    .unwrap();
    s.app
        .migrate_contract(admin, token.clone(), &MigrateMsg {}, code_id)
        .unwrap();
    let version = cw2::query_contract_info(&s.app.wrap(), &token).unwrap();
    assert_eq!(version.version, poe_token::CONTRACT_VERSION);
}
