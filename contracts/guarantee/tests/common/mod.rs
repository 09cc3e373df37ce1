//! Shared fixtures of the guarantee contract's tests: a multi-test app with the suite's token
//! code (`poe-token`) for FLX, NEX, AUR and BAD (a cw20 nobody lists), a native denom, the AMM
//! factory, pairs NEX/FLX, FLX/AUR (FLX first, so both price orientations are exercised) and
//! ucosm/FLX seeded by `lp`, and the router. Every pair is traded both ways once per
//! observation interval for longer than the TWAP window and then left alone for a whole window,
//! so the TWAP the guarantee contract reads is covered by the pairs' observation rings and
//! equals the pool's price after the warm-up. The guarantee contract (claim token code: the
//! poe-token code) lists FLX (no pair, valued 1:1), NEX, AUR and ucosm.
//!
//! The contracts are driven through poe-test-utils' typed handles (`GuaranteeHandle`,
//! `PairHandle`, `TokenHandle`); the suite adds the tests' conventions (`u128` amounts, expiries
//! in seconds from now) and the snapshot of everything a rejection must leave alone.
#![allow(
    dead_code,
    unused_imports,
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use anyhow::Result as AnyResult;
use cosmwasm_std::{coin, coins, Addr, Coin, Decimal, Decimal256, Empty, Timestamp, Uint256};
use cw_multi_test::{AppResponse, Contract, Executor};
use poe_test_utils::handles::{open_msg, Factory, GuaranteeConfigUpdate, Router};
use poe_test_utils::{
    advance, app_with_native_balances, assert_rejected_unchanged, contract_wrapper, share,
    token_instantiate_msg, Asset as Holding, Snapshot,
};

pub use poe_test_utils::{
    attrs, balance, expect_wasm_attr, find_error, u, wasm_attr, wasm_attrs, Cw20Handle,
    GuaranteeHandle, Handle, PairHandle, SharedApp, SwapBounds, TokenHandle,
};

pub use poe_guarantee::msg::{
    AssetInfo, AssetTotal, ClaimsResponse, CollateralParams, CollateralResponse,
    CollateralValueResponse, ConfigResponse, ExecuteMsg, GuaranteeResponse, GuaranteeStatus,
    HealthResponse, InstantiateMsg, OpenMsg, QueryMsg, ReceiveMsg, TotalsResponse, CLAIM_DECIMALS,
    CLAIM_SYMBOL, DEFAULT_LIQUIDATION_FEE_BPS, DEFAULT_MAX_DURATION_SECONDS,
    DEFAULT_MAX_SLIPPAGE_BPS, DEFAULT_REDEMPTION_PERIOD_SECONDS, DEFAULT_TWAP_WINDOW_SECONDS,
};
pub use poe_guarantee::ContractError;
pub use poe_test_utils::handles::GuaranteeConfigUpdate as ConfigUpdate;

/// The native denom listed as collateral.
pub const DENOM: &str = "ucosm";
/// A native denom nobody lists.
pub const OTHER_DENOM: &str = "uatom";
/// What every account starts with in every token and denom, base units.
pub const START: u128 = 1_000_000_000_000_000;
/// The pairs' observation interval (the factory's default), seconds.
pub const INTERVAL: u64 = 300;
/// The TWAP window the contract values collateral over (its default), seconds.
pub const WINDOW: u64 = DEFAULT_TWAP_WINDOW_SECONDS;
/// A day, seconds.
pub const DAY: u64 = 24 * 60 * 60;
/// The guarantees' default life in the tests, seconds.
pub const LIFE: u64 = 30 * DAY;

/// NEX/FLX seed: 1,000,000 NEX against 2,000,000 FLX (2 FLX per NEX).
pub const NEX_SEED: [u128; 2] = [1_000_000_000_000, 2_000_000_000_000];
/// FLX/AUR seed: 5,000,000 FLX against 100,000 AUR (50 FLX per AUR).
pub const AUR_SEED: [u128; 2] = [5_000_000_000_000, 100_000_000_000];
/// ucosm/FLX seed: 1,000,000 COSM against 1,000,000 FLX (1 FLX per COSM).
pub const COSM_SEED: [u128; 2] = [1_000_000_000_000, 1_000_000_000_000];

/// NEX's listing: 50 % haircut, liquidatable below 150 % of the coverage.
pub fn nex_params_ratios() -> (Decimal, Decimal) {
    (Decimal::percent(50), Decimal::percent(150))
}
/// AUR's listing: 60 %, 125 %.
pub fn aur_params_ratios() -> (Decimal, Decimal) {
    (Decimal::percent(60), Decimal::percent(125))
}
/// ucosm's listing: 50 %, 150 %.
pub fn cosm_params_ratios() -> (Decimal, Decimal) {
    (Decimal::percent(50), Decimal::percent(150))
}
/// FLX's listing: 90 %, 100 % (never liquidated).
pub fn flx_params_ratios() -> (Decimal, Decimal) {
    (Decimal::percent(90), Decimal::one())
}

pub fn guarantee_contract() -> Box<dyn Contract<Empty>> {
    contract_wrapper!(poe_guarantee, reply, migrate)
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

pub fn params(ratios: (Decimal, Decimal), pair: Option<&PairHandle>) -> CollateralParams {
    CollateralParams {
        max_ltv: ratios.0,
        maintenance_ratio: ratios.1,
        pair: pair.map(|p| p.addr.to_string()),
    }
}

/// `floor(amount × price)`, computed here independently of the contract.
pub fn value_at(amount: u128, price: Decimal256) -> u128 {
    Uint256::from(amount)
        .mul_floor(price)
        .try_into()
        .map(|v: cosmwasm_std::Uint128| v.u128())
        .expect("value fits")
}

/// `ceil(coverage / price)` capped at `collateral` (all of it for a zero price): what a default
/// sets aside, computed here independently of the contract.
pub fn set_aside_at(collateral: u128, coverage: u128, price: Decimal256) -> u128 {
    if price.is_zero() {
        return collateral;
    }
    let numerator = Uint256::from(coverage) * Decimal256::one().atomics();
    let atomics = price.atomics();
    let mut needed = numerator / atomics;
    if !(numerator % atomics).is_zero() {
        needed += Uint256::one();
    }
    let needed: u128 = cosmwasm_std::Uint128::try_from(needed)
        .map(|v| v.u128())
        .unwrap_or(u128::MAX);
    needed.min(collateral)
}

/// What a redemption of `amount` of `claims` pays out of `remaining`: floor pro rata, the last
/// claims take the rest.
pub fn pro_rata(remaining: u128, claims: u128, amount: u128) -> u128 {
    if amount == claims {
        remaining
    } else {
        (Uint256::from(remaining) * Uint256::from(amount) / Uint256::from(claims))
            .try_into()
            .map(|v: cosmwasm_std::Uint128| v.u128())
            .expect("fits")
    }
}

/// What a rejection must leave as it was: raw storage of the guarantee contract, the pairs and
/// every claim token, every supply and every balance, and the guarantees and totals as queried.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub raw: Snapshot,
    pub guarantees: Vec<GuaranteeResponse>,
    pub totals: TotalsResponse,
}

pub struct Suite {
    /// The chain, shared with every handle below.
    pub app: SharedApp,
    pub token_code: u64,
    pub guarantee: GuaranteeHandle,
    pub factory: Handle<Factory>,
    pub router: Handle<Router>,
    pub flx: TokenHandle,
    pub nex: TokenHandle,
    pub aur: TokenHandle,
    /// A cw20 that is never listed.
    pub bad: TokenHandle,
    /// NEX/FLX.
    pub nex_pair: PairHandle,
    /// FLX/AUR.
    pub aur_pair: PairHandle,
    /// ucosm/FLX.
    pub cosm_pair: PairHandle,
    /// Pairs created by a test ([`Suite::new_collateral`]), watched by the snapshot too.
    pub extra_pairs: Vec<PairHandle>,
    /// Tokens created by a test, watched by the snapshot too.
    pub extra_tokens: Vec<TokenHandle>,
    pub owner: Addr,
    pub treasury: Addr,
    /// Seeds and trades the pairs.
    pub lp: Addr,
    pub guarantor: Addr,
    pub beneficiary: Addr,
    pub carol: Addr,
    pub arbiter: Addr,
    pub liquidator: Addr,
    pub stranger: Addr,
}

impl Suite {
    /// The whole fixture, collaterals listed.
    pub fn new() -> Self {
        let s = Self::unlisted();
        s.list_defaults();
        s
    }

    /// Tokens, warmed-up pairs, the router and the guarantee contract with nothing listed.
    pub fn unlisted() -> Self {
        let names = [
            "owner",
            "lp",
            "guarantor",
            "beneficiary",
            "carol",
            "arbiter",
            "liquidator",
            "stranger",
        ];
        let mut app =
            app_with_native_balances(&names, &[coin(START, DENOM), coin(START, OTHER_DENOM)]);
        let api = app.api();
        let [owner, lp, guarantor, beneficiary, carol, arbiter, liquidator, stranger] =
            names.map(|n| api.addr_make(n));
        let [admin, gov, treasury] = ["admin", "gov", "treasury"].map(|n| api.addr_make(n));
        let token_code = app.store_code(token_contract());
        let pair_code = app.store_code(contract_wrapper!(poe_amm_pair, reply));
        let factory_code = app.store_code(contract_wrapper!(poe_amm_factory, reply));
        let router_code = app.store_code(contract_wrapper!(poe_amm_router, reply));
        let guarantee_code = app.store_code(guarantee_contract());
        let holders = [
            &owner,
            &lp,
            &guarantor,
            &beneficiary,
            &carol,
            &arbiter,
            &liquidator,
            &stranger,
        ];
        let [flx, nex, aur, bad] = ["FLX", "NEX", "AUR", "BAD"].map(|symbol| {
            app.instantiate_contract(
                token_code,
                admin.clone(),
                &token_instantiate_msg(symbol, &holders, START),
                &[],
                symbol,
                None,
            )
            .expect("token instantiates")
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
                &poe_amm_router::msg::InstantiateMsg {
                    factory: factory.to_string(),
                },
                &[],
                "router",
                None,
            )
            .expect("router instantiates");
        let guarantee = app
            .instantiate_contract(
                guarantee_code,
                admin.clone(),
                &InstantiateMsg {
                    owner: Some(owner.to_string()),
                    flx_token: flx.to_string(),
                    router: router.to_string(),
                    claim_token_code_id: token_code,
                    twap_window_seconds: None,
                    redemption_period_seconds: None,
                    liquidation_fee_bps: None,
                    max_slippage_bps: None,
                    max_duration_seconds: None,
                },
                &[],
                "guarantee",
                Some(admin.to_string()),
            )
            .expect("guarantee instantiates");
        let app = share(app);
        let factory: Handle<Factory> = Handle::new(app.clone(), factory);
        let token = |addr: Addr, symbol: &str| TokenHandle::new(app.clone(), addr, symbol);
        let (flx, nex, aur, bad) = (
            token(flx, "FLX"),
            token(nex, "NEX"),
            token(aur, "AUR"),
            token(bad, "BAD"),
        );
        let nex_pair = create_and_seed(&factory, &lp, [cw20(&nex.addr), cw20(&flx.addr)], NEX_SEED);
        let aur_pair = create_and_seed(&factory, &lp, [cw20(&flx.addr), cw20(&aur.addr)], AUR_SEED);
        let cosm_pair = create_and_seed(&factory, &lp, [native(DENOM), cw20(&flx.addr)], COSM_SEED);
        let s = Suite {
            guarantee: GuaranteeHandle::new(app.clone(), guarantee),
            router: Handle::new(app.clone(), router),
            factory,
            app,
            token_code,
            flx,
            nex,
            aur,
            bad,
            nex_pair,
            aur_pair,
            cosm_pair,
            extra_pairs: vec![],
            extra_tokens: vec![],
            owner,
            treasury,
            lp,
            guarantor,
            beneficiary,
            carol,
            arbiter,
            liquidator,
            stranger,
        };
        let pairs = [s.nex_pair.clone(), s.aur_pair.clone(), s.cosm_pair.clone()];
        s.warm_up(&pairs);
        s
    }

    /// Lists FLX (no pair), NEX, AUR and ucosm with their default parameters.
    pub fn list_defaults(&self) {
        let listings = [
            (cw20(&self.flx.addr), params(flx_params_ratios(), None)),
            (
                cw20(&self.nex.addr),
                params(nex_params_ratios(), Some(&self.nex_pair)),
            ),
            (
                cw20(&self.aur.addr),
                params(aur_params_ratios(), Some(&self.aur_pair)),
            ),
            (
                native(DENOM),
                params(cosm_params_ratios(), Some(&self.cosm_pair)),
            ),
        ];
        for (asset, p) in listings {
            self.guarantee
                .update_collateral(&self.owner, asset, Some(p))
                .expect("collateral listed");
        }
    }

    /// Trades each of `pairs` both ways once per observation interval for longer than the TWAP
    /// window, then leaves them alone for a whole window: the rings hold observations reaching
    /// back before `now - WINDOW` and the TWAP over the window is the pools' price now.
    pub fn warm_up(&self, pairs: &[PairHandle]) {
        let rounds = WINDOW / INTERVAL + 2;
        for round in 0..rounds {
            self.advance(INTERVAL);
            for pair in pairs {
                // alternate the direction so the price wanders around the seed's
                let side = usize::from(round % 2 == 1);
                let reserve = pair.pool().expect("pool").assets[side].amount;
                let offer = pair.assets[side].with_amount(reserve / u(10_000));
                pair.swap_asset(&self.lp, offer, &SwapBounds::any_spread())
                    .expect("warm-up swap");
            }
        }
        self.advance(WINDOW + INTERVAL);
    }

    /// A new cw20 `symbol` (every account holds `START`) with a fresh pair against FLX seeded
    /// 1:1 by `lp` and no time passed (its ring covers nothing yet), listed with NEX's
    /// parameters.
    pub fn new_collateral(&mut self, symbol: &str) -> (TokenHandle, PairHandle) {
        let holders = [
            &self.owner,
            &self.lp,
            &self.guarantor,
            &self.beneficiary,
            &self.carol,
            &self.arbiter,
            &self.liquidator,
            &self.stranger,
        ];
        let addr = self
            .app
            .borrow_mut()
            .instantiate_contract(
                self.token_code,
                self.owner.clone(),
                &token_instantiate_msg(symbol, &holders, START),
                &[],
                symbol,
                None,
            )
            .expect("token instantiates");
        let token = TokenHandle::new(self.app.clone(), addr, symbol);
        let pair = create_and_seed(
            &self.factory,
            &self.lp,
            [cw20(&token.addr), cw20(&self.flx.addr)],
            [1_000_000_000_000, 1_000_000_000_000],
        );
        self.guarantee
            .update_collateral(
                &self.owner,
                cw20(&token.addr),
                Some(params(nex_params_ratios(), Some(&pair))),
            )
            .expect("listed");
        self.extra_pairs.push(pair.clone());
        self.extra_tokens.push(token.clone());
        (token, pair)
    }

    /// The block time now.
    pub fn now(&self) -> Timestamp {
        self.app.borrow().block_info().time
    }

    /// Moves the chain `seconds` on (one block per 5 s).
    pub fn advance(&self, seconds: u64) {
        advance(
            &mut self.app.borrow_mut(),
            seconds,
            seconds.div_ceil(5).max(1),
        );
    }

    /// The open message of a guarantee for the beneficiary, decided by the arbiter, expiring
    /// `LIFE` from now.
    pub fn open_msg(&self, coverage: u128) -> OpenMsg {
        open_msg(
            &self.beneficiary,
            u(coverage),
            self.now().plus_seconds(LIFE),
            &self.arbiter,
        )
    }

    /// The guarantor opens a guarantee with `collateral` of the cw20 `token` covering
    /// `coverage`; returns its id.
    pub fn open_cw20(&self, token: &Cw20Handle, collateral: u128, coverage: u128) -> u64 {
        let res = self
            .guarantee
            .open(
                token,
                &self.guarantor,
                u(collateral),
                self.open_msg(coverage),
            )
            .expect("guarantee opens");
        expect_wasm_attr(&res, &self.guarantee.addr, "guarantee_id")
            .parse()
            .expect("an id")
    }

    /// The guarantor opens a guarantee with `collateral` NEX covering `coverage`.
    pub fn open_nex(&self, collateral: u128, coverage: u128) -> u64 {
        self.open_cw20(&self.nex, collateral, coverage)
    }

    /// The guarantor opens a guarantee with `collateral` ucosm covering `coverage`.
    pub fn open_cosm(&self, collateral: u128, coverage: u128) -> u64 {
        let res = self
            .guarantee
            .open_native(
                &self.guarantor,
                &coins(collateral, DENOM),
                self.open_msg(coverage),
            )
            .expect("guarantee opens");
        expect_wasm_attr(&res, &self.guarantee.addr, "guarantee_id")
            .parse()
            .expect("an id")
    }

    pub fn guarantee(&self, id: u64) -> GuaranteeResponse {
        self.guarantee.guarantee(id).expect("guarantee exists")
    }

    /// The claim token of guarantee `id`.
    pub fn claim_token(&self, id: u64) -> Cw20Handle {
        Handle::new(self.app.clone(), self.guarantee(id).claim_token)
    }

    pub fn totals(&self) -> TotalsResponse {
        self.guarantee.totals().expect("totals")
    }

    /// What the contract holds of `asset` by its `Totals` (0 when it has no entry).
    pub fn held(&self, asset: &AssetInfo) -> u128 {
        self.totals()
            .held
            .iter()
            .find(|t| &t.asset == asset)
            .map_or(0, |t| t.amount.u128())
    }

    /// `who`'s balance of `asset`.
    pub fn balance(&self, asset: &AssetInfo, who: &Addr) -> u128 {
        balance(&self.app.borrow(), &asset.into(), who)
    }

    /// `who`'s balance of the cw20 `token`.
    pub fn cw20_balance(&self, token: &Cw20Handle, who: &Addr) -> u128 {
        token.balance(who).expect("balance").u128()
    }

    /// The pair that values `asset`, if any.
    pub fn pair_of(&self, asset: &AssetInfo) -> Option<&PairHandle> {
        std::iter::once(&self.nex_pair)
            .chain([&self.aur_pair, &self.cosm_pair])
            .chain(self.extra_pairs.iter())
            .find(|p| p.assets.contains(asset))
    }

    /// `asset`'s TWAP price in FLX base units per base unit over the contract's window, read
    /// from its pair (1 for FLX).
    pub fn price(&self, asset: &AssetInfo) -> Decimal256 {
        if asset == &cw20(&self.flx.addr) {
            return Decimal256::one();
        }
        let pair = self.pair_of(asset).expect("a pair values it");
        let window = self.guarantee.config().expect("config").twap_window_seconds;
        let twap = pair.twap(window).expect("twap answers");
        if &twap.asset_infos[0] == asset {
            twap.price0_average
        } else {
            twap.price1_average
        }
    }

    /// `lp` sells `amount` of `token` into `pair` (the price of `token` falls), then the chain
    /// waits a whole window plus an interval so the TWAP is the new price.
    pub fn dump(&self, pair: &PairHandle, asset: &AssetInfo, amount: u128) {
        pair.swap_asset(
            &self.lp,
            asset.with_amount(u(amount)),
            &SwapBounds::any_spread(),
        )
        .expect("dump");
        self.advance(WINDOW + INTERVAL);
    }

    /// Every asset of the suite (the claim tokens are watched apart).
    pub fn assets(&self) -> Vec<AssetInfo> {
        let mut all = vec![
            cw20(&self.flx.addr),
            cw20(&self.nex.addr),
            cw20(&self.aur.addr),
            cw20(&self.bad.addr),
            native(DENOM),
            native(OTHER_DENOM),
        ];
        all.extend(self.extra_tokens.iter().map(|t| cw20(&t.addr)));
        all
    }

    /// Every account that may hold anything.
    pub fn accounts(&self) -> Vec<Addr> {
        let mut all = vec![
            self.guarantee.addr.clone(),
            self.router.addr.clone(),
            self.treasury.clone(),
            self.owner.clone(),
            self.lp.clone(),
            self.guarantor.clone(),
            self.beneficiary.clone(),
            self.carol.clone(),
            self.arbiter.clone(),
            self.liquidator.clone(),
            self.stranger.clone(),
        ];
        all.extend(self.pairs().iter().map(|p| p.addr.clone()));
        all
    }

    pub fn pairs(&self) -> Vec<PairHandle> {
        let mut all = vec![
            self.nex_pair.clone(),
            self.aur_pair.clone(),
            self.cosm_pair.clone(),
        ];
        all.extend(self.extra_pairs.iter().cloned());
        all
    }

    /// See [`State`].
    pub fn state(&self) -> State {
        let guarantees = self.guarantee.all_guarantees().expect("guarantees");
        let claim_tokens: Vec<Addr> = guarantees.iter().map(|g| g.claim_token.clone()).collect();
        let mut holdings: Vec<Holding> = self.assets().iter().map(Holding::from).collect();
        holdings.extend(claim_tokens.iter().map(Holding::cw20));
        let mut tokens = vec![
            self.flx.addr.clone(),
            self.nex.addr.clone(),
            self.aur.addr.clone(),
        ];
        tokens.extend(claim_tokens.iter().cloned());
        let mut contracts = vec![self.guarantee.addr.clone()];
        contracts.extend(self.pairs().iter().map(|p| p.addr.clone()));
        contracts.extend(claim_tokens.iter().cloned());
        let accounts = self.accounts();
        let raw = Snapshot::of(&self.app.borrow())
            .storage(&contracts)
            .supplies(&tokens)
            .balances(&holdings, &accounts)
            .take();
        State {
            raw,
            guarantees,
            totals: self.totals(),
        }
    }

    /// Runs `action`, expects it to fail with exactly `expected`, and checks nothing changed.
    pub fn assert_rejected(
        &mut self,
        expected: ContractError,
        action: impl FnOnce(&mut Self) -> AnyResult<AppResponse>,
    ) {
        assert_rejected_unchanged(self, Self::state, &expected, &expected, action);
    }

    /// Runs `action`, expects it to fail with a `ContractError` that `check` accepts (for an
    /// error carrying another contract's text), and checks nothing changed.
    pub fn assert_rejected_with(
        &mut self,
        what: &str,
        check: impl FnOnce(&ContractError) -> bool,
        action: impl FnOnce(&mut Self) -> AnyResult<AppResponse>,
    ) {
        let before = self.state();
        let err = action(self).expect_err("message is rejected");
        let found = contract_err(&err);
        assert!(check(found), "{what}: unexpected {found:?}");
        assert_eq!(self.state(), before, "state changed after rejecting {what}");
    }
}

/// Creates the pair of `assets` through the factory and has `lp` seed it with `amounts`.
pub fn create_and_seed(
    factory: &Handle<Factory>,
    lp: &Addr,
    assets: [AssetInfo; 2],
    amounts: [u128; 2],
) -> PairHandle {
    factory
        .create_pair(lp, assets.clone())
        .expect("pair created");
    let pair = factory
        .pair_handle(assets.clone())
        .expect("pair registered");
    let seed = vec![
        assets[0].with_amount(u(amounts[0])),
        assets[1].with_amount(u(amounts[1])),
    ];
    pair.provide_liquidity(lp, seed, None, None, None)
        .expect("seeded");
    pair
}

/// The guarantee contract's `ContractError` anywhere in a multi-test error's chain.
pub fn contract_err(err: &anyhow::Error) -> &ContractError {
    find_error(err)
}
