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
use cosmwasm_std::{Addr, Decimal};

#[test]
fn instantiation_sets_the_defaults() {
    let s = Suite::new();
    let c = s.factory.config().unwrap();
    assert_eq!(c.pair_code_id, s.pair_code);
    assert_eq!(c.token_code_id, s.token_code);
    assert_eq!(c.pair_owner, s.gov.to_string());
    assert_eq!(c.fee_address, Some(s.treasury.to_string()));
    assert_eq!(c.total_fee_bps, 30);
    assert_eq!(c.protocol_fee_share, DEFAULT_PROTOCOL_FEE_SHARE);
    assert_eq!(c.observation_capacity, 360);
    assert_eq!(c.observation_interval_seconds, 300);
    assert_eq!(c.pair_count, 0);
    let ownership = s.factory.ownership().unwrap();
    assert_eq!(ownership.owner, Some(s.gov.to_string()));
}

#[test]
fn anyone_creates_a_pair_with_its_lp_token_and_it_is_registered() {
    let s = Suite::new();
    let alice = s.alice.clone();
    let [a, b] = s.assets();
    let res = s
        .factory
        .create_pair(&alice, [a.clone(), b.clone()])
        .unwrap();
    let info = s.factory.pair([a.clone(), b.clone()]).unwrap();
    assert_eq!(info.asset_infos, [a.clone(), b.clone()]);
    // either order finds it
    assert_eq!(s.factory.pair([b.clone(), a.clone()]).unwrap(), info);
    // the pair describes itself the same way
    let pair = PairHandle::from_info(s.app.clone(), info.clone());
    assert_eq!(pair.pair_info().unwrap(), info);
    // the LP token: minted only by the pair
    let minter = pair
        .lp()
        .minter()
        .unwrap()
        .expect("the LP token has a minter");
    assert_eq!(minter.minter, info.contract_addr);
    // the pair: the factory's parameters, owned and administered by governance
    let pc = pair.config().unwrap();
    assert_eq!(pc.factory, s.factory.addr.to_string());
    assert_eq!(pc.total_fee_bps, 30);
    assert_eq!(pc.protocol_fee_share, DEFAULT_PROTOCOL_FEE_SHARE);
    assert_eq!(pc.fee_address, Some(s.treasury.to_string()));
    assert_eq!(pc.observation_capacity, 360);
    assert_eq!(pc.observation_interval_seconds, 300);
    let owner = pair.ownership().unwrap();
    assert_eq!(owner.owner, Some(s.gov.to_string()));
    assert_eq!(
        s.app.borrow().contract_data(&pair.addr).unwrap().admin,
        Some(s.gov.clone())
    );
    assert_eq!(s.factory.config().unwrap().pair_count, 1);
    let attrs = wasm_attrs(&res, &s.factory.addr);
    assert!(attrs.contains(&("action".to_string(), "create_pair".to_string())));
    assert!(attrs.contains(&("action".to_string(), "register_pair".to_string())));
    assert!(attrs.contains(&("pair_contract_addr".to_string(), info.contract_addr.clone())));
    assert!(attrs.contains(&("liquidity_token".to_string(), info.liquidity_token.clone())));
}

#[test]
fn a_registered_cw20_native_pair_provides_swaps_and_withdraws() {
    let s = Suite::new();
    let (alice, bob, treasury) = (s.alice.clone(), s.bob.clone(), s.treasury.clone());
    let aaa = &s.tokens[0];
    s.factory
        .create_pair(&bob, [native(DENOM), token_asset(aaa)])
        .unwrap();
    let pair = s
        .factory
        .pair_handle([token_asset(aaa), native(DENOM)])
        .unwrap();
    // provide: the pair's order is [uatom, AAA]
    pair.provide_liquidity(
        &alice,
        vec![
            token_asset(aaa).with_amount(u(4_000_000)),
            native(DENOM).with_amount(u(1_000_000)),
        ],
        None,
        Some(u(1_999_000)),
        None,
    )
    .unwrap();
    // swap uatom -> AAA
    let offer = native(DENOM).with_amount(u(10_000));
    let sim = pair.simulation(offer.clone()).unwrap();
    let before = balance(aaa, &bob);
    let bounds = SwapBounds {
        max_spread: Some(Decimal::percent(2)),
        minimum_receive: Some(sim.return_amount),
        ..SwapBounds::default()
    };
    pair.swap_asset(&bob, offer, &bounds).unwrap();
    assert_eq!(balance(aaa, &bob) - before, sim.return_amount.u128());
    assert_eq!(balance(aaa, &treasury), sim.protocol_fee_amount.u128());
    // withdraw half of alice's LP
    pair.withdraw(&alice, u(999_500), None).unwrap();
    assert_eq!(balance(&pair.lp(), &alice), 999_500);
    assert_eq!(pair.pool().unwrap().total_share, u(1_000_500));
}

fn balance(token: &Cw20Handle, who: &Addr) -> u128 {
    token.balance(who).unwrap().u128()
}

#[test]
fn pairs_are_listed_in_pages() {
    let s = Suite::new();
    let alice = s.alice.clone();
    let [aaa] = s.assets();
    // 32 pairs: AAA against 32 denoms
    for i in 0..32 {
        s.factory
            .create_pair(&alice, [aaa.clone(), native(&format!("uden{i:02}"))])
            .unwrap();
    }
    assert_eq!(s.factory.config().unwrap().pair_count, 32);
    let first = s.factory.pairs(None, None).unwrap();
    assert_eq!(first.len(), 10);
    assert_eq!(s.factory.pairs(None, Some(100)).unwrap().len(), 30);
    // walk the pages with a start_after in the reverse order of the pair's own
    let mut seen = vec![];
    let mut start = None;
    loop {
        let page = s.factory.pairs(start.clone(), Some(7)).unwrap();
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
    let s = Suite::new();
    let (gov, alice, bob) = (s.gov.clone(), s.alice.clone(), s.bob.clone());
    let [a, b, c] = s.assets();
    s.factory
        .create_pair(&alice, [a.clone(), b.clone()])
        .unwrap();
    s.factory
        .execute(
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
    s.factory
        .create_pair(&alice, [a.clone(), c.clone()])
        .unwrap();
    let pair = |assets: [AssetInfo; 2]| s.factory.pair_handle(assets).unwrap();
    let old = pair([a.clone(), b]).config().unwrap();
    assert_eq!((old.total_fee_bps, old.observation_capacity), (30, 360));
    let new = pair([a.clone(), c.clone()]).config().unwrap();
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
    let owner = pair([a, c]).ownership().unwrap();
    assert_eq!(owner.owner, Some(bob.to_string()));
}
