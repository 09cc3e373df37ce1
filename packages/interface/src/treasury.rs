//! The treasury: holds cw20 and native balances, receives fee shares (cw20 `Send` with
//! [`ReceiveMsg::Deposit`], or native funds with [`ExecuteMsg::Deposit`]) and pays out only on its
//! owner's order (governance after bootstrap). Every movement is in the response attributes.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{to_json_binary, Addr, CosmosMsg, StdResult, Uint128, WasmMsg};
use cw20::{Cw20ExecuteMsg, Cw20ReceiveMsg};
use cw_ownable::Action;

/// Instantiates the treasury.
#[cw_serde]
pub struct InstantiateMsg {
    /// The owner (may spend); default the instantiator.
    pub owner: Option<String>,
}

/// An asset the treasury can hold.
#[cw_serde]
#[derive(Eq, PartialOrd, Ord)]
pub enum AssetInfo {
    /// A cw20 token, by contract address.
    Cw20 {
        /// The cw20 contract's address.
        contract_addr: String,
    },
    /// A native coin, by denom.
    Native {
        /// The bank denom, e.g. `uatom`.
        denom: String,
    },
}

/// The treasury's executes.
#[cw_serde]
pub enum ExecuteMsg {
    /// cw20 deposit hook: `msg` must be a [`ReceiveMsg`].
    Receive(Cw20ReceiveMsg),
    /// Native deposit: the attached funds (at least one coin, no zero amounts).
    Deposit {
        /// Free text naming the deposit's source (at most 256 bytes), echoed in the response attributes.
        memo: Option<String>,
    },
    /// Owner only: pays `amount` of `asset` to `recipient`.
    Spend {
        /// The asset paid out.
        asset: AssetInfo,
        /// Address paid.
        recipient: String,
        /// Base units of `asset`, above 0 and at most the live balance.
        amount: Uint128,
        /// Free text stating the payout's purpose, echoed in the response attributes.
        memo: Option<String>,
    },
    /// cw-ownable two-step ownership transfer.
    UpdateOwnership(Action),
}

/// The `msg` of a cw20 `Send` to the treasury.
#[cw_serde]
pub enum ReceiveMsg {
    /// Credits the sent tokens to the treasury; `memo` names the source (e.g. `"poe_fee_split"`).
    Deposit {
        /// The deposit's source, echoed in the response attributes.
        memo: Option<String>,
    },
}

/// A cw20 `Send` of `amount` of `token` to `treasury` with the [`ReceiveMsg::Deposit`] hook, so
/// the treasury's ledger records the deposit with `memo` as its source.
///
/// Errors: `Std` when a message does not serialize.
pub fn cw20_deposit_msg(
    token: &Addr,
    treasury: &Addr,
    amount: Uint128,
    memo: impl Into<String>,
) -> StdResult<CosmosMsg> {
    let hook = ReceiveMsg::Deposit {
        memo: Some(memo.into()),
    };
    Ok(WasmMsg::Execute {
        contract_addr: token.to_string(),
        msg: to_json_binary(&Cw20ExecuteMsg::Send {
            contract: treasury.to_string(),
            amount,
            msg: to_json_binary(&hook)?,
        })?,
        funds: vec![],
    }
    .into())
}

/// The treasury's queries.
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// The live balance of one asset (asks the token contract or the bank) and its ledger.
    #[returns(AssetBalanceResponse)]
    Balance {
        /// The asset asked about.
        asset: AssetInfo,
    },
    /// Every asset that ever moved through the treasury, with its ledger and live balance;
    /// paginated (default 10, 1 to 30). A token whose `Balance` query fails does not fail the
    /// page: its entry carries the ledger, `balance: None` and the query's error.
    #[returns(BalancesResponse)]
    Balances {
        /// The last asset of the previous page (exclusive), in the assets' order.
        start_after: Option<AssetInfo>,
        /// Page size, 1..=30; default 10.
        limit: Option<u32>,
    },
    /// The treasury's owner and any pending transfer (cw-ownable).
    #[returns(cw_ownable::Ownership<String>)]
    Ownership {},
}

/// One asset's live balance and ledger.
#[cw_serde]
pub struct AssetBalanceResponse {
    /// The asset asked about.
    pub asset: AssetInfo,
    /// What the treasury holds now, base units.
    pub balance: Uint128,
    /// Recorded deposits (hooks and native deposits) since instantiation.
    pub total_received: Uint128,
    /// Recorded payouts since instantiation.
    pub total_spent: Uint128,
}

/// One entry of a `Balances` page: the ledger of an asset and, when its token answered, its live
/// balance.
#[cw_serde]
pub struct LedgerBalance {
    /// The entry's asset.
    pub asset: AssetInfo,
    /// What the treasury holds now, base units; `None` when the token's cw20 `Balance` query (or
    /// the bank query) failed.
    pub balance: Option<Uint128>,
    /// The balance query's error when `balance` is `None`.
    pub balance_error: Option<String>,
    /// Recorded deposits (hooks and native deposits) since instantiation.
    pub total_received: Uint128,
    /// Recorded payouts since instantiation.
    pub total_spent: Uint128,
}

/// A page of the treasury's ledger.
#[cw_serde]
pub struct BalancesResponse {
    /// The entries, in the ledger's key order (the order `start_after` continues from).
    pub balances: Vec<LedgerBalance>,
}

/// Migrates the treasury (no parameters).
#[cw_serde]
pub struct MigrateMsg {}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::from_json;

    #[test]
    fn cw20_deposit_msg_is_a_send_with_the_deposit_hook() {
        let (token, treasury) = (Addr::unchecked("flx"), Addr::unchecked("treasury"));
        let msg = cw20_deposit_msg(&token, &treasury, Uint128::new(7), "slash").unwrap();
        let CosmosMsg::Wasm(WasmMsg::Execute {
            contract_addr,
            msg,
            funds,
        }) = msg
        else {
            panic!("a wasm execute: {msg:?}");
        };
        assert_eq!((contract_addr.as_str(), funds.len()), ("flx", 0));
        let Cw20ExecuteMsg::Send {
            contract,
            amount,
            msg,
        } = from_json(&msg).unwrap()
        else {
            panic!("a cw20 send");
        };
        assert_eq!((contract.as_str(), amount.u128()), ("treasury", 7));
        assert_eq!(
            std::str::from_utf8(msg.as_slice()).unwrap(),
            r#"{"deposit":{"memo":"slash"}}"#
        );
    }
}
