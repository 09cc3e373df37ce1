//! Shared fixtures of the treasury's tests: a multi-test app with the treasury, two suite tokens
//! (FLX without burn, NEX with a 1 % transfer burn), native coins, and two TEST DOUBLES that exist
//! only here: a forging contract and a token that breaks after its first deposit. The treasury and
//! the tokens are driven through poe-test-utils' typed handles (`s.treasury.deposit_cw20(..)`,
//! `s.treasury.balance(..)`); the suite adds only the tests' conventions on top (spends with the
//! tests' memo, balances in `u128`).
#![allow(dead_code, unused_imports)]

use anyhow::Result as AnyResult;
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{
    coin, to_json_binary, Addr, Binary, Deps, DepsMut, Empty, Env, MessageInfo, Response, StdError,
    StdResult, Uint128,
};
use cw20::{BalanceResponse, Cw20QueryMsg, Cw20ReceiveMsg};
use cw_multi_test::{AppResponse, Contract, ContractWrapper, Executor};
use cw_storage_plus::Item;
use poe_test_utils::{
    app_with_native_balances, assert_rejected_unchanged, contract_wrapper, share,
    token_instantiate_msg, Asset, Snapshot,
};

pub use poe_test_utils::{attrs, u, wasm_attrs, SharedApp, TokenHandle, TreasuryHandle};

pub use poe_treasury::msg::{
    AssetBalanceResponse, AssetInfo, BalancesResponse, ExecuteMsg, InstantiateMsg, LedgerBalance,
    QueryMsg, ReceiveMsg,
};
pub use poe_treasury::ContractError;

/// The native denoms of the test chain.
pub const ATOM: &str = "uatom";
pub const COSM: &str = "ucosm";
/// What alice and the owner start with, in each native denom and in each token.
pub const START: u128 = 1_000_000;
/// NEX's transfer burn.
pub const NEX_BURN_BPS: u16 = 100;

pub fn treasury_contract() -> Box<dyn Contract<Empty>> {
    contract_wrapper!(poe_treasury, migrate)
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
        let app = share(app);
        Suite {
            code_id,
            treasury: TreasuryHandle::new(app.clone(), treasury),
            flx: TokenHandle::new(app.clone(), flx, "FLX"),
            nex: TokenHandle::new(app.clone(), nex, "NEX"),
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

    /// The treasury's raw storage plus every balance of every account in both tokens and both
    /// denoms: if this is unchanged, nothing moved.
    pub fn snapshot(&self) -> Snapshot {
        let assets = [
            Asset::cw20(&self.flx.addr),
            Asset::cw20(&self.nex.addr),
            Asset::native(ATOM),
            Asset::native(COSM),
        ];
        Snapshot::of(&self.app.borrow())
            .storage([&self.treasury.addr])
            .balances(
                &assets,
                [&self.treasury.addr, &self.owner, &self.alice, &self.bob],
            )
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

/// The treasury's `ContractError` inside a multi-test error.
pub fn contract_err(err: anyhow::Error) -> ContractError {
    poe_test_utils::downcast(err)
}
