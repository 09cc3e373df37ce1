//! Typed handle of the AUR reserve.

use anyhow::Result as AnyResult;
use cosmwasm_std::{to_json_binary, Addr, StdResult, Uint128};
use cw_multi_test::{AppResponse, Executor};
use cw_ownable::Ownership;
use poe_interface::aurum_reserve::{
    BackingResponse, ConfigResponse, ExecuteMsg, QueryMsg, ReceiveMsg, RedemptionsResponse,
};
use poe_interface::token::ExecuteMsg as TokenExecuteMsg;

use crate::{SharedApp, TokenHandle};

/// The deployed AUR reserve (AUR's only minter). Cheap to clone.
#[derive(Clone)]
pub struct AurumHandle {
    app: SharedApp,
    /// The reserve contract.
    pub addr: Addr,
}

impl AurumHandle {
    pub(crate) fn new(app: SharedApp, addr: Addr) -> Self {
        AurumHandle { app, addr }
    }

    /// Executes any reserve message as `sender`.
    pub fn execute(&self, sender: &Addr, msg: &ExecuteMsg) -> AnyResult<AppResponse> {
        self.app
            .borrow_mut()
            .execute_contract(sender.clone(), self.addr.clone(), msg, &[])
    }

    /// Runs any reserve query.
    pub fn query<T: serde::de::DeserializeOwned>(&self, msg: &QueryMsg) -> StdResult<T> {
        self.app
            .borrow()
            .wrap()
            .query_wasm_smart(self.addr.clone(), msg)
    }

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
        payment: &TokenHandle,
        buyer: &Addr,
        amount: Uint128,
    ) -> AnyResult<AppResponse> {
        payment.execute(
            buyer,
            &TokenExecuteMsg::Send {
                contract: self.addr.to_string(),
                amount,
                msg: to_json_binary(&ReceiveMsg::Buy { recipient: None })?,
            },
        )
    }

    /// `holder` sends `amount` of AUR (`aur`) to be burned and redeemed for gold.
    pub fn redeem(
        &self,
        aur: &TokenHandle,
        holder: &Addr,
        amount: Uint128,
    ) -> AnyResult<AppResponse> {
        aur.execute(
            holder,
            &TokenExecuteMsg::Send {
                contract: self.addr.to_string(),
                amount,
                msg: to_json_binary(&ReceiveMsg::Redeem {
                    delivery_note: None,
                })?,
            },
        )
    }

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
            limit: Some(poe_interface::MAX_LIMIT),
        })
    }

    pub fn ownership(&self) -> StdResult<Ownership<String>> {
        self.query(&QueryMsg::Ownership {})
    }
}
