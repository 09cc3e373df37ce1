//! Execute handlers, one file per operation, and the helpers they share.

pub mod attest;
pub mod buy;
pub mod config;
pub mod custodians;
pub mod fulfill;
pub mod instantiate;
pub mod ownership;
pub mod receive;
pub mod redeem;

use cosmwasm_std::{
    coins, to_json_binary, Addr, CosmosMsg, Deps, StdResult, Storage, Uint128, WasmMsg,
};
use cw20::{Cw20QueryMsg, TokenInfoResponse};
use poe_interface::treasury;

use crate::error::ContractError;
use crate::state::{Payment, CUSTODIANS};

/// The memo of every payment deposited into the treasury.
pub const PURCHASE_MEMO: &str = "aur_purchase";

/// Checks that `sender` is a custodian.
///
/// Errors: `AllowList(NotListed)`.
pub fn assert_custodian(storage: &dyn Storage, sender: &Addr) -> Result<(), ContractError> {
    Ok(CUSTODIANS.ensure_listed(storage, sender)?)
}

/// A SHA-256 as 64 hexadecimal digits (either case), returned in lower case.
///
/// Errors: [`ContractError::InvalidDocumentHash`].
pub fn check_document_hash(hash: &str) -> Result<String, ContractError> {
    let reason = if hash.len() != 64 {
        format!(
            "expected 64 hex digits (sha256), got {} characters",
            hash.len()
        )
    } else if !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        "expected only hex digits 0-9, a-f".to_string()
    } else {
        return Ok(hash.to_ascii_lowercase());
    };
    Err(ContractError::InvalidDocumentHash {
        hash: hash.to_string(),
        reason,
    })
}

/// Checks that `address` answers the cw20 `TokenInfo` query.
///
/// Errors: [`ContractError::NotCw20`].
pub fn check_cw20(deps: Deps, address: &Addr) -> Result<(), ContractError> {
    deps.querier
        .query_wasm_smart::<TokenInfoResponse>(address, &Cw20QueryMsg::TokenInfo {})
        .map(|_| ())
        .map_err(|e| ContractError::NotCw20 {
            address: address.to_string(),
            reason: e.to_string(),
        })
}

/// Deposits `amount` of `payment` into the treasury contract with the memo
/// [`PURCHASE_MEMO`]: a cw20 `Send` with the treasury's `Deposit` hook, or the treasury's native
/// `Deposit` with the coins attached.
pub fn deposit_to_treasury(
    payment: &Payment,
    treasury_addr: &Addr,
    amount: Uint128,
) -> StdResult<CosmosMsg> {
    match payment {
        Payment::Cw20(token) => {
            treasury::cw20_deposit_msg(token, treasury_addr, amount, PURCHASE_MEMO)
        }
        Payment::Native(denom) => Ok(WasmMsg::Execute {
            contract_addr: treasury_addr.to_string(),
            msg: to_json_binary(&treasury::ExecuteMsg::Deposit {
                memo: Some(PURCHASE_MEMO.to_string()),
            })?,
            funds: coins(amount.u128(), denom),
        }
        .into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_hashes_are_sha256_hex() {
        let hash = "AB".repeat(32);
        assert_eq!(check_document_hash(&hash).unwrap(), "ab".repeat(32));
        for bad in ["", "ab", &"a".repeat(63), &"a".repeat(65), &"g".repeat(64)] {
            assert!(matches!(
                check_document_hash(bad),
                Err(ContractError::InvalidDocumentHash { .. })
            ));
        }
        // 32 two-byte characters are 64 bytes but not hex
        assert!(check_document_hash(&"é".repeat(32)).is_err());
    }
}
