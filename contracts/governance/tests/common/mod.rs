//! Shared fixtures of governance's tests: a multi-test app with governance, the suite's token as
//! GEN (and a second token, NEX), the suite's treasury, and two TEST DOUBLES that exist only here:
//! a staking contract answering the staking contract's own `voting_power` / `total_power`
//! queries (`poe_interface::staking::QueryMsg`) from a `SnapshotMap` by height (with an execute
//! to set power), and a pausable target owned by governance whose pause is the suite's shared
//! `poe_controllers::pause::PauseState` (extends, never shortens; only `unpause` lifts).
//! Governance, GEN, NEX and the treasury are driven through poe-test-utils' typed handles
//! (`s.gov.vote(..)`, `s.gen.send_hook(..)`); the suite adds the tests' own conventions on top
//! (`propose` with the tests' title, `pass`, balances in `u128`) and the doubles' helpers.
#![allow(dead_code, unused_imports)]

use anyhow::Result as AnyResult;
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{
    coin, to_json_binary, Addr, Binary, CosmosMsg, Decimal, Deps, DepsMut, Empty, Env, MessageInfo,
    Response, StdError, StdResult, Timestamp, Uint128,
};
use cw20::{Cw20Coin, Cw20ExecuteMsg};
use cw_multi_test::{AppResponse, Contract, ContractWrapper, Executor};
use cw_storage_plus::{Item, SnapshotItem, SnapshotMap, Strategy};
use poe_test_utils::{
    advance, advance_to, app_with_native_balances, assert_rejected_unchanged, blocks_in,
    contract_wrapper, share, token_instantiate_msg, Asset, Snapshot,
};

pub use poe_test_utils::{
    attrs, u, wasm_attrs, wasm_execute, GovernanceHandle, SharedApp, TokenHandle, TreasuryHandle,
};

pub use poe_controllers::pause::{PauseError, PauseState, INDEFINITE};
pub use poe_governance::msg::{
    Config, ConfigUpdate, DepositStatus, ExecuteMsg, ExecutionAttempt, ExecutionAttemptsResponse,
    GuardianBudgetResponse, GuardianUpdate, InstantiateMsg, PausableExecuteMsg, PausesResponse,
    ProposalResponse, ProposalStatus, ProposalsResponse, QueryMsg, ReceiveMsg, Tally, VoteInfo,
    VoteOption, VoteResponse, VotesResponse,
};
pub use poe_governance::ContractError;
pub use poe_interface::pause::{PausableQueryMsg, PauseStatusResponse};
use poe_interface::staking::{QueryMsg as StakingQuery, TotalPowerResponse, VotingPowerResponse};

/// GEN each account starts with (10 GEN, 6 decimals).
pub const START: u128 = 10_000_000;
/// GEN governance holds for proposals to spend (5 GEN).
pub const RESERVE: u128 = 5_000_000;
/// The proposal deposit (1 GEN).
pub const DEPOSIT: u128 = 1_000_000;
/// Native coins of the test chain (to attach funds where none belong).
pub const ATOM: &str = "uatom";

pub const VOTING: u64 = 3 * 86_400;
pub const TIMELOCK: u64 = 86_400;
pub const WINDOW: u64 = 2 * 86_400;
pub const MAX_PAUSE: u64 = 86_400;
/// The guardian's budget: 3 days of pauses per 30-day window.
pub const BUDGET: u64 = 3 * 86_400;
pub const GUARDIAN_WINDOW: u64 = 30 * 86_400;

// ---------------------------------------------------------------------------------------------
// Test double: staking. Powers by address in a SnapshotMap (every block), total in a
// SnapshotItem; a value at height h is the one at the START of block h, as the real staking
// contract promises.
// ---------------------------------------------------------------------------------------------

const POWERS: SnapshotMap<&Addr, Uint128> =
    SnapshotMap::new("pw", "pw__check", "pw__change", Strategy::EveryBlock);
const TOTAL: SnapshotItem<Uint128> =
    SnapshotItem::new("tt", "tt__check", "tt__change", Strategy::EveryBlock);

/// The staking double's only execute: sets `address`'s power from this block on.
#[cw_serde]
pub enum StakingDoubleMsg {
    SetPower { address: String, power: Uint128 },
}

fn staking_instantiate(
    deps: DepsMut,
    env: Env,
    _info: MessageInfo,
    _msg: Empty,
) -> StdResult<Response> {
    TOTAL.save(deps.storage, &Uint128::zero(), env.block.height)?;
    Ok(Response::new())
}

fn staking_execute(
    deps: DepsMut,
    env: Env,
    _info: MessageInfo,
    msg: StakingDoubleMsg,
) -> StdResult<Response> {
    let StakingDoubleMsg::SetPower { address, power } = msg;
    let addr = deps.api.addr_validate(&address)?;
    let height = env.block.height;
    let old = POWERS.may_load(deps.storage, &addr)?.unwrap_or_default();
    POWERS.save(deps.storage, &addr, &power, height)?;
    let total = TOTAL.load(deps.storage)? - old + power;
    TOTAL.save(deps.storage, &total, height)?;
    Ok(Response::new())
}

fn staking_query(deps: Deps, env: Env, msg: StakingQuery) -> StdResult<Binary> {
    match msg {
        StakingQuery::VotingPower { address, height } => {
            let height = height.unwrap_or(env.block.height);
            let addr = deps.api.addr_validate(&address)?;
            let power = POWERS
                .may_load_at_height(deps.storage, &addr, height)?
                .unwrap_or_default();
            to_json_binary(&VotingPowerResponse { power, height })
        }
        StakingQuery::TotalPower { height } => {
            let height = height.unwrap_or(env.block.height);
            let power = TOTAL
                .may_load_at_height(deps.storage, height)?
                .unwrap_or_default();
            to_json_binary(&TotalPowerResponse { power, height })
        }
        _ => Err(StdError::generic_err(
            "the staking double answers voting_power and total_power only",
        )),
    }
}

pub fn staking_double() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(
        staking_execute,
        staking_instantiate,
        staking_query,
    ))
}

// ---------------------------------------------------------------------------------------------
// Test double: a pausable target that accepts `PausableExecuteMsg` from its owner only, with the
// suite's shared pause semantics (`PauseState`), and answers `pause_status`. It also answers
// `{"ping":{}}` only while `open` (set by its owner), to play a target that refuses a
// proposal's message at first and accepts it later.
// ---------------------------------------------------------------------------------------------

#[cw_serde]
pub struct TargetInstantiate {
    pub owner: String,
}

/// The target double's execute: the shared pause messages, plus `ping` (refused until the
/// owner opens the gate) and `set_open` (owner only).
#[cw_serde]
#[serde(untagged)]
pub enum TargetExecute {
    Pausable(PausableExecuteMsg),
    Other(TargetOther),
}

#[cw_serde]
pub enum TargetOther {
    /// Counted while open, refused ("target: closed") otherwise.
    Ping {},
    /// Anyone: opens or closes the gate (plays the outside condition a proposal depends on).
    SetOpen { open: bool },
}

#[cw_serde]
#[serde(untagged)]
pub enum TargetQueryMsg {
    Pausable(PausableQueryMsg),
    Other(TargetOtherQuery),
}

#[cw_serde]
pub enum TargetOtherQuery {
    /// -> u32
    Pings {},
}

/// The target double's errors.
#[derive(thiserror::Error, Debug, PartialEq)]
pub enum TargetError {
    #[error(transparent)]
    Std(#[from] StdError),
    #[error(transparent)]
    Pause(#[from] PauseError),
    #[error("target: not the owner")]
    NotOwner,
    #[error("target: closed")]
    Closed,
}

const TARGET_OWNER: Item<Addr> = Item::new("owner");
const TARGET_PAUSE: Item<PauseState> = Item::new("until");
const TARGET_OPEN: Item<bool> = Item::new("open");
const TARGET_PINGS: Item<u32> = Item::new("pings");

fn target_instantiate(
    deps: DepsMut,
    _env: Env,
    _info: MessageInfo,
    msg: TargetInstantiate,
) -> StdResult<Response> {
    TARGET_OWNER.save(deps.storage, &deps.api.addr_validate(&msg.owner)?)?;
    TARGET_PAUSE.save(deps.storage, &PauseState::none())?;
    TARGET_OPEN.save(deps.storage, &false)?;
    TARGET_PINGS.save(deps.storage, &0)?;
    Ok(Response::new())
}

fn target_execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: TargetExecute,
) -> Result<Response, TargetError> {
    match msg {
        TargetExecute::Pausable(msg) => {
            if info.sender != TARGET_OWNER.load(deps.storage)? {
                return Err(TargetError::NotOwner);
            }
            let mut pause = TARGET_PAUSE.load(deps.storage)?;
            match msg {
                PausableExecuteMsg::Pause { until } => {
                    pause.pause(&env.block, until)?;
                }
                PausableExecuteMsg::Unpause {} => pause.unpause(&env.block)?,
            }
            TARGET_PAUSE.save(deps.storage, &pause)?;
        }
        TargetExecute::Other(TargetOther::Ping {}) => {
            TARGET_PAUSE
                .load(deps.storage)?
                .ensure_not_paused(&env.block)?;
            if !TARGET_OPEN.load(deps.storage)? {
                return Err(TargetError::Closed);
            }
            TARGET_PINGS.update(deps.storage, |n| StdResult::Ok(n + 1))?;
        }
        TargetExecute::Other(TargetOther::SetOpen { open }) => {
            TARGET_OPEN.save(deps.storage, &open)?;
        }
    }
    Ok(Response::new())
}

fn target_query(deps: Deps, env: Env, msg: TargetQueryMsg) -> StdResult<Binary> {
    match msg {
        TargetQueryMsg::Pausable(PausableQueryMsg::PauseStatus {}) => {
            to_json_binary(&TARGET_PAUSE.load(deps.storage)?.status(&env.block))
        }
        TargetQueryMsg::Other(TargetOtherQuery::Pings {}) => {
            to_json_binary(&TARGET_PINGS.load(deps.storage)?)
        }
    }
}

pub fn target_double() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(
        target_execute,
        target_instantiate,
        target_query,
    ))
}

// ---------------------------------------------------------------------------------------------
// The suite's own contracts.
// ---------------------------------------------------------------------------------------------

pub fn governance_contract() -> Box<dyn Contract<Empty>> {
    contract_wrapper!(poe_governance, reply, migrate)
}

pub fn token_contract() -> Box<dyn Contract<Empty>> {
    contract_wrapper!(poe_token)
}

pub fn treasury_contract() -> Box<dyn Contract<Empty>> {
    contract_wrapper!(poe_treasury)
}

pub struct Suite {
    /// The chain, shared with every handle below.
    pub app: SharedApp,
    pub gov_code: u64,
    pub gov: GovernanceHandle,
    /// The deposit token.
    pub gen: TokenHandle,
    /// A second token, not the deposit token.
    pub nex: TokenHandle,
    /// The staking double.
    pub staking: Addr,
    pub treasury: TreasuryHandle,
    /// Pausable, owned by governance.
    pub target: Addr,
    pub admin: Addr,
    pub guardian: Addr,
    /// Stakers: alice 400, bob 300, carol 200, dave 100 (total 1,000).
    pub alice: Addr,
    pub bob: Addr,
    pub carol: Addr,
    pub dave: Addr,
    /// Holds GEN, no stake.
    pub eve: Addr,
}

impl Suite {
    /// The standard config: deposit 1 GEN, voting 3 days, quorum 30 %, threshold default (67 %),
    /// veto default (33.4 %), timelock 1 day, window 2 days, guardian pauses up to 1 day, 3 days
    /// in all per 30-day window; failed executions retried (the default).
    pub fn new() -> Self {
        Self::with_config(|_| {})
    }

    pub fn default_instantiate(s: &SuiteAddrs) -> InstantiateMsg {
        InstantiateMsg {
            staking: s.staking.to_string(),
            deposit_token: s.gen.to_string(),
            deposit_amount: Uint128::new(DEPOSIT),
            voting_period_seconds: VOTING,
            quorum: Decimal::percent(30),
            threshold: None,
            veto_threshold: None,
            timelock_seconds: TIMELOCK,
            execution_window_seconds: WINDOW,
            treasury: s.treasury.to_string(),
            guardian: Some(s.guardian.to_string()),
            max_pause_seconds: MAX_PAUSE,
            guardian_pause_budget_seconds: Some(BUDGET),
            guardian_window_seconds: Some(GUARDIAN_WINDOW),
            close_proposal_on_execution_failure: None,
        }
    }

    pub fn with_config(edit: impl FnOnce(&mut InstantiateMsg)) -> Self {
        let mut app = app_with_native_balances(&["alice"], &[coin(1_000, ATOM)]);
        let api = app.api();
        let [admin, guardian, alice, bob, carol, dave, eve] =
            ["admin", "guardian", "alice", "bob", "carol", "dave", "eve"].map(|n| api.addr_make(n));

        let gov_code = app.store_code(governance_contract());
        let token_code = app.store_code(token_contract());
        let staking_code = app.store_code(staking_double());
        let treasury_code = app.store_code(treasury_contract());
        let target_code = app.store_code(target_double());

        let mut token = |symbol: &str| {
            app.instantiate_contract(
                token_code,
                admin.clone(),
                &{
                    // governance's reserve goes to the admin first
                    let mut msg =
                        token_instantiate_msg(symbol, &[&alice, &bob, &carol, &dave, &eve], START);
                    msg.initial_balances.push(Cw20Coin {
                        address: admin.to_string(),
                        amount: Uint128::new(RESERVE),
                    });
                    msg
                },
                &[],
                symbol,
                None,
            )
            .expect("token instantiates")
        };
        let gen = token("GEN");
        let nex = token("NEX");
        let staking = app
            .instantiate_contract(staking_code, admin.clone(), &Empty {}, &[], "staking", None)
            .expect("staking double instantiates");
        let treasury = app
            .instantiate_contract(
                treasury_code,
                admin.clone(),
                &poe_treasury::msg::InstantiateMsg { owner: None },
                &[],
                "treasury",
                None,
            )
            .expect("treasury instantiates");

        let addrs = SuiteAddrs {
            staking: staking.clone(),
            gen: gen.clone(),
            treasury: treasury.clone(),
            guardian: guardian.clone(),
        };
        let mut msg = Self::default_instantiate(&addrs);
        edit(&mut msg);
        let gov = app
            .instantiate_contract(
                gov_code,
                admin.clone(),
                &msg,
                &[],
                "governance",
                Some(admin.to_string()),
            )
            .expect("governance instantiates");
        let target = app
            .instantiate_contract(
                target_code,
                admin.clone(),
                &TargetInstantiate {
                    owner: gov.to_string(),
                },
                &[],
                "target",
                None,
            )
            .expect("target instantiates");

        let app = share(app);
        let s = Suite {
            gov_code,
            gov: GovernanceHandle::new(app.clone(), gov),
            gen: TokenHandle::new(app.clone(), gen, "GEN"),
            nex: TokenHandle::new(app.clone(), nex, "NEX"),
            staking,
            treasury: TreasuryHandle::new(app.clone(), treasury),
            target,
            admin,
            guardian,
            alice,
            bob,
            carol,
            dave,
            eve,
            app,
        };
        // governance's reserve, for proposals to spend
        s.gen
            .transfer(&s.admin, &s.gov.addr, Uint128::new(RESERVE))
            .expect("reserve transferred");
        for (who, power) in [
            (&s.alice, 400),
            (&s.bob, 300),
            (&s.carol, 200),
            (&s.dave, 100),
        ] {
            s.set_power(who, power);
        }
        // the powers count from the next block on
        s.next_block();
        s
    }

    // --- time ---

    /// One block (5 s).
    pub fn next_block(&self) {
        self.app
            .borrow_mut()
            .update_block(cw_multi_test::next_block);
    }

    /// `seconds` later, and one block per 5 s (at least one).
    pub fn advance(&self, seconds: u64) {
        advance(&mut self.app.borrow_mut(), seconds, blocks_in(seconds));
    }

    /// To exactly `time` (at least one block later).
    pub fn advance_to(&self, time: Timestamp) {
        let seconds = time.seconds().saturating_sub(self.now().seconds());
        advance_to(&mut self.app.borrow_mut(), time, blocks_in(seconds));
    }

    pub fn now(&self) -> Timestamp {
        self.app.borrow().block_info().time
    }

    pub fn height(&self) -> u64 {
        self.app.borrow().block_info().height
    }

    // --- staking double ---

    pub fn set_power(&self, who: &Addr, power: u128) {
        self.app
            .borrow_mut()
            .execute_contract(
                self.admin.clone(),
                self.staking.clone(),
                &StakingDoubleMsg::SetPower {
                    address: who.to_string(),
                    power: Uint128::new(power),
                },
                &[],
            )
            .expect("power set");
    }

    // --- governance ---

    /// `proposer` pays the configured deposit in GEN and proposes `msgs` under the tests' title
    /// and description ([`propose_hook`]); returns the proposal id.
    pub fn propose(&self, proposer: &Addr, msgs: Vec<CosmosMsg>) -> AnyResult<u64> {
        self.gov
            .propose(&self.gen, proposer, TITLE, DESCRIPTION, msgs)
    }

    /// alice proposes `msgs`, alice and bob vote yes (700 of 1,000), and time moves to the end of
    /// the timelock: the proposal is executable. Returns its id.
    pub fn pass(&self, msgs: Vec<CosmosMsg>) -> u64 {
        let id = self.propose(&self.alice, msgs).expect("proposal made");
        self.gov
            .vote(&self.alice, id, VoteOption::Yes)
            .expect("alice votes");
        self.gov
            .vote(&self.bob, id, VoteOption::Yes)
            .expect("bob votes");
        let executable_at = self
            .gov
            .proposal(id)
            .expect("proposal answers")
            .executable_at;
        self.advance_to(executable_at);
        id
    }

    /// [`Suite::pass`] then `Execute` by eve.
    pub fn pass_and_execute(&self, msgs: Vec<CosmosMsg>) -> u64 {
        let id = self.pass(msgs);
        self.gov
            .execute_proposal(&self.eve, id)
            .expect("proposal executes");
        id
    }

    // --- the target double ---

    /// The target's own pause state (`pause_status`): its end, `None` when not paused.
    pub fn target_paused_until(&self) -> Option<Timestamp> {
        let status: PauseStatusResponse = self
            .app
            .borrow()
            .wrap()
            .query_wasm_smart(&self.target, &PausableQueryMsg::PauseStatus {})
            .expect("target answers");
        status.paused_until
    }

    /// How many `ping`s the target accepted.
    pub fn target_pings(&self) -> u32 {
        self.app
            .borrow()
            .wrap()
            .query_wasm_smart(&self.target, &TargetOtherQuery::Pings {})
            .expect("target answers")
    }

    /// Opens (or closes) the target's gate, as anyone.
    pub fn set_target_open(&self, open: bool) {
        self.app
            .borrow_mut()
            .execute_contract(
                self.eve.clone(),
                self.target.clone(),
                &TargetOther::SetOpen { open },
                &[],
            )
            .expect("gate set");
    }

    /// A `ping` of the target, as a proposal message.
    pub fn ping_msg(&self) -> CosmosMsg {
        wasm(&self.target, &TargetOther::Ping {})
    }

    // --- balances and proposal messages ---

    /// `who`'s GEN, base units.
    pub fn gen_balance(&self, who: &Addr) -> u128 {
        self.gen.balance(who).expect("GEN answers").u128()
    }

    /// A GEN transfer from governance's funds, as a proposal message.
    pub fn gen_transfer(&self, recipient: &Addr, amount: u128) -> CosmosMsg {
        wasm(
            &self.gen.addr,
            &Cw20ExecuteMsg::Transfer {
                recipient: recipient.to_string(),
                amount: Uint128::new(amount),
            },
        )
    }

    /// A message to governance itself, as a proposal message.
    pub fn gov_msg(&self, msg: &ExecuteMsg) -> CosmosMsg {
        wasm(&self.gov.addr, msg)
    }

    /// Governance's, the treasury's and the target's raw storage, plus the GEN and NEX balances
    /// of every account: if this is unchanged, nothing happened.
    pub fn snapshot(&self) -> Snapshot {
        let accounts = [
            &self.gov.addr,
            &self.treasury.addr,
            &self.alice,
            &self.bob,
            &self.carol,
            &self.dave,
            &self.eve,
            &self.guardian,
            &self.admin,
        ];
        Snapshot::of(&self.app.borrow())
            .storage([
                &self.gov.addr,
                &self.treasury.addr,
                &self.target,
                &self.staking,
            ])
            .balances(
                &[Asset::cw20(&self.gen.addr), Asset::cw20(&self.nex.addr)],
                accounts,
            )
            .take()
    }

    /// Runs `action`, expects exactly `expected`, and checks nothing changed.
    pub fn assert_rejected(
        &mut self,
        expected: ContractError,
        action: impl FnOnce(&mut Self) -> AnyResult<AppResponse>,
    ) {
        assert_rejected_unchanged(self, Self::snapshot, &expected, &expected, action);
    }

    /// `sender` executes `msg` on governance: expects exactly `expected` and no state change.
    pub fn assert_exec_rejected(
        &mut self,
        sender: &Addr,
        msg: &ExecuteMsg,
        expected: ContractError,
    ) {
        let (sender, msg) = (sender.clone(), msg.clone());
        self.assert_rejected(expected, move |s| s.gov.execute(&sender, &msg));
    }
}

/// The addresses the instantiate message names.
pub struct SuiteAddrs {
    pub staking: Addr,
    pub gen: Addr,
    pub treasury: Addr,
    pub guardian: Addr,
}

/// The title of the tests' proposals.
pub const TITLE: &str = "Adjust the economy";
/// The description of the tests' proposals.
pub const DESCRIPTION: &str = "A proposal of the tests.";

/// The `Propose` hook of the tests' proposals (with `msgs`), for deposits the tests pick.
pub fn propose_hook(msgs: Vec<CosmosMsg>) -> ReceiveMsg {
    ReceiveMsg::Propose {
        title: TITLE.to_string(),
        description: DESCRIPTION.to_string(),
        msgs,
    }
}

/// A `WasmMsg::Execute` of `msg` on `contract` without funds, as a proposal message.
pub fn wasm<T: cosmwasm_schema::serde::Serialize>(contract: &Addr, msg: &T) -> CosmosMsg {
    wasm_execute(contract, msg).expect("message serializes")
}

/// Governance's `ContractError` inside a multi-test error (also through a cw20 `Send`).
pub fn contract_err(err: anyhow::Error) -> ContractError {
    poe_test_utils::downcast(err)
}
