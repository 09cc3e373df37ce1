//! Shared fixtures of the marketplace's tests: a multi-test app with the marketplace, the real
//! treasury (the default recipient), FLX (the price token) and two pool tokens, GLD and SLV, all
//! poe-token instances whose transfer burns the suite picks. The contracts are driven through
//! poe-test-utils' typed handles; the suite adds only the tests' conventions (amounts in `u128`,
//! expiries in seconds from now) and the snapshot of everything a rejection must leave alone.
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
use cosmwasm_std::{Addr, Empty, Timestamp};
use cw_multi_test::{App, AppResponse, Contract, Executor};
use poe_test_utils::{
    advance, assert_rejected_unchanged, contract_wrapper, share, token_instantiate_msg, Asset,
    Snapshot,
};

pub use poe_test_utils::{
    attrs, u, wasm_attrs, MarketplaceHandle, SharedApp, TokenHandle, TreasuryHandle,
};

pub use poe_marketplace::msg::{
    AllocationResponse, AllocationStatus, ConfigResponse, ExecuteMsg, InstantiateMsg, MigrateMsg,
    PoolResponse, QueryMsg, ReceiveMsg,
};
pub use poe_marketplace::ContractError;

/// What each account starts with in each token.
pub const START: u128 = 1_000_000;
/// The default longest allocation, seconds.
pub const WEEK: u64 = 7 * 24 * 60 * 60;

pub fn marketplace_contract() -> Box<dyn Contract<Empty>> {
    contract_wrapper!(poe_marketplace, migrate)
}

pub fn treasury_contract() -> Box<dyn Contract<Empty>> {
    contract_wrapper!(poe_treasury)
}

pub fn token_contract() -> Box<dyn Contract<Empty>> {
    contract_wrapper!(poe_token)
}

/// The transfer burns of the suite's tokens, bps.
#[derive(Clone, Copy, Default)]
pub struct Burns {
    pub flx: u16,
    pub gold: u16,
    pub silver: u16,
}

pub struct Suite {
    /// The chain, shared with every handle below.
    pub app: SharedApp,
    pub market: MarketplaceHandle,
    pub treasury: TreasuryHandle,
    /// The price token.
    pub flx: TokenHandle,
    /// Pool tokens.
    pub gold: TokenHandle,
    pub silver: TokenHandle,
    pub owner: Addr,
    pub seller: Addr,
    pub buyer: Addr,
    pub bob: Addr,
    pub carol: Addr,
}

impl Suite {
    /// No transfer burn anywhere.
    pub fn new() -> Self {
        Self::with_burns(Burns::default())
    }

    pub fn with_burns(burns: Burns) -> Self {
        let mut app = App::default();
        let api = app.api();
        let [admin, owner, seller, buyer, bob, carol] =
            ["admin", "owner", "seller", "buyer", "bob", "carol"].map(|n| api.addr_make(n));
        let token_code = app.store_code(token_contract());
        let holders = [&owner, &seller, &buyer, &bob];
        let mut token = |symbol: &str, bps: u16| {
            app.instantiate_contract(
                token_code,
                admin.clone(),
                &poe_token::msg::InstantiateMsg {
                    transfer_burn_bps: Some(bps),
                    ..token_instantiate_msg(symbol, &holders, START)
                },
                &[],
                symbol,
                None,
            )
            .unwrap()
        };
        let flx = token("FLX", burns.flx);
        let gold = token("GLD", burns.gold);
        let silver = token("SLV", burns.silver);
        let treasury_code = app.store_code(treasury_contract());
        let treasury = app
            .instantiate_contract(
                treasury_code,
                admin.clone(),
                &poe_treasury::msg::InstantiateMsg {
                    owner: Some(owner.to_string()),
                },
                &[],
                "treasury",
                None,
            )
            .unwrap();
        let market_code = app.store_code(marketplace_contract());
        let market = app
            .instantiate_contract(
                market_code,
                admin.clone(),
                &InstantiateMsg {
                    owner: Some(owner.to_string()),
                    flx_token: flx.to_string(),
                    treasury: treasury.to_string(),
                    max_allocation_seconds: None,
                    max_pools: Some(4),
                    max_sellers_per_pool: Some(2),
                },
                &[],
                "marketplace",
                Some(admin.to_string()),
            )
            .unwrap();
        let app = share(app);
        Suite {
            market: MarketplaceHandle::new(app.clone(), market),
            treasury: TreasuryHandle::new(app.clone(), treasury),
            flx: TokenHandle::new(app.clone(), flx, "FLX"),
            gold: TokenHandle::new(app.clone(), gold, "GLD"),
            silver: TokenHandle::new(app.clone(), silver, "SLV"),
            app,
            owner,
            seller,
            buyer,
            bob,
            carol,
        }
    }

    /// The suite with pool 1 "gold" (GLD, to the treasury) with `seller` as seller and `stock`
    /// GLD replenished by bob.
    pub fn with_gold_pool(burns: Burns, stock: u128) -> Self {
        let s = Self::with_burns(burns);
        s.market
            .create_pool(&s.owner, "gold", &s.gold.addr, None)
            .unwrap();
        s.market
            .update_sellers(&s.owner, 1, &[&s.seller], &[])
            .unwrap();
        if stock > 0 {
            s.market.replenish(&s.gold, &s.bob, 1, u(stock)).unwrap();
        }
        s
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

    /// `seller` allocates `amount` of pool 1 for `buyer` at `price`, expiring in `secs`.
    pub fn allocate(
        &self,
        pool_id: u64,
        amount: u128,
        price: u128,
        secs: u64,
    ) -> AnyResult<AppResponse> {
        let expires_at = self.now().plus_seconds(secs);
        self.market.allocate(
            &self.seller,
            pool_id,
            u(amount),
            &self.buyer,
            u(price),
            expires_at,
        )
    }

    /// The buyer pays `amount` FLX for `allocation_id`.
    pub fn release(&self, allocation_id: u64, amount: u128) -> AnyResult<AppResponse> {
        self.market
            .release(&self.flx, &self.buyer, allocation_id, u(amount))
    }

    pub fn pool(&self, pool_id: u64) -> PoolResponse {
        self.market.pool(pool_id).unwrap()
    }

    pub fn allocation(&self, allocation_id: u64) -> AllocationResponse {
        self.market.allocation(allocation_id).unwrap()
    }

    /// `who`'s balance of `token`, base units.
    pub fn balance(&self, token: &TokenHandle, who: &Addr) -> u128 {
        token.balance(who).unwrap().u128()
    }

    /// The marketplace's and the treasury's raw storage, every token's supply and every
    /// account's balance of every token: if this is unchanged, nothing moved.
    pub fn snapshot(&self) -> Snapshot {
        let tokens = [&self.flx.addr, &self.gold.addr, &self.silver.addr];
        let assets = tokens.map(Asset::cw20);
        let accounts = [
            &self.market.addr,
            &self.treasury.addr,
            &self.owner,
            &self.seller,
            &self.buyer,
            &self.bob,
            &self.carol,
        ];
        Snapshot::of(&self.app.borrow())
            .storage([&self.market.addr, &self.treasury.addr])
            .supplies(tokens)
            .balances(&assets, accounts)
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

/// The marketplace's `ContractError` inside a multi-test error.
pub fn contract_err(err: &anyhow::Error) -> &ContractError {
    poe_test_utils::find_error(err)
}
