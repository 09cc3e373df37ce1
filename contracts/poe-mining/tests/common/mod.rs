//! Shared fixtures of the poe-mining tests: a multi-test app with the suite's cw20 token
//! (`poe_token`) as FLX and NEX (poe-mining made NEX's minter with `UpdateMinter`, as the
//! deployment does), the suite's treasury, one reporter, two miners. Only poe-mining and the two
//! contracts it talks to are deployed; the whole-economy tests stay in `harness/testing`. The
//! contracts are driven through poe-test-utils' typed handles (`s.poe.submit_job(..)`,
//! `s.poe.miner(..)`); the suite adds only the tests' conventions on top (jobs submitted by the
//! suite's reporter, epochs closed by anyone, config changes by the owner, the epoch schedule,
//! balances in `u128`).
#![allow(dead_code, unused_imports)]

use anyhow::Result as AnyResult;
use cosmwasm_std::{Addr, Coin, Decimal, Empty, Int128, Timestamp, Uint128};
use cw20::MinterResponse;
use cw_multi_test::{AppResponse, Contract, Executor};
use poe_test_utils::{
    advance_to, app_with_native_balances, assert_rejected_unchanged, contract_wrapper, share,
    token_instantiate_msg, Asset, Snapshot,
};

pub use poe_mining::msg::{
    ConfigResponse, ConfigUpdate, EconomicJobType, EpochResponse, ExecuteMsg, InstantiateMsg,
    JobReport, JobsResponse, MigrateMsg, MinerResponse, MiningStatisticsResponse,
    PendingRewardsResponse, PoeIndexResponse, PoeParams, QueryMsg, ReceiveMsg, ReportersResponse,
    MAX_EPOCH_LENGTH_SECONDS, MAX_LIQUIDITY_RATIO, MAX_LOCK_PERIOD_SECONDS, MAX_REPORTERS,
};
pub use poe_mining::ContractError;
pub use poe_test_utils::{
    u, wasm_attr, Cw20Handle, PoeHandle, SharedApp, TokenHandle, TreasuryHandle,
};

use poe_math::{
    fee::{FeeRates, FeeSplit},
    poe::{PoeScales, PoeWeights},
    salary::OwnerSalaryPolicy,
    weight::MinerWeightParams,
};

/// Base units per token (6 decimals), `tokens(n)` whole tokens in base units, and the suite's
/// default parameters (seed fee split and PoE weights, threshold 0.1, epochs of an hour, scales
/// 1,000,000 / 100,000 FLX, 10,000 NEX per epoch at Gamma = 1, a 10,000 FLX dust floor, a 7-day
/// lock, `max_liquidity_ratio` 1): the deployment's own, so these tests run what is deployed.
pub use poe_deploy::{
    default_params,
    values::{tokens, UNIT},
};
/// Epoch length of the tests, seconds (the default parameters' epoch).
pub const EPOCH: u64 = 3_600;
/// The native denom test accounts hold (to attach funds the contract must refuse).
pub const DENOM: &str = "ucosm";

fn mining_contract() -> Box<dyn Contract<Empty>> {
    contract_wrapper!(poe_mining, migrate)
}

fn token_contract() -> Box<dyn Contract<Empty>> {
    contract_wrapper!(poe_token)
}

fn treasury_contract() -> Box<dyn Contract<Empty>> {
    contract_wrapper!(poe_treasury)
}

/// A job of `value` base units for `miner`: quality 0.9, uptime 0.99, no liquidity.
pub fn job(miner: &Addr, job_type: EconomicJobType, value: u128) -> JobReport {
    JobReport {
        job_type,
        miner: miner.to_string(),
        job_value: Uint128::new(value),
        quality_score: Decimal::percent(90),
        liquidity_delta: Int128::zero(),
        uptime: Decimal::percent(99),
    }
}

/// `t` in whole seconds, rounded up (how the contract counts lock ends).
pub fn ceil_seconds(t: Timestamp) -> u64 {
    t.seconds() + u64::from(t.subsec_nanos() > 0)
}

/// One message a test runs on the suite, for tables of attempts.
pub type Attempt<'a> = &'a dyn Fn(&Suite) -> AnyResult<AppResponse>;

/// The deployed contracts and accounts.
pub struct Suite {
    /// The chain, shared with every handle below.
    pub app: SharedApp,
    /// poe-mining.
    pub poe: PoeHandle,
    /// The FLX token.
    pub flx: TokenHandle,
    /// The NEX token (poe-mining is its minter).
    pub nex: TokenHandle,
    /// The treasury contract.
    pub treasury: TreasuryHandle,
    /// poe-mining's owner.
    pub owner: Addr,
    /// The allow-listed reporter.
    pub reporter: Addr,
    /// The salary recipient.
    pub recipient: Addr,
    /// A registered miner.
    pub alice: Addr,
    /// An account that is not registered.
    pub bob: Addr,
    /// An account with no role (it closes the epochs).
    pub anyone: Addr,
    /// The code id of poe-mining (for migrations).
    pub code_id: u64,
}

impl Suite {
    /// [`default_params`], the reporter holding 10,000,000 FLX, alice registered.
    pub fn new() -> Self {
        Self::with(default_params(), tokens(10_000_000).u128())
    }

    /// `params`, the reporter holding `reporter_flx` base units, alice registered.
    pub fn with(params: PoeParams, reporter_flx: u128) -> Self {
        let names = ["owner", "reporter", "recipient", "alice", "bob", "anyone"];
        let mut app = app_with_native_balances(&names, &[Coin::new(1_000_000u128, DENOM)]);
        let api = app.api();
        let [owner, reporter, recipient, alice, bob, anyone] = names.map(|n| api.addr_make(n));
        let token_id = app.store_code(token_contract());
        let treasury_id = app.store_code(treasury_contract());
        let code_id = app.store_code(mining_contract());
        let mut flx_msg = token_instantiate_msg("FLX", &[&reporter], reporter_flx);
        flx_msg.initial_balances.push(cw20::Cw20Coin {
            address: alice.to_string(),
            amount: tokens(1_000),
        });
        let flx = app
            .instantiate_contract(token_id, owner.clone(), &flx_msg, &[], "flx", None)
            .unwrap();
        let mut nex_msg = token_instantiate_msg("NEX", &[], 0);
        nex_msg.mint = Some(MinterResponse {
            minter: owner.to_string(),
            cap: None,
        });
        let nex = app
            .instantiate_contract(token_id, owner.clone(), &nex_msg, &[], "nex", None)
            .unwrap();
        let treasury = app
            .instantiate_contract(
                treasury_id,
                owner.clone(),
                &poe_interface::treasury::InstantiateMsg { owner: None },
                &[],
                "treasury",
                None,
            )
            .unwrap();
        let poe = app
            .instantiate_contract(
                code_id,
                owner.clone(),
                &InstantiateMsg {
                    owner: None,
                    flx_token: flx.to_string(),
                    nex_token: nex.to_string(),
                    treasury: treasury.to_string(),
                    owner_salary_recipient: recipient.to_string(),
                    reporters: vec![reporter.to_string()],
                    params,
                },
                &[],
                "poe-mining",
                Some(owner.to_string()),
            )
            .unwrap();
        let app = share(app);
        let suite = Suite {
            poe: PoeHandle::new(app.clone(), poe, flx.clone()),
            flx: TokenHandle::new(app.clone(), flx, "FLX"),
            nex: TokenHandle::new(app.clone(), nex, "NEX"),
            treasury: TreasuryHandle::new(app.clone(), treasury),
            app,
            owner,
            reporter,
            recipient,
            alice,
            bob,
            anyone,
            code_id,
        };
        suite
            .nex
            .update_minter(&suite.owner, Some(&suite.poe.addr))
            .unwrap();
        suite.poe.register_miner(&suite.alice, None).unwrap();
        suite
    }

    /// `api.addr_make(name)`.
    pub fn addr(&self, name: &str) -> Addr {
        self.app.borrow().api().addr_make(name)
    }

    /// The suite's reporter submits `job`, paying exactly its fee.
    pub fn submit(&self, job: JobReport) -> AnyResult<AppResponse> {
        self.poe.submit_job(&self.reporter, job)
    }

    /// Anyone closes `epoch`.
    pub fn close(&self, epoch: u64) -> AnyResult<AppResponse> {
        self.poe.close_epoch(&self.anyone, epoch)
    }

    /// The owner's `UpdateConfig`.
    pub fn update_config(&self, update: ConfigUpdate) -> AnyResult<AppResponse> {
        self.poe.update_config(&self.owner, update)
    }

    /// Block time.
    pub fn now(&self) -> Timestamp {
        self.app.borrow().block_info().time
    }

    /// Start of `epoch` (the schedule's length never changes in these tests unless a test
    /// says so).
    pub fn epoch_start(&self, epoch: u64) -> Timestamp {
        let genesis = self.poe.config().expect("config answers").genesis_time;
        genesis.plus_seconds(epoch * EPOCH)
    }

    /// End of `epoch`.
    pub fn epoch_end(&self, epoch: u64) -> Timestamp {
        self.epoch_start(epoch + 1)
    }

    /// Moves the chain to `time`.
    pub fn advance_to(&self, time: Timestamp) {
        advance_to(&mut self.app.borrow_mut(), time, 1);
    }

    /// FLX balance.
    pub fn flx_of(&self, who: &Addr) -> u128 {
        self.flx.balance(who).expect("FLX answers").u128()
    }

    /// NEX balance.
    pub fn nex_of(&self, who: &Addr) -> u128 {
        self.nex.balance(who).expect("NEX answers").u128()
    }

    /// Everything a rejected message must leave untouched: the raw storage of the four
    /// contracts, both supplies, and every account's FLX, NEX and native balance.
    pub fn snapshot(&self) -> Snapshot {
        let (poe, flx, nex, treasury) = (
            &self.poe.addr,
            &self.flx.addr,
            &self.nex.addr,
            &self.treasury.addr,
        );
        let accounts = [
            &self.owner,
            &self.reporter,
            &self.recipient,
            &self.alice,
            &self.bob,
            poe,
            treasury,
        ];
        Snapshot::of(&self.app.borrow())
            .storage([poe, flx, nex, treasury])
            .supplies([flx, nex])
            .balances(
                &[Asset::cw20(flx), Asset::cw20(nex), Asset::native(DENOM)],
                accounts,
            )
            .take()
    }

    /// Runs `action`, expects the poe-mining error `expected` (anywhere in the error chain) and
    /// that nothing in [`Suite::snapshot`] changed.
    pub fn assert_rejected(
        &mut self,
        expected: ContractError,
        action: impl FnOnce(&mut Suite) -> AnyResult<AppResponse>,
    ) {
        let what = format!("{expected:?}");
        assert_rejected_unchanged(self, Suite::snapshot, &expected, &what, action);
    }
}
