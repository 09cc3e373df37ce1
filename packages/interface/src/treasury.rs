//! The treasury: holds cw20 and native balances, receives fee shares (cw20 `Send` with
//! [`ReceiveMsg::Deposit`], or native funds with [`ExecuteMsg::Deposit`]) and pays out only on its
//! owner's order (governance after bootstrap). Every movement is in the response attributes.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::Uint128;
use cw20::Cw20ReceiveMsg;
use cw_ownable::Action;

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
    Cw20 { contract_addr: String },
    /// A native coin, by denom.
    Native { denom: String },
}

#[cw_serde]
pub enum ExecuteMsg {
    /// cw20 deposit hook: `msg` must be a [`ReceiveMsg`].
    Receive(Cw20ReceiveMsg),
    /// Native deposit: the attached funds (at least one coin, no zero amounts).
    Deposit {
        memo: Option<String>,
    },
    /// Owner only: pays `amount` of `asset` to `recipient`.
    Spend {
        asset: AssetInfo,
        recipient: String,
        amount: Uint128,
        memo: Option<String>,
    },
    UpdateOwnership(Action),
}

/// The `msg` of a cw20 `Send` to the treasury.
#[cw_serde]
pub enum ReceiveMsg {
    /// Credits the sent tokens to the treasury; `memo` names the source (e.g. `"poe_fee_split"`).
    Deposit { memo: Option<String> },
}

#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// The live balance of one asset (asks the token contract or the bank) and its ledger.
    #[returns(AssetBalanceResponse)]
    Balance { asset: AssetInfo },
    /// Every asset that ever moved through the treasury, with live balances; paginated.
    #[returns(BalancesResponse)]
    Balances {
        start_after: Option<AssetInfo>,
        limit: Option<u32>,
    },
    #[returns(cw_ownable::Ownership<String>)]
    Ownership {},
}

#[cw_serde]
pub struct AssetBalanceResponse {
    pub asset: AssetInfo,
    /// What the treasury holds now, base units.
    pub balance: Uint128,
    /// Recorded deposits (hooks and native deposits) since instantiation.
    pub total_received: Uint128,
    /// Recorded payouts since instantiation.
    pub total_spent: Uint128,
}

#[cw_serde]
pub struct BalancesResponse {
    pub balances: Vec<AssetBalanceResponse>,
}

#[cw_serde]
pub struct MigrateMsg {}
