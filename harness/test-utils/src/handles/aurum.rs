//! The AUR reserve: [`AurumHandle`].

use anyhow::Result as AnyResult;
use cosmwasm_std::{Addr, Coin, StdResult, Uint128};
use cw_multi_test::AppResponse;
use poe_interface::aurum_reserve::{
    AttestationResponse, AttestationsResponse, BackingResponse, ConfigResponse, CustodiansResponse,
    ExecuteMsg, LatestAttestationResponse, QueryMsg, ReceiveMsg, RedemptionResponse,
    RedemptionStatus, RedemptionsResponse,
};
use poe_interface::MAX_LIMIT;

use super::{all_pages, contract_interface, strings, Cw20Handle, Handle};

contract_interface!(
    /// The AUR reserve's interface (`poe_interface::aurum_reserve`).
    AurumReserve: ExecuteMsg, QueryMsg; Ownable
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
        self.buy_for(payment, buyer, amount, None)
    }

    /// `buyer` pays `amount` of the payment token (`payment`) for AUR minted to `recipient`
    /// (default the buyer): a cw20 `Send` with the `Buy` hook.
    pub fn buy_for(
        &self,
        payment: &Cw20Handle,
        buyer: &Addr,
        amount: Uint128,
        recipient: Option<&Addr>,
    ) -> AnyResult<AppResponse> {
        let hook = ReceiveMsg::Buy {
            recipient: recipient.map(Addr::to_string),
        };
        payment.send_hook(buyer, &self.addr, amount, &hook)
    }

    /// `buyer` pays the attached native `funds` for AUR minted to `recipient` (default the
    /// buyer): `Buy`, when the payment asset is a native denom.
    pub fn buy_native(
        &self,
        buyer: &Addr,
        funds: &[Coin],
        recipient: Option<&Addr>,
    ) -> AnyResult<AppResponse> {
        let msg = ExecuteMsg::Buy {
            recipient: recipient.map(Addr::to_string),
        };
        self.execute_with_funds(buyer, &msg, funds)
    }

    /// `holder` sends `amount` of AUR (`aur`) to be burned and redeemed for gold.
    pub fn redeem(
        &self,
        aur: &Cw20Handle,
        holder: &Addr,
        amount: Uint128,
    ) -> AnyResult<AppResponse> {
        self.redeem_with_note(aur, holder, amount, None)
    }

    /// `holder` sends `amount` of AUR (`aur`) to be burned and redeemed for gold, with a
    /// delivery note for the custodians.
    pub fn redeem_with_note(
        &self,
        aur: &Cw20Handle,
        holder: &Addr,
        amount: Uint128,
        delivery_note: Option<&str>,
    ) -> AnyResult<AppResponse> {
        let hook = ReceiveMsg::Redeem {
            delivery_note: delivery_note.map(str::to_string),
        };
        aur.send_hook(holder, &self.addr, amount, &hook)
    }

    /// A custodian marks redemption `id` shipped, with the shipment's document.
    pub fn fulfill_redemption(
        &self,
        custodian: &Addr,
        id: u64,
        document_hash: &str,
    ) -> AnyResult<AppResponse> {
        self.execute(
            custodian,
            &ExecuteMsg::FulfillRedemption {
                id,
                document_hash: document_hash.to_string(),
            },
        )
    }

    /// Owner: adds and removes custodians.
    pub fn update_custodians(
        &self,
        sender: &Addr,
        add: &[&Addr],
        remove: &[&Addr],
    ) -> AnyResult<AppResponse> {
        self.execute(
            sender,
            &ExecuteMsg::UpdateCustodians {
                add: strings(add),
                remove: strings(remove),
            },
        )
    }

    /// The config.
    pub fn config(&self) -> StdResult<ConfigResponse> {
        self.query(&QueryMsg::Config {})
    }

    /// The live backing.
    pub fn backing(&self) -> StdResult<BackingResponse> {
        self.query(&QueryMsg::Backing {})
    }

    /// One page of custodians, by address after `start_after`.
    pub fn custodians(
        &self,
        start_after: Option<String>,
        limit: Option<u32>,
    ) -> StdResult<Vec<String>> {
        let res: CustodiansResponse = self.query(&QueryMsg::Custodians { start_after, limit })?;
        Ok(res.custodians)
    }

    /// Attestation `id`.
    pub fn attestation(&self, id: u64) -> StdResult<AttestationResponse> {
        self.query(&QueryMsg::Attestation { id })
    }

    /// The latest attestation, `None` before the first.
    pub fn latest_attestation(&self) -> StdResult<Option<AttestationResponse>> {
        let res: LatestAttestationResponse = self.query(&QueryMsg::LatestAttestation {})?;
        Ok(res.attestation)
    }

    /// One page of attestations after `start_after`, oldest first.
    pub fn attestations(
        &self,
        start_after: Option<u64>,
        limit: Option<u32>,
    ) -> StdResult<Vec<AttestationResponse>> {
        let res: AttestationsResponse =
            self.query(&QueryMsg::Attestations { start_after, limit })?;
        Ok(res.attestations)
    }

    /// Redemption `id`.
    pub fn redemption(&self, id: u64) -> StdResult<RedemptionResponse> {
        self.query(&QueryMsg::Redemption { id })
    }

    /// The first page of redemptions.
    pub fn redemptions(&self) -> StdResult<RedemptionsResponse> {
        self.redemptions_page(None, None, Some(MAX_LIMIT))
    }

    /// One page of redemptions of `status` (any when `None`) after `start_after`, oldest first.
    pub fn redemptions_page(
        &self,
        status: Option<RedemptionStatus>,
        start_after: Option<u64>,
        limit: Option<u32>,
    ) -> StdResult<RedemptionsResponse> {
        self.query(&QueryMsg::Redemptions {
            status,
            start_after,
            limit,
        })
    }

    /// Every redemption of `status` (any when `None`), all pages, oldest first.
    pub fn all_redemptions(
        &self,
        status: Option<RedemptionStatus>,
    ) -> StdResult<Vec<RedemptionResponse>> {
        all_pages(
            MAX_LIMIT,
            |start_after| {
                Ok(self
                    .redemptions_page(status, start_after, Some(MAX_LIMIT))?
                    .redemptions)
            },
            |r| r.id,
        )
    }
}
