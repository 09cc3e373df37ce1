//! GEN: a token instance with no minter, 100,000 GEN (6 decimals) allocated at instantiation
//! 50/20/15/10/5 % (seed 001 `GenesisAllocation`).
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::{Addr, Uint128};
use cw20::Cw20Coin;
use cw_multi_test::{App, Executor};
use poe_math::genesis::{gen_total_supply, GenesisAllocation, GEN_DECIMALS};
use poe_test_utils::share;

/// GEN as the deployment instantiates it, with its holders in allocation order.
fn gen_token() -> (TokenHandle, Vec<(Addr, Uint128)>) {
    let mut app = App::default();
    let allocation = GenesisAllocation::split(gen_total_supply()).unwrap();
    let holders: Vec<(Addr, Uint128)> = allocation
        .buckets()
        .iter()
        .map(|(name, amount)| (app.api().addr_make(name), *amount))
        .collect();
    let creator = app.api().addr_make("creator");
    let code_id = app.store_code(token_contract());
    let msg = InstantiateMsg {
        name: "Genesis".to_string(),
        symbol: "GEN".to_string(),
        decimals: GEN_DECIMALS,
        initial_balances: holders
            .iter()
            .map(|(addr, amount)| Cw20Coin {
                address: addr.to_string(),
                amount: *amount,
            })
            .collect(),
        mint: None,
        marketing: None,
        transfer_burn_bps: None,
        owner: None,
        retirable: None,
    };
    let token = app
        .instantiate_contract(code_id, creator, &msg, &[], "gen", None)
        .unwrap();
    (TokenHandle::new(share(app), token, "GEN"), holders)
}

#[test]
fn genesis_supply_is_100_000_gen_split_50_20_15_10_5() {
    let (gen, holders) = gen_token();
    let info = gen.token_info().unwrap();
    assert_eq!(info.decimals, 6);
    assert_eq!(info.total_supply, Uint128::new(100_000_000_000));
    let expected = [50_000u128, 20_000, 15_000, 10_000, 5_000];
    for ((addr, amount), tokens) in holders.iter().zip(expected) {
        let balance = gen.balance(addr).unwrap();
        assert_eq!(balance, *amount);
        assert_eq!(balance, Uint128::new(tokens * 1_000_000));
    }
}

#[test]
fn gen_cannot_be_minted_by_anyone() {
    let (gen, holders) = gen_token();
    assert_eq!(gen.minter().unwrap(), None);
    let creator = gen.app().borrow().api().addr_make("creator");
    let community = holders[0].0.clone();
    let storage = || gen.app().borrow().dump_wasm_raw(&gen.addr);
    for sender in [creator, community.clone()] {
        let before = storage();
        let err = gen.mint(&sender, &community, Uint128::new(1)).unwrap_err();
        assert_eq!(
            contract_err(err),
            ContractError::Cw20(cw20_base::ContractError::Unauthorized {})
        );
        assert_eq!(storage(), before);
    }
    // and nobody can appoint a minter either
    let err = gen.update_minter(&community, Some(&community)).unwrap_err();
    assert_eq!(
        contract_err(err),
        ContractError::Cw20(cw20_base::ContractError::Unauthorized {})
    );
    assert_eq!(gen.total_supply().unwrap(), gen_total_supply());
}
