//! Typed handle of one token contract (GEN, NEX, FLX or AUR): cw20 plus the token's extensions.

use anyhow::Result as AnyResult;
use cosmwasm_std::{Addr, Binary, StdResult, Uint128};
use cw20::{Expiration, MinterResponse};
use cw_multi_test::{AppResponse, Executor};
use cw_ownable::Ownership;
use poe_interface::token::{
    AllAccountsResponse, AllowanceResponse, BalanceResponse, ExecuteMsg, QueryMsg,
    TokenInfoResponse, TransferBurnResponse,
};

use crate::SharedApp;

/// A deployed token of the suite. Cheap to clone; every call executes on the shared chain.
#[derive(Clone)]
pub struct TokenHandle {
    app: SharedApp,
    /// The token contract.
    pub addr: Addr,
    /// The token's symbol (`"GEN"`, `"NEX"`, `"FLX"`, `"AUR"`).
    pub symbol: String,
}

impl TokenHandle {
    pub(crate) fn new(app: SharedApp, addr: Addr, symbol: &str) -> Self {
        TokenHandle {
            app,
            addr,
            symbol: symbol.to_string(),
        }
    }

    /// Executes any token message as `sender`.
    pub fn execute(&self, sender: &Addr, msg: &ExecuteMsg) -> AnyResult<AppResponse> {
        self.app
            .borrow_mut()
            .execute_contract(sender.clone(), self.addr.clone(), msg, &[])
    }

    /// Runs any token query.
    pub fn query<T: serde::de::DeserializeOwned>(&self, msg: &QueryMsg) -> StdResult<T> {
        self.app
            .borrow()
            .wrap()
            .query_wasm_smart(self.addr.clone(), msg)
    }

    /// cw20 `Transfer` of `amount` base units from `sender` to `recipient`.
    pub fn transfer(
        &self,
        sender: &Addr,
        recipient: &Addr,
        amount: Uint128,
    ) -> AnyResult<AppResponse> {
        self.execute(
            sender,
            &ExecuteMsg::Transfer {
                recipient: recipient.to_string(),
                amount,
            },
        )
    }

    /// cw20 `Send` of `amount` to `contract`, calling its `Receive` hook with `msg`.
    pub fn send(
        &self,
        sender: &Addr,
        contract: &Addr,
        amount: Uint128,
        msg: Binary,
    ) -> AnyResult<AppResponse> {
        self.execute(
            sender,
            &ExecuteMsg::Send {
                contract: contract.to_string(),
                amount,
                msg,
            },
        )
    }

    /// cw20 `Burn` of `amount` from `sender`'s balance.
    pub fn burn(&self, sender: &Addr, amount: Uint128) -> AnyResult<AppResponse> {
        self.execute(sender, &ExecuteMsg::Burn { amount })
    }

    /// cw20 `Mint` of `amount` to `recipient`; `minter` must be the token's minter.
    pub fn mint(&self, minter: &Addr, recipient: &Addr, amount: Uint128) -> AnyResult<AppResponse> {
        self.execute(
            minter,
            &ExecuteMsg::Mint {
                recipient: recipient.to_string(),
                amount,
            },
        )
    }

    /// cw20 `IncreaseAllowance` of `spender` over `owner`'s balance, never expiring.
    pub fn increase_allowance(
        &self,
        owner: &Addr,
        spender: &Addr,
        amount: Uint128,
    ) -> AnyResult<AppResponse> {
        self.execute(
            owner,
            &ExecuteMsg::IncreaseAllowance {
                spender: spender.to_string(),
                amount,
                expires: None,
            },
        )
    }

    /// cw20 `IncreaseAllowance` with an expiration.
    pub fn increase_allowance_until(
        &self,
        owner: &Addr,
        spender: &Addr,
        amount: Uint128,
        expires: Expiration,
    ) -> AnyResult<AppResponse> {
        self.execute(
            owner,
            &ExecuteMsg::IncreaseAllowance {
                spender: spender.to_string(),
                amount,
                expires: Some(expires),
            },
        )
    }

    /// cw20 `DecreaseAllowance`.
    pub fn decrease_allowance(
        &self,
        owner: &Addr,
        spender: &Addr,
        amount: Uint128,
    ) -> AnyResult<AppResponse> {
        self.execute(
            owner,
            &ExecuteMsg::DecreaseAllowance {
                spender: spender.to_string(),
                amount,
                expires: None,
            },
        )
    }

    /// cw20 `TransferFrom`: `spender` moves `amount` of `owner`'s tokens to `recipient`.
    pub fn transfer_from(
        &self,
        spender: &Addr,
        owner: &Addr,
        recipient: &Addr,
        amount: Uint128,
    ) -> AnyResult<AppResponse> {
        self.execute(
            spender,
            &ExecuteMsg::TransferFrom {
                owner: owner.to_string(),
                recipient: recipient.to_string(),
                amount,
            },
        )
    }

    /// cw20 `SendFrom`: `spender` sends `amount` of `owner`'s tokens to `contract` with `msg`.
    pub fn send_from(
        &self,
        spender: &Addr,
        owner: &Addr,
        contract: &Addr,
        amount: Uint128,
        msg: Binary,
    ) -> AnyResult<AppResponse> {
        self.execute(
            spender,
            &ExecuteMsg::SendFrom {
                owner: owner.to_string(),
                contract: contract.to_string(),
                amount,
                msg,
            },
        )
    }

    /// cw20 `BurnFrom`: `spender` burns `amount` of `owner`'s tokens.
    pub fn burn_from(
        &self,
        spender: &Addr,
        owner: &Addr,
        amount: Uint128,
    ) -> AnyResult<AppResponse> {
        self.execute(
            spender,
            &ExecuteMsg::BurnFrom {
                owner: owner.to_string(),
                amount,
            },
        )
    }

    /// cw20 `UpdateMinter` (`None` removes the minter for good).
    pub fn update_minter(
        &self,
        sender: &Addr,
        new_minter: Option<&Addr>,
    ) -> AnyResult<AppResponse> {
        self.execute(
            sender,
            &ExecuteMsg::UpdateMinter {
                new_minter: new_minter.map(|a| a.to_string()),
            },
        )
    }

    /// Extension, owner only: sets the transfer burn in basis points.
    pub fn update_transfer_burn(
        &self,
        sender: &Addr,
        transfer_burn_bps: u16,
    ) -> AnyResult<AppResponse> {
        self.execute(
            sender,
            &ExecuteMsg::UpdateTransferBurn { transfer_burn_bps },
        )
    }

    /// The balance of `address`, base units.
    pub fn balance(&self, address: &Addr) -> StdResult<Uint128> {
        let res: BalanceResponse = self.query(&QueryMsg::Balance {
            address: address.to_string(),
        })?;
        Ok(res.balance)
    }

    /// Name, symbol, decimals and total supply.
    pub fn token_info(&self) -> StdResult<TokenInfoResponse> {
        self.query(&QueryMsg::TokenInfo {})
    }

    /// The total supply, base units.
    pub fn total_supply(&self) -> StdResult<Uint128> {
        Ok(self.token_info()?.total_supply)
    }

    /// The minter and its cap; `None` when the token has no minter (GEN).
    pub fn minter(&self) -> StdResult<Option<MinterResponse>> {
        self.query(&QueryMsg::Minter {})
    }

    /// The allowance of `spender` over `owner`'s balance.
    pub fn allowance(&self, owner: &Addr, spender: &Addr) -> StdResult<AllowanceResponse> {
        self.query(&QueryMsg::Allowance {
            owner: owner.to_string(),
            spender: spender.to_string(),
        })
    }

    /// One page of holders (cw20 `AllAccounts`).
    pub fn all_accounts(
        &self,
        start_after: Option<String>,
        limit: Option<u32>,
    ) -> StdResult<Vec<String>> {
        let res: AllAccountsResponse = self.query(&QueryMsg::AllAccounts { start_after, limit })?;
        Ok(res.accounts)
    }

    /// Extension: the transfer burn in basis points.
    pub fn transfer_burn(&self) -> StdResult<u16> {
        let res: TransferBurnResponse = self.query(&QueryMsg::TransferBurn {})?;
        Ok(res.transfer_burn_bps)
    }

    /// Extension: the token's owner (who may change the transfer burn).
    pub fn ownership(&self) -> StdResult<Ownership<String>> {
        self.query(&QueryMsg::Ownership {})
    }
}
