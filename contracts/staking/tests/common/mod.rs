//! Shared fixtures of the staking tests: a multi-test app with the staking contract and the four
//! suite tokens (the suite's own cw20, `poe_token`), four pools with the seed-000 tiers, and typed
//! helpers for every message and query.
#![allow(dead_code, unused_imports)]

use anyhow::Result as AnyResult;
use cosmwasm_std::{coins, to_json_binary, Addr, Decimal, Empty, Record, Timestamp, Uint128};
use cw20::{BalanceResponse, Cw20Coin, Cw20ExecuteMsg, Cw20QueryMsg};
use cw_multi_test::{App, AppResponse, Contract, ContractWrapper, Executor};
use poe_test_utils::{
    advance, app_with_native_balances, assert_rejected_unchanged, contract_wrapper, cw20_balance,
    cw20_send, find_error, token_instantiate_msg, Asset, Snapshot,
};

pub use poe_test_utils::{u, wasm_attrs};

pub use poe_staking::msg::{
    Claim, ClaimsResponse, ConfigResponse, ExecuteMsg, InstantiateMsg, PoolResponse, PoolsResponse,
    PositionResponse, QueryMsg, ReceiveMsg, TotalPowerResponse, VotingPowerResponse,
};
pub use poe_staking::ContractError;

/// What every user, the owner and the funder start with in every token.
pub const START: u128 = 1_000_000_000;
/// Pools' parameters in these tests.
pub const MIN_STAKE: u128 = 100;
pub const LOCK: u64 = 100;
pub const UNBONDING: u64 = 200;
pub const MAX_CLAIMS: u32 = 3;

pub fn staking_contract() -> Box<dyn Contract<Empty>> {
    contract_wrapper!(poe_staking, migrate)
}

pub fn token_contract() -> Box<dyn Contract<Empty>> {
    contract_wrapper!(poe_token)
}

pub struct Suite {
    pub app: App,
    pub staking: Addr,
    pub gen: Addr,
    pub aur: Addr,
    pub nex: Addr,
    pub flx: Addr,
    /// A cw20 token with no pool.
    pub xyz: Addr,
    pub owner: Addr,
    pub funder: Addr,
    pub alice: Addr,
    pub bob: Addr,
    pub carol: Addr,
    pub dave: Addr,
}

impl Suite {
    /// The staking contract and five tokens, no pool.
    pub fn bare() -> Self {
        let mut app = app_with_native_balances(&["alice"], &coins(1_000, "uatom"));
        let api = app.api();
        let [owner, funder, alice, bob, carol, dave, admin] =
            ["owner", "funder", "alice", "bob", "carol", "dave", "admin"].map(|n| api.addr_make(n));
        let token_code = app.store_code(token_contract());
        let staking_code = app.store_code(staking_contract());
        let holders = [&owner, &funder, &alice, &bob, &carol, &dave];
        let mut token = |symbol: &str| {
            app.instantiate_contract(
                token_code,
                admin.clone(),
                &token_instantiate_msg(symbol, &holders, START),
                &[],
                symbol,
                None,
            )
            .expect("token instantiates")
        };
        let (gen, aur, nex, flx, xyz) = (
            token("GEN"),
            token("AUR"),
            token("NEX"),
            token("FLX"),
            token("XYZ"),
        );
        let staking = app
            .instantiate_contract(
                staking_code,
                admin.clone(),
                &InstantiateMsg {
                    owner: Some(owner.to_string()),
                    max_pools: Some(4),
                    max_claims: Some(MAX_CLAIMS),
                },
                &[],
                "staking",
                Some(admin.to_string()),
            )
            .expect("staking instantiates");
        Suite {
            app,
            staking,
            gen,
            aur,
            nex,
            flx,
            xyz,
            owner,
            funder,
            alice,
            bob,
            carol,
            dave,
        }
    }

    /// Four pools with the seed-000 tiers: GEN 10, AUR 5 and NEX 3 paying NEX (NEX stakers are
    /// paid in the staked token), FLX 1 paying FLX. Then one block passes.
    pub fn new() -> Self {
        let mut s = Self::bare();
        let owner = s.owner.clone();
        for (token, reward, tier) in [
            (s.gen.clone(), s.nex.clone(), 10u64),
            (s.aur.clone(), s.nex.clone(), 5),
            (s.nex.clone(), s.nex.clone(), 3),
            (s.flx.clone(), s.flx.clone(), 1),
        ] {
            s.exec(&owner, &create_pool(&token, &reward, tier))
                .expect("pool is created");
        }
        s.advance(5, 1);
        s
    }

    pub fn users(&self) -> [Addr; 4] {
        [
            self.alice.clone(),
            self.bob.clone(),
            self.carol.clone(),
            self.dave.clone(),
        ]
    }

    pub fn pool_tokens(&self) -> [Addr; 4] {
        [
            self.gen.clone(),
            self.aur.clone(),
            self.nex.clone(),
            self.flx.clone(),
        ]
    }

    pub fn exec(&mut self, sender: &Addr, msg: &ExecuteMsg) -> AnyResult<AppResponse> {
        self.app
            .execute_contract(sender.clone(), self.staking.clone(), msg, &[])
    }

    /// Moves the chain `seconds` and `blocks` forward.
    pub fn advance(&mut self, seconds: u64, blocks: u64) {
        advance(&mut self.app, seconds, blocks);
    }

    pub fn height(&self) -> u64 {
        self.app.block_info().height
    }

    pub fn now(&self) -> Timestamp {
        self.app.block_info().time
    }

    /// `who` sends `amount` of `token` to the staking contract with `hook`.
    pub fn send(
        &mut self,
        who: &Addr,
        token: &Addr,
        amount: u128,
        hook: &ReceiveMsg,
    ) -> AnyResult<AppResponse> {
        cw20_send(&mut self.app, who, token, &self.staking, amount, hook)
    }

    pub fn stake(&mut self, who: &Addr, token: &Addr, amount: u128) -> AnyResult<AppResponse> {
        self.send(who, token, amount, &ReceiveMsg::Stake {})
    }

    /// `who` funds `pool_token`'s pool with `amount` of `reward_token`.
    pub fn fund(
        &mut self,
        who: &Addr,
        reward_token: &Addr,
        pool_token: &Addr,
        amount: u128,
        duration_seconds: u64,
    ) -> AnyResult<AppResponse> {
        let hook = ReceiveMsg::Fund {
            pool_token: pool_token.to_string(),
            duration_seconds,
        };
        self.send(who, reward_token, amount, &hook)
    }

    pub fn unstake(&mut self, who: &Addr, token: &Addr, amount: u128) -> AnyResult<AppResponse> {
        self.exec(
            who,
            &ExecuteMsg::Unstake {
                token: token.to_string(),
                amount: Uint128::new(amount),
            },
        )
    }

    pub fn claim(&mut self, who: &Addr, token: &Addr) -> AnyResult<AppResponse> {
        self.exec(
            who,
            &ExecuteMsg::Claim {
                token: token.to_string(),
            },
        )
    }

    pub fn claim_rewards(&mut self, who: &Addr, token: &Addr) -> AnyResult<AppResponse> {
        self.exec(
            who,
            &ExecuteMsg::ClaimRewards {
                token: token.to_string(),
            },
        )
    }

    pub fn query<T: serde::de::DeserializeOwned>(&self, msg: &QueryMsg) -> AnyResult<T> {
        Ok(self.app.wrap().query_wasm_smart(&self.staking, msg)?)
    }

    pub fn pool(&self, token: &Addr) -> PoolResponse {
        self.query(&QueryMsg::Pool {
            token: token.to_string(),
        })
        .expect("pool answers")
    }

    pub fn position(&self, who: &Addr, token: &Addr) -> PositionResponse {
        self.query(&QueryMsg::Position {
            address: who.to_string(),
            token: token.to_string(),
        })
        .expect("position answers")
    }

    pub fn claims(&self, who: &Addr, token: &Addr) -> Vec<Claim> {
        let res: ClaimsResponse = self
            .query(&QueryMsg::Claims {
                address: who.to_string(),
                token: token.to_string(),
            })
            .expect("claims answer");
        res.claims
    }

    pub fn power(&self, who: &Addr, height: Option<u64>) -> u128 {
        let res: VotingPowerResponse = self
            .query(&QueryMsg::VotingPower {
                address: who.to_string(),
                height,
            })
            .expect("voting power answers");
        res.power.u128()
    }

    pub fn total_power(&self, height: Option<u64>) -> u128 {
        let res: TotalPowerResponse = self
            .query(&QueryMsg::TotalPower { height })
            .expect("total power answers");
        res.power.u128()
    }

    pub fn balance(&self, token: &Addr, who: &Addr) -> u128 {
        cw20_balance(&self.app, token, who)
    }

    /// The staking contract's raw storage plus every balance of every account in every token:
    /// if this is unchanged, nothing moved.
    pub fn snapshot(&self) -> Snapshot {
        let mut accounts = vec![
            self.staking.clone(),
            self.owner.clone(),
            self.funder.clone(),
        ];
        accounts.extend(self.users());
        let tokens = [&self.gen, &self.aur, &self.nex, &self.flx, &self.xyz].map(Asset::cw20);
        Snapshot::of(&self.app)
            .storage([&self.staking])
            .balances(&tokens, &accounts)
            .take()
    }

    /// Runs `action`, expects it to fail with exactly `expected`, and checks nothing changed
    /// (the contract's storage and every balance).
    pub fn assert_rejected(
        &mut self,
        expected: ContractError,
        action: impl FnOnce(&mut Self) -> AnyResult<AppResponse>,
    ) {
        assert_rejected_unchanged(self, Self::snapshot, &expected, &expected, action);
    }
}

/// `CreatePool` with the tests' parameters.
pub fn create_pool(token: &Addr, reward: &Addr, tier: u64) -> ExecuteMsg {
    ExecuteMsg::CreatePool {
        token: token.to_string(),
        reward_token: reward.to_string(),
        min_stake: Uint128::new(MIN_STAKE),
        lock_period_seconds: LOCK,
        unbonding_period_seconds: UNBONDING,
        tier: Decimal::from_atomics(tier, 0).expect("tier"),
    }
}

/// The staking contract's `ContractError` anywhere in a multi-test error's chain (a hook's error
/// is wrapped by the token's `Send`).
pub fn contract_err(err: &anyhow::Error) -> &ContractError {
    find_error(err)
}
