//! Shared fixtures of the task auction's tests: a multi-test app with the auction, the real
//! treasury (it receives the tax), the reputation registry (the auction is its writer) and two
//! reward tokens (FLX and NEX, poe-token instances; a third, XYZ, not accepted), driven through
//! poe-test-utils' typed handles.
#![allow(
    dead_code,
    unused_imports,
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use cosmwasm_std::{Addr, Empty, Timestamp, Uint128};
use cw_multi_test::{App, AppResponse, Contract, Executor};
use poe_test_utils::{
    advance, assert_rejected_unchanged, contract_wrapper, token_instantiate_msg, Snapshot,
};

pub use poe_task_auction::msg::{
    ExecuteMsg, InstantiateMsg, ReceiveMsg, TaskResponse, TaskSpec, TaskStatus,
};
pub use poe_task_auction::ContractError;
pub use poe_test_utils::{
    task_spec, u, wasm_attrs, ReputationHandle, SharedApp, TaskAuctionHandle, TokenHandle,
    TreasuryHandle,
};

pub const START: u128 = 1_000_000_000;
pub const DAY: u64 = 86_400;

pub struct Suite {
    pub app: SharedApp,
    pub auction: TaskAuctionHandle,
    pub registry: ReputationHandle,
    pub treasury: TreasuryHandle,
    pub flx: TokenHandle,
    pub nex: TokenHandle,
    pub xyz: TokenHandle,
    pub owner: Addr,
    pub creator: Addr,
    /// Bidders A, B, C of seed 004's example (reputations 120, 80, 200 after [`Suite::seed_reputations`]).
    pub a: Addr,
    pub b: Addr,
    pub c: Addr,
    pub arbiter: Addr,
    pub stranger: Addr,
}

impl Suite {
    pub fn new() -> Self {
        let mut app = App::default();
        let api = app.api();
        let [admin, owner, creator, a, b, c, arbiter, stranger, writer] = [
            "admin", "owner", "creator", "bidder_a", "bidder_b", "bidder_c", "arbiter", "stranger",
            "writer",
        ]
        .map(|n| api.addr_make(n));
        let token_code = app.store_code(contract_wrapper!(poe_token));
        let holders = [&creator, &a, &b, &c, &stranger];
        let mut token = |symbol: &str| {
            app.instantiate_contract(
                token_code,
                admin.clone(),
                &token_instantiate_msg(symbol, &holders, START),
                &[],
                symbol,
                None,
            )
            .unwrap()
        };
        let (flx, nex, xyz) = (token("FLX"), token("NEX"), token("XYZ"));
        let treasury_code = app.store_code(contract_wrapper!(poe_treasury, reply));
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
        let registry_code = app.store_code(contract_wrapper!(poe_reputation));
        let registry = app
            .instantiate_contract(
                registry_code,
                admin.clone(),
                &poe_reputation::msg::InstantiateMsg {
                    owner: Some(owner.to_string()),
                    writers: vec![writer.to_string()],
                    decay_rate_per_day: None,
                },
                &[],
                "reputation",
                None,
            )
            .unwrap();
        let auction_code = app.store_code(contract_wrapper!(poe_task_auction, migrate));
        let auction = app
            .instantiate_contract(
                auction_code,
                admin.clone(),
                &InstantiateMsg {
                    owner: Some(owner.to_string()),
                    treasury: treasury.to_string(),
                    reputation: Some(registry.to_string()),
                    accepted_tokens: vec![flx.to_string(), nex.to_string()],
                    tax_bps: None,
                    reputation_points_per_tag: None,
                    max_bids_per_task: None,
                    acceptance_timeout_seconds: None,
                },
                &[],
                "task-auction",
                None,
            )
            .unwrap();
        let app: SharedApp = std::rc::Rc::new(std::cell::RefCell::new(app));
        let s = Suite {
            auction: TaskAuctionHandle::new(app.clone(), auction.clone()),
            registry: ReputationHandle::new(app.clone(), registry),
            treasury: TreasuryHandle::new(app.clone(), treasury),
            flx: TokenHandle::new(app.clone(), flx, "FLX"),
            nex: TokenHandle::new(app.clone(), nex, "NEX"),
            xyz: TokenHandle::new(app.clone(), xyz, "XYZ"),
            app,
            owner,
            creator,
            a,
            b,
            c,
            arbiter,
            stranger,
        };
        // the auction raises reputations; `writer` stands for earlier work
        s.registry
            .update_writers(&s.owner, &[&auction], &[])
            .unwrap();
        s.seed_reputations(&writer);
        s
    }

    /// Seed 004's example reputations: A 120, B 80, C 200.
    fn seed_reputations(&self, writer: &Addr) {
        for (who, points) in [(&self.a, 120), (&self.b, 80), (&self.c, 200)] {
            self.registry.raise(writer, who, &[], points).unwrap();
        }
    }

    pub fn now(&self) -> Timestamp {
        self.app.borrow().block_info().time
    }

    pub fn advance(&self, seconds: u64) {
        advance(
            &mut self.app.borrow_mut(),
            seconds,
            seconds.div_ceil(5).max(1),
        );
    }

    /// The creator posts a task of `max_reward` FLX with an auction of `auction_days` (`None`:
    /// no auction) and a delivery deadline 30 days out; returns its id.
    pub fn post(&self, max_reward: u128, tags: &[&str], auction_days: Option<u64>) -> u64 {
        let now = self.now();
        let spec = task_spec(
            "a task",
            tags,
            auction_days.map(|d| now.plus_seconds(d * DAY)),
            now.plus_seconds(30 * DAY),
        );
        let res = self
            .auction
            .create_task(&self.flx, &self.creator, u(max_reward), spec)
            .unwrap();
        wasm_attrs(&res, &self.auction.addr)
            .into_iter()
            .find(|(k, _)| k == "task_id")
            .unwrap()
            .1
            .parse()
            .unwrap()
    }

    pub fn task(&self, id: u64) -> TaskResponse {
        self.auction.task(id).unwrap()
    }

    pub fn flx_of(&self, who: &Addr) -> u128 {
        self.flx.balance(who).unwrap().u128()
    }

    /// Everything a refusal must leave alone: the raw storage of the auction, the treasury and
    /// the registry, and every FLX/NEX balance of the accounts and contracts.
    pub fn snapshot(&self) -> Snapshot {
        let app = self.app.borrow();
        let accounts = [
            &self.creator,
            &self.a,
            &self.b,
            &self.c,
            &self.stranger,
            &self.auction.addr,
            &self.treasury.addr,
        ];
        Snapshot::of(&app)
            .storage([&self.auction.addr, &self.treasury.addr, &self.registry.addr])
            .supplies([&self.flx.addr, &self.nex.addr])
            .balances(
                &[
                    poe_test_utils::Asset::cw20(&self.flx.addr),
                    poe_test_utils::Asset::cw20(&self.nex.addr),
                ],
                accounts,
            )
            .take()
    }

    pub fn rejected(
        &mut self,
        expected: ContractError,
        f: impl FnOnce(&mut Suite) -> anyhow::Result<AppResponse>,
    ) {
        assert_rejected_unchanged(self, Suite::snapshot, &expected, &"", f);
    }
}
