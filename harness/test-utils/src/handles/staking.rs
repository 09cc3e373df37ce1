//! The staking contract: [`StakingHandle`].

use anyhow::Result as AnyResult;
use cosmwasm_std::{Addr, Decimal, StdResult, Uint128};
use cw_multi_test::AppResponse;
use poe_interface::staking::{
    ClaimsResponse, ConfigResponse, ExecuteMsg, PoolResponse, PoolsResponse, PositionResponse,
    QueryMsg, ReceiveMsg, TotalPowerResponse, VotingPowerResponse,
};
use poe_interface::MAX_LIMIT;

use super::{contract_interface, Cw20Handle, Handle};

contract_interface!(
    /// Staking's interface (`poe_interface::staking`).
    Staking: ExecuteMsg, QueryMsg; Ownable
);

/// The staking contract: one pool per staked token, voting power by height.
pub type StakingHandle = Handle<Staking>;

impl Handle<Staking> {
    /// Stakes `amount` of `token` for `staker` (a cw20 `Send` with `Stake {}`).
    pub fn stake(
        &self,
        token: &Cw20Handle,
        staker: &Addr,
        amount: Uint128,
    ) -> AnyResult<AppResponse> {
        token.send_hook(staker, &self.addr, amount, &ReceiveMsg::Stake {})
    }

    /// Funds the reward stream of `pool`'s pool with `amount` of `reward_token`, released over
    /// `duration_seconds`.
    pub fn fund(
        &self,
        reward_token: &Cw20Handle,
        funder: &Addr,
        pool: &Cw20Handle,
        amount: Uint128,
        duration_seconds: u64,
    ) -> AnyResult<AppResponse> {
        let hook = ReceiveMsg::Fund {
            pool_token: pool.addr.to_string(),
            duration_seconds,
        };
        reward_token.send_hook(funder, &self.addr, amount, &hook)
    }

    /// Moves `amount` of `staker`'s stake in `token`'s pool into an unbonding claim.
    pub fn unstake(
        &self,
        token: &Cw20Handle,
        staker: &Addr,
        amount: Uint128,
    ) -> AnyResult<AppResponse> {
        self.execute(
            staker,
            &ExecuteMsg::Unstake {
                token: token.addr.to_string(),
                amount,
            },
        )
    }

    /// Pays `staker`'s released claims of `token`'s pool.
    pub fn claim(&self, token: &Cw20Handle, staker: &Addr) -> AnyResult<AppResponse> {
        self.execute(
            staker,
            &ExecuteMsg::Claim {
                token: token.addr.to_string(),
            },
        )
    }

    /// Pays `staker`'s accrued rewards of `token`'s pool.
    pub fn claim_rewards(&self, token: &Cw20Handle, staker: &Addr) -> AnyResult<AppResponse> {
        self.execute(
            staker,
            &ExecuteMsg::ClaimRewards {
                token: token.addr.to_string(),
            },
        )
    }

    /// Owner only: creates the pool of the cw20 `token`, paying rewards in `reward_token`; the
    /// lock and unbonding periods in seconds, voting power `tier` per staked base unit.
    #[allow(clippy::too_many_arguments)]
    pub fn create_pool(
        &self,
        sender: &Addr,
        token: &Addr,
        reward_token: &Addr,
        min_stake: Uint128,
        lock_period_seconds: u64,
        unbonding_period_seconds: u64,
        tier: Decimal,
    ) -> AnyResult<AppResponse> {
        self.execute(
            sender,
            &ExecuteMsg::CreatePool {
                token: token.to_string(),
                reward_token: reward_token.to_string(),
                min_stake,
                lock_period_seconds,
                unbonding_period_seconds,
                tier,
            },
        )
    }

    /// Owner only: changes the parameters of `token`'s pool that are `Some`.
    pub fn update_pool(
        &self,
        sender: &Addr,
        token: &Addr,
        min_stake: Option<Uint128>,
        lock_period_seconds: Option<u64>,
        unbonding_period_seconds: Option<u64>,
        tier: Option<Decimal>,
    ) -> AnyResult<AppResponse> {
        self.execute(
            sender,
            &ExecuteMsg::UpdatePool {
                token: token.to_string(),
                min_stake,
                lock_period_seconds,
                unbonding_period_seconds,
                tier,
            },
        )
    }

    /// Owner only: changes the caps that are `Some` (pools, pending claims per position).
    pub fn update_config(
        &self,
        sender: &Addr,
        max_pools: Option<u32>,
        max_claims: Option<u32>,
    ) -> AnyResult<AppResponse> {
        self.execute(
            sender,
            &ExecuteMsg::UpdateConfig {
                max_pools,
                max_claims,
            },
        )
    }

    /// The caps and the pool count.
    pub fn config(&self) -> StdResult<ConfigResponse> {
        self.query(&QueryMsg::Config {})
    }

    /// `token`'s pool.
    pub fn pool(&self, token: &Cw20Handle) -> StdResult<PoolResponse> {
        self.query(&QueryMsg::Pool {
            token: token.addr.to_string(),
        })
    }

    /// Every pool (the suite has fewer than a page of them).
    pub fn pools(&self) -> StdResult<Vec<PoolResponse>> {
        self.pools_page(None, Some(MAX_LIMIT))
    }

    /// One page of pools, in token address order, after `start_after` (a token address).
    pub fn pools_page(
        &self,
        start_after: Option<String>,
        limit: Option<u32>,
    ) -> StdResult<Vec<PoolResponse>> {
        let r: PoolsResponse = self.query(&QueryMsg::Pools { start_after, limit })?;
        Ok(r.pools)
    }

    /// `address`'s position in `token`'s pool.
    pub fn position(&self, address: &Addr, token: &Cw20Handle) -> StdResult<PositionResponse> {
        self.query(&QueryMsg::Position {
            address: address.to_string(),
            token: token.addr.to_string(),
        })
    }

    /// `address`'s pending claims in `token`'s pool.
    pub fn claims(&self, address: &Addr, token: &Cw20Handle) -> StdResult<ClaimsResponse> {
        self.query(&QueryMsg::Claims {
            address: address.to_string(),
            token: token.addr.to_string(),
        })
    }

    /// `address`'s voting power at the start of block `height` (`None` = now).
    pub fn voting_power(&self, address: &Addr, height: Option<u64>) -> StdResult<Uint128> {
        let r: VotingPowerResponse = self.query(&QueryMsg::VotingPower {
            address: address.to_string(),
            height,
        })?;
        Ok(r.power)
    }

    /// The total voting power at the start of block `height` (`None` = now).
    pub fn total_power(&self, height: Option<u64>) -> StdResult<Uint128> {
        let r: TotalPowerResponse = self.query(&QueryMsg::TotalPower { height })?;
        Ok(r.power)
    }
}
