//! The suite's cw20 token (GEN, NEX, FLX, AUR, LP shares, guarantee tokens): cw20-base 2.0 plus an
//! optional transfer burn (seed 002 `burn_rate_bps`) and an owner who may change it.
//!
//! `InstantiateMsg` is cw20-base's with optional fields only, so any JSON that instantiates
//! cw20-base instantiates this token unchanged. `ExecuteMsg` and `QueryMsg` carry every cw20-base
//! variant with the same JSON, plus the variants marked "extension".

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Binary, Uint128};
use cw20::{Cw20Coin, Expiration, Logo, MinterResponse};
use cw_ownable::Action;

pub use cw20::{
    AllAccountsResponse, AllAllowancesResponse, AllSpenderAllowancesResponse, AllowanceResponse,
    BalanceResponse, Cw20ReceiveMsg, DownloadLogoResponse, MarketingInfoResponse,
    TokenInfoResponse,
};
pub use cw20_base_compat::InstantiateMarketingInfo;

/// cw20-base's `InstantiateMarketingInfo`, with the same JSON (re-declared so the interface does
/// not link cw20-base's contract code).
pub mod cw20_base_compat {
    use super::*;

    #[cw_serde]
    pub struct InstantiateMarketingInfo {
        pub project: Option<String>,
        pub description: Option<String>,
        pub marketing: Option<String>,
        pub logo: Option<Logo>,
    }
}

#[cw_serde]
pub struct InstantiateMsg {
    pub name: String,
    pub symbol: String,
    pub decimals: u8,
    pub initial_balances: Vec<Cw20Coin>,
    /// The minter and its optional cap; `None` means the supply can never grow (GEN).
    pub mint: Option<MinterResponse>,
    pub marketing: Option<InstantiateMarketingInfo>,
    /// Extension: basis points of every transfer/send (and `_from`) that are burned, at most
    /// 1,000 (10 %); default 0.
    pub transfer_burn_bps: Option<u16>,
    /// Extension: who may change `transfer_burn_bps` (cw-ownable); default the instantiator.
    pub owner: Option<String>,
}

#[cw_serde]
pub enum ExecuteMsg {
    /// Moves `amount` to `recipient`; with a transfer burn, `recipient` receives `amount - burn`.
    Transfer {
        recipient: String,
        amount: Uint128,
    },
    Burn {
        amount: Uint128,
    },
    /// Moves `amount` to `contract` and calls its `Receive` hook with the amount delivered.
    Send {
        contract: String,
        amount: Uint128,
        msg: Binary,
    },
    IncreaseAllowance {
        spender: String,
        amount: Uint128,
        expires: Option<Expiration>,
    },
    DecreaseAllowance {
        spender: String,
        amount: Uint128,
        expires: Option<Expiration>,
    },
    TransferFrom {
        owner: String,
        recipient: String,
        amount: Uint128,
    },
    SendFrom {
        owner: String,
        contract: String,
        amount: Uint128,
        msg: Binary,
    },
    BurnFrom {
        owner: String,
        amount: Uint128,
    },
    Mint {
        recipient: String,
        amount: Uint128,
    },
    UpdateMinter {
        new_minter: Option<String>,
    },
    UpdateMarketing {
        project: Option<String>,
        description: Option<String>,
        marketing: Option<String>,
    },
    UploadLogo(Logo),
    /// Extension, owner only: sets the transfer burn (0..=1,000 bps).
    UpdateTransferBurn {
        transfer_burn_bps: u16,
    },
    /// Extension: two-step ownership transfer of the token's owner role (cw-ownable).
    UpdateOwnership(Action),
}

#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(BalanceResponse)]
    Balance { address: String },
    #[returns(TokenInfoResponse)]
    TokenInfo {},
    #[returns(MinterResponse)]
    Minter {},
    #[returns(AllowanceResponse)]
    Allowance { owner: String, spender: String },
    #[returns(AllAllowancesResponse)]
    AllAllowances {
        owner: String,
        start_after: Option<String>,
        limit: Option<u32>,
    },
    #[returns(AllSpenderAllowancesResponse)]
    AllSpenderAllowances {
        spender: String,
        start_after: Option<String>,
        limit: Option<u32>,
    },
    #[returns(AllAccountsResponse)]
    AllAccounts {
        start_after: Option<String>,
        limit: Option<u32>,
    },
    #[returns(MarketingInfoResponse)]
    MarketingInfo {},
    #[returns(DownloadLogoResponse)]
    DownloadLogo {},
    /// Extension.
    #[returns(TransferBurnResponse)]
    TransferBurn {},
    /// Extension.
    #[returns(cw_ownable::Ownership<String>)]
    Ownership {},
}

/// The token's transfer burn.
#[cw_serde]
pub struct TransferBurnResponse {
    /// Basis points burned from every transfer, send, transfer_from and send_from.
    pub transfer_burn_bps: u16,
}

#[cw_serde]
pub struct MigrateMsg {}
