//! Storage cost of stake, unstake and claim, counted access by access, with on-chain address
//! sizes (wasmd's `wasm` prefix: 20-byte accounts, 43 characters; 32-byte contracts, 63). The
//! scenario is the gas benchmark's (docs/gas.md, ts/tools/gas-staking.ts): a GEN pool paying FLX,
//! lock 5 s, unbonding 10 s, min stake 1 GEN, a 1,000 FLX stream over 3,600 s funded before the
//! first stake, three first stakes of 2,000 GEN, then a stake of 1,000 GEN, its unstake after the
//! lock and its claim after the unbonding, each operation in its own block.
//!
//! Gas of the storage part (Cosmos SDK KV gas, key with wasmd's 33-byte contract prefix): read
//! 1,000 + 3/byte of key and value, write 2,000 + 30/byte, delete 1,000. The test pins the number
//! of reads, writes and deletes of each operation and prints the bytes and the gas (`cargo test
//! -p poe-staking --test storage_cost -- --nocapture`).
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::cell::RefCell;

use cosmwasm_std::testing::{message_info, mock_dependencies, mock_env, MockApi};
use cosmwasm_std::{
    from_json, to_json_binary, Addr, Api, CanonicalAddr, ContractResult, Decimal, DepsMut, Env,
    Order, QuerierWrapper, Record, Storage, SystemResult, Uint128, WasmQuery,
};
use cw20::{Cw20QueryMsg, Cw20ReceiveMsg, TokenInfoResponse};
use poe_staking::contract::{execute, instantiate};
use poe_staking::msg::{ExecuteMsg, InstantiateMsg, ReceiveMsg};

/// wasmd's per-contract store prefix: 0x03 + the 32-byte contract address.
const PREFIX: u64 = 33;

#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Cost {
    reads: u64,
    read_bytes: u64,
    writes: u64,
    write_bytes: u64,
    deletes: u64,
}

impl Cost {
    fn gas(&self) -> u64 {
        self.reads * 1_000
            + 3 * (self.read_bytes + PREFIX * self.reads)
            + self.writes * 2_000
            + 30 * (self.write_bytes + PREFIX * self.writes)
            + self.deletes * 1_000
    }
}

/// A storage that counts what the SDK's gas meter charges.
struct Counting<'a> {
    inner: &'a mut dyn Storage,
    cost: RefCell<Cost>,
}

impl Storage for Counting<'_> {
    fn get(&self, key: &[u8]) -> Option<Vec<u8>> {
        let value = self.inner.get(key);
        let mut c = self.cost.borrow_mut();
        c.reads += 1;
        c.read_bytes += (key.len() + value.as_ref().map_or(0, Vec::len)) as u64;
        value
    }

    fn range<'b>(
        &'b self,
        _start: Option<&[u8]>,
        _end: Option<&[u8]>,
        _order: Order,
    ) -> Box<dyn Iterator<Item = Record> + 'b> {
        panic!("stake, unstake and claim never iterate")
    }

    fn set(&mut self, key: &[u8], value: &[u8]) {
        let mut c = self.cost.borrow_mut();
        c.writes += 1;
        c.write_bytes += (key.len() + value.len()) as u64;
        drop(c);
        self.inner.set(key, value);
    }

    fn remove(&mut self, key: &[u8]) {
        self.cost.borrow_mut().deletes += 1;
        self.inner.remove(key);
    }
}

struct Chain {
    deps: cosmwasm_std::OwnedDeps<
        cosmwasm_std::MemoryStorage,
        MockApi,
        cosmwasm_std::testing::MockQuerier,
    >,
    env: Env,
    gen: Addr,
    flx: Addr,
}

impl Chain {
    fn next_block(&mut self, seconds: u64) {
        self.env.block.height += 1;
        self.env.block.time = self.env.block.time.plus_seconds(seconds);
    }

    /// Runs `msg` from `sender` and returns the storage cost.
    fn run(&mut self, sender: &Addr, msg: ExecuteMsg) -> Cost {
        let mut counting = Counting {
            inner: &mut self.deps.storage,
            cost: RefCell::new(Cost::default()),
        };
        let deps = DepsMut {
            storage: &mut counting,
            api: &self.deps.api,
            querier: QuerierWrapper::new(&self.deps.querier),
        };
        execute(deps, self.env.clone(), message_info(sender, &[]), msg).expect("executes");
        counting.cost.into_inner()
    }

    fn hook(&mut self, token: &Addr, from: &Addr, amount: u128, msg: &ReceiveMsg) -> Cost {
        let wrapper = Cw20ReceiveMsg {
            sender: from.to_string(),
            amount: Uint128::new(amount),
            msg: to_json_binary(msg).unwrap(),
        };
        self.run(&token.clone(), ExecuteMsg::Receive(wrapper))
    }
}

fn address(api: &MockApi, byte: u8, len: usize) -> Addr {
    api.addr_humanize(&CanonicalAddr::from(vec![byte; len]))
        .unwrap()
}

fn chain() -> (Chain, [Addr; 3], Addr) {
    let mut deps = mock_dependencies();
    deps.api = MockApi::default().with_prefix("wasm");
    let api = deps.api;
    let (gen, flx) = (address(&api, 1, 32), address(&api, 2, 32));
    let owner = address(&api, 9, 32);
    let stakers = [
        address(&api, 3, 20),
        address(&api, 4, 20),
        address(&api, 5, 20),
    ];
    let funder = address(&api, 6, 20);
    assert_eq!((gen.as_str().len(), stakers[0].as_str().len()), (63, 43));
    deps.querier.update_wasm(|q| match q {
        WasmQuery::Smart { msg, .. } => {
            let Cw20QueryMsg::TokenInfo {} = from_json(msg).unwrap() else {
                panic!("token info only")
            };
            let info = TokenInfoResponse {
                name: "Token".into(),
                symbol: "TKN".into(),
                decimals: 6,
                total_supply: Uint128::new(1),
            };
            SystemResult::Ok(ContractResult::Ok(to_json_binary(&info).unwrap()))
        }
        _ => panic!("smart queries only"),
    });
    let mut env = mock_env();
    env.block.time = cosmwasm_std::Timestamp::from_seconds(1_764_600_000);
    let info = message_info(&owner, &[]);
    instantiate(
        deps.as_mut(),
        env.clone(),
        info.clone(),
        InstantiateMsg {
            owner: None,
            max_pools: None,
            max_claims: None,
        },
    )
    .unwrap();
    execute(
        deps.as_mut(),
        env.clone(),
        info,
        ExecuteMsg::CreatePool {
            token: gen.to_string(),
            reward_token: flx.to_string(),
            min_stake: Uint128::new(1_000_000),
            lock_period_seconds: 5,
            unbonding_period_seconds: 10,
            tier: Decimal::from_ratio(10u64, 1u64),
        },
    )
    .unwrap();
    let mut c = Chain {
        deps,
        env,
        gen,
        flx,
    };
    c.next_block(1);
    (c, stakers, funder)
}

#[test]
fn stake_unstake_and_claim_touch_few_small_entries() {
    let (mut c, stakers, funder) = chain();
    let (gen, flx) = (c.gen.clone(), c.flx.clone());
    let fund = ReceiveMsg::Fund {
        pool_token: gen.to_string(),
        duration_seconds: 3_600,
    };
    let fund_cost = c.hook(&flx, &funder, 1_000_000_000, &fund);
    let mut first = vec![];
    for s in &stakers {
        c.next_block(1);
        first.push(c.hook(&gen, s, 2_000_000_000, &ReceiveMsg::Stake {}));
    }
    c.next_block(1);
    let stake = c.hook(&gen, &stakers[0], 1_000_000_000, &ReceiveMsg::Stake {});
    c.next_block(6);
    let unstake = c.run(
        &stakers[0],
        ExecuteMsg::Unstake {
            token: gen.to_string(),
            amount: Uint128::new(1_000_000_000),
        },
    );
    c.next_block(11);
    let claim = c.run(
        &stakers[0],
        ExecuteMsg::Claim {
            token: gen.to_string(),
        },
    );
    c.next_block(1);
    let fund_running = c.hook(
        &flx,
        &funder,
        1_000_000_000,
        &ReceiveMsg::Fund {
            pool_token: gen.to_string(),
            duration_seconds: 1,
        },
    );
    c.next_block(1);
    let claim_rewards = c.run(
        &stakers[1],
        ExecuteMsg::ClaimRewards {
            token: gen.to_string(),
        },
    );
    for (name, cost) in [
        ("fund (first)", fund_cost),
        ("fund (running stream)", fund_running),
        ("claim_rewards", claim_rewards),
        ("stake: the pool's first", first[0]),
        ("stake: a staker's first", first[1]),
        ("stake (later)", stake),
        ("unstake", unstake),
        ("claim", claim),
    ] {
        println!(
            "{name}: {} reads ({} B), {} writes ({} B), {} deletes: {} gas",
            cost.reads,
            cost.read_bytes,
            cost.writes,
            cost.write_bytes,
            cost.deletes,
            cost.gas()
        );
    }
    for (k, v) in c.deps.storage.range(None, None, Order::Ascending) {
        println!(
            "{:>3} B key {:<40} {:>3} B {}",
            k.len(),
            String::from_utf8_lossy(&k).escape_debug().to_string(),
            v.len(),
            String::from_utf8_lossy(&v)
        );
    }
    // stake (later): pool parameters, pool state, position read; state, position, stake and
    // total changelog written
    assert_eq!((stake.reads, stake.writes, stake.deletes), (3, 4, 0));
    // a staker's first stake also probes the stake changelog
    assert_eq!((first[1].reads, first[1].writes), (4, 4));
    // unstake: + claims, config, unbonding total read; claims and unbonding total written
    assert_eq!((unstake.reads, unstake.writes, unstake.deletes), (6, 6, 0));
    // claim: pool parameters, claims, unbonding total read; claims and the emptied total deleted
    assert_eq!((claim.reads, claim.writes, claim.deletes), (3, 0, 2));
    // the previous layout (two SnapshotMaps, the 362-byte pool record rewritten by every
    // operation, keys by token and bech32 address) cost 63,131 / 74,358 / 20,624 here
    assert!(stake.gas() <= 26_000, "stake {}", stake.gas());
    assert!(unstake.gas() <= 38_000, "unstake {}", unstake.gas());
    assert!(claim.gas() <= 6_000, "claim {}", claim.gas());
}
