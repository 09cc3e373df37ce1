//! Shared fixtures of the token's tests: a multi-test app with the token, cw20-base for
//! comparison, and a TEST DOUBLE that exists only here: a receiver contract that records every
//! `Receive` hook. The token is driven through poe-test-utils' typed handle
//! (`s.token.transfer(..)`, `s.token.allowance(..)`); the suite adds only the tests' own
//! conventions on top (balances and supply in `u128`, the receiver's record).
#![allow(dead_code, unused_imports)]

use anyhow::Result as AnyResult;
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{
    coins, to_json_binary, Addr, Binary, Deps, DepsMut, Empty, Env, MessageInfo, Response,
    StdError, StdResult, Uint128,
};
use cw20::{Cw20Coin, Cw20ReceiveMsg, MinterResponse};
use cw_multi_test::{AppResponse, Contract, ContractWrapper, Executor};
use cw_storage_plus::Item;
use poe_test_utils::{
    app_with_native_balances, assert_rejected_unchanged, contract_wrapper, share, Snapshot,
};

pub use poe_test_utils::{attrs, u, wasm_attrs, Cw20Handle, SharedApp, TokenHandle};

pub use poe_token::msg::{
    BalanceResponse, ExecuteMsg, InstantiateMsg, QueryMsg, TokenInfoResponse, TransferBurnResponse,
};
pub use poe_token::ContractError;

/// The token as multi-test code.
pub fn token_contract() -> Box<dyn Contract<Empty>> {
    contract_wrapper!(poe_token, migrate)
}

/// Plain cw20-base 2.0, for side-by-side comparison.
pub fn cw20_base_contract() -> Box<dyn Contract<Empty>> {
    contract_wrapper!(cw20_base)
}

/// The receiver's execute message: the cw20 hook.
#[cw_serde]
pub enum ReceiverMsg {
    Receive(Cw20ReceiveMsg),
}

/// The receiver's query: every hook it got, as (token, hook).
#[cw_serde]
pub enum ReceiverQuery {
    Received {},
}

const RECEIVED: Item<Vec<(String, Cw20ReceiveMsg)>> = Item::new("received");

/// A hook whose `msg` is this fails, to show that a failed hook reverts the send.
pub const FAIL_HOOK: &[u8] = b"\"fail\"";

fn receiver_execute(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: ReceiverMsg,
) -> StdResult<Response> {
    let ReceiverMsg::Receive(hook) = msg;
    if hook.msg.as_slice() == FAIL_HOOK {
        return Err(StdError::generic_err("receiver refuses"));
    }
    let mut all = RECEIVED.may_load(deps.storage)?.unwrap_or_default();
    all.push((info.sender.to_string(), hook));
    RECEIVED.save(deps.storage, &all)?;
    Ok(Response::new().add_attribute("action", "receive"))
}

fn receiver_instantiate(
    deps: DepsMut,
    _env: Env,
    _info: MessageInfo,
    _msg: Empty,
) -> StdResult<Response> {
    RECEIVED.save(deps.storage, &vec![])?;
    Ok(Response::new())
}

fn receiver_query(deps: Deps, _env: Env, _msg: ReceiverQuery) -> StdResult<Binary> {
    to_json_binary(&RECEIVED.load(deps.storage)?)
}

/// A contract that records every cw20 `Receive` hook.
pub fn receiver_contract() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(
        receiver_execute,
        receiver_instantiate,
        receiver_query,
    ))
}

/// The native denom of the test chain.
pub const DENOM: &str = "ucosm";

/// Initial balances of the standard suite.
pub const ALICE_START: u128 = 10_000;
pub const BOB_START: u128 = 5_000;
/// The minter's cap in the standard suite.
pub const CAP: u128 = 1_000_000;

/// One message a test runs on the suite.
pub type Run<'a> = dyn Fn(&Suite) -> AnyResult<AppResponse> + 'a;

/// One message a test runs on the suite, for tables of attempts.
pub type Attempt<'a> = &'a Run<'a>;

/// One token (and a receiver) in a fresh app.
pub struct Suite {
    /// The chain, shared with the token's handle.
    pub app: SharedApp,
    pub code_id: u64,
    /// The token, NEX.
    pub token: TokenHandle,
    pub receiver: Addr,
    pub admin: Addr,
    pub owner: Addr,
    pub minter: Addr,
    pub marketing: Addr,
    pub alice: Addr,
    pub bob: Addr,
    pub carol: Addr,
}

impl Suite {
    /// alice 10,000, bob 5,000, a minter with cap 1,000,000, a marketing account, an owner and
    /// the given transfer burn.
    pub fn new(transfer_burn_bps: u16) -> Self {
        // the owner and alice hold some native coins, to try attaching funds
        let mut app = app_with_native_balances(&["owner", "alice"], &coins(1_000, DENOM));
        let api = app.api();
        let [admin, owner, minter, marketing, alice, bob, carol] = [
            "admin",
            "owner",
            "minter",
            "marketing",
            "alice",
            "bob",
            "carol",
        ]
        .map(|n| api.addr_make(n));
        let code_id = app.store_code(token_contract());
        let receiver_code = app.store_code(receiver_contract());
        let msg = InstantiateMsg {
            name: "Nexus".to_string(),
            symbol: "NEX".to_string(),
            decimals: 6,
            initial_balances: vec![
                Cw20Coin {
                    address: alice.to_string(),
                    amount: Uint128::new(ALICE_START),
                },
                Cw20Coin {
                    address: bob.to_string(),
                    amount: Uint128::new(BOB_START),
                },
            ],
            mint: Some(MinterResponse {
                minter: minter.to_string(),
                cap: Some(Uint128::new(CAP)),
            }),
            marketing: Some(poe_token::msg::InstantiateMarketingInfo {
                project: Some("poe".to_string()),
                description: Some("the NEX token".to_string()),
                marketing: Some(marketing.to_string()),
                logo: None,
            }),
            transfer_burn_bps: Some(transfer_burn_bps),
            owner: Some(owner.to_string()),
            retirable: None,
        };
        let token = app
            .instantiate_contract(
                code_id,
                admin.clone(),
                &msg,
                &[],
                "nex",
                Some(admin.to_string()),
            )
            .expect("token instantiates");
        let receiver = app
            .instantiate_contract(
                receiver_code,
                admin.clone(),
                &Empty {},
                &[],
                "receiver",
                None,
            )
            .expect("receiver instantiates");
        let app = share(app);
        Suite {
            token: TokenHandle::new(app.clone(), token, "NEX"),
            app,
            code_id,
            receiver,
            admin,
            owner,
            minter,
            marketing,
            alice,
            bob,
            carol,
        }
    }

    /// `who`'s balance, base units.
    pub fn balance(&self, who: &Addr) -> u128 {
        self.token.balance(who).expect("token answers").u128()
    }

    /// The total supply, base units.
    pub fn supply(&self) -> u128 {
        self.token.total_supply().expect("token answers").u128()
    }

    /// Every hook the receiver got, as (token, hook).
    pub fn received(&self) -> Vec<(String, Cw20ReceiveMsg)> {
        self.app
            .borrow()
            .wrap()
            .query_wasm_smart(&self.receiver, &ReceiverQuery::Received {})
            .expect("receiver answers")
    }

    /// The raw storage of the token and of the receiver.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot::of(&self.app.borrow())
            .storage([&self.token.addr, &self.receiver])
            .take()
    }

    /// Runs `action`, expects exactly `expected`, and checks that no byte of the token's or the
    /// receiver's storage changed (which covers balances, supply, allowances, config).
    pub fn assert_rejected(
        &mut self,
        expected: ContractError,
        action: impl FnOnce(&mut Self) -> AnyResult<AppResponse>,
    ) {
        assert_rejected_unchanged(self, Self::snapshot, &expected, &expected, action);
    }
}

/// The token's `ContractError` inside a multi-test error.
pub fn contract_err(err: anyhow::Error) -> ContractError {
    poe_test_utils::downcast(err)
}
