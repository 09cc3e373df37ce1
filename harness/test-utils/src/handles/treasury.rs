//! The treasury: [`TreasuryHandle`].

use anyhow::Result as AnyResult;
use cosmwasm_std::{to_json_binary, Addr, Coin, HexBinary, StdResult, Timestamp, Uint128};
use cw_multi_test::AppResponse;
use poe_interface::treasury::{
    AssetBalanceResponse, AssetInfo, BalancesResponse, DueResponse, ExecuteMsg, Interval,
    LedgerBalance, QueryMsg, ReceiveMsg, Recipient, ScheduleAmount, ScheduleDue, ScheduleResponse,
    SchedulesResponse, ToolResponse, ToolStatusResponse, ToolsResponse,
};
use poe_interface::MAX_LIMIT;
use serde::Serialize;

use super::{all_pages, contract_interface, deref_to_handle, Cw20Handle, Handle, SharedApp};

contract_interface!(
    /// The treasury's interface (`poe_interface::treasury`).
    Treasury: ExecuteMsg, QueryMsg; Ownable
);

/// The treasury. Dereferences to its `Handle<Treasury>`; its own [`TreasuryHandle::execute`]
/// names the funds, as the treasury takes native deposits.
#[derive(Clone, Debug)]
pub struct TreasuryHandle {
    contract: Handle<Treasury>,
}

deref_to_handle!(TreasuryHandle => Treasury);

impl TreasuryHandle {
    /// The treasury at `addr` on `app`.
    pub fn new(app: SharedApp, addr: Addr) -> Self {
        TreasuryHandle {
            contract: Handle::new(app, addr),
        }
    }

    /// Executes any treasury message as `sender`, with `funds` attached
    /// ([`Handle::execute_with_funds`]).
    pub fn execute(
        &self,
        sender: &Addr,
        msg: &ExecuteMsg,
        funds: &[Coin],
    ) -> AnyResult<AppResponse> {
        self.contract.execute_with_funds(sender, msg, funds)
    }

    /// Owner only: pays `amount` of `asset` to `recipient`.
    pub fn spend(
        &self,
        sender: &Addr,
        asset: AssetInfo,
        recipient: &Addr,
        amount: Uint128,
        memo: Option<&str>,
    ) -> AnyResult<AppResponse> {
        self.execute(
            sender,
            &ExecuteMsg::Spend {
                asset,
                recipient: recipient.to_string(),
                amount,
                memo: memo.map(str::to_string),
            },
            &[],
        )
    }

    /// Owner only: pays `amount` of the cw20 token `token` to `recipient`.
    pub fn spend_cw20(
        &self,
        sender: &Addr,
        token: &Addr,
        recipient: &Addr,
        amount: Uint128,
    ) -> AnyResult<AppResponse> {
        self.spend(sender, Self::cw20(token), recipient, amount, None)
    }

    /// Native deposit of `funds` by `sender`.
    pub fn deposit_native(
        &self,
        sender: &Addr,
        funds: &[Coin],
        memo: Option<&str>,
    ) -> AnyResult<AppResponse> {
        self.execute(
            sender,
            &ExecuteMsg::Deposit {
                memo: memo.map(str::to_string),
            },
            funds,
        )
    }

    /// cw20 deposit: `sender` sends `amount` of `token` to the treasury with a `Deposit` hook.
    pub fn deposit_cw20(
        &self,
        token: &Cw20Handle,
        sender: &Addr,
        amount: Uint128,
        memo: Option<&str>,
    ) -> AnyResult<AppResponse> {
        let hook = ReceiveMsg::Deposit {
            memo: memo.map(str::to_string),
        };
        token.send_hook(sender, &self.addr, amount, &hook)
    }

    /// The [`AssetInfo`] of a cw20 token.
    pub fn cw20(token: &Addr) -> AssetInfo {
        AssetInfo::Cw20 {
            contract_addr: token.to_string(),
        }
    }

    /// The [`AssetInfo`] of a native denom.
    pub fn native(denom: &str) -> AssetInfo {
        AssetInfo::Native {
            denom: denom.to_string(),
        }
    }

    /// The live balance and ledger of one asset.
    pub fn balance(&self, asset: AssetInfo) -> StdResult<AssetBalanceResponse> {
        self.query(&QueryMsg::Balance { asset })
    }

    /// The live balance of the cw20 token `token`, base units.
    pub fn cw20_balance(&self, token: &Addr) -> StdResult<Uint128> {
        Ok(self.balance(Self::cw20(token))?.balance)
    }

    /// One page of every asset that moved through the treasury (a token whose balance query
    /// fails has `balance: None` and its error).
    pub fn balances(
        &self,
        start_after: Option<AssetInfo>,
        limit: Option<u32>,
    ) -> StdResult<Vec<LedgerBalance>> {
        let res: BalancesResponse = self.query(&QueryMsg::Balances { start_after, limit })?;
        Ok(res.balances)
    }

    /// Every asset that moved through the treasury (all pages).
    pub fn all_balances(&self) -> StdResult<Vec<LedgerBalance>> {
        all_pages(
            MAX_LIMIT,
            |start_after| self.balances(start_after, Some(MAX_LIMIT)),
            |b| b.asset.clone(),
        )
    }

    /// Owner only: creates a distribution schedule (`ExecuteMsg::CreateSchedule`) without a
    /// memo. Build its parts with [`TreasuryHandle::fixed`], [`TreasuryHandle::inflation`],
    /// [`TreasuryHandle::every_seconds`], [`TreasuryHandle::every_blocks`],
    /// [`TreasuryHandle::to_address`] and [`TreasuryHandle::to_hook`]; the new id is the
    /// response's `schedule_id` attribute ([`crate::expect_wasm_attr`]).
    pub fn create_schedule(
        &self,
        sender: &Addr,
        asset: AssetInfo,
        amount: ScheduleAmount,
        interval: Interval,
        duration_intervals: Option<u64>,
        recipient: Recipient,
    ) -> AnyResult<AppResponse> {
        self.execute(
            sender,
            &ExecuteMsg::CreateSchedule {
                asset,
                amount,
                interval,
                duration_intervals,
                recipient,
                memo: None,
            },
            &[],
        )
    }

    /// Owner only: cancels a schedule.
    pub fn cancel_schedule(&self, sender: &Addr, schedule_id: u64) -> AnyResult<AppResponse> {
        self.execute(sender, &ExecuteMsg::CancelSchedule { schedule_id }, &[])
    }

    /// Anyone: distributes one page of the running schedules.
    pub fn distribute(
        &self,
        sender: &Addr,
        start_after: Option<u64>,
        limit: Option<u32>,
    ) -> AnyResult<AppResponse> {
        self.execute(sender, &ExecuteMsg::Distribute { start_after, limit }, &[])
    }

    /// [`ScheduleAmount::Fixed`] of `amount_per_interval` base units.
    pub fn fixed(amount_per_interval: u128) -> ScheduleAmount {
        ScheduleAmount::Fixed {
            amount_per_interval: Uint128::new(amount_per_interval),
        }
    }

    /// [`ScheduleAmount::Inflation`] at `inflation_rate_bps` (`None`: the seed's 500) on the
    /// default year.
    pub fn inflation(inflation_rate_bps: Option<u16>) -> ScheduleAmount {
        ScheduleAmount::Inflation {
            inflation_rate_bps,
            blocks_per_year: None,
        }
    }

    /// Every `every` seconds from `start_time` (`None`: now).
    pub fn every_seconds(every: u64, start_time: Option<Timestamp>) -> Interval {
        Interval::Seconds { every, start_time }
    }

    /// Every `every` blocks from `start_height` (`None`: now).
    pub fn every_blocks(every: u64, start_height: Option<u64>) -> Interval {
        Interval::Blocks {
            every,
            start_height,
        }
    }

    /// A plain transfer to `address`.
    pub fn to_address(address: &Addr) -> Recipient {
        Recipient::Address {
            address: address.to_string(),
        }
    }

    /// A hook into `contract` with `msg` serialized (e.g. a marketplace's
    /// `ReceiveMsg::Replenish { pool_id }`). Panics when `msg` does not serialize.
    pub fn to_hook(contract: &Addr, msg: &impl Serialize) -> Recipient {
        Recipient::Hook {
            contract: contract.to_string(),
            msg: to_json_binary(msg).expect("hook msg serializes"),
        }
    }

    /// One schedule.
    pub fn schedule(&self, schedule_id: u64) -> StdResult<ScheduleResponse> {
        self.query(&QueryMsg::Schedule { schedule_id })
    }

    /// One page of schedules, by id.
    pub fn schedules(
        &self,
        start_after: Option<u64>,
        limit: Option<u32>,
    ) -> StdResult<Vec<ScheduleResponse>> {
        let res: SchedulesResponse = self.query(&QueryMsg::Schedules { start_after, limit })?;
        Ok(res.schedules)
    }

    /// Every schedule (all pages).
    pub fn all_schedules(&self) -> StdResult<Vec<ScheduleResponse>> {
        all_pages(
            MAX_LIMIT,
            |start_after| self.schedules(start_after, Some(MAX_LIMIT)),
            |s| s.id,
        )
    }

    /// What a `Distribute` of the same page would do now.
    pub fn due(&self, start_after: Option<u64>, limit: Option<u32>) -> StdResult<Vec<ScheduleDue>> {
        let res: DueResponse = self.query(&QueryMsg::Due { start_after, limit })?;
        Ok(res.due)
    }

    /// Owner only: registers a common tool and pays its first month.
    pub fn register_tool(
        &self,
        sender: &Addr,
        name: &str,
        asset: AssetInfo,
        monthly_cost: Uint128,
        payee: &Addr,
        credential_commitment: HexBinary,
    ) -> AnyResult<AppResponse> {
        self.execute(
            sender,
            &ExecuteMsg::RegisterTool {
                name: name.to_string(),
                asset,
                monthly_cost,
                payee: payee.to_string(),
                credential_commitment,
            },
            &[],
        )
    }

    /// Anyone: pays a tool's next month, or marks it `inactive_funding_issue`.
    pub fn maintain(&self, sender: &Addr, tool: &str) -> AnyResult<AppResponse> {
        self.execute(
            sender,
            &ExecuteMsg::Maintain {
                tool: tool.to_string(),
            },
            &[],
        )
    }

    /// Owner only: deprecates a tool.
    pub fn deprecate(&self, sender: &Addr, tool: &str) -> AnyResult<AppResponse> {
        self.execute(
            sender,
            &ExecuteMsg::Deprecate {
                tool: tool.to_string(),
            },
            &[],
        )
    }

    /// One tool.
    pub fn tool(&self, tool: &str) -> StdResult<ToolResponse> {
        self.query(&QueryMsg::Tool {
            tool: tool.to_string(),
        })
    }

    /// One page of tools, by name.
    pub fn tools(
        &self,
        start_after: Option<&str>,
        limit: Option<u32>,
    ) -> StdResult<Vec<ToolResponse>> {
        let res: ToolsResponse = self.query(&QueryMsg::Tools {
            start_after: start_after.map(str::to_string),
            limit,
        })?;
        Ok(res.tools)
    }

    /// Whether a tool may be used now.
    pub fn tool_status(&self, tool: &str) -> StdResult<ToolStatusResponse> {
        self.query(&QueryMsg::ToolStatus {
            tool: tool.to_string(),
        })
    }
}
