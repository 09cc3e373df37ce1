//! Shared fixtures of the FLX controller tests: a multi-test app with the suite's cw20 token
//! (`poe_token`) as FLX, the controller as FLX's minter (handed over with `UpdateMinter`, as the
//! deployment does), three reporters, a treasury as mint recipient, and typed helpers for every
//! message and query.
#![allow(dead_code, unused_imports)]

use anyhow::Result as AnyResult;
use cosmwasm_std::{
    coins, to_json_binary, Addr, Decimal, Decimal256, Empty, Record, Timestamp, Uint128,
};
use cw20::{BalanceResponse, Cw20Coin, Cw20ExecuteMsg, Cw20QueryMsg, MinterResponse};
use cw_multi_test::{App, AppResponse, Contract, ContractWrapper, Executor};
use poe_test_utils::{
    advance, app_with_native_balances, assert_rejected_unchanged, contract_wrapper, cw20_balance,
    cw20_send, cw20_supply, find_error, token_instantiate_msg, Asset, Snapshot,
};

pub use poe_test_utils::{u, wasm_attr as attr, wasm_attrs};

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
    pub app: App,
    pub controller: Addr,
    pub flx: Addr,
    /// A cw20 token that is not FLX.
    pub xyz: Addr,
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
        if minter != MinterSetup::Admin {
            // the deployment's hand-over of FLX's minter role
            app.execute_contract(
                admin.clone(),
                flx.clone(),
                &Cw20ExecuteMsg::UpdateMinter {
                    new_minter: Some(controller.to_string()),
                },
                &[],
            )
            .expect("minter handed over");
        }
        Suite {
            app,
            controller,
            flx,
            xyz,
            owner,
            admin,
            treasury,
            reporters: [r1, r2, r3],
            alice,
            bob,
            mallory,
            controller_code,
            token_code,
        }
    }

    pub fn exec(&mut self, sender: &Addr, msg: &ExecuteMsg) -> AnyResult<AppResponse> {
        self.app
            .execute_contract(sender.clone(), self.controller.clone(), msg, &[])
    }

    /// Moves the chain `seconds` (and one block) forward.
    pub fn advance(&mut self, seconds: u64) {
        advance(&mut self.app, seconds, 1);
    }

    pub fn now(&self) -> Timestamp {
        self.app.block_info().time
    }

    /// Moves to `seconds_before` seconds before the end of the epoch open now.
    pub fn advance_to_before_end(&mut self, seconds_before: u64) {
        let end = self.current_epoch().end_time.seconds();
        let now = self.now().seconds();
        assert!(end - seconds_before >= now, "already past that point");
        self.advance(end - seconds_before - now);
    }

    /// Moves to the start of the next epoch.
    pub fn advance_to_next_epoch(&mut self) {
        self.advance_to_before_end(0);
    }

    /// `reporter` posts `(gas, fee, queue)`.
    pub fn report(
        &mut self,
        reporter: &Addr,
        gas: &str,
        fee: &str,
        queue: u64,
    ) -> AnyResult<AppResponse> {
        self.exec(
            reporter,
            &ExecuteMsg::ReportUsage {
                pending_gas_buffer: d(gas),
                tx_fee_moving_average: d(fee),
                queue_length: queue,
            },
        )
    }

    /// `reporter` posts a report whose `U_net` is `u` (gas buffer `u`, nothing else, alpha 1).
    pub fn report_u(&mut self, reporter: &Addr, u: &str) -> AnyResult<AppResponse> {
        self.report(reporter, u, "0", 0)
    }

    pub fn rebalance(&mut self, who: &Addr) -> AnyResult<AppResponse> {
        self.exec(who, &ExecuteMsg::Rebalance {})
    }

    /// One fresh report of `U_net = u` by reporter 1 in the epoch open now, then the epoch ends
    /// and alice rebalances. Returns the decision of that epoch.
    pub fn epoch_with(&mut self, u: &str) -> Decision {
        let epoch = self.current_epoch().epoch;
        self.advance_to_before_end(60);
        let r1 = self.reporters[0].clone();
        self.report_u(&r1, u).expect("report");
        self.advance_to_next_epoch();
        let alice = self.alice.clone();
        self.rebalance(&alice).expect("rebalance");
        self.decision(epoch)
    }

    /// `who` sends `amount` FLX to the controller with `hook`.
    pub fn send_flx(
        &mut self,
        who: &Addr,
        amount: u128,
        hook: &impl serde::Serialize,
    ) -> AnyResult<AppResponse> {
        cw20_send(
            &mut self.app,
            who,
            &self.flx,
            &self.controller,
            amount,
            hook,
        )
    }

    /// `who` funds the buffer with `amount` FLX through the hook.
    pub fn fund(&mut self, who: &Addr, amount: u128) -> AnyResult<AppResponse> {
        self.send_flx(who, amount, &ReceiveMsg::FundBuffer {})
    }

    /// `who` transfers `amount` FLX to the controller (no hook).
    pub fn transfer(&mut self, who: &Addr, amount: u128) -> AnyResult<AppResponse> {
        let msg = Cw20ExecuteMsg::Transfer {
            recipient: self.controller.to_string(),
            amount: Uint128::new(amount),
        };
        self.app
            .execute_contract(who.clone(), self.flx.clone(), &msg, &[])
    }

    pub fn update_config(&mut self, who: &Addr, update: ConfigUpdate) -> AnyResult<AppResponse> {
        self.exec(who, &ExecuteMsg::UpdateConfig(Box::new(update)))
    }

    pub fn query<T: serde::de::DeserializeOwned>(&self, msg: &QueryMsg) -> AnyResult<T> {
        Ok(self.app.wrap().query_wasm_smart(&self.controller, msg)?)
    }

    pub fn config(&self) -> ConfigResponse {
        self.query(&QueryMsg::Config {}).expect("config answers")
    }

    pub fn status(&self) -> StatusResponse {
        self.query(&QueryMsg::Status {}).expect("status answers")
    }

    pub fn current_epoch(&self) -> EpochResponse {
        self.query(&QueryMsg::CurrentEpoch {})
            .expect("current epoch answers")
    }

    pub fn decision(&self, epoch: u64) -> Decision {
        self.query(&QueryMsg::Decision { epoch })
            .expect("decision answers")
    }

    pub fn decisions(&self, start_after: Option<u64>, limit: Option<u32>) -> Vec<Decision> {
        let res: DecisionsResponse = self
            .query(&QueryMsg::Decisions { start_after, limit })
            .expect("decisions answer");
        res.decisions
    }

    pub fn reports(&self, epoch: Option<u64>) -> ReportsResponse {
        self.query(&QueryMsg::Reports {
            epoch,
            start_after: None,
            limit: Some(30),
        })
        .expect("reports answer")
    }

    pub fn supply(&self) -> u128 {
        cw20_supply(&self.app, &self.flx)
    }

    pub fn balance(&self, token: &Addr, who: &Addr) -> u128 {
        cw20_balance(&self.app, token, who)
    }

    pub fn flx_of(&self, who: &Addr) -> u128 {
        self.balance(&self.flx, who)
    }

    /// The controller's FLX (its burn buffer).
    pub fn buffer(&self) -> u128 {
        self.flx_of(&self.controller)
    }

    /// The controller's raw storage, FLX's total supply and every account's balance of both
    /// tokens: if this is unchanged, nothing moved.
    pub fn snapshot(&self) -> Snapshot {
        let mut accounts = vec![
            self.controller.clone(),
            self.owner.clone(),
            self.admin.clone(),
            self.treasury.clone(),
            self.alice.clone(),
            self.bob.clone(),
            self.mallory.clone(),
        ];
        accounts.extend(self.reporters.iter().cloned());
        Snapshot::of(&self.app)
            .storage([&self.controller])
            .supplies([&self.flx])
            .balances(&[Asset::cw20(&self.flx), Asset::cw20(&self.xyz)], &accounts)
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
