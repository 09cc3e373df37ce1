//! Shared fixtures of the treasury's tests: a multi-test app with the treasury, three suite tokens
//! (FLX without burn, NEX with a 1 % transfer burn, INF whose minter is the treasury, capped),
//! native coins, the suite's marketplace (pool 1 of FLX, pool 2 of INF: the cw20 hook recipient
//! of the schedules), and three TEST DOUBLES that exist only here: a forging contract, a token
//! that breaks after its first deposit, and a sink contract that takes native or cw20 payments
//! through a hook (or refuses them when told to). The treasury and
//! the tokens are driven through poe-test-utils' typed handles (`s.treasury.deposit_cw20(..)`,
//! `s.treasury.balance(..)`); the suite adds only the tests' conventions on top (spends with the
//! tests' memo, balances in `u128`).
#![allow(dead_code, unused_imports)]

use anyhow::Result as AnyResult;
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{
    coin, to_json_binary, Addr, Binary, Coin, Deps, DepsMut, Empty, Env, HexBinary, MessageInfo,
    Response, StdError, StdResult, Timestamp, Uint128,
};
use cw20::{BalanceResponse, Cw20QueryMsg, Cw20ReceiveMsg, MinterResponse};
use cw_multi_test::{AppResponse, Contract, ContractWrapper, Executor};
use cw_storage_plus::Item;
use poe_test_utils::{
    app_with_native_balances, assert_rejected_unchanged, contract_wrapper, share,
    token_instantiate_msg, Asset, Snapshot,
};

pub use poe_test_utils::{
    advance, attrs, expect_wasm_attr, u, wasm_attr, wasm_attrs, MarketplaceHandle, SharedApp,
    TokenHandle, TreasuryHandle,
};

pub use poe_interface::marketplace::ReceiveMsg as MarketReceiveMsg;
pub use poe_treasury::msg::{
    AssetBalanceResponse, AssetInfo, BalancesResponse, Clock, ExecuteMsg, InstantiateMsg, Interval,
    LedgerBalance, QueryMsg, ReceiveMsg, Recipient, ScheduleAmount, ScheduleAmountInfo,
    ScheduleDue, ScheduleResponse, ScheduleStatus, ToolResponse, ToolStatusResponse,
};
pub use poe_treasury::ContractError;

/// The native denoms of the test chain.
pub const ATOM: &str = "uatom";
pub const COSM: &str = "ucosm";
/// What alice and the owner start with, in each native denom and in each token.
pub const START: u128 = 1_000_000;
/// NEX's transfer burn.
pub const NEX_BURN_BPS: u16 = 100;
/// INF's minter cap (seed 002 `max_supply`); its supply starts at `2 * START`.
pub const INF_CAP: u128 = 2 * START + 100_000;
/// The marketplace pools: FLX and INF.
pub const FLX_POOL: u64 = 1;
pub const INF_POOL: u64 = 2;
/// A day and the tools' month, seconds.
pub const DAY: u64 = 24 * 60 * 60;
pub const MONTH: u64 = 30 * DAY;

pub fn treasury_contract() -> Box<dyn Contract<Empty>> {
    contract_wrapper!(poe_treasury, reply, migrate)
}

pub fn marketplace_contract() -> Box<dyn Contract<Empty>> {
    contract_wrapper!(poe_marketplace, migrate)
}

/// The sink's messages: a hook recipient of schedules (native coins with `Fund`, cw20 through
/// `Receive`) that records each call, or refuses every payment after `Refuse { refuse: true }`.
#[cw_serde]
pub enum SinkMsg {
    /// A native payment (the coins attached); `note` is recorded.
    Fund { note: String },
    /// A cw20 payment; the hook's `msg` is recorded verbatim.
    Receive(Cw20ReceiveMsg),
    /// From now on refuse (or accept again) every payment.
    Refuse { refuse: bool },
}

/// What the sink recorded, one line per accepted payment: `fund:<note>:<coins>` or
/// `cw20:<token>:<amount>:<msg>`.
#[cw_serde]
pub struct SinkQuery {}

const SINK_LOG: Item<Vec<String>> = Item::new("log");
const SINK_REFUSE: Item<bool> = Item::new("refuse");

fn sink_instantiate(
    deps: DepsMut,
    _env: Env,
    _info: MessageInfo,
    _msg: Empty,
) -> StdResult<Response> {
    SINK_LOG.save(deps.storage, &vec![])?;
    SINK_REFUSE.save(deps.storage, &false)?;
    Ok(Response::new())
}

fn sink_execute(deps: DepsMut, _env: Env, info: MessageInfo, msg: SinkMsg) -> StdResult<Response> {
    if let SinkMsg::Refuse { refuse } = msg {
        SINK_REFUSE.save(deps.storage, &refuse)?;
        return Ok(Response::new());
    }
    if SINK_REFUSE.load(deps.storage)? {
        return Err(StdError::generic_err("the sink refuses payments"));
    }
    let line = match msg {
        SinkMsg::Fund { note } => {
            let coins: Vec<String> = info.funds.iter().map(Coin::to_string).collect();
            format!("fund:{note}:{}", coins.join(","))
        }
        SinkMsg::Receive(w) => format!(
            "cw20:{}:{}:{}",
            info.sender,
            w.amount,
            String::from_utf8_lossy(w.msg.as_slice())
        ),
        SinkMsg::Refuse { .. } => unreachable!(),
    };
    SINK_LOG.update(deps.storage, |mut log| -> StdResult<_> {
        log.push(line);
        Ok(log)
    })?;
    Ok(Response::new())
}

fn sink_query(deps: Deps, _env: Env, _msg: SinkQuery) -> StdResult<Binary> {
    to_json_binary(&SINK_LOG.load(deps.storage)?)
}

/// The sink: a hook recipient that records what it is paid.
pub fn sink_contract() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(
        sink_execute,
        sink_instantiate,
        sink_query,
    ))
}

pub fn token_contract() -> Box<dyn Contract<Empty>> {
    contract_wrapper!(poe_token)
}

/// How the forging contract answers a cw20 `Balance` query.
#[cw_serde]
pub enum ForgerMode {
    /// Claims a balance of zero.
    Liar,
    /// Errors.
    Mute,
}

/// Makes the forging contract call the treasury's `Receive` hook without moving any token.
#[cw_serde]
pub struct Forge {
    pub treasury: String,
    pub amount: Uint128,
}

const MODE: Item<ForgerMode> = Item::new("mode");

fn forger_instantiate(
    deps: DepsMut,
    _env: Env,
    _info: MessageInfo,
    msg: ForgerMode,
) -> StdResult<Response> {
    MODE.save(deps.storage, &msg)?;
    Ok(Response::new())
}

fn forger_execute(_deps: DepsMut, _env: Env, info: MessageInfo, msg: Forge) -> StdResult<Response> {
    let hook = Cw20ReceiveMsg {
        sender: info.sender.to_string(),
        amount: msg.amount,
        msg: to_json_binary(&ReceiveMsg::Deposit { memo: None })?,
    }
    .into_cosmos_msg(msg.treasury)?;
    Ok(Response::new().add_message(hook))
}

fn forger_query(deps: Deps, _env: Env, _msg: Cw20QueryMsg) -> StdResult<Binary> {
    match MODE.load(deps.storage)? {
        ForgerMode::Liar => to_json_binary(&BalanceResponse {
            balance: Uint128::zero(),
        }),
        ForgerMode::Mute => Err(StdError::generic_err("no balances here")),
    }
}

/// A contract that calls `Receive` on the treasury without being a real token.
pub fn forger_contract() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(
        forger_execute,
        forger_instantiate,
        forger_query,
    ))
}

/// The messages of the flaky token: a cw20 double whose `Balance` query answers (with the
/// deposits it forged) until it is told to `Break`, then fails for ever.
#[cw_serde]
pub enum FlakyMsg {
    /// Calls the treasury's `Receive` hook for `amount`, and counts it as the treasury's balance.
    Forge { treasury: String, amount: Uint128 },
    /// From now on every query fails.
    Break {},
}

const FLAKY_BALANCE: Item<Uint128> = Item::new("bal");
const FLAKY_BROKEN: Item<bool> = Item::new("broken");

fn flaky_instantiate(
    deps: DepsMut,
    _env: Env,
    _info: MessageInfo,
    _msg: Empty,
) -> StdResult<Response> {
    FLAKY_BALANCE.save(deps.storage, &Uint128::zero())?;
    FLAKY_BROKEN
        .save(deps.storage, &false)
        .map(|_| Response::new())
}

fn flaky_execute(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: FlakyMsg,
) -> StdResult<Response> {
    match msg {
        FlakyMsg::Forge { treasury, amount } => {
            FLAKY_BALANCE.update(deps.storage, |b| -> StdResult<_> { Ok(b + amount) })?;
            let hook = Cw20ReceiveMsg {
                sender: info.sender.to_string(),
                amount,
                msg: to_json_binary(&ReceiveMsg::Deposit { memo: None })?,
            }
            .into_cosmos_msg(treasury)?;
            Ok(Response::new().add_message(hook))
        }
        FlakyMsg::Break {} => {
            FLAKY_BROKEN.save(deps.storage, &true)?;
            Ok(Response::new())
        }
    }
}

fn flaky_query(deps: Deps, _env: Env, _msg: Cw20QueryMsg) -> StdResult<Binary> {
    if FLAKY_BROKEN.load(deps.storage)? {
        return Err(StdError::generic_err("flaky token is broken"));
    }
    to_json_binary(&BalanceResponse {
        balance: FLAKY_BALANCE.load(deps.storage)?,
    })
}

/// A cw20 double that answers the treasury's first-deposit balance check, then breaks.
pub fn flaky_token_contract() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(
        flaky_execute,
        flaky_instantiate,
        flaky_query,
    ))
}

pub struct Suite {
    /// The chain, shared with every handle below.
    pub app: SharedApp,
    pub code_id: u64,
    pub treasury: TreasuryHandle,
    /// No transfer burn.
    pub flx: TokenHandle,
    /// 1 % transfer burn.
    pub nex: TokenHandle,
    /// Minted by the treasury, capped at [`INF_CAP`].
    pub inf: TokenHandle,
    /// The suite's marketplace (owner `admin`): pool 1 of FLX, pool 2 of INF.
    pub market: MarketplaceHandle,
    /// The hook double.
    pub sink: Addr,
    pub admin: Addr,
    pub owner: Addr,
    pub alice: Addr,
    pub bob: Addr,
}

impl Suite {
    pub fn new() -> Self {
        let mut app =
            app_with_native_balances(&["owner", "alice"], &[coin(START, ATOM), coin(START, COSM)]);
        let api = app.api();
        let (admin, owner, alice, bob) = (
            api.addr_make("admin"),
            api.addr_make("owner"),
            api.addr_make("alice"),
            api.addr_make("bob"),
        );
        let code_id = app.store_code(treasury_contract());
        let token_code = app.store_code(token_contract());
        let treasury = app
            .instantiate_contract(
                code_id,
                admin.clone(),
                &InstantiateMsg {
                    owner: Some(owner.to_string()),
                },
                &[],
                "treasury",
                Some(admin.to_string()),
            )
            .expect("treasury instantiates");
        let mut token = |symbol: &str, bps: u16| {
            app.instantiate_contract(
                token_code,
                admin.clone(),
                &poe_token::msg::InstantiateMsg {
                    transfer_burn_bps: Some(bps),
                    ..token_instantiate_msg(symbol, &[&alice, &owner], START)
                },
                &[],
                symbol,
                None,
            )
            .expect("token instantiates")
        };
        let flx = token("FLX", 0);
        let nex = token("NEX", NEX_BURN_BPS);
        let inf = app
            .instantiate_contract(
                token_code,
                admin.clone(),
                &poe_token::msg::InstantiateMsg {
                    mint: Some(MinterResponse {
                        minter: treasury.to_string(),
                        cap: Some(Uint128::new(INF_CAP)),
                    }),
                    ..token_instantiate_msg("INF", &[&alice, &owner], START)
                },
                &[],
                "INF",
                None,
            )
            .expect("INF instantiates");
        let market_code = app.store_code(marketplace_contract());
        let market = app
            .instantiate_contract(
                market_code,
                admin.clone(),
                &poe_interface::marketplace::InstantiateMsg {
                    owner: None,
                    flx_token: flx.to_string(),
                    treasury: treasury.to_string(),
                    max_allocation_seconds: None,
                    max_pools: None,
                    max_sellers_per_pool: None,
                },
                &[],
                "market",
                None,
            )
            .expect("marketplace instantiates");
        let sink_code = app.store_code(sink_contract());
        let sink = app
            .instantiate_contract(sink_code, admin.clone(), &Empty {}, &[], "sink", None)
            .expect("sink instantiates");
        let app = share(app);
        let market = MarketplaceHandle::new(app.clone(), market);
        for (name, token) in [("flx-pool", &flx), ("inf-pool", &inf)] {
            market
                .create_pool(&admin, name, token, None)
                .expect("pool is created");
        }
        Suite {
            code_id,
            treasury: TreasuryHandle::new(app.clone(), treasury),
            flx: TokenHandle::new(app.clone(), flx, "FLX"),
            nex: TokenHandle::new(app.clone(), nex, "NEX"),
            inf: TokenHandle::new(app.clone(), inf, "INF"),
            market,
            sink,
            app,
            admin,
            owner,
            alice,
            bob,
        }
    }

    /// `sender` spends `amount` of `asset` to `recipient` with the tests' memo, `"grant"`.
    pub fn spend(
        &self,
        sender: &Addr,
        asset: AssetInfo,
        recipient: &Addr,
        amount: u128,
    ) -> AnyResult<AppResponse> {
        self.treasury
            .spend(sender, asset, recipient, u(amount), Some("grant"))
    }

    /// The ledger entry and live balance of `asset`.
    pub fn balance(&self, asset: AssetInfo) -> AssetBalanceResponse {
        self.treasury.balance(asset).expect("balance answers")
    }

    /// One page of the ledger.
    pub fn balances(
        &self,
        start_after: Option<AssetInfo>,
        limit: Option<u32>,
    ) -> Vec<LedgerBalance> {
        let page = self.treasury.balances(start_after, limit);
        page.expect("balances answer")
    }

    /// `who`'s balance of `token`, base units.
    pub fn cw20_balance(&self, token: &TokenHandle, who: &Addr) -> u128 {
        token.balance(who).expect("token answers").u128()
    }

    pub fn native_balance(&self, who: &Addr, denom: &str) -> u128 {
        poe_test_utils::native_balance(&self.app.borrow(), who, denom)
    }

    /// The raw storage of the treasury, the marketplace and the sink, the tokens' supplies,
    /// and every balance of every account in the three tokens and both denoms: if this is
    /// unchanged, nothing moved.
    pub fn snapshot(&self) -> Snapshot {
        let assets = [
            Asset::cw20(&self.flx.addr),
            Asset::cw20(&self.nex.addr),
            Asset::cw20(&self.inf.addr),
            Asset::native(ATOM),
            Asset::native(COSM),
        ];
        Snapshot::of(&self.app.borrow())
            .storage([&self.treasury.addr, &self.market.addr, &self.sink])
            .supplies([&self.flx.addr, &self.nex.addr, &self.inf.addr])
            .balances(
                &assets,
                [
                    &self.treasury.addr,
                    &self.owner,
                    &self.alice,
                    &self.bob,
                    &self.market.addr,
                    &self.sink,
                ],
            )
            .take()
    }

    /// Moves the chain `seconds` and `blocks` forward.
    pub fn advance(&self, seconds: u64, blocks: u64) {
        advance(&mut self.app.borrow_mut(), seconds, blocks);
    }

    /// The block time.
    pub fn now(&self) -> Timestamp {
        self.app.borrow().block_info().time
    }

    /// The block height.
    pub fn height(&self) -> u64 {
        self.app.borrow().block_info().height
    }

    /// `asset` as the treasury's `AssetInfo`: FLX, NEX, INF by symbol, else a native denom.
    pub fn asset(&self, name: &str) -> AssetInfo {
        match name {
            "FLX" => TreasuryHandle::cw20(&self.flx.addr),
            "NEX" => TreasuryHandle::cw20(&self.nex.addr),
            "INF" => TreasuryHandle::cw20(&self.inf.addr),
            denom => TreasuryHandle::native(denom),
        }
    }

    /// The owner creates a schedule and gets its id.
    pub fn create(
        &self,
        asset: AssetInfo,
        amount: ScheduleAmount,
        interval: Interval,
        duration_intervals: Option<u64>,
        recipient: Recipient,
    ) -> u64 {
        let res = self
            .treasury
            .create_schedule(
                &self.owner,
                asset,
                amount,
                interval,
                duration_intervals,
                recipient,
            )
            .expect("schedule is created");
        expect_wasm_attr(&res, &self.treasury.addr, "schedule_id")
            .parse()
            .expect("an id")
    }

    /// Anyone (bob) distributes a page.
    pub fn distribute(&self, start_after: Option<u64>, limit: Option<u32>) -> AppResponse {
        self.treasury
            .distribute(&self.bob, start_after, limit)
            .expect("distribute succeeds")
    }

    pub fn schedule(&self, id: u64) -> ScheduleResponse {
        self.treasury.schedule(id).expect("schedule answers")
    }

    /// The replenish hook of marketplace pool `pool_id`.
    pub fn pool_hook(&self, pool_id: u64) -> Recipient {
        TreasuryHandle::to_hook(&self.market.addr, &MarketReceiveMsg::Replenish { pool_id })
    }

    /// The sink's record of accepted payments.
    pub fn sink_log(&self) -> Vec<String> {
        self.app
            .borrow()
            .wrap()
            .query_wasm_smart(&self.sink, &SinkQuery {})
            .expect("sink answers")
    }

    /// The sink refuses (or accepts again) every payment.
    pub fn sink_refuses(&self, refuse: bool) {
        self.app
            .borrow_mut()
            .execute_contract(
                self.admin.clone(),
                self.sink.clone(),
                &SinkMsg::Refuse { refuse },
                &[],
            )
            .expect("sink obeys");
    }

    /// A pool's `available` tokens.
    pub fn pool_available(&self, pool_id: u64) -> u128 {
        self.market
            .pool(pool_id)
            .expect("pool answers")
            .available
            .u128()
    }

    /// INF's total supply.
    pub fn inf_supply(&self) -> u128 {
        poe_test_utils::cw20_supply(&self.app.borrow(), &self.inf.addr)
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

/// The treasury's `ContractError` inside a multi-test error.
pub fn contract_err(err: anyhow::Error) -> ContractError {
    poe_test_utils::downcast(err)
}

/// A 32-byte commitment, `byte` repeated.
pub fn commitment(byte: u8) -> HexBinary {
    HexBinary::from(vec![byte; 32])
}
