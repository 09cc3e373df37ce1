//! The guarantee contract's state. The owner is cw-ownable's (key `ownership`); the cw2 version
//! is cw2's. Guarantees and collaterals are stored as the interface's responses, so a query
//! returns them as stored.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Empty, Storage, Uint128};
use cw_storage_plus::{Item, Map};
use poe_controllers::PauseState;

use crate::error::ContractError;
use crate::msg::{AssetInfo, CollateralResponse, GuaranteeResponse};

/// The configuration, counters and pause.
#[cw_serde]
pub struct Config {
    /// FLX: coverage's denomination, what liquidations sell into.
    pub flx_token: Addr,
    /// The AMM router.
    pub router: Addr,
    /// Code id of the claim tokens (poe-token).
    pub claim_token_code_id: u64,
    /// TWAP window, seconds.
    pub twap_window_seconds: u64,
    /// Redemption period, seconds.
    pub redemption_period_seconds: u64,
    /// Liquidation fee, bps of the collateral.
    pub liquidation_fee_bps: u16,
    /// Liquidation slippage bound, bps.
    pub max_slippage_bps: u16,
    /// Longest life of a guarantee, seconds.
    pub max_duration_seconds: u64,
    /// Guarantees opened so far (the last id).
    pub guarantee_count: u64,
    /// Guarantees open now.
    pub open_count: u64,
    /// Claims outstanding over every guarantee.
    pub claims_outstanding: Uint128,
    /// The number of listed collaterals.
    pub collateral_count: u32,
    /// The pause.
    pub pause: PauseState,
}

/// A guarantee, as queried.
pub type Guarantee = GuaranteeResponse;
/// A listed collateral, as queried.
pub type Collateral = CollateralResponse;

/// A liquidation's sale in flight: what the reply needs to measure the FLX it returned.
#[cw_serde]
pub struct PendingLiquidation {
    /// The guarantee.
    pub guarantee_id: u64,
    /// The contract's FLX balance before the sale.
    pub flx_before: Uint128,
}

/// The configuration.
pub const CONFIG: Item<Config> = Item::new("config");
/// Guarantees by id (ids start at 1).
pub const GUARANTEES: Map<u64, Guarantee> = Map::new("guarantees");
/// Guarantee ids by claim token.
pub const CLAIM_TOKENS: Map<&Addr, u64> = Map::new("claim_tokens");
/// Guarantees by (guarantor, id), for `GuaranteesByGuarantor`.
pub const BY_GUARANTOR: Map<(&Addr, u64), Empty> = Map::new("by_guarantor");
/// Guarantees by (beneficiary, id), for `GuaranteesByBeneficiary`.
pub const BY_BENEFICIARY: Map<(&Addr, u64), Empty> = Map::new("by_beneficiary");
/// Listed collaterals by [`asset_key`].
pub const COLLATERALS: Map<&str, Collateral> = Map::new("collaterals");
/// Base units held for the guarantees per asset (by [`asset_key`]): open collateral plus what
/// defaults and liquidations set aside.
pub const HELD: Map<&str, (AssetInfo, Uint128)> = Map::new("held");
/// A guarantee waiting for its claim token's address (between `Open` and its reply).
pub const PENDING_OPEN: Item<Guarantee> = Item::new("pending_open");
/// A liquidation's sale waiting for its reply.
pub const PENDING_LIQUIDATION: Item<PendingLiquidation> = Item::new("pending_liquidation");

/// The storage key of an asset: `t:<cw20 address>` or `n:<denom>`.
pub fn asset_key(asset: &AssetInfo) -> String {
    match asset {
        AssetInfo::Token { contract_addr } => format!("t:{contract_addr}"),
        AssetInfo::NativeToken { denom } => format!("n:{denom}"),
    }
}

/// The guarantee `guarantee_id`.
///
/// Errors: [`ContractError::GuaranteeNotFound`].
pub fn load_guarantee(
    storage: &dyn Storage,
    guarantee_id: u64,
) -> Result<Guarantee, ContractError> {
    GUARANTEES
        .may_load(storage, guarantee_id)?
        .ok_or(ContractError::GuaranteeNotFound { guarantee_id })
}

/// Adds `amount` of `asset` to what is held.
///
/// Errors: `Std`, `Overflow`.
pub fn add_held(
    storage: &mut dyn Storage,
    asset: &AssetInfo,
    amount: Uint128,
) -> Result<(), ContractError> {
    if amount.is_zero() {
        return Ok(());
    }
    let key = asset_key(asset);
    let held = HELD
        .may_load(storage, &key)?
        .map(|(_, a)| a)
        .unwrap_or_default();
    HELD.save(storage, &key, &(asset.clone(), held.checked_add(amount)?))?;
    Ok(())
}

/// Takes `amount` of `asset` out of what is held.
///
/// Errors: `Std`, `Overflow` (more than is held: a broken invariant).
pub fn sub_held(
    storage: &mut dyn Storage,
    asset: &AssetInfo,
    amount: Uint128,
) -> Result<(), ContractError> {
    if amount.is_zero() {
        return Ok(());
    }
    let key = asset_key(asset);
    let held = HELD
        .may_load(storage, &key)?
        .map(|(_, a)| a)
        .unwrap_or_default();
    HELD.save(storage, &key, &(asset.clone(), held.checked_sub(amount)?))?;
    Ok(())
}
