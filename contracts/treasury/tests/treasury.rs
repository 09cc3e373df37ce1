//! The treasury's behaviour: deposits (cw20 hooks and native funds), spends, the ledger and its
//! queries, ownership and migration.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::{coin, coins, Addr, StdError};
use cw_multi_test::{App, Executor};
use cw_ownable::Action;
use poe_test_utils::share;
use poe_treasury::msg::MigrateMsg;

#[test]
fn instantiation_sets_owner_and_version() {
    let s = Suite::new();
    assert_eq!(
        s.treasury.ownership().unwrap().owner,
        Some(s.owner.to_string())
    );
    let version = cw2::query_contract_info(&s.app.borrow().wrap(), &s.treasury.addr).unwrap();
    assert_eq!(version.contract, "crates.io:poe-treasury");
    assert_eq!(version.version, env!("CARGO_PKG_VERSION"));
    assert!(s.balances(None, None).is_empty());
}

#[test]
fn the_owner_defaults_to_the_instantiator() {
    let mut app = App::default();
    let creator = app.api().addr_make("creator");
    let code_id = app.store_code(treasury_contract());
    let treasury = app
        .instantiate_contract(
            code_id,
            creator.clone(),
            &InstantiateMsg { owner: None },
            &[],
            "t",
            None,
        )
        .unwrap();
    let treasury = TreasuryHandle::new(share(app), treasury);
    assert_eq!(
        treasury.ownership().unwrap().owner,
        Some(creator.to_string())
    );
}

#[test]
fn cw20_deposit_is_recorded_with_its_memo() {
    let s = Suite::new();
    let (alice, flx, treasury) = (&s.alice, &s.flx, &s.treasury);
    let res = treasury
        .deposit_cw20(flx, alice, u(5_000), Some("poe_fee_split"))
        .unwrap();
    let label = format!("cw20:{}", flx.addr);
    assert_eq!(
        wasm_attrs(&res, &treasury.addr),
        attrs(&[
            ("action", "deposit"),
            ("asset", &label),
            ("amount", "5000"),
            ("from", alice.as_str()),
            ("memo", "poe_fee_split"),
        ])
    );
    treasury.deposit_cw20(flx, alice, u(1_000), None).unwrap();
    let asset = TreasuryHandle::cw20(&flx.addr);
    assert_eq!(
        s.balance(asset.clone()),
        AssetBalanceResponse {
            asset,
            balance: u(6_000),
            total_received: u(6_000),
            total_spent: u(0),
        }
    );
    assert_eq!(s.cw20_balance(flx, alice), START - 6_000);
}

#[test]
fn a_burning_token_is_recorded_at_the_delivered_amount() {
    let s = Suite::new();
    let (alice, nex, treasury) = (&s.alice, &s.nex, &s.treasury);
    let res = treasury.deposit_cw20(nex, alice, u(1_000), None).unwrap();
    // 1 % burned on the way: the hook says 990 and the treasury holds 990
    let label = format!("cw20:{}", nex.addr);
    assert_eq!(
        wasm_attrs(&res, &treasury.addr),
        attrs(&[
            ("action", "deposit"),
            ("asset", &label),
            ("amount", "990"),
            ("from", alice.as_str()),
            ("memo", ""),
        ])
    );
    let b = s.balance(TreasuryHandle::cw20(&nex.addr));
    assert_eq!((b.balance, b.total_received), (u(990), u(990)));
}

#[test]
fn native_deposits_of_several_coins_are_recorded_per_denom() {
    let s = Suite::new();
    let (alice, treasury) = (&s.alice, &s.treasury);
    let res = treasury
        .deposit_native(alice, &[coin(300, ATOM), coin(700, COSM)], Some("tools"))
        .unwrap();
    assert_eq!(
        wasm_attrs(&res, &treasury.addr),
        attrs(&[
            ("action", "deposit"),
            ("asset", "native:uatom"),
            ("amount", "300"),
            ("asset", "native:ucosm"),
            ("amount", "700"),
            ("from", alice.as_str()),
            ("memo", "tools"),
        ])
    );
    treasury
        .deposit_native(alice, &coins(50, ATOM), None)
        .unwrap();
    assert_eq!(
        s.balance(TreasuryHandle::native(ATOM)),
        AssetBalanceResponse {
            asset: TreasuryHandle::native(ATOM),
            balance: u(350),
            total_received: u(350),
            total_spent: u(0),
        }
    );
    assert_eq!(
        s.balance(TreasuryHandle::native(COSM)).total_received,
        u(700)
    );
    assert_eq!(s.native_balance(alice, ATOM), START - 350);
}

#[test]
fn owner_spends_cw20_and_the_ledger_follows() {
    let s = Suite::new();
    let (owner, bob, flx, treasury) = (&s.owner, &s.bob, &s.flx, &s.treasury);
    let asset = || TreasuryHandle::cw20(&flx.addr);
    treasury
        .deposit_cw20(flx, &s.alice, u(5_000), None)
        .unwrap();
    let res = s.spend(owner, asset(), bob, 1_200).unwrap();
    let label = format!("cw20:{}", flx.addr);
    assert_eq!(
        wasm_attrs(&res, &treasury.addr),
        attrs(&[
            ("action", "spend"),
            ("asset", &label),
            ("amount", "1200"),
            ("recipient", bob.as_str()),
            ("memo", "grant"),
        ])
    );
    assert_eq!(s.cw20_balance(flx, bob), 1_200);
    assert_eq!(
        s.balance(asset()),
        AssetBalanceResponse {
            asset: asset(),
            balance: u(3_800),
            total_received: u(5_000),
            total_spent: u(1_200),
        }
    );
    // the whole live balance can go
    s.spend(owner, asset(), bob, 3_800).unwrap();
    assert_eq!(s.balance(asset()).balance, u(0));
    assert_eq!(s.cw20_balance(flx, bob), 5_000);
}

#[test]
fn spending_a_burning_token_records_what_left_the_treasury() {
    let s = Suite::new();
    let (bob, nex) = (&s.bob, &s.nex);
    s.treasury
        .deposit_cw20(nex, &s.alice, u(10_000), None)
        .unwrap();
    s.spend(&s.owner, TreasuryHandle::cw20(&nex.addr), bob, 9_900)
        .unwrap();
    assert_eq!(s.cw20_balance(nex, bob), 9_801);
    let b = s.balance(TreasuryHandle::cw20(&nex.addr));
    assert_eq!(
        (b.balance, b.total_received, b.total_spent),
        (u(0), u(9_900), u(9_900))
    );
}

#[test]
fn owner_spends_native_coins() {
    let s = Suite::new();
    let (bob, treasury) = (&s.bob, &s.treasury);
    treasury
        .deposit_native(&s.alice, &coins(1_000, COSM), None)
        .unwrap();
    let res = s
        .spend(&s.owner, TreasuryHandle::native(COSM), bob, 400)
        .unwrap();
    assert_eq!(
        wasm_attrs(&res, &treasury.addr),
        attrs(&[
            ("action", "spend"),
            ("asset", "native:ucosm"),
            ("amount", "400"),
            ("recipient", bob.as_str()),
            ("memo", "grant"),
        ])
    );
    assert_eq!(s.native_balance(bob, COSM), 400);
    assert_eq!(s.native_balance(&treasury.addr, COSM), 600);
    let b = s.balance(TreasuryHandle::native(COSM));
    assert_eq!(
        (b.balance, b.total_received, b.total_spent),
        (u(600), u(1_000), u(400))
    );
}

#[test]
fn coins_that_arrived_without_a_deposit_can_be_spent_and_enter_the_ledger() {
    let s = Suite::new();
    let (alice, owner, bob, flx) = (&s.alice, &s.owner, &s.bob, &s.flx);
    s.app
        .borrow_mut()
        .send_tokens(alice.clone(), s.treasury.addr.clone(), &coins(500, ATOM))
        .unwrap();
    flx.transfer(alice, &s.treasury.addr, u(700)).unwrap();
    // live balances are visible, the ledger is empty
    let b = s.balance(TreasuryHandle::native(ATOM));
    assert_eq!((b.balance, b.total_received), (u(500), u(0)));
    assert!(s.balances(None, None).is_empty());
    s.spend(owner, TreasuryHandle::native(ATOM), bob, 200)
        .unwrap();
    s.spend(owner, TreasuryHandle::cw20(&flx.addr), bob, 700)
        .unwrap();
    let all = s.balances(None, None);
    assert_eq!(
        all,
        vec![
            LedgerBalance {
                asset: TreasuryHandle::cw20(&flx.addr),
                balance: Some(u(0)),
                balance_error: None,
                total_received: u(0),
                total_spent: u(700),
            },
            LedgerBalance {
                asset: TreasuryHandle::native(ATOM),
                balance: Some(u(300)),
                balance_error: None,
                total_received: u(0),
                total_spent: u(200),
            },
        ]
    );
}

#[test]
fn balances_are_paginated_cw20_first_default_10_max_30() {
    let denoms: Vec<String> = (0..33).map(|i| format!("den{i:02}")).collect();
    let s = Suite::new();
    let (alice, flx, nex, treasury) = (&s.alice, &s.flx, &s.nex, &s.treasury);
    // give alice 33 extra denoms and deposit them all in one message
    let funds: Vec<_> = denoms.iter().map(|d| coin(10, d.as_str())).collect();
    s.app
        .borrow_mut()
        .init_modules(|router, _, storage| router.bank.init_balance(storage, alice, funds.clone()))
        .unwrap();
    treasury.deposit_native(alice, &funds, None).unwrap();
    treasury.deposit_cw20(flx, alice, u(10), None).unwrap();
    treasury.deposit_cw20(nex, alice, u(100), None).unwrap();
    let mut expected: Vec<AssetInfo> = vec![
        TreasuryHandle::cw20(&flx.addr),
        TreasuryHandle::cw20(&nex.addr),
    ];
    expected.sort();
    expected.extend(denoms.iter().map(|d| TreasuryHandle::native(d)));
    assert_eq!(expected.len(), 35);

    let page = s.balances(None, None);
    assert_eq!(page.len(), 10);
    assert_eq!(s.balances(None, Some(1_000)).len(), 30);
    // the shared page clamp: a limit of 0 gives one entry (a page that always advances)
    assert_eq!(s.balances(None, Some(0)).len(), 1);

    let mut seen = vec![];
    let mut start_after = None;
    loop {
        let page = s.balances(start_after.clone(), Some(7));
        if page.is_empty() {
            break;
        }
        start_after = page.last().map(|b| b.asset.clone());
        seen.extend(page);
    }
    assert_eq!(
        seen.iter().map(|b| b.asset.clone()).collect::<Vec<_>>(),
        expected
    );
    for b in &seen {
        assert_eq!(b.balance, Some(b.total_received));
        assert!(!b.total_received.is_zero());
        assert_eq!(b.balance_error, None);
    }
    // a start_after that is not in the ledger still orders correctly
    let after_all_cw20 = s.balances(Some(TreasuryHandle::native("a")), Some(1));
    assert_eq!(after_all_cw20[0].asset, TreasuryHandle::native("den00"));
}

#[test]
fn balance_of_an_unknown_asset_is_zero_and_invalid_assets_are_refused() {
    let s = Suite::new();
    let b = s.balance(TreasuryHandle::native("uunknown"));
    assert_eq!(
        (b.balance, b.total_received, b.total_spent),
        (u(0), u(0), u(0))
    );
    let err = s
        .treasury
        .balance(TreasuryHandle::native("1bad"))
        .unwrap_err();
    assert!(err.to_string().contains("invalid denom"), "{err}");
    let err = s
        .treasury
        .balance(TreasuryHandle::cw20(&Addr::unchecked("Not An Address")))
        .unwrap_err();
    assert!(matches!(err, StdError::GenericErr { .. }), "{err}");
}

#[test]
fn ownership_moves_in_two_steps() {
    let mut s = Suite::new();
    let (owner, bob) = (s.owner.clone(), s.bob.clone());
    s.treasury
        .deposit_native(&s.alice, &coins(1_000, COSM), None)
        .unwrap();
    s.treasury
        .update_ownership(
            &owner,
            Action::TransferOwnership {
                new_owner: bob.to_string(),
                expiry: None,
            },
        )
        .unwrap();
    let not_owner = || ContractError::Ownership(cw_ownable::OwnershipError::NotOwner);
    // bob cannot spend until he accepts
    s.assert_rejected(not_owner(), |s| {
        s.spend(&bob, TreasuryHandle::native(COSM), &bob, 1)
    });
    s.treasury
        .update_ownership(&bob, Action::AcceptOwnership)
        .unwrap();
    s.spend(&bob, TreasuryHandle::native(COSM), &bob, 100)
        .unwrap();
    s.assert_rejected(not_owner(), |s| {
        s.spend(&owner, TreasuryHandle::native(COSM), &owner, 1)
    });
    assert_eq!(s.native_balance(&bob, COSM), 100);
}

#[test]
fn migration_accepts_this_contract_only_and_never_downgrades() {
    let s = Suite::new();
    let (admin, treasury, code_id) = (&s.admin, &s.treasury.addr, s.code_id);
    let migrate = || {
        s.app.borrow_mut().migrate_contract(
            admin.clone(),
            treasury.clone(),
            &MigrateMsg {},
            code_id,
        )
    };
    let set_version = |name: &str, version: &str| {
        let mut app = s.app.borrow_mut();
        cw2::set_contract_version(app.contract_storage_mut(treasury).as_mut(), name, version)
            .unwrap();
    };
    migrate().unwrap();

    set_version("crates.io:poe-treasury", "99.0.0");
    let before = s.snapshot();
    let err = migrate().unwrap_err();
    assert_eq!(
        contract_err(err),
        ContractError::Std(StdError::generic_err(format!(
            "Cannot migrate from newer version (99.0.0) to older ({})",
            env!("CARGO_PKG_VERSION")
        )))
    );
    assert_eq!(s.snapshot(), before);

    set_version("crates.io:something-else", "0.0.1");
    let before = s.snapshot();
    let err = migrate().unwrap_err();
    assert_eq!(
        contract_err(err),
        ContractError::Std(StdError::generic_err(
            "Cannot migrate from crates.io:something-else to crates.io:poe-treasury"
        ))
    );
    assert_eq!(s.snapshot(), before);
}
