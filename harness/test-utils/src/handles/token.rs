//! The suite's token (poe-token: cw20 plus the token's extensions): [`Cw20Handle`] for any
//! instance (GEN, NEX, FLX, AUR, an LP token), [`TokenHandle`] for one with its symbol.

use anyhow::Result as AnyResult;
use cosmwasm_std::{to_json_binary, Addr, Binary, StdResult, Uint128};
use cw20::{Expiration, Logo, MinterResponse};
use cw_multi_test::AppResponse;
use poe_interface::token::{
    AllAccountsResponse, AllowanceResponse, BalanceResponse, BurnReason, ExecuteMsg,
    MarketingInfoResponse, MintReason, QueryMsg, SupplyRecordResponse, TokenInfoResponse,
    TransferBurnResponse,
};
use serde::Serialize;

use super::{contract_interface, deref_to_handle, Handle, SharedApp};

contract_interface!(
    /// poe-token's interface (`poe_interface::token`).
    Token: ExecuteMsg, QueryMsg; Ownable
);

/// Any instance of the suite's token: every cw20 message and query, and the extensions.
pub type Cw20Handle = Handle<Token>;

/// A token of the suite with its symbol. Dereferences to its [`Cw20Handle`].
#[derive(Clone, Debug)]
pub struct TokenHandle {
    contract: Cw20Handle,
    /// The token's symbol (`"GEN"`, `"NEX"`, `"FLX"`, `"AUR"`, ...).
    pub symbol: String,
}

deref_to_handle!(TokenHandle => Token);

impl TokenHandle {
    /// The token `symbol` at `addr` on `app`.
    pub fn new(app: SharedApp, addr: Addr, symbol: &str) -> Self {
        TokenHandle {
            contract: Handle::new(app, addr),
            symbol: symbol.to_string(),
        }
    }
}

impl Handle<Token> {
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

    /// cw20 `Send` of `amount` to `contract` with `hook` (the receiving contract's own
    /// `ReceiveMsg` / `Cw20HookMsg`) as the JSON `msg`.
    pub fn send_hook(
        &self,
        sender: &Addr,
        contract: &Addr,
        amount: Uint128,
        hook: &impl Serialize,
    ) -> AnyResult<AppResponse> {
        self.send(sender, contract, amount, to_json_binary(hook)?)
    }

    /// cw20 `Burn` of `amount` from `sender`'s balance (no reason: counted as `user`).
    pub fn burn(&self, sender: &Addr, amount: Uint128) -> AnyResult<AppResponse> {
        self.execute(
            sender,
            &ExecuteMsg::Burn {
                amount,
                reason: None,
            },
        )
    }

    /// `Burn` of `amount` from `sender`'s balance, counted under `reason`.
    pub fn burn_for(
        &self,
        sender: &Addr,
        amount: Uint128,
        reason: BurnReason,
    ) -> AnyResult<AppResponse> {
        self.execute(
            sender,
            &ExecuteMsg::Burn {
                amount,
                reason: Some(reason),
            },
        )
    }

    /// cw20 `Mint` of `amount` to `recipient`; `minter` must be the token's minter (no reason:
    /// counted as `unspecified`).
    pub fn mint(&self, minter: &Addr, recipient: &Addr, amount: Uint128) -> AnyResult<AppResponse> {
        self.execute(
            minter,
            &ExecuteMsg::Mint {
                recipient: recipient.to_string(),
                amount,
                reason: None,
            },
        )
    }

    /// `Mint` of `amount` to `recipient`, counted under `reason`.
    pub fn mint_for(
        &self,
        minter: &Addr,
        recipient: &Addr,
        amount: Uint128,
        reason: MintReason,
    ) -> AnyResult<AppResponse> {
        self.execute(
            minter,
            &ExecuteMsg::Mint {
                recipient: recipient.to_string(),
                amount,
                reason: Some(reason),
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
                reason: None,
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

    /// cw20 `UpdateMarketing`, marketing address only: the fields that are `Some` (`Some("")`
    /// clears a text field).
    pub fn update_marketing(
        &self,
        sender: &Addr,
        project: Option<&str>,
        description: Option<&str>,
        marketing: Option<&Addr>,
    ) -> AnyResult<AppResponse> {
        self.execute(
            sender,
            &ExecuteMsg::UpdateMarketing {
                project: project.map(str::to_string),
                description: description.map(str::to_string),
                marketing: marketing.map(|a| a.to_string()),
            },
        )
    }

    /// cw20 `UploadLogo`, marketing address only.
    pub fn upload_logo(&self, sender: &Addr, logo: Logo) -> AnyResult<AppResponse> {
        self.execute(sender, &ExecuteMsg::UploadLogo(logo))
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

    /// Project, description, marketing address and logo reference.
    pub fn marketing_info(&self) -> StdResult<MarketingInfoResponse> {
        self.query(&QueryMsg::MarketingInfo {})
    }

    /// Extension: the transfer burn in basis points.
    pub fn transfer_burn(&self) -> StdResult<u16> {
        let res: TransferBurnResponse = self.query(&QueryMsg::TransferBurn {})?;
        Ok(res.transfer_burn_bps)
    }

    /// Extension: the totals minted and burned per reason since instantiation.
    pub fn supply_record(&self) -> StdResult<SupplyRecordResponse> {
        self.query(&QueryMsg::SupplyRecord {})
    }
}
