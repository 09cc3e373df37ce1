//! Shared fixtures of the factory tests: a multi-test app with the suite's token (`poe-token`),
//! the pair and the factory codes, four cw20s (AAA, BBB, CCC, DDD) and a native denom; the
//! factory owned by `gov`, pairs owned by `gov`, protocol fees to `treasury`.
#![allow(dead_code, unused_imports)]

use anyhow::Result as AnyResult;
use cosmwasm_std::{coin, coins, to_json_binary, Addr, Coin, Decimal, Empty, Record, Uint128};
use cw20::{BalanceResponse, Cw20Coin, Cw20ExecuteMsg, Cw20QueryMsg};
use cw_multi_test::{App, AppResponse, Contract, ContractWrapper, Executor};
use poe_test_utils::{
    app_with_native_balances, assert_rejected_unchanged, contract_wrapper, find_error,
    token_instantiate_msg, Snapshot,
};

pub use poe_test_utils::{u, wasm_attrs};

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

pub struct Suite {
    pub app: App,
    pub factory: Addr,
    pub token_code: u64,
    pub pair_code: u64,
    pub tokens: Vec<Addr>,
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
        let tokens = ["AAA", "BBB", "CCC", "DDD"]
            .iter()
            .map(|symbol| {
                app.instantiate_contract(
                    token_code,
                    admin.clone(),
                    &token_instantiate_msg(symbol, &[&alice, &bob], START),
                    &[],
                    *symbol,
                    None,
                )
                .expect("token instantiates")
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
        Suite {
            app,
            factory,
            token_code,
            pair_code,
            tokens,
            gov,
            treasury,
            alice,
            bob,
        }
    }

    pub fn exec(&mut self, sender: &Addr, msg: &ExecuteMsg) -> AnyResult<AppResponse> {
        self.app
            .execute_contract(sender.clone(), self.factory.clone(), msg, &[])
    }

    pub fn create(&mut self, sender: &Addr, assets: [AssetInfo; 2]) -> AnyResult<AppResponse> {
        self.exec(
            sender,
            &ExecuteMsg::CreatePair {
                asset_infos: assets,
            },
        )
    }

    pub fn pair(&self, assets: [AssetInfo; 2]) -> AnyResult<PairInfo> {
        Ok(self.app.wrap().query_wasm_smart(
            &self.factory,
            &QueryMsg::Pair {
                asset_infos: assets,
            },
        )?)
    }

    pub fn pairs(&self, start_after: Option<[AssetInfo; 2]>, limit: Option<u32>) -> Vec<PairInfo> {
        let res: PairsResponse = self
            .app
            .wrap()
            .query_wasm_smart(&self.factory, &QueryMsg::Pairs { start_after, limit })
            .expect("pairs answer");
        res.pairs
    }

    pub fn config(&self) -> ConfigResponse {
        self.app
            .wrap()
            .query_wasm_smart(&self.factory, &QueryMsg::Config {})
            .expect("config answers")
    }

    /// The factory's raw storage (registry, config, pending pair, owner): if unchanged, no pair
    /// was registered and nothing pends.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot::of(&self.app).storage([&self.factory]).take()
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
