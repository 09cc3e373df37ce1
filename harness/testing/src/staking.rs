//! Typed handle of the staking contract.

use anyhow::Result as AnyResult;
use cosmwasm_std::{to_json_binary, Addr, StdResult, Uint128};
use cw_multi_test::{AppResponse, Executor};
use cw_ownable::Ownership;
use poe_interface::staking::{
    ClaimsResponse, ExecuteMsg, PoolResponse, PoolsResponse, PositionResponse, QueryMsg,
    ReceiveMsg, TotalPowerResponse, VotingPowerResponse,
};
use poe_interface::token::ExecuteMsg as TokenExecuteMsg;
use poe_interface::MAX_LIMIT;

use crate::{SharedApp, TokenHandle};

/// The deployed staking contract. Cheap to clone; every call executes on the shared chain.
#[derive(Clone)]
pub struct StakingHandle {
    app: SharedApp,
    /// The staking contract.
    pub addr: Addr,
}

impl StakingHandle {
    pub(crate) fn new(app: SharedApp, addr: Addr) -> Self {
        StakingHandle { app, addr }
    }

    /// Executes any staking message as `sender`.
    pub fn execute(&self, sender: &Addr, msg: &ExecuteMsg) -> AnyResult<AppResponse> {
        self.app
            .borrow_mut()
            .execute_contract(sender.clone(), self.addr.clone(), msg, &[])
    }

    /// Runs any staking query.
    pub fn query<T: serde::de::DeserializeOwned>(&self, msg: &QueryMsg) -> StdResult<T> {
        self.app
            .borrow()
            .wrap()
            .query_wasm_smart(self.addr.clone(), msg)
    }

    /// Stakes `amount` of `token` for `staker` (a cw20 `Send` with `Stake {}`).
    pub fn stake(
        &self,
        token: &TokenHandle,
        staker: &Addr,
        amount: Uint128,
    ) -> AnyResult<AppResponse> {
        token.execute(
            staker,
            &TokenExecuteMsg::Send {
                contract: self.addr.to_string(),
                amount,
                msg: to_json_binary(&ReceiveMsg::Stake {})?,
            },
        )
    }

    /// Funds the reward stream of `pool`'s pool with `amount` of `reward_token`, released over
    /// `duration_seconds`.
    pub fn fund(
        &self,
        reward_token: &TokenHandle,
        funder: &Addr,
        pool: &TokenHandle,
        amount: Uint128,
        duration_seconds: u64,
    ) -> AnyResult<AppResponse> {
        reward_token.execute(
            funder,
            &TokenExecuteMsg::Send {
                contract: self.addr.to_string(),
                amount,
                msg: to_json_binary(&ReceiveMsg::Fund {
                    pool_token: pool.addr.to_string(),
                    duration_seconds,
                })?,
            },
        )
    }

    /// Moves `amount` of `staker`'s stake in `token`'s pool into an unbonding claim.
    pub fn unstake(
        &self,
        token: &TokenHandle,
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
    pub fn claim(&self, token: &TokenHandle, staker: &Addr) -> AnyResult<AppResponse> {
        self.execute(
            staker,
            &ExecuteMsg::Claim {
                token: token.addr.to_string(),
            },
        )
    }

    /// Pays `staker`'s accrued rewards of `token`'s pool.
    pub fn claim_rewards(&self, token: &TokenHandle, staker: &Addr) -> AnyResult<AppResponse> {
        self.execute(
            staker,
            &ExecuteMsg::ClaimRewards {
                token: token.addr.to_string(),
            },
        )
    }

    /// `token`'s pool.
    pub fn pool(&self, token: &TokenHandle) -> StdResult<PoolResponse> {
        self.query(&QueryMsg::Pool {
            token: token.addr.to_string(),
        })
    }

    /// Every pool (the suite has fewer than a page of them).
    pub fn pools(&self) -> StdResult<Vec<PoolResponse>> {
        let r: PoolsResponse = self.query(&QueryMsg::Pools {
            start_after: None,
            limit: Some(MAX_LIMIT),
        })?;
        Ok(r.pools)
    }

    /// `address`'s position in `token`'s pool.
    pub fn position(&self, address: &Addr, token: &TokenHandle) -> StdResult<PositionResponse> {
        self.query(&QueryMsg::Position {
            address: address.to_string(),
            token: token.addr.to_string(),
        })
    }

    /// `address`'s pending claims in `token`'s pool.
    pub fn claims(&self, address: &Addr, token: &TokenHandle) -> StdResult<ClaimsResponse> {
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

    /// The contract's cw-ownable ownership.
    pub fn ownership(&self) -> StdResult<Ownership<String>> {
        self.query(&QueryMsg::Ownership {})
    }
}
