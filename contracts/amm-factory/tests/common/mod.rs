//! Shared fixtures of the factory tests: a multi-test app with the suite's token (`poe-token`),
//! the pair and the factory codes, four cw20s (AAA, BBB, CCC, DDD) and a native denom; the
//! factory owned by `gov`, pairs owned by `gov`, protocol fees to `treasury`. Messages and
//! queries go through poe-test-utils' typed handles (`Handle<Factory>`, `TokenHandle`,
//! `PairHandle`).
#![allow(dead_code, unused_imports, unused_macros)]

use anyhow::Result as AnyResult;
use cosmwasm_std::{coins, Addr, Empty};
use cw_multi_test::{AppResponse, Contract, Executor};
use poe_test_utils::{
    app_with_native_balances, assert_rejected_unchanged, contract_wrapper, find_error, share,
    token_instantiate_msg, Snapshot,
};

pub use poe_test_utils::handles::Factory;
pub use poe_test_utils::{
    token_asset, u, wasm_attrs, Cw20Handle, Handle, PairHandle, SharedApp, SwapBounds, TokenHandle,
};

pub use poe_amm_factory::msg::{
    AssetInfo, ConfigResponse, ExecuteMsg, InstantiateMsg, PairInfo, PairsResponse, QueryMsg,
    DEFAULT_PROTOCOL_FEE_SHARE,
};
pub use poe_amm_factory::ContractError;
pub use poe_amm_pair::msg as pair_msg;

pub const DENOM: &str = "uatom";
pub const START: u128 = 1_000_000_000_000_000;

pub fn factory_contract() -> Box<dyn Contract<Empty>> {
    contract_wrapper!(poe_amm_factory, reply, migrate)
}

pub fn pair_contract() -> Box<dyn Contract<Empty>> {
    contract_wrapper!(poe_amm_pair, reply)
}

pub fn token_contract() -> Box<dyn Contract<Empty>> {
    contract_wrapper!(poe_token)
}

pub fn cw20(addr: &Addr) -> AssetInfo {
    AssetInfo::Token {
        contract_addr: addr.to_string(),
    }
}

pub fn native(denom: &str) -> AssetInfo {
    AssetInfo::NativeToken {
        denom: denom.to_string(),
    }
}

/// The factory's `UpdateConfig` changing only the fields named, e.g.
/// `update!(total_fee_bps: Some(0))`; every other field `None`.
macro_rules! update {
    ($($field:ident: $value:expr),* $(,)?) => {{
        let mut msg = ExecuteMsg::UpdateConfig {
            pair_code_id: None,
            token_code_id: None,
            pair_owner: None,
            fee_address: None,
            total_fee_bps: None,
            protocol_fee_share: None,
            observation_capacity: None,
            observation_interval_seconds: None,
        };
        if let ExecuteMsg::UpdateConfig { $($field,)* .. } = &mut msg {
            $(*$field = $value;)*
        }
        msg
    }};
}
pub(crate) use update;

pub struct Suite {
    /// The chain, shared with every handle below.
    pub app: SharedApp,
    pub factory: Handle<Factory>,
    pub token_code: u64,
    pub pair_code: u64,
    /// AAA, BBB, CCC and DDD.
    pub tokens: Vec<TokenHandle>,
    pub gov: Addr,
    pub treasury: Addr,
    pub alice: Addr,
    pub bob: Addr,
}

impl Suite {
    pub fn new() -> Self {
        let mut app = app_with_native_balances(&["alice", "bob"], &coins(START, DENOM));
        let api = app.api();
        let [gov, treasury, alice, bob, admin] =
            ["gov", "treasury", "alice", "bob", "admin"].map(|n| api.addr_make(n));
        let token_code = app.store_code(token_contract());
        let pair_code = app.store_code(pair_contract());
        let factory_code = app.store_code(factory_contract());
        let tokens: Vec<(Addr, &str)> = ["AAA", "BBB", "CCC", "DDD"]
            .into_iter()
            .map(|symbol| {
                let addr = app
                    .instantiate_contract(
                        token_code,
                        admin.clone(),
                        &token_instantiate_msg(symbol, &[&alice, &bob], START),
                        &[],
                        symbol,
                        None,
                    )
                    .expect("token instantiates");
                (addr, symbol)
            })
            .collect();
        let factory = app
            .instantiate_contract(
                factory_code,
                admin.clone(),
                &InstantiateMsg {
                    owner: Some(gov.to_string()),
                    pair_code_id: pair_code,
                    token_code_id: token_code,
                    pair_owner: None,
                    fee_address: Some(treasury.to_string()),
                    total_fee_bps: None,
                    protocol_fee_share: None,
                    observation_capacity: None,
                    observation_interval_seconds: None,
                },
                &[],
                "factory",
                Some(gov.to_string()),
            )
            .expect("factory instantiates");
        let app = share(app);
        Suite {
            factory: Handle::new(app.clone(), factory),
            tokens: tokens
                .into_iter()
                .map(|(addr, symbol)| TokenHandle::new(app.clone(), addr, symbol))
                .collect(),
            app,
            token_code,
            pair_code,
            gov,
            treasury,
            alice,
            bob,
        }
    }

    /// The first `N` tokens as AMM assets (AAA, BBB, ...).
    pub fn assets<const N: usize>(&self) -> [AssetInfo; N] {
        std::array::from_fn(|i| token_asset(&self.tokens[i]))
    }

    /// The factory's raw storage (registry, config, pending pair, owner): if unchanged, no pair
    /// was registered and nothing pends.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot::of(&self.app.borrow())
            .storage([&self.factory.addr])
            .take()
    }

    /// Runs `action`, expects it to fail with exactly `expected`, and checks nothing changed.
    pub fn assert_rejected(
        &mut self,
        expected: ContractError,
        action: impl FnOnce(&mut Self) -> AnyResult<AppResponse>,
    ) {
        assert_rejected_unchanged(self, Self::snapshot, &expected, &expected, action);
    }
}

/// The factory's `ContractError` anywhere in a multi-test error's chain.
pub fn contract_err(err: &anyhow::Error) -> &ContractError {
    find_error(err)
}
