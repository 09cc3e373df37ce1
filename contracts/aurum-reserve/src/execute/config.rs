//! The configuration: its validation (shared by instantiation and `UpdateConfig`) and
//! `UpdateConfig`.

use cosmwasm_std::{Addr, Decimal, Deps, DepsMut, Env, MessageInfo, Response, Uint128};
use poe_interface::aurum_reserve::{
    AssetInfo, MAX_ATTESTATION_AGE_LIMIT, MAX_AUR_PER_GRAM, MAX_BACKING_RATIO,
};

use crate::error::ContractError;
use crate::execute::check_cw20;
use crate::state::{Config, Payment, CONFIG};

/// The settable part of the configuration, as given in a message.
pub struct ConfigInput {
    /// What buyers pay with (a cw20 or a native denom, not AUR).
    pub payment_asset: AssetInfo,
    /// Payment-asset base units per AUR base unit.
    pub price: Decimal,
    /// The treasury contract receiving payments (unvalidated).
    pub treasury: String,
    /// AUR base units per gram of gold.
    pub aur_per_gram: Uint128,
    /// Required reserve value / supply.
    pub backing_ratio: Decimal,
    /// Minting halts when the latest attestation is older than this, seconds.
    pub max_attestation_age_seconds: u64,
}

/// Validates a whole configuration for the AUR token `aur_token`:
/// - `price` positive; `aur_per_gram` in `1..=MAX_AUR_PER_GRAM`;
/// - `backing_ratio` in `1..=MAX_BACKING_RATIO` (seed 000: AUR backing must stay above 100 %);
/// - `max_attestation_age_seconds` in `1..=MAX_ATTESTATION_AGE_LIMIT`;
/// - a cw20 payment asset is a valid address answering cw20 `TokenInfo` and not AUR; a native
///   one a valid Cosmos SDK denom (`[a-zA-Z][a-zA-Z0-9/:._-]{2,127}`);
/// - `treasury` a valid address other than this contract and AUR.
///
/// Errors: [`ContractError::InvalidConfig`], [`ContractError::NotCw20`], `Std` (invalid address).
pub fn build_config(
    deps: Deps,
    env: &Env,
    aur_token: Addr,
    input: ConfigInput,
) -> Result<Config, ContractError> {
    if input.price.is_zero() {
        return Err(ContractError::invalid_config("price", "must be positive"));
    }
    if input.aur_per_gram.is_zero() || input.aur_per_gram > MAX_AUR_PER_GRAM {
        return Err(ContractError::invalid_config(
            "aur_per_gram",
            format!(
                "{} is not in 1..={MAX_AUR_PER_GRAM} AUR base units per gram",
                input.aur_per_gram
            ),
        ));
    }
    if input.backing_ratio < Decimal::one() {
        return Err(ContractError::invalid_config(
            "backing_ratio",
            format!(
                "{} is below 1: AUR must stay backed at 100 % or more (seed 000)",
                input.backing_ratio
            ),
        ));
    }
    if input.backing_ratio > MAX_BACKING_RATIO {
        return Err(ContractError::invalid_config(
            "backing_ratio",
            format!("{} is above {MAX_BACKING_RATIO}", input.backing_ratio),
        ));
    }
    if input.max_attestation_age_seconds == 0
        || input.max_attestation_age_seconds > MAX_ATTESTATION_AGE_LIMIT
    {
        return Err(ContractError::invalid_config(
            "max_attestation_age_seconds",
            format!(
                "{} is not in 1..={MAX_ATTESTATION_AGE_LIMIT}",
                input.max_attestation_age_seconds
            ),
        ));
    }
    let payment = match input.payment_asset {
        AssetInfo::Cw20 { contract_addr } => {
            let token = deps.api.addr_validate(&contract_addr)?;
            if token == aur_token {
                return Err(ContractError::invalid_config(
                    "payment_asset",
                    "AUR cannot pay for AUR",
                ));
            }
            check_cw20(deps, &token)?;
            Payment::Cw20(token)
        }
        AssetInfo::Native { denom } => {
            check_denom(&denom)?;
            Payment::Native(denom)
        }
    };
    let treasury = deps.api.addr_validate(&input.treasury)?;
    if treasury == env.contract.address || treasury == aur_token {
        return Err(ContractError::invalid_config(
            "treasury",
            format!("{treasury} is the reserve or the AUR token"),
        ));
    }
    Ok(Config {
        aur_token,
        payment,
        price: input.price,
        treasury,
        aur_per_gram: input.aur_per_gram,
        backing_ratio: input.backing_ratio,
        max_attestation_age_seconds: input.max_attestation_age_seconds,
    })
}

/// A Cosmos SDK denom: `[a-zA-Z][a-zA-Z0-9/:._-]{2,127}`.
///
/// Errors: [`ContractError::InvalidConfig`].
pub fn check_denom(denom: &str) -> Result<(), ContractError> {
    let bytes = denom.as_bytes();
    let valid = (3..=128).contains(&bytes.len())
        && bytes.split_first().is_some_and(|(first, rest)| {
            first.is_ascii_alphabetic()
                && rest
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || b"/:._-".contains(b))
        });
    if !valid {
        return Err(ContractError::invalid_config(
            "payment_asset",
            format!("{denom:?} is not a valid denom"),
        ));
    }
    Ok(())
}

/// The fields of `UpdateConfig`; `None` keeps a value.
pub struct ConfigUpdate {
    /// New payment asset.
    pub payment_asset: Option<AssetInfo>,
    /// New price, payment-asset base units per AUR base unit.
    pub price: Option<Decimal>,
    /// New treasury contract.
    pub treasury: Option<String>,
    /// New AUR base units per gram of gold.
    pub aur_per_gram: Option<Uint128>,
    /// New required reserve value / supply.
    pub backing_ratio: Option<Decimal>,
    /// New longest attestation age allowing minting, seconds.
    pub max_attestation_age_seconds: Option<u64>,
}

/// Owner only: merges the update into the configuration and validates the result as a whole
/// ([`build_config`]); nothing is saved unless all of it is valid. The AUR token cannot change.
///
/// Attributes: `action=update_config` and every setting after the update.
///
/// Errors: `Payment`, `Ownership(NotOwner | NoOwner)`, [`ContractError::InvalidConfig`] (also:
/// no field given), [`ContractError::NotCw20`], `Std`.
pub fn update_config(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    update: ConfigUpdate,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let ConfigUpdate {
        payment_asset,
        price,
        treasury,
        aur_per_gram,
        backing_ratio,
        max_attestation_age_seconds,
    } = update;
    if payment_asset.is_none()
        && price.is_none()
        && treasury.is_none()
        && aur_per_gram.is_none()
        && backing_ratio.is_none()
        && max_attestation_age_seconds.is_none()
    {
        return Err(ContractError::invalid_config(
            "update_config",
            "no setting given",
        ));
    }
    let old = CONFIG.load(deps.storage)?;
    let input = ConfigInput {
        payment_asset: payment_asset.unwrap_or_else(|| old.payment.to_asset_info()),
        price: price.unwrap_or(old.price),
        treasury: treasury.unwrap_or_else(|| old.treasury.to_string()),
        aur_per_gram: aur_per_gram.unwrap_or(old.aur_per_gram),
        backing_ratio: backing_ratio.unwrap_or(old.backing_ratio),
        max_attestation_age_seconds: max_attestation_age_seconds
            .unwrap_or(old.max_attestation_age_seconds),
    };
    let config = build_config(deps.as_ref(), &env, old.aur_token, input)?;
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "update_config")
        .add_attributes(config_attributes(&config)))
}

/// Every setting, as response attributes.
pub fn config_attributes(config: &Config) -> Vec<(&'static str, String)> {
    vec![
        ("aur_token", config.aur_token.to_string()),
        ("payment_asset", config.payment.label()),
        ("price", config.price.to_string()),
        ("treasury", config.treasury.to_string()),
        ("aur_per_gram", config.aur_per_gram.to_string()),
        ("backing_ratio", config.backing_ratio.to_string()),
        (
            "max_attestation_age_seconds",
            config.max_attestation_age_seconds.to_string(),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn denoms() {
        for ok in [
            "uflx",
            "ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2",
            "factory/wasm1xyz/aur",
            "a.b",
            "ab-",
        ] {
            assert!(check_denom(ok).is_ok(), "{ok}");
        }
        for bad in ["", "ab", "1abc", "u flx", "uflx!", &"a".repeat(129)] {
            assert!(check_denom(bad).is_err(), "{bad}");
        }
    }
}
