//! Shared fixtures of the router tests: the suite's token, the AMM factory and pair codes, five
//! cw20s (AAA, BBB, CCC, DDD, and BRN with a 2 % transfer burn) and a native denom; pairs
//! AAA/BBB, BBB/CCC, CCC/DDD, DDD/uatom, BBB/uatom, AAA/BRN, BRN/CCC created by the factory and
//! seeded by carol; the router on that factory. Messages and queries go through poe-test-utils'
//! typed handles (`Handle<Router>`, `Handle<Factory>`, `PairHandle`); the suite adds only the
//! tests' conventions on top: `u128` amounts, a route's offer is its first hop's, and the assets
//! of the routes as `AssetInfo`s (cw20 or native alike).
#![allow(dead_code, unused_imports)]

use anyhow::Result as AnyResult;
use cosmwasm_std::{coin, Addr, Empty, StdResult, Uint128};
use cw_multi_test::{AppResponse, Contract, Executor};
use poe_test_utils::handles::{Factory, Router};
use poe_test_utils::{
    app_with_native_balances, assert_rejected_unchanged, contract_wrapper, find_error, share,
    token_instantiate_msg, Asset as Holding, Snapshot,
};

pub use poe_test_utils::{u, wasm_attrs, Cw20Handle, Handle, PairHandle, SharedApp, SwapBounds};

pub use poe_amm_router::msg::{
    AssetInfo, Cw20HookMsg, ExecuteMsg, InstantiateMsg, QueryMsg, SwapOperation,
    MAX_SWAP_OPERATIONS,
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

/// Bounds with a `minimum_receive` of `amount` base units, any spread accepted.
pub fn at_least(amount: u128) -> SwapBounds {
    SwapBounds {
        minimum_receive: Some(Uint128::new(amount)),
        ..SwapBounds::any_spread()
    }
}

pub struct Suite {
    /// The chain, shared with every handle below.
    pub app: SharedApp,
    pub router: Handle<Router>,
    pub factory: Handle<Factory>,
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
    pub pairs: Vec<PairHandle>,
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
        let [aaa, bbb, ccc, ddd, brn] = [
            ("AAA", None),
            ("BBB", None),
            ("CCC", None),
            ("DDD", None),
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
            cw20(&addr)
        });
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
        let app = share(app);
        let mut s = Suite {
            router: Handle::new(app.clone(), router),
            factory: Handle::new(app.clone(), factory),
            app,
            aaa,
            bbb,
            ccc,
            ddd,
            brn,
            atom: native(DENOM),
            treasury,
            alice,
            bob,
            carol,
            pairs: vec![],
        };
        s.pairs = [
            (&s.aaa, &s.bbb),
            (&s.bbb, &s.ccc),
            (&s.ccc, &s.ddd),
            (&s.ddd, &s.atom),
            (&s.bbb, &s.atom),
            (&s.aaa, &s.brn),
            (&s.brn, &s.ccc),
        ]
        .map(|(x, y)| s.create_and_seed(x, y))
        .into();
        s
    }

    /// Creates the pair of `x` and `y` through the factory and has carol deposit `SEED` of each
    /// ([`PairHandle::provide_liquidity`]: allowances for the cw20 sides, funds for the native).
    pub fn create_and_seed(&self, x: &AssetInfo, y: &AssetInfo) -> PairHandle {
        self.factory
            .create_pair(&self.carol, [x.clone(), y.clone()])
            .expect("pair created");
        let pair = self.pair_of(x, y);
        let seed = vec![x.with_amount(u(SEED)), y.with_amount(u(SEED))];
        pair.provide_liquidity(&self.carol, seed, None, None, None)
            .expect("seeded");
        pair
    }

    /// The registered pair of `x` and `y`.
    pub fn pair_of(&self, x: &AssetInfo, y: &AssetInfo) -> PairHandle {
        self.factory
            .pair_handle([x.clone(), y.clone()])
            .expect("pair registered")
    }

    /// The handle of the cw20 `asset`.
    pub fn token(&self, asset: &AssetInfo) -> Cw20Handle {
        match asset {
            AssetInfo::Token { contract_addr } => {
                self.router.contract_at(&Addr::unchecked(contract_addr))
            }
            AssetInfo::NativeToken { denom } => panic!("{denom} is not a cw20"),
        }
    }

    /// `who` swaps `amount` of the first operation's offer (AAA for no operation) along
    /// `operations` within `bounds` (`Handle<Router>::execute_swap_operations`).
    pub fn swap(
        &self,
        who: &Addr,
        operations: Vec<SwapOperation>,
        amount: u128,
        bounds: &SwapBounds,
    ) -> AnyResult<AppResponse> {
        let offer = operations
            .first()
            .map_or(&self.aaa, |o| &o.offer_asset_info)
            .with_amount(u(amount));
        self.router
            .execute_swap_operations(who, offer, operations, bounds)
    }

    /// What `operations` would return for `amount` of the first offer now.
    pub fn simulate(&self, operations: Vec<SwapOperation>, amount: u128) -> StdResult<u128> {
        let res = self
            .router
            .simulate_swap_operations(u(amount), operations)?;
        Ok(res.u128())
    }

    /// What the pair of `offer`/`ask` would return for `amount` now.
    pub fn pair_simulation(&self, offer: &AssetInfo, ask: &AssetInfo, amount: u128) -> u128 {
        self.pair_of(offer, ask)
            .simulation(offer.with_amount(u(amount)))
            .expect("simulation")
            .return_amount
            .u128()
    }

    /// `who`'s balance of `asset`.
    pub fn balance(&self, asset: &AssetInfo, who: &Addr) -> u128 {
        poe_test_utils::balance(&self.app.borrow(), &asset.into(), who)
    }

    /// AAA, BBB, CCC, DDD and uatom: the assets without a transfer burn, along the pairs
    /// AAA-BBB, BBB-CCC, CCC-DDD, DDD-uatom and BBB-uatom.
    pub fn burn_free(&self) -> [AssetInfo; 5] {
        [
            self.aaa.clone(),
            self.bbb.clone(),
            self.ccc.clone(),
            self.ddd.clone(),
            self.atom.clone(),
        ]
    }

    /// Every asset of the suite, the burning BRN and the untraded uosmo included.
    pub fn assets(&self) -> Vec<AssetInfo> {
        let mut all = self.burn_free().to_vec();
        all.extend([self.brn.clone(), native(OTHER_DENOM)]);
        all
    }

    /// The block time now, seconds.
    pub fn now(&self) -> u64 {
        self.app.borrow().block_info().time.seconds()
    }

    /// The router's and every pair's raw storage, and every balance of every account (users,
    /// router, pairs, treasury) in every asset.
    pub fn snapshot(&self) -> Snapshot {
        let mut accounts = vec![
            self.alice.clone(),
            self.bob.clone(),
            self.carol.clone(),
            self.router.addr.clone(),
            self.treasury.clone(),
        ];
        accounts.extend(self.pairs.iter().map(|p| p.addr.clone()));
        let assets: Vec<Holding> = self.assets().iter().map(Holding::from).collect();
        Snapshot::of(&self.app.borrow())
            .storage(std::iter::once(&self.router.addr).chain(self.pairs.iter().map(|p| &p.addr)))
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
