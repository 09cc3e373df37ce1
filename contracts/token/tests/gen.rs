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
use cw20::{Cw20Coin, MinterResponse};
use cw_multi_test::{App, Executor};
use poe_math::genesis::{gen_total_supply, GenesisAllocation, GEN_DECIMALS};

fn gen_token() -> (App, Addr, Vec<(Addr, Uint128)>) {
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
    };
    let token = app
        .instantiate_contract(code_id, creator, &msg, &[], "gen", None)
        .unwrap();
    (app, token, holders)
}

#[test]
fn genesis_supply_is_100_000_gen_split_50_20_15_10_5() {
    let (app, token, holders) = gen_token();
    let info: TokenInfoResponse = app
        .wrap()
        .query_wasm_smart(&token, &QueryMsg::TokenInfo {})
        .unwrap();
    assert_eq!(info.decimals, 6);
    assert_eq!(info.total_supply, Uint128::new(100_000_000_000));
    let expected = [50_000u128, 20_000, 15_000, 10_000, 5_000];
    for ((addr, amount), tokens) in holders.iter().zip(expected) {
        let res: BalanceResponse = app
            .wrap()
            .query_wasm_smart(
                &token,
                &QueryMsg::Balance {
                    address: addr.to_string(),
                },
            )
            .unwrap();
        assert_eq!(res.balance, *amount);
        assert_eq!(res.balance, Uint128::new(tokens * 1_000_000));
    }
}

#[test]
fn gen_cannot_be_minted_by_anyone() {
    let (mut app, token, holders) = gen_token();
    let minter: Option<MinterResponse> = app
        .wrap()
        .query_wasm_smart(&token, &QueryMsg::Minter {})
        .unwrap();
    assert_eq!(minter, None);
    let creator = app.api().addr_make("creator");
    let community = holders[0].0.clone();
    for sender in [creator, community.clone()] {
        let before = app.dump_wasm_raw(&token);
        let err = app
            .execute_contract(
                sender,
                token.clone(),
                &ExecuteMsg::Mint {
                    recipient: community.to_string(),
                    amount: Uint128::new(1),
                },
                &[],
            )
            .unwrap_err();
        assert_eq!(
            contract_err(err),
            ContractError::Cw20(cw20_base::ContractError::Unauthorized {})
        );
        assert_eq!(app.dump_wasm_raw(&token), before);
    }
    // and nobody can appoint a minter either
    let err = app
        .execute_contract(
            community.clone(),
            token.clone(),
            &ExecuteMsg::UpdateMinter {
                new_minter: Some(community.to_string()),
            },
            &[],
        )
        .unwrap_err();
    assert_eq!(
        contract_err(err),
        ContractError::Cw20(cw20_base::ContractError::Unauthorized {})
    );
    let info: TokenInfoResponse = app
        .wrap()
        .query_wasm_smart(&token, &QueryMsg::TokenInfo {})
        .unwrap();
    assert_eq!(info.total_supply, gen_total_supply());
}
