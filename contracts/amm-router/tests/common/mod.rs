//! Shared fixtures of the router tests: the suite's token, the AMM factory and pair codes, five
//! cw20s (AAA, BBB, CCC, DDD, and BRN with a 2 % transfer burn) and a native denom; pairs
//! AAA/BBB, BBB/CCC, CCC/DDD, DDD/uatom, BBB/uatom, AAA/BRN, BRN/CCC created by the factory and
//! seeded by carol; the router on that factory.
#![allow(dead_code, unused_imports)]

use anyhow::Result as AnyResult;
use cosmwasm_std::{coin, coins, to_json_binary, Addr, Coin, Decimal, Empty, Record, Uint128};
use cw20::{BalanceResponse, Cw20Coin, Cw20ExecuteMsg, Cw20QueryMsg};
use cw_multi_test::{App, AppResponse, Contract, ContractWrapper, Executor};
use poe_test_utils::{
    app_with_native_balances, assert_rejected_unchanged, contract_wrapper, cw20_balance, cw20_send,
    find_error, native_balance, token_instantiate_msg, Asset, Snapshot,
};

pub use poe_test_utils::wasm_attrs;

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
    contract_wrapper!(poe_amm_router, reply, migrate)
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
        let mut app = app_with_native_balances(
            &["alice", "bob", "carol"],
            &[coin(START, DENOM), coin(START, OTHER_DENOM)],
        );
        let api = app.api();
        let [gov, treasury, alice, bob, carol, admin] =
            ["gov", "treasury", "alice", "bob", "carol", "admin"].map(|n| api.addr_make(n));
        let users = [&alice, &bob, &carol];
        let token_code = app.store_code(contract_wrapper!(poe_token));
        let pair_code = app.store_code(contract_wrapper!(poe_amm_pair, reply));
        let factory_code = app.store_code(contract_wrapper!(poe_amm_factory, reply));
        let router_code = app.store_code(router_contract());
        let mut token = |symbol: &str, burn: Option<u16>| {
            let addr = app
                .instantiate_contract(
                    token_code,
                    admin.clone(),
                    &poe_token::msg::InstantiateMsg {
                        transfer_burn_bps: burn,
                        ..token_instantiate_msg(symbol, &users, START)
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
                    observation_interval_seconds: None,
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
        cw20_send(&mut self.app, who, token, &self.router, amount, hook)
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
                cw20_balance(&self.app, &Addr::unchecked(contract_addr), who)
            }
            AssetInfo::NativeToken { denom } => native_balance(&self.app, who, denom),
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
    pub fn snapshot(&self) -> Snapshot {
        let mut accounts = vec![
            self.alice.clone(),
            self.bob.clone(),
            self.carol.clone(),
            self.router.clone(),
            self.treasury.clone(),
        ];
        accounts.extend(self.pairs.iter().cloned());
        let assets: Vec<Asset> = self
            .assets()
            .iter()
            .map(|asset| match asset {
                AssetInfo::Token { contract_addr } => Asset::Cw20(Addr::unchecked(contract_addr)),
                AssetInfo::NativeToken { denom } => Asset::native(denom),
            })
            .collect();
        Snapshot::of(&self.app)
            .storage(std::iter::once(&self.router).chain(&self.pairs))
            .balances(&assets, &accounts)
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

/// The router's `ContractError` anywhere in a multi-test error's chain.
pub fn contract_err(err: &anyhow::Error) -> &ContractError {
    find_error(err)
}

pub fn token_addr(asset: &AssetInfo) -> Addr {
    match asset {
        AssetInfo::Token { contract_addr } => Addr::unchecked(contract_addr),
        AssetInfo::NativeToken { .. } => panic!("not a cw20"),
    }
}
