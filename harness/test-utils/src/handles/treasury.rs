//! The treasury: [`TreasuryHandle`].

use anyhow::Result as AnyResult;
use cosmwasm_std::{Addr, Coin, StdResult, Uint128};
use cw_multi_test::AppResponse;
use poe_interface::treasury::{
    AssetBalanceResponse, AssetInfo, BalancesResponse, ExecuteMsg, LedgerBalance, QueryMsg,
    ReceiveMsg,
};
use poe_interface::MAX_LIMIT;

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
}
