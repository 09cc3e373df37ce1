//! Shared fixtures of the pair tests: a multi-test app with the suite's token (`poe-token`) for
//! four cw20s (AAA, BBB, CCC in no pair, and BRN with a 2 % transfer burn), a native denom, and
//! pairs instantiated by a stand-in factory account, owned by `gov`, paying protocol fees to
//! `treasury`. Messages and queries go through poe-test-utils' typed handles (`TokenHandle`,
//! `PairHandle`); the suite adds only the tests' conventions on top: amounts as `u128` in the
//! pair's order, an offered or asked asset by its index (0 or 1).
#![allow(dead_code, unused_imports)]

use anyhow::Result as AnyResult;
use cosmwasm_std::{coin, Addr, Decimal, Empty, StdResult, Uint128};
use cw_multi_test::{AppResponse, Contract, Executor};
use poe_test_utils::{
    advance, app_with_native_balances, assert_rejected_unchanged, contract_wrapper, find_error,
    share, token_instantiate_msg, Asset as Holding, Snapshot,
};

pub use poe_test_utils::{
    expect_wasm_attr as attr, token_asset, u, wasm_attrs, Cw20Handle, PairHandle, SharedApp,
    SwapBounds, TokenHandle,
};

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

pub struct Suite {
    /// The chain, shared with every handle below.
    pub app: SharedApp,
    pub token_code: u64,
    pub pair_code: u64,
    pub aaa: TokenHandle,
    pub bbb: TokenHandle,
    /// A cw20 that is in no pair.
    pub ccc: TokenHandle,
    /// A cw20 with a 2 % transfer burn.
    pub brn: TokenHandle,
    pub gov: Addr,
    pub treasury: Addr,
    /// Stands in for the factory (the instantiator).
    pub factory: Addr,
    pub alice: Addr,
    pub bob: Addr,
    pub carol: Addr,
    pub dave: Addr,
    /// AAA/BBB.
    pub ab: PairHandle,
    /// AAA/uatom.
    pub an: PairHandle,
    /// The pairs' observation interval, seconds.
    pub interval: u64,
}

/// A cw20 token given by its address as an AMM asset (for a token that has no handle; a
/// [`TokenHandle`] is `token_asset(&handle)`).
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

/// `amounts` of the pair's two assets, in the pair's order.
pub fn pair_assets(pair: &PairHandle, amounts: [u128; 2]) -> Vec<Asset> {
    vec![
        pair.assets[0].with_amount(Uint128::new(amounts[0])),
        pair.assets[1].with_amount(Uint128::new(amounts[1])),
    ]
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
        let tokens = [
            ("AAA", None),
            ("BBB", None),
            ("CCC", None),
            ("BRN", Some(200)),
        ]
        .map(|(symbol, burn)| {
            let msg = poe_token::msg::InstantiateMsg {
                transfer_burn_bps: burn,
                ..token_instantiate_msg(symbol, &users, START)
            };
            let addr = app
                .instantiate_contract(token_code, admin.clone(), &msg, &[], symbol, None)
                .expect("token instantiates");
            (addr, symbol)
        });
        let app = share(app);
        let [aaa, bbb, ccc, brn] =
            tokens.map(|(addr, symbol)| TokenHandle::new(app.clone(), addr, symbol));
        let pair = |assets: [AssetInfo; 2]| {
            let msg = pair_instantiate_msg(token_code, &gov, &treasury, interval, assets, capacity);
            instantiate_pair(&app, pair_code, &factory, &gov, &msg)
        };
        let ab = pair([token_asset(&aaa), token_asset(&bbb)]).expect("AAA/BBB");
        let an = pair([token_asset(&aaa), native(DENOM)]).expect("AAA/uatom");
        Suite {
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
            ab,
            an,
            interval,
        }
    }

    pub fn instantiate_msg(&self, assets: [AssetInfo; 2], capacity: u32) -> InstantiateMsg {
        let (code, interval) = (self.token_code, self.interval);
        pair_instantiate_msg(code, &self.gov, &self.treasury, interval, assets, capacity)
    }

    /// Instantiates a pair from the stand-in factory.
    pub fn create_pair(&self, assets: [AssetInfo; 2], capacity: u32) -> AnyResult<PairHandle> {
        let msg = self.instantiate_msg(assets, capacity);
        instantiate_pair(&self.app, self.pair_code, &self.factory, &self.gov, &msg)
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
    pub fn advance(&self, seconds: u64, blocks: u64) {
        advance(&mut self.app.borrow_mut(), seconds, blocks);
    }

    pub fn now(&self) -> u64 {
        self.app.borrow().block_info().time.seconds()
    }

    /// `ProvideLiquidity` of `amounts` (in the pair's order) by `who`
    /// ([`PairHandle::provide_liquidity`]: allowances for the cw20 parts, funds for the native
    /// parts).
    pub fn provide_with(
        &self,
        who: &Addr,
        pair: &PairHandle,
        amounts: [u128; 2],
        slippage_tolerance: Option<Decimal>,
        min_lp_to_receive: Option<u128>,
        receiver: Option<String>,
    ) -> AnyResult<AppResponse> {
        pair.provide_liquidity(
            who,
            pair_assets(pair, amounts),
            slippage_tolerance,
            min_lp_to_receive.map(Uint128::new),
            receiver,
        )
    }

    pub fn provide(
        &self,
        who: &Addr,
        pair: &PairHandle,
        amounts: [u128; 2],
    ) -> AnyResult<AppResponse> {
        self.provide_with(who, pair, amounts, None, None, None)
    }

    /// `who` swaps `amount` of the pair's asset `offer` (0 or 1) within `bounds`
    /// ([`PairHandle::swap_asset`]).
    pub fn swap(
        &self,
        who: &Addr,
        pair: &PairHandle,
        offer: usize,
        amount: u128,
        bounds: &SwapBounds,
    ) -> AnyResult<AppResponse> {
        let offer = pair.assets[offer].with_amount(Uint128::new(amount));
        pair.swap_asset(who, offer, bounds)
    }

    /// `who` withdraws `share` LP units of `pair`, with optional minimums in the pair's order.
    pub fn withdraw(
        &self,
        who: &Addr,
        pair: &PairHandle,
        share: u128,
        minimums: Option<[u128; 2]>,
    ) -> AnyResult<AppResponse> {
        let minimums = minimums.map(|m| pair_assets(pair, m));
        pair.withdraw(who, Uint128::new(share), minimums)
    }

    /// The reserves, in the pair's order.
    pub fn reserves(&self, pair: &PairHandle) -> [u128; 2] {
        let pool = pair.pool().expect("pool answers");
        [pool.assets[0].amount.u128(), pool.assets[1].amount.u128()]
    }

    pub fn total_share(&self, pair: &PairHandle) -> u128 {
        pair.pool().expect("pool answers").total_share.u128()
    }

    /// What selling `amount` of the pair's asset `offer` (0 or 1) would return now.
    pub fn simulate(
        &self,
        pair: &PairHandle,
        offer: usize,
        amount: u128,
    ) -> StdResult<SimulationResponse> {
        pair.simulation(pair.assets[offer].with_amount(Uint128::new(amount)))
    }

    /// The smallest offer returning at least `amount` of the pair's asset `ask` (0 or 1).
    pub fn reverse(
        &self,
        pair: &PairHandle,
        ask: usize,
        amount: u128,
    ) -> StdResult<ReverseSimulationResponse> {
        pair.reverse_simulation(pair.assets[ask].with_amount(Uint128::new(amount)))
    }

    /// `who`'s balance of `asset`.
    pub fn balance(&self, asset: &AssetInfo, who: &Addr) -> u128 {
        poe_test_utils::balance(&self.app.borrow(), &holding(asset), who)
    }

    pub fn cw20_balance(&self, token: &Cw20Handle, who: &Addr) -> u128 {
        token.balance(who).expect("token answers").u128()
    }

    pub fn lp_balance(&self, pair: &PairHandle, who: &Addr) -> u128 {
        self.cw20_balance(&pair.lp(), who)
    }

    pub fn lp_supply(&self, pair: &PairHandle) -> u128 {
        pair.lp().total_supply().expect("LP token answers").u128()
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
        let mut assets: Vec<Holding> = [&self.aaa, &self.bbb, &self.ccc, &self.brn]
            .iter()
            .map(|t| Holding::cw20(&t.addr))
            .collect();
        assets.extend([Holding::native(DENOM), Holding::native(OTHER_DENOM)]);
        assets.extend(pairs.iter().map(|p| Holding::cw20(&p.lp_token)));
        Snapshot::of(&self.app.borrow())
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
        let s = Suite::new();
        s.provide(&s.carol, &s.ab, [1_000_000_000, 2_000_000_000])
            .expect("seed AB");
        s.provide(&s.carol, &s.an, [1_000_000_000, 500_000_000])
            .expect("seed AN");
        s.advance(5, 1);
        s
    }
}

/// The tests' pair: the suite's token as LP token, owned by `gov`, the fee ([`FEE_BPS`], 20 % of
/// it) to `treasury`, keeping `capacity` observations at least `interval` seconds apart.
pub fn pair_instantiate_msg(
    token_code: u64,
    gov: &Addr,
    treasury: &Addr,
    interval: u64,
    assets: [AssetInfo; 2],
    capacity: u32,
) -> InstantiateMsg {
    InstantiateMsg {
        asset_infos: assets,
        token_code_id: token_code,
        owner: gov.to_string(),
        fee_address: Some(treasury.to_string()),
        total_fee_bps: FEE_BPS,
        protocol_fee_share: protocol_share(),
        observation_capacity: capacity,
        observation_interval_seconds: interval,
    }
}

/// Instantiates the pair `msg` from `factory` (its instantiator), `gov` its wasm admin.
pub fn instantiate_pair(
    app: &SharedApp,
    pair_code: u64,
    factory: &Addr,
    gov: &Addr,
    msg: &InstantiateMsg,
) -> AnyResult<PairHandle> {
    let addr = app.borrow_mut().instantiate_contract(
        pair_code,
        factory.clone(),
        msg,
        &[],
        "pair",
        Some(gov.to_string()),
    )?;
    Ok(PairHandle::load(app.clone(), &addr)?)
}

/// An AMM asset as a holding of poe-test-utils' balance queries.
pub fn holding(asset: &AssetInfo) -> Holding {
    match asset {
        AssetInfo::Token { contract_addr } => Holding::cw20(&Addr::unchecked(contract_addr)),
        AssetInfo::NativeToken { denom } => Holding::native(denom),
    }
}

/// The pair's `ContractError` anywhere in a multi-test error's chain (a hook's error is wrapped by
/// the token's `Send`, a reply's by the submessage).
pub fn contract_err(err: &anyhow::Error) -> &ContractError {
    find_error(err)
}
