//! Shared fixtures of the pair tests: a multi-test app with the suite's token (`poe-token`) for
//! three cw20s (AAA, BBB, and BRN with a 2 % transfer burn), a native denom, and pairs
//! instantiated by a stand-in factory account, owned by `gov`, paying protocol fees to
//! `treasury`; typed helpers for every message and query.
#![allow(dead_code, unused_imports)]

use anyhow::Result as AnyResult;
use cosmwasm_std::{
    coin, coins, to_json_binary, Addr, Coin, Decimal, Empty, Record, Timestamp, Uint128,
};
use cw20::{BalanceResponse, Cw20Coin, Cw20ExecuteMsg, Cw20QueryMsg, TokenInfoResponse};
use cw_multi_test::{App, AppResponse, Contract, ContractWrapper, Executor};
use poe_test_utils::{
    advance, app_with_native_balances, assert_rejected_unchanged, contract_wrapper, cw20_send,
    find_error, native_balance, token_instantiate_msg, Asset as Holding, Snapshot,
};

pub use poe_test_utils::{expect_wasm_attr as attr, u, wasm_attrs};

pub use poe_amm_pair::msg::{
    Asset, AssetInfo, ConfigResponse, CumulativePricesResponse, Cw20HookMsg, ExecuteMsg,
    InstantiateMsg, PairInfo, PoolResponse, QueryMsg, ReverseSimulationResponse,
    SimulationResponse, TwapResponse, DEFAULT_MAX_SPREAD, MINIMUM_LIQUIDITY,
};
pub use poe_amm_pair::ContractError;
pub use poe_controllers::PauseError;

/// The native denom of the tests.
pub const DENOM: &str = "uatom";
/// Another native denom nobody trades.
pub const OTHER_DENOM: &str = "uosmo";
/// What every user starts with in every token and denom.
pub const START: u128 = 1_000_000_000_000_000;
/// The pairs' fee: 0.3 %, 20 % of it to the treasury.
pub const FEE_BPS: u16 = 30;
pub fn protocol_share() -> Decimal {
    Decimal::percent(20)
}

pub fn pair_contract() -> Box<dyn Contract<Empty>> {
    contract_wrapper!(poe_amm_pair, reply, migrate)
}

pub fn token_contract() -> Box<dyn Contract<Empty>> {
    contract_wrapper!(poe_token)
}

/// A pair under test.
#[derive(Clone, Debug)]
pub struct Pair {
    pub addr: Addr,
    pub lp: Addr,
    pub assets: [AssetInfo; 2],
}

/// The optional swap bounds.
#[derive(Clone, Debug, Default)]
pub struct Bounds {
    pub belief_price: Option<Decimal>,
    pub max_spread: Option<Decimal>,
    pub minimum_receive: Option<u128>,
    pub to: Option<String>,
    pub deadline: Option<u64>,
}

impl Bounds {
    /// No spread bound (1), so only the pool decides.
    pub fn any() -> Self {
        Bounds {
            max_spread: Some(Decimal::one()),
            ..Bounds::default()
        }
    }
}

pub struct Suite {
    pub app: App,
    pub token_code: u64,
    pub pair_code: u64,
    pub aaa: Addr,
    pub bbb: Addr,
    /// A cw20 that is in no pair.
    pub ccc: Addr,
    /// A cw20 with a 2 % transfer burn.
    pub brn: Addr,
    pub gov: Addr,
    pub treasury: Addr,
    /// Stands in for the factory (the instantiator).
    pub factory: Addr,
    pub alice: Addr,
    pub bob: Addr,
    pub carol: Addr,
    pub dave: Addr,
    /// AAA/BBB.
    pub ab: Pair,
    /// AAA/uatom.
    pub an: Pair,
    /// The pairs' observation interval, seconds.
    pub interval: u64,
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

impl Suite {
    /// Tokens, and the AAA/BBB and AAA/uatom pairs with the default observation capacity.
    pub fn new() -> Self {
        Self::with_capacity(360)
    }

    /// Pairs keeping `capacity` observations one second apart at least (one per block with
    /// activity, as the tests' blocks are seconds apart).
    pub fn with_capacity(capacity: u32) -> Self {
        Self::with_ring(capacity, 1)
    }

    /// Pairs keeping `capacity` observations at least `interval` seconds apart.
    pub fn with_ring(capacity: u32, interval: u64) -> Self {
        let mut app = app_with_native_balances(
            &["alice", "bob", "carol", "dave"],
            &[coin(START, DENOM), coin(START, OTHER_DENOM)],
        );
        let api = app.api();
        let [gov, treasury, factory, alice, bob, carol, dave, admin] = [
            "gov", "treasury", "factory", "alice", "bob", "carol", "dave", "admin",
        ]
        .map(|n| api.addr_make(n));
        let users = [&alice, &bob, &carol, &dave];
        let token_code = app.store_code(token_contract());
        let pair_code = app.store_code(pair_contract());
        let mut token = |symbol: &str, burn: Option<u16>| {
            app.instantiate_contract(
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
            .expect("token instantiates")
        };
        let (aaa, bbb, ccc, brn) = (
            token("AAA", None),
            token("BBB", None),
            token("CCC", None),
            token("BRN", Some(200)),
        );
        let placeholder = Pair {
            addr: Addr::unchecked(""),
            lp: Addr::unchecked(""),
            assets: [cw20(&aaa), cw20(&bbb)],
        };
        let mut s = Suite {
            app,
            token_code,
            pair_code,
            aaa,
            bbb,
            ccc,
            brn,
            gov,
            treasury,
            factory,
            alice,
            bob,
            carol,
            dave,
            ab: placeholder.clone(),
            an: placeholder,
            interval,
        };
        s.interval = interval;
        s.ab = s
            .create_pair([cw20(&s.aaa), cw20(&s.bbb)], capacity)
            .expect("AAA/BBB");
        s.an = s
            .create_pair([cw20(&s.aaa), native(DENOM)], capacity)
            .expect("AAA/uatom");
        s
    }

    pub fn instantiate_msg(&self, assets: [AssetInfo; 2], capacity: u32) -> InstantiateMsg {
        InstantiateMsg {
            asset_infos: assets,
            token_code_id: self.token_code,
            owner: self.gov.to_string(),
            fee_address: Some(self.treasury.to_string()),
            total_fee_bps: FEE_BPS,
            protocol_fee_share: protocol_share(),
            observation_capacity: capacity,
            observation_interval_seconds: self.interval,
        }
    }

    /// Instantiates a pair from the stand-in factory.
    pub fn create_pair(&mut self, assets: [AssetInfo; 2], capacity: u32) -> AnyResult<Pair> {
        let msg = self.instantiate_msg(assets.clone(), capacity);
        let addr = self.app.instantiate_contract(
            self.pair_code,
            self.factory.clone(),
            &msg,
            &[],
            "pair",
            Some(self.gov.to_string()),
        )?;
        let info: PairInfo = self
            .app
            .wrap()
            .query_wasm_smart(&addr, &QueryMsg::Pair {})?;
        Ok(Pair {
            addr,
            lp: Addr::unchecked(info.liquidity_token),
            assets,
        })
    }

    pub fn users(&self) -> [Addr; 4] {
        [
            self.alice.clone(),
            self.bob.clone(),
            self.carol.clone(),
            self.dave.clone(),
        ]
    }

    /// Moves the chain `seconds` and `blocks` forward.
    pub fn advance(&mut self, seconds: u64, blocks: u64) {
        advance(&mut self.app, seconds, blocks);
    }

    pub fn now(&self) -> u64 {
        self.app.block_info().time.seconds()
    }

    pub fn exec(
        &mut self,
        sender: &Addr,
        pair: &Pair,
        msg: &ExecuteMsg,
        funds: &[Coin],
    ) -> AnyResult<AppResponse> {
        self.app
            .execute_contract(sender.clone(), pair.addr.clone(), msg, funds)
    }

    /// `who` gives `pair` an allowance of `amount` of the cw20 `token`.
    pub fn approve(&mut self, who: &Addr, token: &Addr, spender: &Addr, amount: u128) {
        self.app
            .execute_contract(
                who.clone(),
                token.clone(),
                &Cw20ExecuteMsg::IncreaseAllowance {
                    spender: spender.to_string(),
                    amount: Uint128::new(amount),
                    expires: None,
                },
                &[],
            )
            .expect("allowance");
    }

    /// `ProvideLiquidity` of `amounts` (in the pair's order) by `who`: allowances for the cw20
    /// parts, funds for the native parts.
    pub fn provide_with(
        &mut self,
        who: &Addr,
        pair: &Pair,
        amounts: [u128; 2],
        slippage_tolerance: Option<Decimal>,
        min_lp_to_receive: Option<u128>,
        receiver: Option<String>,
    ) -> AnyResult<AppResponse> {
        let mut funds = vec![];
        for (asset, amount) in pair.assets.iter().zip(amounts) {
            match asset {
                AssetInfo::Token { contract_addr } => {
                    self.approve(who, &Addr::unchecked(contract_addr), &pair.addr, amount)
                }
                AssetInfo::NativeToken { denom } => {
                    if amount > 0 {
                        funds.push(coin(amount, denom))
                    }
                }
            }
        }
        let msg = ExecuteMsg::ProvideLiquidity {
            assets: vec![
                pair.assets[0].with_amount(Uint128::new(amounts[0])),
                pair.assets[1].with_amount(Uint128::new(amounts[1])),
            ],
            slippage_tolerance,
            min_lp_to_receive: min_lp_to_receive.map(Uint128::new),
            receiver,
        };
        self.exec(who, pair, &msg, &funds)
    }

    pub fn provide(
        &mut self,
        who: &Addr,
        pair: &Pair,
        amounts: [u128; 2],
    ) -> AnyResult<AppResponse> {
        self.provide_with(who, pair, amounts, None, None, None)
    }

    /// `who` swaps `amount` of the pair's asset `offer` (0 or 1): a cw20 `Send` with the `Swap`
    /// hook, or `Swap` with funds.
    pub fn swap(
        &mut self,
        who: &Addr,
        pair: &Pair,
        offer: usize,
        amount: u128,
        bounds: &Bounds,
    ) -> AnyResult<AppResponse> {
        let minimum_receive = bounds.minimum_receive.map(Uint128::new);
        match pair.assets[offer].clone() {
            AssetInfo::Token { contract_addr } => {
                let hook = Cw20HookMsg::Swap {
                    belief_price: bounds.belief_price,
                    max_spread: bounds.max_spread,
                    minimum_receive,
                    to: bounds.to.clone(),
                    deadline: bounds.deadline,
                };
                self.send(
                    who,
                    &Addr::unchecked(contract_addr),
                    &pair.addr,
                    amount,
                    &hook,
                )
            }
            AssetInfo::NativeToken { denom } => {
                let msg = ExecuteMsg::Swap {
                    offer_asset: native(&denom).with_amount(Uint128::new(amount)),
                    belief_price: bounds.belief_price,
                    max_spread: bounds.max_spread,
                    minimum_receive,
                    to: bounds.to.clone(),
                    deadline: bounds.deadline,
                };
                self.exec(who, pair, &msg, &coins(amount, denom))
            }
        }
    }

    /// A cw20 `Send` of `amount` of `token` from `who` to `contract` with `hook`.
    pub fn send<T: serde::Serialize>(
        &mut self,
        who: &Addr,
        token: &Addr,
        contract: &Addr,
        amount: u128,
        hook: &T,
    ) -> AnyResult<AppResponse> {
        cw20_send(&mut self.app, who, token, contract, amount, hook)
    }

    /// `who` withdraws `share` LP units of `pair`, with optional minimums in the pair's order.
    pub fn withdraw(
        &mut self,
        who: &Addr,
        pair: &Pair,
        share: u128,
        minimums: Option<[u128; 2]>,
    ) -> AnyResult<AppResponse> {
        let hook = Cw20HookMsg::WithdrawLiquidity {
            min_assets_to_receive: minimums.map(|m| {
                vec![
                    pair.assets[0].with_amount(Uint128::new(m[0])),
                    pair.assets[1].with_amount(Uint128::new(m[1])),
                ]
            }),
        };
        let lp = pair.lp.clone();
        self.send(who, &lp, &pair.addr, share, &hook)
    }

    pub fn query<T: serde::de::DeserializeOwned>(
        &self,
        pair: &Pair,
        msg: &QueryMsg,
    ) -> AnyResult<T> {
        Ok(self.app.wrap().query_wasm_smart(&pair.addr, msg)?)
    }

    pub fn pool(&self, pair: &Pair) -> PoolResponse {
        self.query(pair, &QueryMsg::Pool {}).expect("pool answers")
    }

    pub fn reserves(&self, pair: &Pair) -> [u128; 2] {
        let pool = self.pool(pair);
        [pool.assets[0].amount.u128(), pool.assets[1].amount.u128()]
    }

    pub fn total_share(&self, pair: &Pair) -> u128 {
        self.pool(pair).total_share.u128()
    }

    pub fn config(&self, pair: &Pair) -> ConfigResponse {
        self.query(pair, &QueryMsg::Config {})
            .expect("config answers")
    }

    pub fn simulate(
        &self,
        pair: &Pair,
        offer: usize,
        amount: u128,
    ) -> AnyResult<SimulationResponse> {
        self.query(
            pair,
            &QueryMsg::Simulation {
                offer_asset: pair.assets[offer].with_amount(Uint128::new(amount)),
            },
        )
    }

    pub fn reverse(
        &self,
        pair: &Pair,
        ask: usize,
        amount: u128,
    ) -> AnyResult<ReverseSimulationResponse> {
        self.query(
            pair,
            &QueryMsg::ReverseSimulation {
                ask_asset: pair.assets[ask].with_amount(Uint128::new(amount)),
            },
        )
    }

    pub fn twap(&self, pair: &Pair, window_seconds: u64) -> AnyResult<TwapResponse> {
        self.query(pair, &QueryMsg::Twap { window_seconds })
    }

    pub fn cumulative(&self, pair: &Pair) -> CumulativePricesResponse {
        self.query(pair, &QueryMsg::CumulativePrices {})
            .expect("cumulative prices answer")
    }

    /// `who`'s balance of `asset`.
    pub fn balance(&self, asset: &AssetInfo, who: &Addr) -> u128 {
        match asset {
            AssetInfo::Token { contract_addr } => {
                self.cw20_balance(&Addr::unchecked(contract_addr), who)
            }
            AssetInfo::NativeToken { denom } => native_balance(&self.app, who, denom),
        }
    }

    pub fn cw20_balance(&self, token: &Addr, who: &Addr) -> u128 {
        poe_test_utils::cw20_balance(&self.app, token, who)
    }

    pub fn lp_balance(&self, pair: &Pair, who: &Addr) -> u128 {
        self.cw20_balance(&pair.lp, who)
    }

    pub fn lp_supply(&self, pair: &Pair) -> u128 {
        poe_test_utils::cw20_supply(&self.app, &pair.lp)
    }

    /// Every pair's raw storage plus every balance of every account in every token, LP token and
    /// denom: if this is unchanged, nothing moved.
    pub fn snapshot(&self) -> Snapshot {
        let pairs = [&self.ab, &self.an];
        let mut accounts = vec![
            self.gov.clone(),
            self.treasury.clone(),
            self.factory.clone(),
        ];
        accounts.extend(self.users());
        accounts.extend(pairs.iter().map(|p| p.addr.clone()));
        let mut assets = vec![
            Holding::cw20(&self.aaa),
            Holding::cw20(&self.bbb),
            Holding::cw20(&self.ccc),
            Holding::cw20(&self.brn),
            Holding::native(DENOM),
            Holding::native(OTHER_DENOM),
        ];
        assets.extend(pairs.iter().map(|p| Holding::cw20(&p.lp)));
        Snapshot::of(&self.app)
            .storage(pairs.iter().map(|p| &p.addr))
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

    /// Both pairs seeded: AAA/BBB 1,000,000,000 / 2,000,000,000 and AAA/uatom 1,000,000,000 /
    /// 500,000,000, by carol; then one block passes.
    pub fn seeded() -> Self {
        let mut s = Suite::new();
        let (carol, ab, an) = (s.carol.clone(), s.ab.clone(), s.an.clone());
        s.provide(&carol, &ab, [1_000_000_000, 2_000_000_000])
            .expect("seed AB");
        s.provide(&carol, &an, [1_000_000_000, 500_000_000])
            .expect("seed AN");
        s.advance(5, 1);
        s
    }
}

/// The pair's `ContractError` anywhere in a multi-test error's chain (a hook's error is wrapped by
/// the token's `Send`, a reply's by the submessage).
pub fn contract_err(err: &anyhow::Error) -> &ContractError {
    find_error(err)
}
