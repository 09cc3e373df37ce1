//! The suite's cw20 token (GEN, NEX, FLX, AUR, LP shares, guarantee tokens): cw20-base 2.0 plus an
//! optional transfer burn (seed 002 `burn_rate_bps`) and an owner who may change it.
//!
//! `InstantiateMsg` is cw20-base's with optional fields only, so any JSON that instantiates
//! cw20-base instantiates this token unchanged. `ExecuteMsg` and `QueryMsg` carry every cw20-base
//! variant with the same JSON, plus the variants marked "extension". `Mint`, `Burn` and
//! `BurnFrom` take an optional `reason` ([`MintReason`], [`BurnReason`]), left out of the JSON
//! when `None`, so a cw20-base client's messages are unchanged.

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

    /// Marketing info given at instantiation.
    #[cw_serde]
    pub struct InstantiateMarketingInfo {
        /// URL of the project's site.
        pub project: Option<String>,
        /// Free-text description of the token.
        pub description: Option<String>,
        /// Address allowed to update the marketing info and logo; `None`: nobody.
        pub marketing: Option<String>,
        /// The logo: a URL or an embedded SVG/PNG.
        pub logo: Option<Logo>,
    }
}

/// Instantiates the token (cw20-base's message plus the optional extensions).
#[cw_serde]
pub struct InstantiateMsg {
    /// Display name, 3..=50 characters (cw20-base's rule).
    pub name: String,
    /// Ticker, 3..=12 characters of letters and `-` (cw20-base's rule).
    pub symbol: String,
    /// Decimal places of the display unit: a balance of `10^decimals` base units is 1 token.
    pub decimals: u8,
    /// Balances minted at instantiation, in base units; they count against the mint cap.
    pub initial_balances: Vec<Cw20Coin>,
    /// The minter and its optional cap; `None` means the supply can never grow (GEN).
    pub mint: Option<MinterResponse>,
    /// Marketing info and logo; `None`: none, and nobody may set them.
    pub marketing: Option<InstantiateMarketingInfo>,
    /// Extension: basis points of every transfer/send (and `_from`) that are burned, at most
    /// 1,000 (10 %); default 0.
    pub transfer_burn_bps: Option<u16>,
    /// Extension: who may change `transfer_burn_bps` (cw-ownable); default the instantiator.
    pub owner: Option<String>,
    /// Extension: whether the minter may [`ExecuteMsg::Retire`] the token (a guarantee's claim
    /// token); default `false`, and it can never be turned on later.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retirable: Option<bool>,
}

/// The token's executes: cw20-base's, plus the extensions.
#[cw_serde]
pub enum ExecuteMsg {
    /// Moves `amount` to `recipient`; with a transfer burn, `recipient` receives `amount - burn`.
    Transfer {
        /// Address credited.
        recipient: String,
        /// Base units debited from the sender (the burn included).
        amount: Uint128,
    },
    /// Destroys `amount` of the sender's balance, lowering the total supply.
    Burn {
        /// Base units burned.
        amount: Uint128,
        /// Extension: why (counted in [`SupplyRecordResponse`]); omitted: [`BurnReason::User`].
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<BurnReason>,
    },
    /// Moves `amount` to `contract` and calls its `Receive` hook with the amount delivered.
    Send {
        /// Contract credited and called with `Cw20ReceiveMsg`.
        contract: String,
        /// Base units debited from the sender (the burn included).
        amount: Uint128,
        /// The hook's own message, passed verbatim in `Cw20ReceiveMsg::msg`.
        msg: Binary,
    },
    /// Raises `spender`'s allowance over the sender's balance.
    IncreaseAllowance {
        /// Address allowed to spend.
        spender: String,
        /// Base units added to the allowance.
        amount: Uint128,
        /// New expiry of the whole allowance; `None` keeps the current one (never, if new).
        expires: Option<Expiration>,
    },
    /// Lowers `spender`'s allowance (removing it when it reaches zero).
    DecreaseAllowance {
        /// Address allowed to spend.
        spender: String,
        /// Base units taken off the allowance (saturating at zero).
        amount: Uint128,
        /// New expiry of the allowance; `None` keeps the current one.
        expires: Option<Expiration>,
    },
    /// Moves `amount` from `owner` to `recipient` out of the sender's allowance.
    TransferFrom {
        /// Account debited; must have granted the sender an allowance.
        owner: String,
        /// Address credited.
        recipient: String,
        /// Base units debited from `owner` and from the allowance (the burn included).
        amount: Uint128,
    },
    /// Moves `amount` from `owner` to `contract` out of the sender's allowance and calls its hook.
    SendFrom {
        /// Account debited; must have granted the sender an allowance.
        owner: String,
        /// Contract credited and called with `Cw20ReceiveMsg`.
        contract: String,
        /// Base units debited from `owner` and from the allowance (the burn included).
        amount: Uint128,
        /// The hook's own message, passed verbatim in `Cw20ReceiveMsg::msg`.
        msg: Binary,
    },
    /// Burns `amount` of `owner`'s balance out of the sender's allowance.
    BurnFrom {
        /// Account debited; must have granted the sender an allowance.
        owner: String,
        /// Base units burned.
        amount: Uint128,
        /// Extension: why (counted in [`SupplyRecordResponse`]); omitted: [`BurnReason::User`].
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<BurnReason>,
    },
    /// Minter only: creates `amount` for `recipient`, within the cap.
    Mint {
        /// Address credited.
        recipient: String,
        /// Base units created.
        amount: Uint128,
        /// Extension: why (counted in [`SupplyRecordResponse`]); omitted:
        /// [`MintReason::Unspecified`].
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<MintReason>,
    },
    /// Minter only: hands the minter role over, keeping the cap; `None` removes it for good.
    UpdateMinter {
        /// The new minter's address, or `None` to remove minting.
        new_minter: Option<String>,
    },
    /// Marketing address only: updates the marketing info; a `Some("")` clears a field.
    UpdateMarketing {
        /// URL of the project's site.
        project: Option<String>,
        /// Free-text description of the token.
        description: Option<String>,
        /// New marketing address.
        marketing: Option<String>,
    },
    /// Marketing address only: replaces the logo (a URL or an embedded SVG/PNG of at most 5 KiB).
    UploadLogo(Logo),
    /// Extension, owner only: sets the transfer burn (0..=1,000 bps).
    UpdateTransferBurn {
        /// Basis points of every transfer burned, 0..=1,000.
        transfer_burn_bps: u16,
    },
    /// Extension: two-step ownership transfer of the token's owner role (cw-ownable).
    UpdateOwnership(Action),
    /// Extension, the minter of a `retirable` token only: burns every outstanding token at once
    /// (counted under [`BurnReason::GuaranteeRelease`]). Afterwards every balance reads 0, the
    /// total supply is 0, and every transfer, send, burn and mint is refused with `Retired`;
    /// queries keep answering. Used by the guarantee contract when a guarantee ends.
    Retire {},
}

/// The token's queries: cw20-base's, plus the extensions.
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// An account's balance in base units (zero when unknown).
    #[returns(BalanceResponse)]
    Balance {
        /// The account.
        address: String,
    },
    /// Name, symbol, decimals and total supply (base units).
    #[returns(TokenInfoResponse)]
    TokenInfo {},
    /// The minter and its cap, `null` when the supply cannot grow.
    #[returns(MinterResponse)]
    Minter {},
    /// What `spender` may still move out of `owner`'s balance, and until when.
    #[returns(AllowanceResponse)]
    Allowance {
        /// The account granting the allowance.
        owner: String,
        /// The account allowed to spend.
        spender: String,
    },
    /// The allowances `owner` granted, by spender address.
    #[returns(AllAllowancesResponse)]
    AllAllowances {
        /// The account granting the allowances.
        owner: String,
        /// Spender address to start after (exclusive), for pagination.
        start_after: Option<String>,
        /// Page size; cw20-base's default 10, at most 30.
        limit: Option<u32>,
    },
    /// The allowances granted to `spender`, by owner address.
    #[returns(AllSpenderAllowancesResponse)]
    AllSpenderAllowances {
        /// The account allowed to spend.
        spender: String,
        /// Owner address to start after (exclusive), for pagination.
        start_after: Option<String>,
        /// Page size; cw20-base's default 10, at most 30.
        limit: Option<u32>,
    },
    /// Every account holding a balance, by address.
    #[returns(AllAccountsResponse)]
    AllAccounts {
        /// Address to start after (exclusive), for pagination.
        start_after: Option<String>,
        /// Page size; cw20-base's default 10, at most 30.
        limit: Option<u32>,
    },
    /// Project, description, marketing address and logo reference.
    #[returns(MarketingInfoResponse)]
    MarketingInfo {},
    /// The embedded logo's bytes and MIME type (an error when the logo is a URL or unset).
    #[returns(DownloadLogoResponse)]
    DownloadLogo {},
    /// Extension.
    #[returns(TransferBurnResponse)]
    TransferBurn {},
    /// Extension.
    #[returns(cw_ownable::Ownership<String>)]
    Ownership {},
    /// Extension: the supply's record since instantiation, per mint and burn reason.
    #[returns(SupplyRecordResponse)]
    SupplyRecord {},
}

/// The token's transfer burn.
#[cw_serde]
pub struct TransferBurnResponse {
    /// Basis points burned from every transfer, send, transfer_from and send_from.
    pub transfer_burn_bps: u16,
}

/// Why a `Mint` created tokens (seed 002's audit trail). JSON: the snake_case name
/// (`"poe_emission"`); any other string is refused when the message is parsed.
///
/// The discriminant is the reason's storage key in the token (`u8`): never renumber a reason.
#[cw_serde]
#[derive(Copy, Eq, PartialOrd, Ord, Hash)]
pub enum MintReason {
    /// No reason given (a cw20-base `Mint` without `reason`).
    Unspecified = 0,
    /// Seed 002: the genesis distribution, when done by minting.
    Genesis = 1,
    /// Seed 002: a block reward.
    BlockReward = 2,
    /// Seed 002: a relay reward.
    RelayReward = 3,
    /// Seed 002: scheduled inflation.
    Inflation = 4,
    /// Seed 002: liquidity for the marketplace.
    MarketplaceLiquidity = 5,
    /// Seed 002: an airdrop.
    Airdrop = 6,
    /// Seed 002: a governance reward.
    GovernanceReward = 7,
    /// The suite: NEX emitted by poe-mining when an epoch closes.
    PoeEmission = 8,
    /// The suite: FLX minted by flux-controller on an expansion.
    FlxExpansion = 9,
    /// The suite: AUR minted by aurum-reserve on a purchase.
    AurPurchase = 10,
    /// The suite: LP shares minted by an amm-pair for a deposit (not one of the seed's reasons).
    Liquidity = 11,
    /// Seed 003: claim tokens minted to a guarantee's beneficiary when it opens.
    GuaranteeAllocation = 12,
}

impl MintReason {
    /// Every reason, in discriminant order (`ALL[r as usize] == r`).
    pub const ALL: [MintReason; 13] = [
        MintReason::Unspecified,
        MintReason::Genesis,
        MintReason::BlockReward,
        MintReason::RelayReward,
        MintReason::Inflation,
        MintReason::MarketplaceLiquidity,
        MintReason::Airdrop,
        MintReason::GovernanceReward,
        MintReason::PoeEmission,
        MintReason::FlxExpansion,
        MintReason::AurPurchase,
        MintReason::Liquidity,
        MintReason::GuaranteeAllocation,
    ];

    /// The snake_case name, as in JSON and in the `reason` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            MintReason::Unspecified => "unspecified",
            MintReason::Genesis => "genesis",
            MintReason::BlockReward => "block_reward",
            MintReason::RelayReward => "relay_reward",
            MintReason::Inflation => "inflation",
            MintReason::MarketplaceLiquidity => "marketplace_liquidity",
            MintReason::Airdrop => "airdrop",
            MintReason::GovernanceReward => "governance_reward",
            MintReason::PoeEmission => "poe_emission",
            MintReason::FlxExpansion => "flx_expansion",
            MintReason::AurPurchase => "aur_purchase",
            MintReason::Liquidity => "liquidity",
            MintReason::GuaranteeAllocation => "guarantee_allocation",
        }
    }
}

/// Why a burn destroyed tokens (seed 002's audit trail). JSON: the snake_case name
/// (`"redemption"`); any other string is refused when the message is parsed.
///
/// The discriminant is the reason's storage key in the token (`u8`): never renumber a reason.
#[cw_serde]
#[derive(Copy, Eq, PartialOrd, Ord, Hash)]
pub enum BurnReason {
    /// Seed 002: a holder's own burn; also a `Burn`/`BurnFrom` without `reason`.
    User = 0,
    /// Seed 002: the transfer burn (`transfer_burn_bps`), recorded by the token itself.
    TransferFee = 1,
    /// Seed 002: a redemption (AUR burned by aurum-reserve).
    Redemption = 2,
    /// Seed 002: a contraction (FLX burned by flux-controller).
    Contraction = 3,
    /// Seed 002: a guarantee released (guarantee tokens burned).
    GuaranteeRelease = 4,
    /// The suite: LP shares burned by an amm-pair on a withdrawal (not one of the seed's reasons).
    Liquidity = 5,
}

impl BurnReason {
    /// Every reason, in discriminant order (`ALL[r as usize] == r`).
    pub const ALL: [BurnReason; 6] = [
        BurnReason::User,
        BurnReason::TransferFee,
        BurnReason::Redemption,
        BurnReason::Contraction,
        BurnReason::GuaranteeRelease,
        BurnReason::Liquidity,
    ];

    /// The snake_case name, as in JSON and in the `reason` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            BurnReason::User => "user",
            BurnReason::TransferFee => "transfer_fee",
            BurnReason::Redemption => "redemption",
            BurnReason::Contraction => "contraction",
            BurnReason::GuaranteeRelease => "guarantee_release",
            BurnReason::Liquidity => "liquidity",
        }
    }
}

/// Base units minted for one reason since instantiation.
#[cw_serde]
pub struct MintTotal {
    /// The reason.
    pub reason: MintReason,
    /// Base units minted for it.
    pub amount: Uint128,
}

/// Base units burned for one reason since instantiation.
#[cw_serde]
pub struct BurnTotal {
    /// The reason.
    pub reason: BurnReason,
    /// Base units burned for it.
    pub amount: Uint128,
}

/// The token's record of mints and burns since instantiation (the initial balances are not
/// mints): `total_supply = initial supply + total_minted - total_burned`. The individual mints and
/// burns are in the chain's event index (attributes `reason`, `height`, `account`).
#[cw_serde]
pub struct SupplyRecordResponse {
    /// Totals per mint reason, in reason order; reasons never used are left out.
    pub minted: Vec<MintTotal>,
    /// Totals per burn reason, in reason order; reasons never used are left out.
    pub burned: Vec<BurnTotal>,
    /// Sum of `minted`.
    pub total_minted: Uint128,
    /// Sum of `burned`.
    pub total_burned: Uint128,
}

/// Migrates the token (no parameters).
#[cw_serde]
pub struct MigrateMsg {}
