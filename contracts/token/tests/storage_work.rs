//! At 0 bps a transfer does exactly cw20-base's storage work plus one read of the burn config:
//! the same writes to the same keys, and the same reads after the read of `tb`. Measured on a
//! storage that records every access, with cw20-base's own code next to the token's. A mint or a
//! burn (the transfer burn too) writes one more entry: its reason's counter, 5 key bytes.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::cell::RefCell;
use std::marker::PhantomData;

use cosmwasm_std::testing::{message_info, mock_env, MockApi, MockQuerier, MockStorage};
use cosmwasm_std::{to_json_binary, Addr, Empty, OwnedDeps, Record, Storage, Uint128};
use cw20::{Cw20Coin, Cw20ExecuteMsg, Expiration, MinterResponse};

/// Every storage access, in order.
#[derive(Debug, Clone, PartialEq)]
enum Access {
    Read(Vec<u8>),
    Write(Vec<u8>),
    Remove(Vec<u8>),
}

#[derive(Default)]
struct RecordingStorage {
    inner: MockStorage,
    log: RefCell<Vec<Access>>,
}

impl Storage for RecordingStorage {
    fn get(&self, key: &[u8]) -> Option<Vec<u8>> {
        self.log.borrow_mut().push(Access::Read(key.to_vec()));
        self.inner.get(key)
    }

    fn range<'a>(
        &'a self,
        start: Option<&[u8]>,
        end: Option<&[u8]>,
        order: cosmwasm_std::Order,
    ) -> Box<dyn Iterator<Item = Record> + 'a> {
        self.inner.range(start, end, order)
    }

    fn set(&mut self, key: &[u8], value: &[u8]) {
        self.log.borrow_mut().push(Access::Write(key.to_vec()));
        self.inner.set(key, value)
    }

    fn remove(&mut self, key: &[u8]) {
        self.log.borrow_mut().push(Access::Remove(key.to_vec()));
        self.inner.remove(key)
    }
}

type Deps = OwnedDeps<RecordingStorage, MockApi, MockQuerier, Empty>;

fn deps() -> Deps {
    OwnedDeps {
        storage: RecordingStorage::default(),
        api: MockApi::default(),
        querier: MockQuerier::default(),
        custom_query_type: PhantomData,
    }
}

struct Accounts {
    creator: Addr,
    alice: Addr,
    bob: Addr,
    spender: Addr,
}

fn accounts() -> Accounts {
    let api = MockApi::default();
    Accounts {
        creator: api.addr_make("creator"),
        alice: api.addr_make("alice"),
        bob: api.addr_make("bob"),
        spender: api.addr_make("spender"),
    }
}

fn balances(a: &Accounts) -> Vec<Cw20Coin> {
    vec![
        Cw20Coin {
            address: a.alice.to_string(),
            amount: Uint128::new(10_000),
        },
        Cw20Coin {
            address: a.bob.to_string(),
            amount: Uint128::new(5_000),
        },
    ]
}

/// A cw20-base instance and a token at `bps`, both with the same balances and an allowance of
/// alice to the spender.
fn pair(a: &Accounts, bps: u16) -> (Deps, Deps) {
    let base_msg = cw20_base::msg::InstantiateMsg {
        name: "Flux".to_string(),
        symbol: "FLX".to_string(),
        decimals: 6,
        initial_balances: balances(a),
        mint: Some(MinterResponse {
            minter: a.creator.to_string(),
            cap: None,
        }),
        marketing: None,
    };
    // the same instantiation JSON, plus the burn
    let poe_msg = poe_token::msg::InstantiateMsg {
        transfer_burn_bps: Some(bps),
        ..cosmwasm_std::from_json(to_json_binary(&base_msg).unwrap()).unwrap()
    };
    let info = message_info(&a.creator, &[]);
    let mut base = deps();
    cw20_base::contract::instantiate(base.as_mut(), mock_env(), info.clone(), base_msg).unwrap();
    let mut poe = deps();
    poe_token::contract::instantiate(poe.as_mut(), mock_env(), info, poe_msg).unwrap();
    let allowance = Cw20ExecuteMsg::IncreaseAllowance {
        spender: a.spender.to_string(),
        amount: Uint128::new(1_000),
        expires: Some(Expiration::Never {}),
    };
    run_base(&mut base, &a.alice, allowance.clone());
    run_poe(&mut poe, &a.alice, allowance);
    (base, poe)
}

fn run_base(deps: &mut Deps, sender: &Addr, msg: Cw20ExecuteMsg) -> Vec<Access> {
    deps.storage.log.borrow_mut().clear();
    cw20_base::contract::execute(deps.as_mut(), mock_env(), message_info(sender, &[]), msg)
        .unwrap();
    deps.storage.log.take()
}

fn run_poe(deps: &mut Deps, sender: &Addr, msg: Cw20ExecuteMsg) -> Vec<Access> {
    deps.storage.log.borrow_mut().clear();
    let msg: poe_token::msg::ExecuteMsg =
        cosmwasm_std::from_json(to_json_binary(&msg).unwrap()).unwrap();
    poe_token::contract::execute(deps.as_mut(), mock_env(), message_info(sender, &[]), msg)
        .unwrap();
    deps.storage.log.take()
}

fn the_four_transfers(a: &Accounts) -> Vec<(Addr, Cw20ExecuteMsg)> {
    let amount = Uint128::new(100);
    let hook = to_json_binary(&"hook").unwrap();
    vec![
        (
            a.alice.clone(),
            Cw20ExecuteMsg::Transfer {
                recipient: a.bob.to_string(),
                amount,
            },
        ),
        (
            a.alice.clone(),
            Cw20ExecuteMsg::Send {
                contract: a.bob.to_string(),
                amount,
                msg: hook.clone(),
            },
        ),
        (
            a.spender.clone(),
            Cw20ExecuteMsg::TransferFrom {
                owner: a.alice.to_string(),
                recipient: a.bob.to_string(),
                amount,
            },
        ),
        (
            a.spender.clone(),
            Cw20ExecuteMsg::SendFrom {
                owner: a.alice.to_string(),
                contract: a.bob.to_string(),
                amount,
                msg: hook,
            },
        ),
    ]
}

#[test]
fn at_zero_bps_storage_work_is_cw20_base_s_plus_one_read() {
    let a = accounts();
    let (mut base, mut poe) = pair(&a, 0);
    for (sender, msg) in the_four_transfers(&a) {
        let base_log = run_base(&mut base, &sender, msg.clone());
        let poe_log = run_poe(&mut poe, &sender, msg.clone());
        let mut expected = vec![Access::Read(b"tb".to_vec())];
        expected.extend(base_log);
        assert_eq!(poe_log, expected, "{msg:?}");
    }
}

#[test]
fn the_burn_config_is_two_key_bytes_and_a_few_value_bytes() {
    let a = accounts();
    let (_, poe) = pair(&a, 1_000);
    assert_eq!(poe.storage.inner.get(b"tb"), Some(b"1000".to_vec()));
}

/// The storage key of a supply record counter: cw-storage-plus's 2-byte length, the 2-byte
/// namespace (`mr` minted, `br` burned) and the reason's `u8`.
fn counter_key(namespace: &[u8; 2], reason: u8) -> Vec<u8> {
    let mut key = vec![0, 2];
    key.extend_from_slice(namespace);
    key.push(reason);
    key
}

fn writes(log: Vec<Access>) -> Vec<Access> {
    log.into_iter()
        .filter(|x| matches!(x, Access::Write(_)))
        .collect()
}

#[test]
fn with_a_burn_the_work_is_two_more_writes_the_supply_and_the_fee_counter() {
    let a = accounts();
    let (mut base, mut poe) = pair(&a, 100);
    for (sender, msg) in the_four_transfers(&a) {
        let base_writes = writes(run_base(&mut base, &sender, msg.clone()));
        let poe_writes = writes(run_poe(&mut poe, &sender, msg.clone()));
        let mut expected = base_writes;
        expected.push(Access::Write(b"token_info".to_vec()));
        // BurnReason::TransferFee = 1
        expected.push(Access::Write(counter_key(b"br", 1)));
        assert_eq!(poe_writes, expected, "{msg:?}");
    }
}

#[test]
fn a_mint_or_a_burn_writes_one_counter_more_than_cw20_base() {
    let a = accounts();
    let (mut base, mut poe) = pair(&a, 0);
    let cases = [
        (
            a.creator.clone(),
            Cw20ExecuteMsg::Mint {
                recipient: a.bob.to_string(),
                amount: Uint128::new(100),
            },
            // MintReason::Unspecified = 0
            counter_key(b"mr", 0),
        ),
        (
            a.alice.clone(),
            Cw20ExecuteMsg::Burn {
                amount: Uint128::new(100),
            },
            // BurnReason::User = 0
            counter_key(b"br", 0),
        ),
        (
            a.spender.clone(),
            Cw20ExecuteMsg::BurnFrom {
                owner: a.alice.to_string(),
                amount: Uint128::new(100),
            },
            counter_key(b"br", 0),
        ),
    ];
    for (sender, msg, key) in cases {
        let mut expected = writes(run_base(&mut base, &sender, msg.clone()));
        let poe_writes = writes(run_poe(&mut poe, &sender, msg.clone()));
        expected.push(Access::Write(key.clone()));
        assert_eq!(poe_writes, expected, "{msg:?}");
        assert_eq!(key.len(), 5);
    }
    // the counters hold the JSON of a Uint128: 2 quotes and the digits
    assert_eq!(
        poe.storage.inner.get(&counter_key(b"mr", 0)),
        Some(br#""100""#.to_vec())
    );
    assert_eq!(
        poe.storage.inner.get(&counter_key(b"br", 0)),
        Some(br#""200""#.to_vec())
    );
}
