//! The AUR reserve: [`AurumHandle`].

use anyhow::Result as AnyResult;
use cosmwasm_std::{Addr, StdResult, Uint128};
use cw_multi_test::AppResponse;
use cw_ownable::Ownership;
use poe_interface::aurum_reserve::{
    BackingResponse, ConfigResponse, ExecuteMsg, QueryMsg, ReceiveMsg, RedemptionsResponse,
};
use poe_interface::MAX_LIMIT;

use super::{contract_interface, Cw20Handle, Handle};

contract_interface!(
    /// The AUR reserve's interface (`poe_interface::aurum_reserve`).
    AurumReserve: ExecuteMsg, QueryMsg
);

/// The AUR reserve (AUR's only minter).
pub type AurumHandle = Handle<AurumReserve>;

impl Handle<AurumReserve> {
    /// A custodian attests `reserve_mg` milligrams of gold at `timestamp` (seconds).
    pub fn attest(
        &self,
        custodian: &Addr,
        reserve_mg: Uint128,
        document_hash: &str,
        timestamp: u64,
    ) -> AnyResult<AppResponse> {
        self.execute(
            custodian,
            &ExecuteMsg::Attest {
                reserve_mg,
                document_hash: document_hash.to_string(),
                timestamp,
            },
        )
    }

    /// `buyer` pays `amount` of the payment token (`payment`, FLX) for AUR.
    pub fn buy(
        &self,
        payment: &Cw20Handle,
        buyer: &Addr,
        amount: Uint128,
    ) -> AnyResult<AppResponse> {
        payment.send_hook(
            buyer,
            &self.addr,
            amount,
            &ReceiveMsg::Buy { recipient: None },
        )
    }

    /// `holder` sends `amount` of AUR (`aur`) to be burned and redeemed for gold.
    pub fn redeem(
        &self,
        aur: &Cw20Handle,
        holder: &Addr,
        amount: Uint128,
    ) -> AnyResult<AppResponse> {
        let hook = ReceiveMsg::Redeem {
            delivery_note: None,
        };
        aur.send_hook(holder, &self.addr, amount, &hook)
    }

    /// The config.
    pub fn config(&self) -> StdResult<ConfigResponse> {
        self.query(&QueryMsg::Config {})
    }

    /// The live backing.
    pub fn backing(&self) -> StdResult<BackingResponse> {
        self.query(&QueryMsg::Backing {})
    }

    /// The first page of redemptions.
    pub fn redemptions(&self) -> StdResult<RedemptionsResponse> {
        self.query(&QueryMsg::Redemptions {
            status: None,
            start_after: None,
            limit: Some(MAX_LIMIT),
        })
    }

    /// The contract's owner.
    pub fn ownership(&self) -> StdResult<Ownership<String>> {
        self.query(&QueryMsg::Ownership {})
    }
}
