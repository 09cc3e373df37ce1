//! Assets: validation, ledger keys, labels, live balances and payouts.

use cosmwasm_std::{
    coins, to_json_binary, Addr, BankMsg, CosmosMsg, Deps, StdError, StdResult, Uint128, WasmMsg,
};
use cw20::{BalanceResponse, Cw20ExecuteMsg, Cw20QueryMsg, MinterResponse, TokenInfoResponse};
use poe_controllers::cw20::transfer_msg;

use crate::error::ContractError;
use crate::msg::{AssetInfo, Recipient};

/// Prefix of a cw20 asset's ledger key.
const CW20_PREFIX: char = 'c';
/// Prefix of a native asset's ledger key.
const NATIVE_PREFIX: char = 'n';

/// An asset whose address or denom has been checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckedAsset {
    /// A cw20 token contract.
    Cw20(Addr),
    /// A native denom.
    Native(String),
}

impl CheckedAsset {
    /// Validates `asset`: the cw20 address with `addr_validate`, the denom with
    /// [`validate_denom`].
    ///
    /// Errors: `Std` (invalid address), [`ContractError::InvalidDenom`].
    pub fn check(deps: Deps, asset: &AssetInfo) -> Result<Self, ContractError> {
        match asset {
            AssetInfo::Cw20 { contract_addr } => {
                Ok(CheckedAsset::Cw20(deps.api.addr_validate(contract_addr)?))
            }
            AssetInfo::Native { denom } => {
                validate_denom(denom)?;
                Ok(CheckedAsset::Native(denom.clone()))
            }
        }
    }

    /// The ledger key: `c<address>` or `n<denom>`.
    pub fn key(&self) -> String {
        match self {
            CheckedAsset::Cw20(addr) => format!("{CW20_PREFIX}{addr}"),
            CheckedAsset::Native(denom) => format!("{NATIVE_PREFIX}{denom}"),
        }
    }

    /// The label used in attributes and errors: `cw20:<address>` or `native:<denom>`.
    pub fn label(&self) -> String {
        match self {
            CheckedAsset::Cw20(addr) => format!("cw20:{addr}"),
            CheckedAsset::Native(denom) => format!("native:{denom}"),
        }
    }

    /// The message form.
    pub fn info(&self) -> AssetInfo {
        match self {
            CheckedAsset::Cw20(addr) => AssetInfo::Cw20 {
                contract_addr: addr.to_string(),
            },
            CheckedAsset::Native(denom) => AssetInfo::Native {
                denom: denom.clone(),
            },
        }
    }

    /// What `holder` holds now: a cw20 `Balance` query to the token, or a bank query.
    ///
    /// Errors: `Std` when the token does not answer the cw20 `Balance` query.
    pub fn balance_of(&self, deps: Deps, holder: &Addr) -> StdResult<Uint128> {
        match self {
            CheckedAsset::Cw20(token) => {
                let res: BalanceResponse = deps.querier.query_wasm_smart(
                    token,
                    &Cw20QueryMsg::Balance {
                        address: holder.to_string(),
                    },
                )?;
                Ok(res.balance)
            }
            CheckedAsset::Native(denom) => Ok(deps.querier.query_balance(holder, denom)?.amount),
        }
    }

    /// The message paying `amount` to `recipient`: a cw20 `Transfer` or a `BankMsg::Send`.
    pub fn payout(&self, recipient: &Addr, amount: Uint128) -> StdResult<CosmosMsg> {
        Ok(match self {
            CheckedAsset::Cw20(token) => transfer_msg(token, recipient, amount)?,
            CheckedAsset::Native(denom) => BankMsg::Send {
                to_address: recipient.to_string(),
                amount: coins(amount.u128(), denom),
            }
            .into(),
        })
    }

    /// What `holder` holds now, the query's error as [`ContractError::NotCw20`] (a cw20 that
    /// does not answer `Balance`).
    ///
    /// Errors: [`ContractError::NotCw20`].
    pub fn checked_balance_of(&self, deps: Deps, holder: &Addr) -> Result<Uint128, ContractError> {
        self.balance_of(deps, holder)
            .map_err(|err| ContractError::NotCw20 {
                token: self.label(),
                reason: err.to_string(),
            })
    }

    /// The message paying `amount` to a schedule's `recipient` (validated when the schedule was
    /// created): to an address, [`CheckedAsset::payout`]; to a hook, a cw20 `Send` with the
    /// hook's `msg`, or a `WasmMsg::Execute` of `msg` with the coins attached.
    ///
    /// Errors: `Std` (serialization).
    pub fn payout_to(&self, recipient: &Recipient, amount: Uint128) -> StdResult<CosmosMsg> {
        match recipient {
            Recipient::Address { address } => self.payout(&Addr::unchecked(address), amount),
            Recipient::Hook { contract, msg } => Ok(match self {
                CheckedAsset::Cw20(token) => WasmMsg::Execute {
                    contract_addr: token.to_string(),
                    msg: to_json_binary(&Cw20ExecuteMsg::Send {
                        contract: contract.clone(),
                        amount,
                        msg: msg.clone(),
                    })?,
                    funds: vec![],
                }
                .into(),
                CheckedAsset::Native(denom) => WasmMsg::Execute {
                    contract_addr: contract.clone(),
                    msg: msg.clone(),
                    funds: coins(amount.u128(), denom),
                }
                .into(),
            }),
        }
    }

    /// Reads a ledger key back (only keys written by [`CheckedAsset::key`] exist).
    ///
    /// Errors: `Std` on a key with an unknown prefix.
    pub fn from_key(key: &str) -> StdResult<Self> {
        let mut chars = key.chars();
        match chars.next() {
            Some(CW20_PREFIX) => Ok(CheckedAsset::Cw20(Addr::unchecked(chars.as_str()))),
            Some(NATIVE_PREFIX) => Ok(CheckedAsset::Native(chars.as_str().to_string())),
            _ => Err(StdError::generic_err(format!("corrupt ledger key {key:?}"))),
        }
    }
}

/// A cw20's minter and cap (seed 002 `max_supply`) and its total supply.
#[derive(Clone, Debug, PartialEq)]
pub struct MintInfo {
    /// The minter; `None` when the supply can never grow.
    pub minter: Option<MinterResponse>,
    /// The total supply, base units.
    pub supply: Uint128,
}

/// Asks the cw20 `token` for its `Minter` and `TokenInfo`.
///
/// Errors: `Std` when the token does not answer either query.
pub fn mint_info(deps: Deps, token: &Addr) -> StdResult<MintInfo> {
    let minter: Option<MinterResponse> = deps
        .querier
        .query_wasm_smart(token, &Cw20QueryMsg::Minter {})?;
    let info: TokenInfoResponse = deps
        .querier
        .query_wasm_smart(token, &Cw20QueryMsg::TokenInfo {})?;
    Ok(MintInfo {
        minter,
        supply: info.total_supply,
    })
}

/// The ledger key of an unchecked asset, for pagination bounds only.
pub fn key_of(asset: &AssetInfo) -> String {
    match asset {
        AssetInfo::Cw20 { contract_addr } => format!("{CW20_PREFIX}{contract_addr}"),
        AssetInfo::Native { denom } => format!("{NATIVE_PREFIX}{denom}"),
    }
}

/// Checks a native denom as the Cosmos SDK does: 3 to 128 characters, a letter first, then
/// letters, digits or `/ : . _ -`.
///
/// Errors: [`ContractError::InvalidDenom`].
pub fn validate_denom(denom: &str) -> Result<(), ContractError> {
    let invalid = |reason: &str| ContractError::InvalidDenom {
        denom: denom.to_string(),
        reason: reason.to_string(),
    };
    if denom.len() < 3 || denom.len() > 128 {
        return Err(invalid("must be 3 to 128 characters"));
    }
    if !denom.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Err(invalid("must start with a letter"));
    }
    if !denom
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | ':' | '.' | '_' | '-'))
    {
        return Err(invalid("may hold only letters, digits and / : . _ -"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assets() -> Vec<AssetInfo> {
        let cw20 = |a: &str| AssetInfo::Cw20 {
            contract_addr: a.to_string(),
        };
        let native = |d: &str| AssetInfo::Native {
            denom: d.to_string(),
        };
        vec![
            native("uatom"),
            cw20("cosmwasm1zzz"),
            native("ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2"),
            cw20("cosmwasm1aaa"),
            native("factory/cosmwasm1abc/sub"),
            native("a"),
            cw20("cosmwasm1aaab"),
        ]
    }

    #[test]
    fn key_order_is_asset_info_order() {
        let mut by_info = assets();
        by_info.sort();
        let mut by_key = assets();
        by_key.sort_by_key(key_of);
        assert_eq!(by_info, by_key);
    }

    #[test]
    fn keys_read_back() {
        for asset in assets() {
            let checked = match &asset {
                AssetInfo::Cw20 { contract_addr } => {
                    CheckedAsset::Cw20(Addr::unchecked(contract_addr))
                }
                AssetInfo::Native { denom } => CheckedAsset::Native(denom.clone()),
            };
            assert_eq!(checked.key(), key_of(&asset));
            assert_eq!(CheckedAsset::from_key(&checked.key()).unwrap(), checked);
            assert_eq!(checked.info(), asset);
        }
        assert!(CheckedAsset::from_key("xuatom").is_err());
        assert!(CheckedAsset::from_key("").is_err());
    }

    #[test]
    fn denoms_follow_the_sdk_rule() {
        for ok in [
            "uatom",
            "ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2",
            "factory/cosmwasm1abc/sub.token_x-1:2",
            "abc",
        ] {
            assert_eq!(validate_denom(ok), Ok(()), "{ok}");
        }
        let long = "a".repeat(129);
        for bad in [
            "",
            "ab",
            "1atom",
            "/atom",
            "u atom",
            "uatom!",
            "ü-atom",
            long.as_str(),
        ] {
            assert!(
                matches!(validate_denom(bad), Err(ContractError::InvalidDenom { .. })),
                "{bad}"
            );
        }
        assert_eq!(validate_denom(&"a".repeat(128)), Ok(()));
    }
}
