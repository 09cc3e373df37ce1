//! Seeded property test of the registry: random `CreatePair` attempts over six assets (four cw20s
//! and two denoms) in random order by two callers. After every step the registry matches a model
//! set of unordered pairs: a new pair is registered and found in both orders; a second pair of
//! the same assets (either order) or of one asset twice is refused and changes nothing; a full
//! walk of `Pairs` with a random page size lists every pair exactly once, in key order.
//!
//! Fixed seed and case count; no failure persistence.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::collections::BTreeSet;

use common::*;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

fn run(attempts: Vec<(usize, usize, bool)>, page: u32) -> Result<(), TestCaseError> {
    let s = Suite::new();
    let callers = [s.alice.clone(), s.bob.clone()];
    let mut assets: Vec<AssetInfo> = s.tokens.iter().map(|t| token_asset(t)).collect();
    assets.push(native(DENOM));
    assets.push(native("uosmo"));
    let mut model: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (i, j, by_bob) in attempts {
        let who = &callers[by_bob as usize];
        let before = s.snapshot();
        let res = s
            .factory
            .create_pair(who, [assets[i].clone(), assets[j].clone()]);
        let key = (i.min(j), i.max(j));
        if i == j {
            let err = res.unwrap_err();
            prop_assert_eq!(contract_err(&err), &ContractError::IdenticalAssets);
            prop_assert_eq!(s.snapshot(), before);
        } else if model.contains(&key) {
            let err = res.unwrap_err();
            let refused = matches!(contract_err(&err), ContractError::PairExists { .. });
            prop_assert!(refused, "expected PairExists, got {:?}", err);
            prop_assert_eq!(s.snapshot(), before);
        } else {
            res.map_err(|e| TestCaseError::fail(format!("create failed: {e:?}")))?;
            model.insert(key);
            let info = s
                .factory
                .pair([assets[i].clone(), assets[j].clone()])
                .unwrap();
            prop_assert_eq!(&info.asset_infos, &[assets[i].clone(), assets[j].clone()]);
            prop_assert_eq!(
                s.factory
                    .pair([assets[j].clone(), assets[i].clone()])
                    .unwrap(),
                info
            );
        }
        prop_assert_eq!(s.factory.config().unwrap().pair_count, model.len() as u64);
    }
    // a full walk of the pages
    let mut listed = vec![];
    let mut start = None;
    loop {
        let chunk = s.factory.pairs(start.clone(), Some(page)).unwrap();
        prop_assert!(chunk.len() <= page as usize);
        let Some(last) = chunk.last() else { break };
        start = Some(last.asset_infos.clone());
        listed.extend(chunk);
    }
    prop_assert_eq!(listed.len(), model.len());
    let addrs: BTreeSet<_> = listed.iter().map(|p| p.contract_addr.clone()).collect();
    prop_assert_eq!(addrs.len(), model.len());
    Ok(())
}

proptest! {
    #![proptest_config(Config {
        cases: 64,
        rng_seed: RngSeed::Fixed(0x5EED_0AF0),
        failure_persistence: None,
        ..Config::default()
    })]

    #[test]
    fn the_registry_holds_one_pair_per_unordered_asset_pair(
        attempts in proptest::collection::vec((0..6usize, 0..6usize, any::<bool>()), 1..30),
        page in 1u32..8,
    ) {
        run(attempts, page)?;
    }
}
