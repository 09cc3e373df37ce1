//! The task auction: [`TaskAuctionHandle`] (`Handle<TaskAuction>`).

use anyhow::Result as AnyResult;
use cosmwasm_std::{Addr, StdResult, Timestamp, Uint128};
use cw_multi_test::AppResponse;
use poe_interface::task_auction::{
    BidResponse, BidsResponse, ConfigResponse, ExecuteMsg, QueryMsg, ReceiveMsg, TaskResponse,
    TaskSpec, TotalsResponse,
};

use super::{contract_interface, Cw20Handle, Handle};

contract_interface!(
    /// The task auction's interface (`poe_interface::task_auction`).
    TaskAuction: ExecuteMsg, QueryMsg; Ownable
);

/// The task auction.
pub type TaskAuctionHandle = Handle<TaskAuction>;

/// A task spec: `title`, `tags`, the auction's end (`None`: no auction) and the delivery's,
/// no arbiter.
pub fn task_spec(
    title: &str,
    tags: &[&str],
    auction_deadline: Option<Timestamp>,
    delivery_deadline: Timestamp,
) -> TaskSpec {
    TaskSpec {
        title: title.to_string(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        auction_deadline,
        delivery_deadline,
        arbiter: None,
        required_tools: vec![],
        bid_bond: None,
        team: None,
    }
}

impl Handle<TaskAuction> {
    /// `creator` escrows `max_reward` of `token` for the task `spec` (cw20 `Send` with
    /// [`ReceiveMsg::CreateTask`]).
    pub fn create_task(
        &self,
        token: &Cw20Handle,
        creator: &Addr,
        max_reward: Uint128,
        spec: TaskSpec,
    ) -> AnyResult<AppResponse> {
        token.send_hook(
            creator,
            &self.addr,
            max_reward,
            &ReceiveMsg::CreateTask(spec),
        )
    }

    /// `bidder` bids `amount` and `estimated_days` on `task_id`.
    pub fn bid(
        &self,
        bidder: &Addr,
        task_id: u64,
        amount: Uint128,
        estimated_days: u32,
    ) -> AnyResult<AppResponse> {
        self.execute(
            bidder,
            &ExecuteMsg::PlaceBid {
                task_id,
                amount,
                estimated_days,
            },
        )
    }

    /// `bidder` withdraws its bid on `task_id`.
    pub fn withdraw_bid(&self, bidder: &Addr, task_id: u64) -> AnyResult<AppResponse> {
        self.execute(bidder, &ExecuteMsg::WithdrawBid { task_id })
    }

    /// `sender` claims the task without auction `task_id`.
    pub fn claim(&self, sender: &Addr, task_id: u64) -> AnyResult<AppResponse> {
        self.execute(sender, &ExecuteMsg::Claim { task_id })
    }

    /// `sender` closes the auction of `task_id`.
    pub fn close_auction(&self, sender: &Addr, task_id: u64) -> AnyResult<AppResponse> {
        self.execute(sender, &ExecuteMsg::CloseAuction { task_id })
    }

    /// The assignee declares `task_id` delivered.
    pub fn deliver(&self, sender: &Addr, task_id: u64) -> AnyResult<AppResponse> {
        self.execute(sender, &ExecuteMsg::Deliver { task_id })
    }

    /// `sender` accepts the delivery of `task_id`.
    pub fn accept(&self, sender: &Addr, task_id: u64) -> AnyResult<AppResponse> {
        self.execute(sender, &ExecuteMsg::Accept { task_id })
    }

    /// The creator reclaims the escrow of `task_id` after a missed delivery deadline.
    pub fn reclaim(&self, sender: &Addr, task_id: u64) -> AnyResult<AppResponse> {
        self.execute(sender, &ExecuteMsg::Reclaim { task_id })
    }

    /// The creator cancels `task_id` before any assignment.
    pub fn cancel(&self, sender: &Addr, task_id: u64) -> AnyResult<AppResponse> {
        self.execute(sender, &ExecuteMsg::Cancel { task_id })
    }

    /// The configuration.
    pub fn config(&self) -> StdResult<ConfigResponse> {
        self.query(&QueryMsg::Config {})
    }

    /// One task.
    pub fn task(&self, task_id: u64) -> StdResult<TaskResponse> {
        self.query(&QueryMsg::Task { task_id })
    }

    /// One bid.
    pub fn bid_of(&self, task_id: u64, bidder: &Addr) -> StdResult<BidResponse> {
        self.query(&QueryMsg::Bid {
            task_id,
            bidder: bidder.to_string(),
        })
    }

    /// The best `limit` bids of `task_id`, best first.
    pub fn bids(&self, task_id: u64, limit: u32) -> StdResult<Vec<BidResponse>> {
        let res: BidsResponse = self.query(&QueryMsg::Bids {
            task_id,
            limit: Some(limit),
        })?;
        Ok(res.bids)
    }

    /// The escrow per token.
    pub fn totals(&self) -> StdResult<TotalsResponse> {
        self.query(&QueryMsg::Totals {})
    }
}
