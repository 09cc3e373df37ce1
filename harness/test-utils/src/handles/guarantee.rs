//! The guarantee contract: [`GuaranteeHandle`] (`Handle<Guarantee>`).

use anyhow::Result as AnyResult;
use cosmwasm_std::{Addr, Coin, StdResult, Timestamp, Uint128};
use cw_multi_test::AppResponse;
use poe_interface::guarantee::{
    AssetInfo, ClaimsResponse, CollateralParams, CollateralResponse, CollateralValueResponse,
    CollateralsResponse, ConfigResponse, ExecuteMsg, GuaranteeResponse, GuaranteesResponse,
    HealthResponse, OpenMsg, QueryMsg, ReceiveMsg, TotalsResponse,
};
use poe_interface::MAX_LIMIT;

use super::{all_pages, contract_interface, Cw20Handle, Handle};

contract_interface!(
    /// The guarantee contract's interface (`poe_interface::guarantee`).
    Guarantee: ExecuteMsg, QueryMsg; Ownable; Pausable
);

/// The guarantee contract.
pub type GuaranteeHandle = Handle<Guarantee>;

/// The bounds of an `UpdateConfig`: `None` keeps a value (`Default` changes nothing).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GuaranteeConfigUpdate {
    /// TWAP window, seconds.
    pub twap_window_seconds: Option<u64>,
    /// Redemption period, seconds.
    pub redemption_period_seconds: Option<u64>,
    /// Liquidation fee, bps of the collateral.
    pub liquidation_fee_bps: Option<u16>,
    /// Liquidation slippage bound, bps.
    pub max_slippage_bps: Option<u16>,
    /// Longest life of new guarantees, seconds.
    pub max_duration_seconds: Option<u64>,
    /// The router liquidations sell through.
    pub router: Option<String>,
}

impl Handle<Guarantee> {
    /// The guarantor sends `amount` of the cw20 `collateral` (a listed one) to open a guarantee
    /// described by `open` (cw20 `Send` with [`ReceiveMsg::Open`]).
    pub fn open(
        &self,
        collateral: &Cw20Handle,
        guarantor: &Addr,
        amount: Uint128,
        open: OpenMsg,
    ) -> AnyResult<AppResponse> {
        collateral.send_hook(guarantor, &self.addr, amount, &ReceiveMsg::Open(open))
    }

    /// The guarantor opens a guarantee with `funds` (exactly one coin of a listed denom, else
    /// refused) as collateral ([`ExecuteMsg::Open`]).
    pub fn open_native(
        &self,
        guarantor: &Addr,
        funds: &[Coin],
        open: OpenMsg,
    ) -> AnyResult<AppResponse> {
        self.execute_with_funds(guarantor, &ExecuteMsg::Open(open), funds)
    }

    /// `sender` adds `amount` of the cw20 `collateral` to guarantee `guarantee_id` (cw20 `Send`
    /// with [`ReceiveMsg::TopUp`]).
    pub fn top_up(
        &self,
        collateral: &Cw20Handle,
        sender: &Addr,
        guarantee_id: u64,
        amount: Uint128,
    ) -> AnyResult<AppResponse> {
        collateral.send_hook(
            sender,
            &self.addr,
            amount,
            &ReceiveMsg::TopUp { guarantee_id },
        )
    }

    /// `sender` adds `funds` (the guarantee's denom) to guarantee `guarantee_id`.
    pub fn top_up_native(
        &self,
        sender: &Addr,
        guarantee_id: u64,
        funds: &[Coin],
    ) -> AnyResult<AppResponse> {
        self.execute_with_funds(sender, &ExecuteMsg::TopUp { guarantee_id }, funds)
    }

    /// The guarantor takes `amount` of collateral back, keeping the coverage within `max_ltv`.
    pub fn release_collateral(
        &self,
        guarantor: &Addr,
        guarantee_id: u64,
        amount: Uint128,
    ) -> AnyResult<AppResponse> {
        self.execute(
            guarantor,
            &ExecuteMsg::ReleaseCollateral {
                guarantee_id,
                amount,
            },
        )
    }

    /// The arbiter (any time) or anyone (at or after the expiry) releases an open guarantee.
    pub fn release(&self, sender: &Addr, guarantee_id: u64) -> AnyResult<AppResponse> {
        self.execute(sender, &ExecuteMsg::Release { guarantee_id })
    }

    /// The arbiter, before the expiry, declares a default.
    pub fn declare_default(&self, arbiter: &Addr, guarantee_id: u64) -> AnyResult<AppResponse> {
        self.execute(arbiter, &ExecuteMsg::DeclareDefault { guarantee_id })
    }

    /// Anyone liquidates an under-collateralized guarantee.
    pub fn liquidate(&self, sender: &Addr, guarantee_id: u64) -> AnyResult<AppResponse> {
        self.execute(sender, &ExecuteMsg::Liquidate { guarantee_id })
    }

    /// Anyone, after the redemption period, closes a defaulted or liquidated guarantee.
    pub fn close(&self, sender: &Addr, guarantee_id: u64) -> AnyResult<AppResponse> {
        self.execute(sender, &ExecuteMsg::Close { guarantee_id })
    }

    /// `holder` sends `amount` claims of `claim_token` to redeem them against `guarantee_id`
    /// (cw20 `Send` with [`ReceiveMsg::Redeem`]).
    pub fn redeem(
        &self,
        claim_token: &Cw20Handle,
        holder: &Addr,
        guarantee_id: u64,
        amount: Uint128,
    ) -> AnyResult<AppResponse> {
        claim_token.send_hook(
            holder,
            &self.addr,
            amount,
            &ReceiveMsg::Redeem { guarantee_id },
        )
    }

    /// `holder` gives `amount` claims of `claim_token` back while `guarantee_id` is open (cw20
    /// `Send` with [`ReceiveMsg::Relinquish`]).
    pub fn relinquish(
        &self,
        claim_token: &Cw20Handle,
        holder: &Addr,
        guarantee_id: u64,
        amount: Uint128,
    ) -> AnyResult<AppResponse> {
        claim_token.send_hook(
            holder,
            &self.addr,
            amount,
            &ReceiveMsg::Relinquish { guarantee_id },
        )
    }

    /// Owner: lists `asset` with `params`, or delists it with `None`.
    pub fn update_collateral(
        &self,
        sender: &Addr,
        asset: AssetInfo,
        params: Option<CollateralParams>,
    ) -> AnyResult<AppResponse> {
        self.execute(sender, &ExecuteMsg::UpdateCollateral { asset, params })
    }

    /// Owner: changes the bounds (`None` keeps a value).
    pub fn update_config(
        &self,
        sender: &Addr,
        update: GuaranteeConfigUpdate,
    ) -> AnyResult<AppResponse> {
        let GuaranteeConfigUpdate {
            twap_window_seconds,
            redemption_period_seconds,
            liquidation_fee_bps,
            max_slippage_bps,
            max_duration_seconds,
            router,
        } = update;
        self.execute(
            sender,
            &ExecuteMsg::UpdateConfig {
                twap_window_seconds,
                redemption_period_seconds,
                liquidation_fee_bps,
                max_slippage_bps,
                max_duration_seconds,
                router,
            },
        )
    }

    /// Addresses, bounds and the running pause.
    pub fn config(&self) -> StdResult<ConfigResponse> {
        self.query(&QueryMsg::Config {})
    }

    /// One listed collateral.
    pub fn collateral(&self, asset: AssetInfo) -> StdResult<CollateralResponse> {
        self.query(&QueryMsg::Collateral { asset })
    }

    /// Every listed collateral.
    pub fn collaterals(&self) -> StdResult<Vec<CollateralResponse>> {
        let res: CollateralsResponse = self.query(&QueryMsg::Collaterals {})?;
        Ok(res.collaterals)
    }

    /// One guarantee.
    pub fn guarantee(&self, guarantee_id: u64) -> StdResult<GuaranteeResponse> {
        self.query(&QueryMsg::Guarantee { guarantee_id })
    }

    /// The guarantee whose claim token is `claim_token`.
    pub fn guarantee_by_claim_token(&self, claim_token: &Addr) -> StdResult<GuaranteeResponse> {
        self.query(&QueryMsg::GuaranteeByClaimToken {
            claim_token: claim_token.to_string(),
        })
    }

    /// One page of guarantees by id.
    pub fn guarantees(
        &self,
        start_after: Option<u64>,
        limit: Option<u32>,
    ) -> StdResult<Vec<GuaranteeResponse>> {
        let res: GuaranteesResponse = self.query(&QueryMsg::Guarantees { start_after, limit })?;
        Ok(res.guarantees)
    }

    /// Every guarantee (all pages).
    pub fn all_guarantees(&self) -> StdResult<Vec<GuaranteeResponse>> {
        all_pages(
            MAX_LIMIT,
            |start_after| self.guarantees(start_after, Some(MAX_LIMIT)),
            |g| g.id,
        )
    }

    /// One page of `guarantor`'s guarantees by id.
    pub fn guarantees_by_guarantor(
        &self,
        guarantor: &Addr,
        start_after: Option<u64>,
        limit: Option<u32>,
    ) -> StdResult<Vec<GuaranteeResponse>> {
        let res: GuaranteesResponse = self.query(&QueryMsg::GuaranteesByGuarantor {
            guarantor: guarantor.to_string(),
            start_after,
            limit,
        })?;
        Ok(res.guarantees)
    }

    /// One page of `beneficiary`'s guarantees by id.
    pub fn guarantees_by_beneficiary(
        &self,
        beneficiary: &Addr,
        start_after: Option<u64>,
        limit: Option<u32>,
    ) -> StdResult<Vec<GuaranteeResponse>> {
        let res: GuaranteesResponse = self.query(&QueryMsg::GuaranteesByBeneficiary {
            beneficiary: beneficiary.to_string(),
            start_after,
            limit,
        })?;
        Ok(res.guarantees)
    }

    /// An open guarantee's collateral at the TWAP now, with the window used.
    pub fn collateral_value(&self, guarantee_id: u64) -> StdResult<CollateralValueResponse> {
        self.query(&QueryMsg::CollateralValue { guarantee_id })
    }

    /// An open guarantee's health now.
    pub fn health(&self, guarantee_id: u64) -> StdResult<HealthResponse> {
        self.query(&QueryMsg::Health { guarantee_id })
    }

    /// A guarantee's claims and what they redeem now.
    pub fn claims(&self, guarantee_id: u64) -> StdResult<ClaimsResponse> {
        self.query(&QueryMsg::Claims { guarantee_id })
    }

    /// Totals per asset over every guarantee.
    pub fn totals(&self) -> StdResult<TotalsResponse> {
        self.query(&QueryMsg::Totals {})
    }
}

/// The open message of a guarantee for `beneficiary` covering `coverage` FLX base units until
/// `expires_at`, with `arbiter` deciding.
pub fn open_msg(
    beneficiary: &Addr,
    coverage: Uint128,
    expires_at: Timestamp,
    arbiter: &Addr,
) -> OpenMsg {
    OpenMsg {
        beneficiary: beneficiary.to_string(),
        coverage,
        expires_at,
        arbiter: arbiter.to_string(),
    }
}
