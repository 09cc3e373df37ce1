//! Shared fixtures of the router tests: the suite's token, the AMM factory and pair codes, five
//! cw20s (AAA, BBB, CCC, DDD, and BRN with a 2 % transfer burn) and a native denom; pairs
//! AAA/BBB, BBB/CCC, CCC/DDD, DDD/uatom, BBB/uatom, AAA/BRN, BRN/CCC created by the factory and
//! seeded by carol; the router on that factory.
#![allow(dead_code, unused_imports)]

use anyhow::Result as AnyResult;
use cosmwasm_std::{coin, coins, to_json_binary, Addr, Coin, Decimal, Empty, Record, Uint128};
use cw20::{BalanceResponse, Cw20Coin, Cw20ExecuteMsg, Cw20QueryMsg};
use cw_multi_test::{App, AppResponse, Contract, ContractWrapper, Executor};

pub use poe_amm_pair::msg as pair_msg;
pub use poe_amm_router::msg::{
    AssetInfo, Cw20HookMsg, ExecuteMsg, InstantiateMsg, QueryMsg, SimulateSwapOperationsResponse,
    SwapOperation, MAX_SWAP_OPERATIONS,
};
pub use poe_amm_router::ContractError;

pub const DENOM: &str = "uatom";
pub const OTHER_DENOM: &str = "uosmo";
pub const START: u128 = 1_000_000_000_000_000;
/// Each side of each seeded pair.
pub const SEED: u128 = 1_000_000_000_000;

pub fn router_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            poe_amm_router::contract::execute,
            poe_amm_router::contract::instantiate,
            poe_amm_router::contract::query,
        )
        .with_reply(poe_amm_router::contract::reply)
        .with_migrate(poe_amm_router::contract::migrate),
    )
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

pub fn op(offer: &AssetInfo, ask: &AssetInfo) -> SwapOperation {
    SwapOperation {
        offer_asset_info: offer.clone(),
        ask_asset_info: ask.clone(),
    }
}

/// Operations along `path`.
pub fn route(path: &[&AssetInfo]) -> Vec<SwapOperation> {
    path.windows(2).map(|w| op(w[0], w[1])).collect()
}

/// Bounds of a route.
#[derive(Clone, Debug, Default)]
pub struct Bounds {
    pub minimum_receive: Option<u128>,
    pub to: Option<String>,
    pub max_spread: Option<Decimal>,
    pub deadline: Option<u64>,
}

impl Bounds {
    pub fn any() -> Self {
        Bounds {
            max_spread: Some(Decimal::one()),
            ..Bounds::default()
        }
    }
}

pub struct Suite {
    pub app: App,
    pub router: Addr,
    pub factory: Addr,
    pub aaa: AssetInfo,
    pub bbb: AssetInfo,
    pub ccc: AssetInfo,
    pub ddd: AssetInfo,
    pub brn: AssetInfo,
    pub atom: AssetInfo,
    pub treasury: Addr,
    pub alice: Addr,
    pub bob: Addr,
    pub carol: Addr,
    pub pairs: Vec<Addr>,
}

impl Suite {
    pub fn new() -> Self {
        let mut app = App::default();
        let api = app.api();
        let [gov, treasury, alice, bob, carol, admin] =
            ["gov", "treasury", "alice", "bob", "carol", "admin"].map(|n| api.addr_make(n));
        let users = [&alice, &bob, &carol];
        app.init_modules(|router, _, storage| {
            for user in users {
                router
                    .bank
                    .init_balance(
                        storage,
                        user,
                        vec![coin(START, DENOM), coin(START, OTHER_DENOM)],
                    )
                    .expect("bank balance");
            }
        });
        let token_code = app.store_code(Box::new(ContractWrapper::new(
            poe_token::contract::execute,
            poe_token::contract::instantiate,
            poe_token::contract::query,
        )));
        let pair_code = app.store_code(Box::new(
            ContractWrapper::new(
                poe_amm_pair::contract::execute,
                poe_amm_pair::contract::instantiate,
                poe_amm_pair::contract::query,
            )
            .with_reply(poe_amm_pair::contract::reply),
        ));
        let factory_code = app.store_code(Box::new(
            ContractWrapper::new(
                poe_amm_factory::contract::execute,
                poe_amm_factory::contract::instantiate,
                poe_amm_factory::contract::query,
            )
            .with_reply(poe_amm_factory::contract::reply),
        ));
        let router_code = app.store_code(router_contract());
        let mut token = |symbol: &str, burn: Option<u16>| {
            let addr = app
                .instantiate_contract(
                    token_code,
                    admin.clone(),
                    &poe_token::msg::InstantiateMsg {
                        name: format!("{symbol} token"),
                        symbol: symbol.to_string(),
                        decimals: 6,
                        initial_balances: users
                            .iter()
                            .map(|a| Cw20Coin {
                                address: a.to_string(),
                                amount: Uint128::new(START),
                            })
                            .collect(),
                        mint: None,
                        marketing: None,
                        transfer_burn_bps: burn,
                        owner: None,
                    },
                    &[],
                    symbol,
                    None,
                )
                .expect("token instantiates");
            cw20(&addr)
        };
        let (aaa, bbb, ccc, ddd, brn) = (
            token("AAA", None),
            token("BBB", None),
            token("CCC", None),
            token("DDD", None),
            token("BRN", Some(200)),
        );
        let factory = app
            .instantiate_contract(
                factory_code,
                admin.clone(),
                &poe_amm_factory::msg::InstantiateMsg {
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
                None,
            )
            .expect("factory instantiates");
        let router = app
            .instantiate_contract(
                router_code,
                admin.clone(),
                &InstantiateMsg {
                    factory: factory.to_string(),
                },
                &[],
                "router",
                None,
            )
            .expect("router instantiates");
        let atom = native(DENOM);
        let mut s = Suite {
            app,
            router,
            factory,
            aaa,
            bbb,
            ccc,
            ddd,
            brn,
            atom,
            treasury,
            alice,
            bob,
            carol,
            pairs: vec![],
        };
        for (x, y) in [
            (s.aaa.clone(), s.bbb.clone()),
            (s.bbb.clone(), s.ccc.clone()),
            (s.ccc.clone(), s.ddd.clone()),
            (s.ddd.clone(), s.atom.clone()),
            (s.bbb.clone(), s.atom.clone()),
            (s.aaa.clone(), s.brn.clone()),
            (s.brn.clone(), s.ccc.clone()),
        ] {
            let pair = s.create_and_seed(&x, &y);
            s.pairs.push(pair);
        }
        s
    }

    /// Creates the pair of `x` and `y` through the factory and has carol deposit `SEED` of each.
    pub fn create_and_seed(&mut self, x: &AssetInfo, y: &AssetInfo) -> Addr {
        let carol = self.carol.clone();
        self.app
            .execute_contract(
                carol.clone(),
                self.factory.clone(),
                &poe_amm_factory::msg::ExecuteMsg::CreatePair {
                    asset_infos: [x.clone(), y.clone()],
                },
                &[],
            )
            .expect("pair created");
        let pair = self.pair_of(x, y);
        let mut funds = vec![];
        for asset in [x, y] {
            match asset {
                AssetInfo::Token { contract_addr } => {
                    self.app
                        .execute_contract(
                            carol.clone(),
                            Addr::unchecked(contract_addr),
                            &Cw20ExecuteMsg::IncreaseAllowance {
                                spender: pair.to_string(),
                                amount: Uint128::new(SEED),
                                expires: None,
                            },
                            &[],
                        )
                        .expect("allowance");
                }
                AssetInfo::NativeToken { denom } => funds.push(coin(SEED, denom)),
            }
        }
        self.app
            .execute_contract(
                carol,
                pair.clone(),
                &pair_msg::ExecuteMsg::ProvideLiquidity {
                    assets: vec![
                        x.with_amount(Uint128::new(SEED)),
                        y.with_amount(Uint128::new(SEED)),
                    ],
                    slippage_tolerance: None,
                    min_lp_to_receive: None,
                    receiver: None,
                },
                &funds,
            )
            .expect("seeded");
        pair
    }

    pub fn pair_of(&self, x: &AssetInfo, y: &AssetInfo) -> Addr {
        let info: pair_msg::PairInfo = self
            .app
            .wrap()
            .query_wasm_smart(
                &self.factory,
                &poe_amm_factory::msg::QueryMsg::Pair {
                    asset_infos: [x.clone(), y.clone()],
                },
            )
            .expect("pair registered");
        Addr::unchecked(info.contract_addr)
    }

    /// `who` swaps `amount` of the first operation's offer along `operations`: a cw20 `Send` to
    /// the router with the hook, or `ExecuteSwapOperations` with the coin.
    pub fn swap(
        &mut self,
        who: &Addr,
        operations: Vec<SwapOperation>,
        amount: u128,
        bounds: &Bounds,
    ) -> AnyResult<AppResponse> {
        let minimum_receive = bounds.minimum_receive.map(Uint128::new);
        let offer = operations
            .first()
            .map(|o| o.offer_asset_info.clone())
            .unwrap_or_else(|| self.aaa.clone());
        match offer {
            AssetInfo::Token { contract_addr } => {
                let hook = Cw20HookMsg::ExecuteSwapOperations {
                    operations,
                    minimum_receive,
                    to: bounds.to.clone(),
                    max_spread: bounds.max_spread,
                    deadline: bounds.deadline,
                };
                self.send(who, &Addr::unchecked(contract_addr), amount, &hook)
            }
            AssetInfo::NativeToken { denom } => {
                let msg = ExecuteMsg::ExecuteSwapOperations {
                    operations,
                    minimum_receive,
                    to: bounds.to.clone(),
                    max_spread: bounds.max_spread,
                    deadline: bounds.deadline,
                };
                self.app.execute_contract(
                    who.clone(),
                    self.router.clone(),
                    &msg,
                    &coins(amount, denom),
                )
            }
        }
    }

    /// A cw20 `Send` of `amount` of `token` from `who` to the router with `hook`.
    pub fn send<T: serde::Serialize>(
        &mut self,
        who: &Addr,
        token: &Addr,
        amount: u128,
        hook: &T,
    ) -> AnyResult<AppResponse> {
        let msg = Cw20ExecuteMsg::Send {
            contract: self.router.to_string(),
            amount: Uint128::new(amount),
            msg: to_json_binary(hook).expect("hook serializes"),
        };
        self.app
            .execute_contract(who.clone(), token.clone(), &msg, &[])
    }

    pub fn simulate(&self, operations: Vec<SwapOperation>, amount: u128) -> AnyResult<u128> {
        let res: SimulateSwapOperationsResponse = self.app.wrap().query_wasm_smart(
            &self.router,
            &QueryMsg::SimulateSwapOperations {
                offer_amount: Uint128::new(amount),
                operations,
            },
        )?;
        Ok(res.amount.u128())
    }

    /// What the pair of `offer`/`ask` would return for `amount` now.
    pub fn pair_simulation(&self, offer: &AssetInfo, ask: &AssetInfo, amount: u128) -> u128 {
        let res: pair_msg::SimulationResponse = self
            .app
            .wrap()
            .query_wasm_smart(
                self.pair_of(offer, ask),
                &pair_msg::QueryMsg::Simulation {
                    offer_asset: offer.with_amount(Uint128::new(amount)),
                },
            )
            .expect("simulation");
        res.return_amount.u128()
    }

    pub fn balance(&self, asset: &AssetInfo, who: &Addr) -> u128 {
        match asset {
            AssetInfo::Token { contract_addr } => {
                let res: BalanceResponse = self
                    .app
                    .wrap()
                    .query_wasm_smart(
                        contract_addr,
                        &Cw20QueryMsg::Balance {
                            address: who.to_string(),
                        },
                    )
                    .expect("token answers");
                res.balance.u128()
            }
            AssetInfo::NativeToken { denom } => self
                .app
                .wrap()
                .query_balance(who, denom)
                .expect("bank answers")
                .amount
                .u128(),
        }
    }

    pub fn assets(&self) -> Vec<AssetInfo> {
        vec![
            self.aaa.clone(),
            self.bbb.clone(),
            self.ccc.clone(),
            self.ddd.clone(),
            self.brn.clone(),
            self.atom.clone(),
            native(OTHER_DENOM),
        ]
    }

    /// The router's and every pair's raw storage, and every balance of every account (users,
    /// router, pairs, treasury) in every asset.
    pub fn snapshot(&self) -> (Vec<Vec<Record>>, Vec<u128>) {
        let mut accounts = vec![
            self.alice.clone(),
            self.bob.clone(),
            self.carol.clone(),
            self.router.clone(),
            self.treasury.clone(),
        ];
        accounts.extend(self.pairs.iter().cloned());
        let mut balances = vec![];
        for asset in self.assets() {
            for who in &accounts {
                balances.push(self.balance(&asset, who));
            }
        }
        let mut storage = vec![self.app.dump_wasm_raw(&self.router)];
        storage.extend(self.pairs.iter().map(|p| self.app.dump_wasm_raw(p)));
        (storage, balances)
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

/// The router's `ContractError` anywhere in a multi-test error's chain.
pub fn contract_err(err: &anyhow::Error) -> &ContractError {
    err.downcast_ref::<ContractError>()
        .or_else(|| err.chain().find_map(|e| e.downcast_ref::<ContractError>()))
        .unwrap_or_else(|| panic!("not a router ContractError: {err:?}"))
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

pub fn token_addr(asset: &AssetInfo) -> Addr {
    match asset {
        AssetInfo::Token { contract_addr } => Addr::unchecked(contract_addr),
        AssetInfo::NativeToken { .. } => panic!("not a cw20"),
    }
}
