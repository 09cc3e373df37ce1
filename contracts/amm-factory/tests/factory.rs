//! Behaviour of the factory: pairs with their LP tokens, the registry in either order, a full
//! provide/swap/withdraw through a registered pair, pagination, and parameters for new pairs.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::{coins, to_json_binary, Decimal};
use cw20::{Cw20ExecuteMsg, Cw20QueryMsg, MinterResponse};
use cw_multi_test::Executor;

#[test]
fn instantiation_sets_the_defaults() {
    let s = Suite::new();
    let c = s.config();
    assert_eq!(c.pair_code_id, s.pair_code);
    assert_eq!(c.token_code_id, s.token_code);
    assert_eq!(c.pair_owner, s.gov.to_string());
    assert_eq!(c.fee_address, Some(s.treasury.to_string()));
    assert_eq!(c.total_fee_bps, 30);
    assert_eq!(c.protocol_fee_share, DEFAULT_PROTOCOL_FEE_SHARE);
    assert_eq!(c.observation_capacity, 360);
    assert_eq!(c.observation_interval_seconds, 300);
    assert_eq!(c.pair_count, 0);
    let ownership: cw_ownable::Ownership<String> = s
        .app
        .wrap()
        .query_wasm_smart(&s.factory, &QueryMsg::Ownership {})
        .unwrap();
    assert_eq!(ownership.owner, Some(s.gov.to_string()));
}

#[test]
fn anyone_creates_a_pair_with_its_lp_token_and_it_is_registered() {
    let mut s = Suite::new();
    let alice = s.alice.clone();
    let (a, b) = (cw20(&s.tokens[0]), cw20(&s.tokens[1]));
    let res = s.create(&alice, [a.clone(), b.clone()]).unwrap();
    let info = s.pair([a.clone(), b.clone()]).unwrap();
    assert_eq!(info.asset_infos, [a.clone(), b.clone()]);
    // either order finds it
    assert_eq!(s.pair([b.clone(), a.clone()]).unwrap(), info);
    // the pair describes itself the same way
    let own: PairInfo = s
        .app
        .wrap()
        .query_wasm_smart(&info.contract_addr, &pair_msg::QueryMsg::Pair {})
        .unwrap();
    assert_eq!(own, info);
    // the LP token: minted only by the pair
    let minter: MinterResponse = s
        .app
        .wrap()
        .query_wasm_smart(&info.liquidity_token, &Cw20QueryMsg::Minter {})
        .unwrap();
    assert_eq!(minter.minter, info.contract_addr);
    // the pair: the factory's parameters, owned and administered by governance
    let pc: pair_msg::ConfigResponse = s
        .app
        .wrap()
        .query_wasm_smart(&info.contract_addr, &pair_msg::QueryMsg::Config {})
        .unwrap();
    assert_eq!(pc.factory, s.factory.to_string());
    assert_eq!(pc.total_fee_bps, 30);
    assert_eq!(pc.protocol_fee_share, DEFAULT_PROTOCOL_FEE_SHARE);
    assert_eq!(pc.fee_address, Some(s.treasury.to_string()));
    assert_eq!(pc.observation_capacity, 360);
    assert_eq!(pc.observation_interval_seconds, 300);
    let owner: cw_ownable::Ownership<String> = s
        .app
        .wrap()
        .query_wasm_smart(&info.contract_addr, &pair_msg::QueryMsg::Ownership {})
        .unwrap();
    assert_eq!(owner.owner, Some(s.gov.to_string()));
    let pair_addr = cosmwasm_std::Addr::unchecked(&info.contract_addr);
    assert_eq!(
        s.app.contract_data(&pair_addr).unwrap().admin,
        Some(s.gov.clone())
    );
    assert_eq!(s.config().pair_count, 1);
    let attrs = wasm_attrs(&res, &s.factory);
    assert!(attrs.contains(&("action".to_string(), "create_pair".to_string())));
    assert!(attrs.contains(&("action".to_string(), "register_pair".to_string())));
    assert!(attrs.contains(&("pair_contract_addr".to_string(), info.contract_addr.clone())));
    assert!(attrs.contains(&("liquidity_token".to_string(), info.liquidity_token.clone())));
}

#[test]
fn a_registered_cw20_native_pair_provides_swaps_and_withdraws() {
    let mut s = Suite::new();
    let (alice, bob, treasury) = (s.alice.clone(), s.bob.clone(), s.treasury.clone());
    let aaa = s.tokens[0].clone();
    s.create(&bob, [native(DENOM), cw20(&aaa)]).unwrap();
    let info = s.pair([cw20(&aaa), native(DENOM)]).unwrap();
    let pair = cosmwasm_std::Addr::unchecked(&info.contract_addr);
    // provide: the pair's order is [uatom, AAA]
    s.app
        .execute_contract(
            alice.clone(),
            aaa.clone(),
            &Cw20ExecuteMsg::IncreaseAllowance {
                spender: pair.to_string(),
                amount: u(4_000_000),
                expires: None,
            },
            &[],
        )
        .unwrap();
    s.app
        .execute_contract(
            alice.clone(),
            pair.clone(),
            &pair_msg::ExecuteMsg::ProvideLiquidity {
                assets: vec![
                    cw20(&aaa).with_amount(u(4_000_000)),
                    native(DENOM).with_amount(u(1_000_000)),
                ],
                slippage_tolerance: None,
                min_lp_to_receive: Some(u(1_999_000)),
                receiver: None,
            },
            &coins(1_000_000, DENOM),
        )
        .unwrap();
    // swap uatom -> AAA
    let sim: pair_msg::SimulationResponse = s
        .app
        .wrap()
        .query_wasm_smart(
            &pair,
            &pair_msg::QueryMsg::Simulation {
                offer_asset: native(DENOM).with_amount(u(10_000)),
            },
        )
        .unwrap();
    let before = balance(&s, &aaa, &bob);
    s.app
        .execute_contract(
            bob.clone(),
            pair.clone(),
            &pair_msg::ExecuteMsg::Swap {
                offer_asset: native(DENOM).with_amount(u(10_000)),
                belief_price: None,
                max_spread: Some(Decimal::percent(2)),
                minimum_receive: Some(sim.return_amount),
                to: None,
                deadline: None,
            },
            &coins(10_000, DENOM),
        )
        .unwrap();
    assert_eq!(balance(&s, &aaa, &bob) - before, sim.return_amount.u128());
    assert_eq!(balance(&s, &aaa, &treasury), sim.protocol_fee_amount.u128());
    // withdraw half of alice's LP
    let lp = cosmwasm_std::Addr::unchecked(&info.liquidity_token);
    s.app
        .execute_contract(
            alice.clone(),
            lp.clone(),
            &Cw20ExecuteMsg::Send {
                contract: pair.to_string(),
                amount: u(999_500),
                msg: to_json_binary(&pair_msg::Cw20HookMsg::WithdrawLiquidity {
                    min_assets_to_receive: None,
                })
                .unwrap(),
            },
            &[],
        )
        .unwrap();
    assert_eq!(balance(&s, &lp, &alice), 999_500);
    let pool: pair_msg::PoolResponse = s
        .app
        .wrap()
        .query_wasm_smart(&pair, &pair_msg::QueryMsg::Pool {})
        .unwrap();
    assert_eq!(pool.total_share, u(1_000_500));
}

fn balance(s: &Suite, token: &cosmwasm_std::Addr, who: &cosmwasm_std::Addr) -> u128 {
    let res: cw20::BalanceResponse = s
        .app
        .wrap()
        .query_wasm_smart(
            token,
            &Cw20QueryMsg::Balance {
                address: who.to_string(),
            },
        )
        .unwrap();
    res.balance.u128()
}

#[test]
fn pairs_are_listed_in_pages() {
    let mut s = Suite::new();
    let alice = s.alice.clone();
    let aaa = cw20(&s.tokens[0]);
    // 32 pairs: AAA against 32 denoms
    for i in 0..32 {
        s.create(&alice, [aaa.clone(), native(&format!("uden{i:02}"))])
            .unwrap();
    }
    assert_eq!(s.config().pair_count, 32);
    let first = s.pairs(None, None);
    assert_eq!(first.len(), 10);
    assert_eq!(s.pairs(None, Some(100)).len(), 30);
    // walk the pages with a start_after in the reverse order of the pair's own
    let mut seen = vec![];
    let mut start = None;
    loop {
        let page = s.pairs(start.clone(), Some(7));
        if page.is_empty() {
            break;
        }
        let last = page.last().unwrap().asset_infos.clone();
        start = Some([last[1].clone(), last[0].clone()]);
        seen.extend(page);
    }
    assert_eq!(seen.len(), 32);
    let mut addrs: Vec<_> = seen.iter().map(|p| p.contract_addr.clone()).collect();
    addrs.sort();
    addrs.dedup();
    assert_eq!(addrs.len(), 32);
}

#[test]
fn new_parameters_apply_to_new_pairs_only() {
    let mut s = Suite::new();
    let (gov, alice, bob) = (s.gov.clone(), s.alice.clone(), s.bob.clone());
    let (a, b, c) = (cw20(&s.tokens[0]), cw20(&s.tokens[1]), cw20(&s.tokens[2]));
    s.create(&alice, [a.clone(), b.clone()]).unwrap();
    s.exec(
        &gov,
        &ExecuteMsg::UpdateConfig {
            pair_code_id: None,
            token_code_id: None,
            pair_owner: Some(bob.to_string()),
            fee_address: Some(alice.to_string()),
            total_fee_bps: Some(50),
            protocol_fee_share: Some(Decimal::percent(40)),
            observation_capacity: Some(12),
            observation_interval_seconds: Some(3_600),
        },
    )
    .unwrap();
    s.create(&alice, [a.clone(), c.clone()]).unwrap();
    let query_config = |s: &Suite, assets: [AssetInfo; 2]| -> pair_msg::ConfigResponse {
        let info = s.pair(assets).unwrap();
        s.app
            .wrap()
            .query_wasm_smart(&info.contract_addr, &pair_msg::QueryMsg::Config {})
            .unwrap()
    };
    let old = query_config(&s, [a.clone(), b]);
    assert_eq!((old.total_fee_bps, old.observation_capacity), (30, 360));
    let new = query_config(&s, [a.clone(), c.clone()]);
    assert_eq!((new.total_fee_bps, new.observation_capacity), (50, 12));
    assert_eq!(
        (
            old.observation_interval_seconds,
            new.observation_interval_seconds
        ),
        (300, 3_600)
    );
    assert_eq!(new.protocol_fee_share, Decimal::percent(40));
    assert_eq!(new.fee_address, Some(alice.to_string()));
    let info = s.pair([a, c]).unwrap();
    let owner: cw_ownable::Ownership<String> = s
        .app
        .wrap()
        .query_wasm_smart(&info.contract_addr, &pair_msg::QueryMsg::Ownership {})
        .unwrap();
    assert_eq!(owner.owner, Some(bob.to_string()));
}
