//! The constant-product AMM: a factory that creates one pair per (unordered) asset pair and keeps
//! the registry ([`factory`]), the pair itself with its LP token, swaps, liquidity and TWAP
//! ([`pair`]), and a router for multi-hop swaps ([`router`]). The types shared by all three are
//! here: [`AssetInfo`] (a cw20 token or a native denom), [`Asset`] (an amount of one) and
//! [`PairInfo`] (a registry entry). The JSON of these types is Astroport's.
//!
//! The pure math (swap, reverse swap, provide, withdraw, TWAP) is `poe_math::amm`.

pub mod factory;
pub mod pair;
pub mod router;

use std::fmt;

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Api, QuerierWrapper, StdError, StdResult, Uint128};
use cw20::{BalanceResponse, Cw20QueryMsg};

/// Shortest and longest native denom accepted (Cosmos SDK `[a-zA-Z][a-zA-Z0-9/:._-]{2,127}`).
pub const DENOM_MIN_LEN: usize = 3;
/// See [`DENOM_MIN_LEN`].
pub const DENOM_MAX_LEN: usize = 128;

/// One side of a pair: a cw20 token contract or a native (bank) denom.
#[cw_serde]
#[derive(Eq, PartialOrd, Ord, Hash)]
pub enum AssetInfo {
    /// A cw20 token; deposits and offers arrive by cw20 `Send` (swaps) or allowance (liquidity).
    Token {
        /// The cw20 contract's address.
        contract_addr: String,
    },
    /// A native denom; deposits and offers arrive as funds of the message.
    NativeToken {
        /// The bank denom, e.g. `uatom` or `ibc/<hash>`.
        denom: String,
    },
}

impl AssetInfo {
    /// Whether this is a native denom.
    pub fn is_native(&self) -> bool {
        matches!(self, AssetInfo::NativeToken { .. })
    }

    /// The same asset with a validated, normalized address (a cw20) or a checked denom.
    ///
    /// Errors: `Std` (an invalid address, or a denom that is not 3..=128 characters of
    /// `[a-zA-Z0-9/:._-]` starting with a letter).
    pub fn check(&self, api: &dyn Api) -> StdResult<AssetInfo> {
        match self {
            AssetInfo::Token { contract_addr } => Ok(AssetInfo::Token {
                contract_addr: api.addr_validate(contract_addr)?.to_string(),
            }),
            AssetInfo::NativeToken { denom } => {
                let valid_chars = denom
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "/:._-".contains(c));
                let starts_with_letter = denom
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic());
                if !(DENOM_MIN_LEN..=DENOM_MAX_LEN).contains(&denom.len())
                    || !valid_chars
                    || !starts_with_letter
                {
                    return Err(StdError::generic_err(format!(
                        "invalid native denom {denom:?}"
                    )));
                }
                Ok(self.clone())
            }
        }
    }

    /// Whether this is the cw20 token at `address`.
    pub fn is_token(&self, address: &Addr) -> bool {
        matches!(self, AssetInfo::Token { contract_addr } if contract_addr == address.as_str())
    }

    /// `address`'s balance of this asset (a cw20 `Balance` query or a bank balance query).
    ///
    /// Errors: `Std` (the query failed).
    pub fn query_balance(&self, querier: &QuerierWrapper, address: &Addr) -> StdResult<Uint128> {
        match self {
            AssetInfo::Token { contract_addr } => {
                let res: BalanceResponse = querier.query_wasm_smart(
                    contract_addr,
                    &Cw20QueryMsg::Balance {
                        address: address.to_string(),
                    },
                )?;
                Ok(res.balance)
            }
            AssetInfo::NativeToken { denom } => Ok(querier.query_balance(address, denom)?.amount),
        }
    }

    /// `amount` of this asset.
    pub fn with_amount(&self, amount: Uint128) -> Asset {
        Asset {
            info: self.clone(),
            amount,
        }
    }
}

impl fmt::Display for AssetInfo {
    /// The cw20 address or the denom.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AssetInfo::Token { contract_addr } => write!(f, "{contract_addr}"),
            AssetInfo::NativeToken { denom } => write!(f, "{denom}"),
        }
    }
}

/// An amount of an asset, in its base units.
#[cw_serde]
pub struct Asset {
    /// Which token or denom.
    pub info: AssetInfo,
    /// Base units of `info`.
    pub amount: Uint128,
}

impl fmt::Display for Asset {
    /// `<amount><denom or address>`, as coins print.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.amount, self.info)
    }
}

/// A pair as the factory registers it and the pair describes itself.
#[cw_serde]
pub struct PairInfo {
    /// The two assets, in the pair's order (the order of its reserves and prices).
    pub asset_infos: [AssetInfo; 2],
    /// The pair contract.
    pub contract_addr: String,
    /// The pair's LP token (a `poe-token` instance minted only by the pair).
    pub liquidity_token: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::MockApi;

    #[test]
    fn denoms_and_addresses_are_checked() {
        let api = MockApi::default();
        for ok in [
            "uatom",
            "ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2",
            "factory/osmo1abc/sub.denom-x:y",
        ] {
            let info = AssetInfo::NativeToken {
                denom: ok.to_string(),
            };
            assert_eq!(info.check(&api).unwrap(), info);
        }
        for bad in ["", "ua", "1atom", "u atom", "uatom!", &"u".repeat(129)] {
            let info = AssetInfo::NativeToken {
                denom: bad.to_string(),
            };
            assert!(info.check(&api).is_err(), "{bad:?}");
        }
        let addr = api.addr_make("token");
        let info = AssetInfo::Token {
            contract_addr: addr.to_string(),
        };
        assert_eq!(info.check(&api).unwrap(), info);
        assert!(info.is_token(&addr));
        assert!(AssetInfo::Token {
            contract_addr: "Not An Address".to_string()
        }
        .check(&api)
        .is_err());
    }

    #[test]
    fn assets_print_as_amount_and_asset() {
        let api = MockApi::default();
        let token = api.addr_make("token");
        let asset = AssetInfo::Token {
            contract_addr: token.to_string(),
        }
        .with_amount(Uint128::new(5));
        assert_eq!(asset.to_string(), format!("5{token}"));
        let coin = AssetInfo::NativeToken {
            denom: "uatom".to_string(),
        }
        .with_amount(Uint128::new(7));
        assert_eq!(coin.to_string(), "7uatom");
    }
}
