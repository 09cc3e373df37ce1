//! Shared fixtures of the FLX controller tests: a multi-test app with the suite's cw20 token
//! (`poe_token`) as FLX, the controller as FLX's minter (handed over with `UpdateMinter`, as the
//! deployment does), three reporters and a treasury as mint recipient. Messages and queries go
//! through poe-test-utils' typed handles (`FluxHandle`, `TokenHandle`); the suite adds the tests'
//! conventions on top: reports as decimal strings, FLX amounts in `u128`, moving to an epoch's
//! end, and one reported epoch closed (`epoch_with`).
#![allow(dead_code, unused_imports)]

use anyhow::Result as AnyResult;
use cosmwasm_std::{coins, Addr, Decimal, Decimal256, Empty, Timestamp, Uint128};
use cw20::{Cw20Coin, MinterResponse};
use cw_multi_test::{AppResponse, Contract, Executor};
use poe_test_utils::{
    advance, app_with_native_balances, assert_rejected_unchanged, contract_wrapper,
    expect_wasm_attr, find_error, share, token_instantiate_msg, Asset, Snapshot,
};

pub use poe_test_utils::{u, wasm_attrs, Cw20Handle, FluxHandle, SharedApp, TokenHandle};

pub use poe_controllers::{AllowListError, PauseError};
pub use poe_flux_controller::msg::{
    ConfigResponse, ConfigUpdate, Decision, DecisionAction, DecisionsResponse, EpochResponse,
    ExecuteMsg, FluxParams, FreezeReason, InstantiateMsg, QueryMsg, ReceiveMsg, ReportersResponse,
    ReportsResponse, StatusResponse, SupplyLimit, UsageReport, MAX_PERIOD_SECONDS, MAX_REPORTERS,
};
pub use poe_flux_controller::ContractError;
pub use poe_math::flux::{Direction, NetDemand};

/// Seconds in a year (`poe_math::flux::SECONDS_PER_YEAR`).
pub const YEAR: u64 = poe_math::flux::SECONDS_PER_YEAR;
/// Epoch length of the tests, seconds: a twentieth of a year (18.26 days), so the yearly cap of
/// 100 % gives an epoch cap of exactly 5 % of the supply.
pub const EPOCH: u64 = YEAR / 20;
/// Report freshness window of the tests, seconds.
pub const MAX_AGE: u64 = 600;
/// FLX of alice and bob at genesis: the supply is 1,000,000.
pub const ALICE_FLX: u128 = 600_000;
pub const BOB_FLX: u128 = 400_000;
pub const SUPPLY: u128 = ALICE_FLX + BOB_FLX;

pub fn d(s: &str) -> Decimal {
    s.parse().expect("decimal")
}

pub fn d256(s: &str) -> Decimal256 {
    s.parse().expect("decimal256")
}

/// alpha 1, beta 0.5, gamma 1 (so a report `(gas = x, 0, 0)` has `U_net = x`); band [0.8, 1.2];
/// elasticity 0.5; at most 100 % a year (5 % per epoch of [`EPOCH`] seconds);
/// reports fresh in the last 10 minutes; one fresh report suffices to expand (the quorum tests
/// raise it); report bounds of 1,000,000 per component.
pub fn params() -> FluxParams {
    FluxParams {
        alpha: d("1"),
        beta: d("0.5"),
        gamma: d("1"),
        expansion_threshold: d("1.2"),
        contraction_threshold: d("0.8"),
        elasticity_factor: d("0.5"),
        max_annual_inflation_rate: d("1"),
        epoch_length_seconds: EPOCH,
        max_report_age_seconds: MAX_AGE,
        min_reports_to_expand: 1,
        max_pending_gas_buffer: d("1000000"),
        max_tx_fee_moving_average: d("1000000"),
        max_queue_length: 1_000_000_000,
    }
}

pub fn controller_contract() -> Box<dyn Contract<Empty>> {
    contract_wrapper!(poe_flux_controller, migrate)
}

pub fn token_contract() -> Box<dyn Contract<Empty>> {
    contract_wrapper!(poe_token)
}

/// How FLX's minter role is set up.
#[derive(Clone, Copy, PartialEq)]
pub enum MinterSetup {
    /// The controller, no cap (the deployment).
    Controller,
    /// The controller, with a cap this far above the genesis supply.
    ControllerCapped(u128),
    /// The admin keeps it.
    Admin,
}

pub struct Suite {
    /// The chain, shared with every handle below.
    pub app: SharedApp,
    pub controller: FluxHandle,
    pub flx: TokenHandle,
    /// A cw20 token that is not FLX.
    pub xyz: TokenHandle,
    pub owner: Addr,
    pub admin: Addr,
    /// The mint recipient.
    pub treasury: Addr,
    pub reporters: [Addr; 3],
    pub alice: Addr,
    pub bob: Addr,
    /// Neither reporter nor owner.
    pub mallory: Addr,
    pub controller_code: u64,
    pub token_code: u64,
}

impl Suite {
    /// FLX with alice 600,000 and bob 400,000, the controller as its minter.
    pub fn new() -> Self {
        Self::with(MinterSetup::Controller, params())
    }

    pub fn with(minter: MinterSetup, params: FluxParams) -> Self {
        let mut app = app_with_native_balances(&["alice"], &coins(1_000, "uatom"));
        let api = app.api();
        let [owner, admin, treasury, alice, bob, mallory, r1, r2, r3] = [
            "owner",
            "admin",
            "treasury",
            "alice",
            "bob",
            "mallory",
            "reporter1",
            "reporter2",
            "reporter3",
        ]
        .map(|n| api.addr_make(n));
        let token_code = app.store_code(token_contract());
        let controller_code = app.store_code(controller_contract());
        let cap = match minter {
            MinterSetup::ControllerCapped(room) => Some(Uint128::new(SUPPLY + room)),
            _ => None,
        };
        let mut token = |symbol: &str, cap: Option<Uint128>| {
            app.instantiate_contract(
                token_code,
                admin.clone(),
                &poe_token::msg::InstantiateMsg {
                    initial_balances: vec![
                        Cw20Coin {
                            address: alice.to_string(),
                            amount: Uint128::new(ALICE_FLX),
                        },
                        Cw20Coin {
                            address: bob.to_string(),
                            amount: Uint128::new(BOB_FLX),
                        },
                    ],
                    mint: Some(MinterResponse {
                        minter: admin.to_string(),
                        cap,
                    }),
                    ..token_instantiate_msg(symbol, &[], 0)
                },
                &[],
                symbol,
                None,
            )
            .expect("token instantiates")
        };
        let flx = token("FLX", cap);
        let xyz = token("XYZ", None);
        let controller = app
            .instantiate_contract(
                controller_code,
                admin.clone(),
                &InstantiateMsg {
                    owner: Some(owner.to_string()),
                    flx_token: flx.to_string(),
                    mint_recipient: treasury.to_string(),
                    reporters: vec![r1.to_string(), r2.to_string(), r3.to_string()],
                    params,
                },
                &[],
                "flux-controller",
                Some(admin.to_string()),
            )
            .expect("controller instantiates");
        let app = share(app);
        let s = Suite {
            controller: FluxHandle::new(app.clone(), controller),
            flx: TokenHandle::new(app.clone(), flx, "FLX"),
            xyz: TokenHandle::new(app.clone(), xyz, "XYZ"),
            app,
            owner,
            admin,
            treasury,
            reporters: [r1, r2, r3],
            alice,
            bob,
            mallory,
            controller_code,
            token_code,
        };
        if minter != MinterSetup::Admin {
            // the deployment's hand-over of FLX's minter role
            s.flx
                .update_minter(&s.admin, Some(&s.controller.addr))
                .expect("minter handed over");
        }
        s
    }

    /// Moves the chain `seconds` (and one block) forward.
    pub fn advance(&self, seconds: u64) {
        advance(&mut self.app.borrow_mut(), seconds, 1);
    }

    pub fn now(&self) -> Timestamp {
        self.app.borrow().block_info().time
    }

    /// Moves to `seconds_before` seconds before the end of the epoch open now.
    pub fn advance_to_before_end(&self, seconds_before: u64) {
        let epoch = self
            .controller
            .current_epoch()
            .expect("current epoch answers");
        let end = epoch.end_time.seconds();
        let now = self.now().seconds();
        assert!(end - seconds_before >= now, "already past that point");
        self.advance(end - seconds_before - now);
    }

    /// Moves to the start of the next epoch.
    pub fn advance_to_next_epoch(&self) {
        self.advance_to_before_end(0);
    }

    /// `reporter` posts `(gas, fee, queue)`.
    pub fn report(
        &self,
        reporter: &Addr,
        gas: &str,
        fee: &str,
        queue: u64,
    ) -> AnyResult<AppResponse> {
        self.controller
            .report_usage(reporter, d(gas), d(fee), queue)
    }

    /// `reporter` posts a report whose `U_net` is `u` (gas buffer `u`, nothing else, alpha 1).
    pub fn report_u(&self, reporter: &Addr, u: &str) -> AnyResult<AppResponse> {
        self.report(reporter, u, "0", 0)
    }

    /// One fresh report of `U_net = u` by reporter 1 in the epoch open now, then the epoch ends
    /// and alice rebalances. Returns the decision of that epoch.
    pub fn epoch_with(&self, u: &str) -> Decision {
        let epoch = self
            .controller
            .current_epoch()
            .expect("epoch answers")
            .epoch;
        self.advance_to_before_end(60);
        self.report_u(&self.reporters[0], u).expect("report");
        self.advance_to_next_epoch();
        self.controller.rebalance(&self.alice).expect("rebalance");
        self.controller.decision(epoch).expect("decision answers")
    }

    /// `who` funds the buffer with `amount` FLX through the hook.
    pub fn fund(&self, who: &Addr, amount: u128) -> AnyResult<AppResponse> {
        self.controller.fund_buffer(&self.flx, who, u(amount))
    }

    /// FLX's supply, base units.
    pub fn supply(&self) -> u128 {
        self.flx.total_supply().expect("FLX answers").u128()
    }

    /// `who`'s FLX, base units.
    pub fn flx_of(&self, who: &Addr) -> u128 {
        self.flx.balance(who).expect("FLX answers").u128()
    }

    /// The controller's FLX (its burn buffer).
    pub fn buffer(&self) -> u128 {
        self.flx_of(&self.controller.addr)
    }

    /// The value of the controller's first attribute `key` in `res` (which must have one).
    pub fn attr(&self, res: &AppResponse, key: &str) -> String {
        expect_wasm_attr(res, &self.controller.addr, key)
    }

    /// The controller's raw storage, FLX's total supply and every account's balance of both
    /// tokens: if this is unchanged, nothing moved.
    pub fn snapshot(&self) -> Snapshot {
        let mut accounts = vec![
            self.controller.addr.clone(),
            self.owner.clone(),
            self.admin.clone(),
            self.treasury.clone(),
            self.alice.clone(),
            self.bob.clone(),
            self.mallory.clone(),
        ];
        accounts.extend(self.reporters.iter().cloned());
        let assets = [Asset::cw20(&self.flx.addr), Asset::cw20(&self.xyz.addr)];
        Snapshot::of(&self.app.borrow())
            .storage([&self.controller.addr])
            .supplies([&self.flx.addr])
            .balances(&assets, &accounts)
            .take()
    }

    /// Runs `action`, expects it to fail with exactly `expected`, and checks nothing changed
    /// (the controller's storage, FLX's supply and every balance).
    pub fn assert_rejected(
        &mut self,
        expected: ContractError,
        action: impl FnOnce(&mut Self) -> AnyResult<AppResponse>,
    ) {
        assert_rejected_unchanged(self, Self::snapshot, &expected, &expected, action);
    }
}

/// `AllowList(NotListed)` of a reporter.
pub fn not_listed(address: impl ToString) -> ContractError {
    ContractError::AllowList(AllowListError::NotListed {
        role: "reporter".into(),
        address: address.to_string(),
    })
}

/// `AllowList(AlreadyListed)` of a reporter.
pub fn already_listed(address: impl ToString) -> ContractError {
    ContractError::AllowList(AllowListError::AlreadyListed {
        role: "reporter".into(),
        address: address.to_string(),
    })
}

/// `AllowList(Full)`: more than `MAX_REPORTERS` reporters.
pub fn full() -> ContractError {
    ContractError::AllowList(AllowListError::Full {
        role: "reporter".into(),
        cap: MAX_REPORTERS,
    })
}

/// `Pause(Paused { until })`.
pub fn paused(until: Timestamp) -> ContractError {
    ContractError::Pause(PauseError::Paused { until })
}

/// The controller's `ContractError` anywhere in a multi-test error's chain (a hook's error is
/// wrapped by the token's `Send`).
pub fn contract_err(err: &anyhow::Error) -> &ContractError {
    find_error(err)
}
