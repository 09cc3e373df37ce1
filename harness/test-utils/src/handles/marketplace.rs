//! The marketplace: [`MarketplaceHandle`] (`Handle<Marketplace>`).

use anyhow::Result as AnyResult;
use cosmwasm_std::{Addr, StdResult, Timestamp, Uint128};
use cw_multi_test::AppResponse;
use poe_interface::marketplace::{
    AllocationResponse, AllocationsResponse, ConfigResponse, ExecuteMsg, PoolResponse,
    PoolsResponse, QueryMsg, ReceiveMsg,
};
use poe_interface::MAX_LIMIT;

use super::{all_pages, contract_interface, strings, Cw20Handle, Handle};

contract_interface!(
    /// The marketplace's interface (`poe_interface::marketplace`).
    Marketplace: ExecuteMsg, QueryMsg; Ownable; Pausable
);

/// The marketplace.
pub type MarketplaceHandle = Handle<Marketplace>;

impl Handle<Marketplace> {
    /// Owner: creates a pool of `token` named `name` (recipient `None`: the treasury).
    pub fn create_pool(
        &self,
        sender: &Addr,
        name: &str,
        token: &Addr,
        recipient: Option<&Addr>,
    ) -> AnyResult<AppResponse> {
        self.execute(
            sender,
            &ExecuteMsg::CreatePool {
                name: name.to_string(),
                token: token.to_string(),
                recipient: recipient.map(Addr::to_string),
            },
        )
    }

    /// Owner: sets a pool's recipient (`None`: the treasury).
    pub fn update_pool(
        &self,
        sender: &Addr,
        pool_id: u64,
        recipient: Option<&Addr>,
    ) -> AnyResult<AppResponse> {
        self.execute(
            sender,
            &ExecuteMsg::UpdatePool {
                pool_id,
                recipient: recipient.map(Addr::to_string),
            },
        )
    }

    /// Owner: removes `remove`, then adds `add` to a pool's sellers.
    pub fn update_sellers(
        &self,
        sender: &Addr,
        pool_id: u64,
        add: &[&Addr],
        remove: &[&Addr],
    ) -> AnyResult<AppResponse> {
        self.execute(
            sender,
            &ExecuteMsg::UpdateSellers {
                pool_id,
                add: strings(add),
                remove: strings(remove),
            },
        )
    }

    /// A seller: reserves `amount` of a pool for `buyer` at `price` FLX until `expires_at`.
    pub fn allocate(
        &self,
        seller: &Addr,
        pool_id: u64,
        amount: Uint128,
        buyer: &Addr,
        price: Uint128,
        expires_at: Timestamp,
    ) -> AnyResult<AppResponse> {
        self.execute(
            seller,
            &ExecuteMsg::Allocate {
                pool_id,
                amount,
                buyer: buyer.to_string(),
                price,
                expires_at,
            },
        )
    }

    /// `sender` sends `amount` of `token` (the pool's) to the marketplace for `pool_id`.
    pub fn replenish(
        &self,
        token: &Cw20Handle,
        sender: &Addr,
        pool_id: u64,
        amount: Uint128,
    ) -> AnyResult<AppResponse> {
        token.send_hook(
            sender,
            &self.addr,
            amount,
            &ReceiveMsg::Replenish { pool_id },
        )
    }

    /// The buyer pays `amount` of `flx` for `allocation_id`.
    pub fn release(
        &self,
        flx: &Cw20Handle,
        buyer: &Addr,
        allocation_id: u64,
        amount: Uint128,
    ) -> AnyResult<AppResponse> {
        flx.send_hook(
            buyer,
            &self.addr,
            amount,
            &ReceiveMsg::Release { allocation_id },
        )
    }

    /// Anyone, after its expiry: returns an allocation to its pool.
    pub fn expire(&self, sender: &Addr, allocation_id: u64) -> AnyResult<AppResponse> {
        self.execute(sender, &ExecuteMsg::Expire { allocation_id })
    }

    /// Its seller or the owner, before its expiry: cancels an allocation.
    pub fn cancel(&self, sender: &Addr, allocation_id: u64) -> AnyResult<AppResponse> {
        self.execute(sender, &ExecuteMsg::Cancel { allocation_id })
    }

    /// Owner: pays `amount` of a pool's available tokens to `recipient`.
    pub fn withdraw(
        &self,
        sender: &Addr,
        pool_id: u64,
        amount: Uint128,
        recipient: &Addr,
    ) -> AnyResult<AppResponse> {
        self.execute(
            sender,
            &ExecuteMsg::Withdraw {
                pool_id,
                amount,
                recipient: recipient.to_string(),
            },
        )
    }

    /// The configuration.
    pub fn config(&self) -> StdResult<ConfigResponse> {
        self.query(&QueryMsg::Config {})
    }

    /// One pool.
    pub fn pool(&self, pool_id: u64) -> StdResult<PoolResponse> {
        self.query(&QueryMsg::Pool { pool_id })
    }

    /// One page of pools.
    pub fn pools(
        &self,
        start_after: Option<u64>,
        limit: Option<u32>,
    ) -> StdResult<Vec<PoolResponse>> {
        let res: PoolsResponse = self.query(&QueryMsg::Pools { start_after, limit })?;
        Ok(res.pools)
    }

    /// Every pool (all pages).
    pub fn all_pools(&self) -> StdResult<Vec<PoolResponse>> {
        all_pages(
            MAX_LIMIT,
            |start_after| self.pools(start_after, Some(MAX_LIMIT)),
            |p| p.id,
        )
    }

    /// Whether `address` is a seller of the pool.
    pub fn is_seller(&self, pool_id: u64, address: &Addr) -> StdResult<bool> {
        self.query(&QueryMsg::IsSeller {
            pool_id,
            address: address.to_string(),
        })
    }

    /// One allocation.
    pub fn allocation(&self, allocation_id: u64) -> StdResult<AllocationResponse> {
        self.query(&QueryMsg::Allocation { allocation_id })
    }

    /// One page of a pool's allocations.
    pub fn allocations(
        &self,
        pool_id: u64,
        start_after: Option<u64>,
        limit: Option<u32>,
    ) -> StdResult<Vec<AllocationResponse>> {
        let res: AllocationsResponse = self.query(&QueryMsg::Allocations {
            pool_id,
            start_after,
            limit,
        })?;
        Ok(res.allocations)
    }

    /// Every allocation of a pool (all pages).
    pub fn all_allocations(&self, pool_id: u64) -> StdResult<Vec<AllocationResponse>> {
        all_pages(
            MAX_LIMIT,
            |start_after| self.allocations(pool_id, start_after, Some(MAX_LIMIT)),
            |a| a.id,
        )
    }
}
