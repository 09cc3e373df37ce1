//! Shared fixtures of the staking tests: a multi-test app with the staking contract and five
//! suite tokens (the suite's own cw20, `poe_token`), four pools with the seed-000 tiers. The
//! staking contract and the tokens are driven through poe-test-utils' typed handles
//! (`s.staking.stake(&s.gen, &alice, u(1_000))`, `s.staking.pool(&s.gen)`); the suite adds only
//! the tests' conventions on top (pools with the tests' parameters, balances and powers in
//! `u128`) and the setups several tests share.
#![allow(dead_code, unused_imports)]

use anyhow::Result as AnyResult;
use cosmwasm_std::{coins, Addr, Decimal, Empty, Timestamp, Uint128};
use cw_multi_test::{AppResponse, Contract, Executor};
use poe_test_utils::{
    advance, app_with_native_balances, assert_rejected_unchanged, contract_wrapper, find_error,
    share, token_instantiate_msg, Asset, Snapshot,
};

pub use poe_test_utils::{u, wasm_attrs, Cw20Handle, SharedApp, StakingHandle, TokenHandle};

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
    /// The chain, shared with every handle below.
    pub app: SharedApp,
    pub staking: StakingHandle,
    pub gen: TokenHandle,
    pub aur: TokenHandle,
    pub nex: TokenHandle,
    pub flx: TokenHandle,
    /// A cw20 token with no pool.
    pub xyz: TokenHandle,
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
        let tokens = ["GEN", "AUR", "NEX", "FLX", "XYZ"].map(|symbol| {
            let addr = app
                .instantiate_contract(
                    token_code,
                    admin.clone(),
                    &token_instantiate_msg(symbol, &holders, START),
                    &[],
                    symbol,
                    None,
                )
                .expect("token instantiates");
            (addr, symbol)
        });
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
        let app = share(app);
        let [gen, aur, nex, flx, xyz] =
            tokens.map(|(addr, symbol)| TokenHandle::new(app.clone(), addr, symbol));
        Suite {
            staking: StakingHandle::new(app.clone(), staking),
            app,
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
        let s = Self::bare();
        for (token, reward, tier) in [
            (&s.gen, &s.nex, 10u64),
            (&s.aur, &s.nex, 5),
            (&s.nex, &s.nex, 3),
            (&s.flx, &s.flx, 1),
        ] {
            s.create_pool(&s.owner, &token.addr, &reward.addr, tier)
                .expect("pool is created");
        }
        s.advance(5, 1);
        s
    }

    /// [`Suite::new`], then alice stakes 1,000 GEN (locked for [`LOCK`] s) and the funder starts
    /// a 1,000 NEX stream over 100 s on the GEN pool; 10 s later.
    pub fn staked() -> Self {
        let s = Self::new();
        s.staking
            .stake(&s.gen, &s.alice, u(1_000))
            .expect("alice stakes");
        s.staking
            .fund(&s.nex, &s.funder, &s.gen, u(1_000), 100)
            .expect("the stream is funded");
        s.advance(10, 1);
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

    pub fn pool_tokens(&self) -> [TokenHandle; 4] {
        [
            self.gen.clone(),
            self.aur.clone(),
            self.nex.clone(),
            self.flx.clone(),
        ]
    }

    /// `sender` creates the pool of `token` paying `reward` with the tests' parameters
    /// ([`MIN_STAKE`], [`LOCK`], [`UNBONDING`]) and the whole-number `tier`.
    pub fn create_pool(
        &self,
        sender: &Addr,
        token: &Addr,
        reward: &Addr,
        tier: u64,
    ) -> AnyResult<AppResponse> {
        let tier = Decimal::from_atomics(tier, 0).expect("tier");
        self.staking
            .create_pool(sender, token, reward, u(MIN_STAKE), LOCK, UNBONDING, tier)
    }

    /// Moves the chain `seconds` and `blocks` forward.
    pub fn advance(&self, seconds: u64, blocks: u64) {
        advance(&mut self.app.borrow_mut(), seconds, blocks);
    }

    pub fn height(&self) -> u64 {
        self.app.borrow().block_info().height
    }

    pub fn now(&self) -> Timestamp {
        self.app.borrow().block_info().time
    }

    /// `who`'s balance of `token`, base units.
    pub fn balance(&self, token: &Cw20Handle, who: &Addr) -> u128 {
        token.balance(who).expect("token answers").u128()
    }

    /// `who`'s rewards accrued in `token`'s pool and not yet claimed.
    pub fn pending(&self, who: &Addr, token: &Cw20Handle) -> Uint128 {
        let position = self.staking.position(who, token);
        position.expect("position answers").pending_rewards
    }

    /// `who`'s voting power at the start of block `height` (`None` = now).
    pub fn power(&self, who: &Addr, height: Option<u64>) -> u128 {
        self.staking
            .voting_power(who, height)
            .expect("voting power answers")
            .u128()
    }

    /// The total voting power at the start of block `height` (`None` = now).
    pub fn total_power(&self, height: Option<u64>) -> u128 {
        self.staking
            .total_power(height)
            .expect("total power answers")
            .u128()
    }

    /// The staking contract's raw storage plus every balance of every account in every token:
    /// if this is unchanged, nothing moved.
    pub fn snapshot(&self) -> Snapshot {
        let mut accounts = vec![
            self.staking.addr.clone(),
            self.owner.clone(),
            self.funder.clone(),
        ];
        accounts.extend(self.users());
        let tokens =
            [&self.gen, &self.aur, &self.nex, &self.flx, &self.xyz].map(|t| Asset::cw20(&t.addr));
        Snapshot::of(&self.app.borrow())
            .storage([&self.staking.addr])
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

/// The staking contract's `ContractError` anywhere in a multi-test error's chain (a hook's error
/// is wrapped by the token's `Send`).
pub fn contract_err(err: &anyhow::Error) -> &ContractError {
    find_error(err)
}
