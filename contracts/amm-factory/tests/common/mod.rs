//! Shared fixtures of the factory tests: a multi-test app with the suite's token (`poe-token`),
//! the pair and the factory codes, four cw20s (AAA, BBB, CCC, DDD) and a native denom; the
//! factory owned by `gov`, pairs owned by `gov`, protocol fees to `treasury`.
#![allow(dead_code, unused_imports)]

use anyhow::Result as AnyResult;
use cosmwasm_std::{coin, coins, to_json_binary, Addr, Coin, Decimal, Empty, Record, Uint128};
use cw20::{BalanceResponse, Cw20Coin, Cw20ExecuteMsg, Cw20QueryMsg};
use cw_multi_test::{App, AppResponse, Contract, ContractWrapper, Executor};

pub use poe_amm_factory::msg::{
    AssetInfo, ConfigResponse, ExecuteMsg, InstantiateMsg, PairInfo, PairsResponse, QueryMsg,
    DEFAULT_PROTOCOL_FEE_SHARE,
};
pub use poe_amm_factory::ContractError;
pub use poe_amm_pair::msg as pair_msg;

pub const DENOM: &str = "uatom";
pub const START: u128 = 1_000_000_000_000_000;

pub fn factory_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            poe_amm_factory::contract::execute,
            poe_amm_factory::contract::instantiate,
            poe_amm_factory::contract::query,
        )
        .with_reply(poe_amm_factory::contract::reply)
        .with_migrate(poe_amm_factory::contract::migrate),
    )
}

pub fn pair_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            poe_amm_pair::contract::execute,
            poe_amm_pair::contract::instantiate,
            poe_amm_pair::contract::query,
        )
        .with_reply(poe_amm_pair::contract::reply),
    )
}

pub fn token_contract() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(
        poe_token::contract::execute,
        poe_token::contract::instantiate,
        poe_token::contract::query,
    ))
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
        let mut app = App::default();
        let api = app.api();
        let [gov, treasury, alice, bob, admin] =
            ["gov", "treasury", "alice", "bob", "admin"].map(|n| api.addr_make(n));
        app.init_modules(|router, _, storage| {
            for user in [&alice, &bob] {
                router
                    .bank
                    .init_balance(storage, user, coins(START, DENOM))
                    .expect("bank balance");
            }
        });
        let token_code = app.store_code(token_contract());
        let pair_code = app.store_code(pair_contract());
        let factory_code = app.store_code(factory_contract());
        let tokens = ["AAA", "BBB", "CCC", "DDD"]
            .iter()
            .map(|symbol| {
                app.instantiate_contract(
                    token_code,
                    admin.clone(),
                    &poe_token::msg::InstantiateMsg {
                        name: format!("{symbol} token"),
                        symbol: symbol.to_string(),
                        decimals: 6,
                        initial_balances: [&alice, &bob]
                            .iter()
                            .map(|a| Cw20Coin {
                                address: a.to_string(),
                                amount: Uint128::new(START),
                            })
                            .collect(),
                        mint: None,
                        marketing: None,
                        transfer_burn_bps: None,
                        owner: None,
                    },
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
    pub fn snapshot(&self) -> Vec<Record> {
        self.app.dump_wasm_raw(&self.factory)
    }

    /// Runs `action`, expects it to fail with exactly `expected`, and checks nothing changed.
    pub fn assert_rejected(
        &mut self,
        expected: ContractError,
        action: impl FnOnce(&mut Self) -> AnyResult<AppResponse>,
    ) {
        let before = self.snapshot();
        let err = action(self).expect_err("message is rejected");
        assert_eq!(contract_err(&err), &expected);
        assert_eq!(self.snapshot(), before, "state changed after {expected:?}");
    }
}

/// The factory's `ContractError` anywhere in a multi-test error's chain.
pub fn contract_err(err: &anyhow::Error) -> &ContractError {
    err.downcast_ref::<ContractError>()
        .or_else(|| err.chain().find_map(|e| e.downcast_ref::<ContractError>()))
        .unwrap_or_else(|| panic!("not a factory ContractError: {err:?}"))
}

/// The attributes of the `wasm` events emitted by `contract`, `_contract_address` left out.
pub fn wasm_attrs(res: &AppResponse, contract: &Addr) -> Vec<(String, String)> {
    res.events
        .iter()
        .filter(|e| e.ty == "wasm")
        .filter(|e| {
            e.attributes
                .iter()
                .any(|a| a.key == "_contract_address" && a.value == contract.as_str())
        })
        .flat_map(|e| e.attributes.iter())
        .filter(|a| a.key != "_contract_address")
        .map(|a| (a.key.clone(), a.value.clone()))
        .collect()
}

pub fn u(n: u128) -> Uint128 {
    Uint128::new(n)
}
