//! Guarantees (seed 003's guarantee tokens): a guarantor locks collateral for a beneficiary's
//! obligation, and the claim on that collateral is a cw20 the beneficiary holds and may sell.
//!
//! # One claim token per guarantee
//! Each guarantee gets its own instance of the suite's token (`poe-token`, symbol `GUAR`, name
//! `GUAR claim #<id>`, 6 decimals), instantiated by this contract when the guarantee opens and
//! minted only by it: `coverage` base units to the beneficiary, one per FLX base unit covered
//! (reason `guarantee_allocation`). The claim token's address *is* the guarantee's identity:
//! [`GuaranteeResponse::claim_token`] names it, [`QueryMsg::GuaranteeByClaimToken`] goes back from
//! it, and the token's marketing `project` reads `guarantee <id> of <this contract>`. A claim can
//! only ever be redeemed against its own guarantee, because the contract learns the guarantee from
//! the token that calls its `Receive` hook; the hook's `guarantee_id` must match (a mismatch is
//! refused), so a client that names the wrong guarantee learns it instead of redeeming.
//!
//! (A single fungible token shared by every guarantee cannot do this: its units carry no
//! guarantee id, so a holder of one guarantee's claims could redeem against another's collateral,
//! and the contract could not burn the claims that sit in holders' wallets at release.)
//!
//! # Life of a guarantee
//! - **Open**: collateral arrives (a cw20 `Send` with [`ReceiveMsg::Open`], or native funds with
//!   [`ExecuteMsg::Open`]); its value at the collateral pair's TWAP over `twap_window_seconds`
//!   (never the spot price; FLX is valued 1:1) times the collateral's `max_ltv` must reach the
//!   coverage. A missing pair or a TWAP window the pair cannot cover refuses the guarantee.
//! - While open: anyone tops up ([`ReceiveMsg::TopUp`] / [`ExecuteMsg::TopUp`]); the guarantor
//!   releases collateral down to `max_ltv` ([`ExecuteMsg::ReleaseCollateral`]); a claim holder
//!   gives claims back ([`ReceiveMsg::Relinquish`]: burned, coverage lowered by as much, the
//!   partial release of the obligation).
//! - **Released**: the arbiter says the obligation is met, or anyone after expiry with no default
//!   ([`ExecuteMsg::Release`]): the claim token is retired (every outstanding claim burned at once)
//!   and all collateral goes back to the guarantor.
//! - **Defaulted**: the arbiter declares a default before expiry ([`ExecuteMsg::DeclareDefault`]).
//!   The collateral set aside for the claims is what covers the coverage at the TWAP then
//!   (`ceil(coverage / price)`, at most all of it; all of it when no TWAP answers); the rest goes
//!   back to the guarantor at once.
//! - **Liquidated**: anyone, while the collateral's TWAP value is below `coverage ×
//!   maintenance_ratio` ([`ExecuteMsg::Liquidate`]): the caller receives `liquidation_fee_bps` of
//!   the collateral, the rest is sold for FLX through the AMM router with a `minimum_receive` of
//!   its TWAP value less `max_slippage_bps`; of the FLX received, `min(received, coverage)` is set
//!   aside for the claims and the rest goes to the guarantor.
//! - After a default or a liquidation, each holder redeems ([`ReceiveMsg::Redeem`]) claims for
//!   `set_aside_remaining × amount / claims_remaining` (floor; the last claim takes the rest),
//!   burning them. Once `redemption_period_seconds` have passed, anyone may
//!   [`ExecuteMsg::Close`] it: the claim token is retired and what no claim took goes back to the
//!   guarantor (**Closed**).
//!
//! Invariants (property-tested): for each asset, the contract's balance is the sum over
//! guarantees of their `collateral` (open) or `set_aside` (defaulted or liquidated, in FLX for a
//! liquidation); each claim token's supply is its guarantee's `claims_outstanding`; no guarantee
//! pays more than its collateral; each claim is paid once; the guarantor receives exactly what no
//! claim took.
//!
//! Transfer burn: a collateral token with a transfer burn delivers `amount - burn`, and that is
//! what is credited; paying out, the receiver gets `amount - burn(amount)`.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, Decimal, Decimal256, Timestamp, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_ownable::Action;

/// The collateral asset type (the AMM's), re-exported for clients.
pub use crate::amm::AssetInfo;

/// Default TWAP window a collateral is valued over, seconds (1 hour).
pub const DEFAULT_TWAP_WINDOW_SECONDS: u64 = 60 * 60;
/// Shortest TWAP window governance may set, seconds (10 minutes).
pub const MIN_TWAP_WINDOW_SECONDS: u64 = 10 * 60;
/// Longest TWAP window governance may set, seconds (24 hours, what a pair's default ring covers).
pub const MAX_TWAP_WINDOW_SECONDS: u64 = 24 * 60 * 60;
/// Default time claim holders have to redeem after a default or liquidation, seconds (30 days).
pub const DEFAULT_REDEMPTION_PERIOD_SECONDS: u64 = 30 * 24 * 60 * 60;
/// Bounds of `redemption_period_seconds`, seconds (1 to 365 days).
pub const REDEMPTION_PERIOD_BOUNDS: (u64, u64) = (24 * 60 * 60, 365 * 24 * 60 * 60);
/// Default liquidation fee, basis points of the collateral (1 %).
pub const DEFAULT_LIQUIDATION_FEE_BPS: u16 = 100;
/// Largest liquidation fee, basis points (5 %).
pub const MAX_LIQUIDATION_FEE_BPS: u16 = 500;
/// Default slippage a liquidation's sale may take below the TWAP value, basis points (5 %).
pub const DEFAULT_MAX_SLIPPAGE_BPS: u16 = 500;
/// Largest `max_slippage_bps` (20 %).
pub const MAX_SLIPPAGE_BPS_LIMIT: u16 = 2_000;
/// Default longest life of a guarantee, seconds (365 days).
pub const DEFAULT_MAX_DURATION_SECONDS: u64 = 365 * 24 * 60 * 60;
/// Upper bound of `max_duration_seconds` (5 years).
pub const MAX_DURATION_SECONDS_LIMIT: u64 = 5 * 365 * 24 * 60 * 60;
/// Most collateral assets governance may list.
pub const MAX_COLLATERALS: u32 = 20;
/// Ticker of every claim token.
pub const CLAIM_SYMBOL: &str = "GUAR";
/// Decimals of every claim token (FLX's).
pub const CLAIM_DECIMALS: u8 = 6;

/// Instantiates the guarantee contract.
#[cw_serde]
pub struct InstantiateMsg {
    /// The owner (lists collaterals, sets the bounds, pauses); default the instantiator,
    /// governance after the hand-over.
    pub owner: Option<String>,
    /// The FLX token: coverage is denominated in it, liquidations sell into it.
    pub flx_token: String,
    /// The AMM router liquidations sell through.
    pub router: String,
    /// Code id of `poe-token`, instantiated once per guarantee as its claim token.
    pub claim_token_code_id: u64,
    /// Seconds of TWAP a collateral is valued over, [`MIN_TWAP_WINDOW_SECONDS`]..=
    /// [`MAX_TWAP_WINDOW_SECONDS`]; default [`DEFAULT_TWAP_WINDOW_SECONDS`].
    pub twap_window_seconds: Option<u64>,
    /// Seconds claim holders have to redeem; default [`DEFAULT_REDEMPTION_PERIOD_SECONDS`].
    pub redemption_period_seconds: Option<u64>,
    /// Liquidator's fee, bps of the collateral, at most [`MAX_LIQUIDATION_FEE_BPS`]; default
    /// [`DEFAULT_LIQUIDATION_FEE_BPS`].
    pub liquidation_fee_bps: Option<u16>,
    /// A liquidation's sale may return this far below the TWAP value, bps, at most
    /// [`MAX_SLIPPAGE_BPS_LIMIT`]; default [`DEFAULT_MAX_SLIPPAGE_BPS`].
    pub max_slippage_bps: Option<u16>,
    /// Longest life of a guarantee, seconds, 1..=[`MAX_DURATION_SECONDS_LIMIT`]; default
    /// [`DEFAULT_MAX_DURATION_SECONDS`].
    pub max_duration_seconds: Option<u64>,
}

/// How a collateral asset is valued and when it is liquidated (as Mars's `max_loan_to_value`
/// and `liquidation_threshold`), set by the owner.
#[cw_serde]
pub struct CollateralParams {
    /// Haircut: coverage may be at most `max_ltv ×` the collateral's TWAP value; in `(0, 1]`.
    pub max_ltv: Decimal,
    /// Liquidatable while the TWAP value is below `coverage × maintenance_ratio`; at least 1 and
    /// below `1 / max_ltv`, so a guarantee is never liquidatable when it opens.
    pub maintenance_ratio: Decimal,
    /// The AMM pair of this asset and FLX whose TWAP values it; `None` only for FLX itself
    /// (valued 1:1, never liquidated).
    pub pair: Option<String>,
}

/// The guarantee contract's executes.
#[cw_serde]
pub enum ExecuteMsg {
    /// cw20 hook: `msg` must be a [`ReceiveMsg`].
    Receive(Cw20ReceiveMsg),
    /// Opens a guarantee with the attached native funds (exactly one coin of a listed denom) as
    /// collateral; the sender is the guarantor.
    Open(OpenMsg),
    /// Anyone: adds the attached native funds (the guarantee's denom) to an open guarantee.
    TopUp {
        /// The guarantee.
        guarantee_id: u64,
    },
    /// The guarantor: takes `amount` of collateral back from an open guarantee, keeping
    /// `coverage <= max_ltv × TWAP value` of what stays (any amount for FLX collateral while
    /// `coverage <= max_ltv × rest`).
    ReleaseCollateral {
        /// The guarantee.
        guarantee_id: u64,
        /// Base units of the collateral, above 0.
        amount: Uint128,
    },
    /// The arbiter at any time, or anyone at or after `expires_at`, while the guarantee is open:
    /// the obligation is met. Retires the claim token and returns all collateral.
    Release {
        /// The guarantee.
        guarantee_id: u64,
    },
    /// The arbiter, before `expires_at`, while open: the obligation is not met. Sets aside the
    /// collateral the claims redeem (see the module docs) and returns the rest.
    DeclareDefault {
        /// The guarantee.
        guarantee_id: u64,
    },
    /// Anyone, while an open guarantee's collateral TWAP value is below `coverage ×
    /// maintenance_ratio`: sells the collateral for FLX for the claim holders (module docs).
    Liquidate {
        /// The guarantee.
        guarantee_id: u64,
    },
    /// Anyone, `redemption_period_seconds` after a default or liquidation: retires the claim
    /// token and returns what no claim took to the guarantor.
    Close {
        /// The guarantee.
        guarantee_id: u64,
    },
    /// Owner: lists `asset` as collateral with `params`, replacing its parameters (guarantees
    /// already open keep theirs), or delists it with `None` (open guarantees are unaffected).
    UpdateCollateral {
        /// The asset.
        asset: AssetInfo,
        /// The new parameters; `None` delists.
        params: Option<CollateralParams>,
    },
    /// Owner: changes the bounds; `None` keeps a value.
    UpdateConfig {
        /// TWAP window, seconds.
        twap_window_seconds: Option<u64>,
        /// Redemption period, seconds (guarantees already defaulted keep theirs).
        redemption_period_seconds: Option<u64>,
        /// Liquidation fee, bps.
        liquidation_fee_bps: Option<u16>,
        /// Liquidation slippage bound, bps.
        max_slippage_bps: Option<u16>,
        /// Longest life of new guarantees, seconds.
        max_duration_seconds: Option<u64>,
        /// The router liquidations sell through.
        router: Option<String>,
    },
    /// Owner: stops `Open`, `TopUp` and `Liquidate` until `until`, or until `Unpause` when
    /// `None` (releases, defaults, redemptions and closes go on). Same JSON as
    /// `poe_interface::pause::PausableExecuteMsg::Pause`.
    Pause {
        /// The pause's end; `None` (or absent): until `Unpause`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        until: Option<Timestamp>,
    },
    /// Owner: lifts a running pause. Same JSON as `PausableExecuteMsg::Unpause`.
    Unpause {},
    /// cw-ownable two-step ownership transfer.
    UpdateOwnership(Action),
}

/// What opening a guarantee says (the collateral is what arrives with it).
#[cw_serde]
pub struct OpenMsg {
    /// Who receives the claim tokens.
    pub beneficiary: String,
    /// FLX base units covered, above 0: the claim tokens minted.
    pub coverage: Uint128,
    /// Block time the guarantee ends at without a default: after now, at most
    /// `max_duration_seconds` from now.
    pub expires_at: Timestamp,
    /// The only address that may declare a default or release early: an arbiter, or a contract
    /// such as a task auction.
    pub arbiter: String,
}

/// The `msg` of a cw20 `Send` to the guarantee contract.
#[cw_serde]
pub enum ReceiveMsg {
    /// With a listed cw20 collateral: opens a guarantee, the sender of the tokens is the
    /// guarantor.
    Open(OpenMsg),
    /// With the guarantee's collateral token: adds it to the open guarantee.
    TopUp {
        /// The guarantee.
        guarantee_id: u64,
    },
    /// With the guarantee's claim token, after a default or liquidation: burns the claims and
    /// pays their share of what was set aside.
    Redeem {
        /// The guarantee (must be the claim token's).
        guarantee_id: u64,
    },
    /// With the guarantee's claim token, while it is open: burns the claims and lowers the
    /// coverage by as much (the holder releases that part of the obligation).
    Relinquish {
        /// The guarantee (must be the claim token's).
        guarantee_id: u64,
    },
}

/// The guarantee contract's queries.
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// Addresses, bounds and the running pause.
    #[returns(ConfigResponse)]
    Config {},
    /// One collateral asset's parameters.
    #[returns(CollateralResponse)]
    Collateral {
        /// The asset.
        asset: AssetInfo,
    },
    /// Every listed collateral.
    #[returns(CollateralsResponse)]
    Collaterals {},
    /// One guarantee.
    #[returns(GuaranteeResponse)]
    Guarantee {
        /// The guarantee.
        guarantee_id: u64,
    },
    /// The guarantee whose claim token is `claim_token`.
    #[returns(GuaranteeResponse)]
    GuaranteeByClaimToken {
        /// A claim token's address.
        claim_token: String,
    },
    /// Guarantees by id after `start_after`; page size 1..=30, default 10.
    #[returns(GuaranteesResponse)]
    Guarantees {
        /// The last id of the previous page (exclusive).
        start_after: Option<u64>,
        /// Page size, 1..=30; default 10.
        limit: Option<u32>,
    },
    /// A guarantor's guarantees by id after `start_after`; page size 1..=30, default 10.
    #[returns(GuaranteesResponse)]
    GuaranteesByGuarantor {
        /// The guarantor.
        guarantor: String,
        /// The last id of the previous page (exclusive).
        start_after: Option<u64>,
        /// Page size, 1..=30; default 10.
        limit: Option<u32>,
    },
    /// A beneficiary's guarantees (the address the claims were minted to) by id after
    /// `start_after`; page size 1..=30, default 10.
    #[returns(GuaranteesResponse)]
    GuaranteesByBeneficiary {
        /// The beneficiary.
        beneficiary: String,
        /// The last id of the previous page (exclusive).
        start_after: Option<u64>,
        /// Page size, 1..=30; default 10.
        limit: Option<u32>,
    },
    /// An open guarantee's collateral valued at the TWAP now, with the window used.
    #[returns(CollateralValueResponse)]
    CollateralValue {
        /// The guarantee.
        guarantee_id: u64,
    },
    /// An open guarantee's health: TWAP value over coverage, against its maintenance ratio.
    #[returns(HealthResponse)]
    Health {
        /// The guarantee.
        guarantee_id: u64,
    },
    /// A guarantee's claims: the token, the claims outstanding (its supply) and what they
    /// redeem now.
    #[returns(ClaimsResponse)]
    Claims {
        /// The guarantee.
        guarantee_id: u64,
    },
    /// Totals over every guarantee, per asset: what the invariants are checked against.
    #[returns(TotalsResponse)]
    Totals {},
    /// The running pause, as every pausable contract answers it.
    #[returns(crate::pause::PauseStatusResponse)]
    PauseStatus {},
    /// The owner and any pending transfer (cw-ownable).
    #[returns(cw_ownable::Ownership<String>)]
    Ownership {},
}

/// The configuration.
#[cw_serde]
pub struct ConfigResponse {
    /// FLX, the coverage's denomination.
    pub flx_token: Addr,
    /// The router liquidations sell through.
    pub router: Addr,
    /// Code id of the claim tokens.
    pub claim_token_code_id: u64,
    /// TWAP window, seconds.
    pub twap_window_seconds: u64,
    /// Redemption period, seconds.
    pub redemption_period_seconds: u64,
    /// Liquidation fee, bps of the collateral.
    pub liquidation_fee_bps: u16,
    /// Liquidation slippage bound, bps.
    pub max_slippage_bps: u16,
    /// Longest life of a guarantee, seconds.
    pub max_duration_seconds: u64,
    /// Guarantees opened so far (ids run 1..=this).
    pub guarantee_count: u64,
    /// The end of the running pause, if one runs.
    pub paused_until: Option<Timestamp>,
}

/// A listed collateral.
#[cw_serde]
pub struct CollateralResponse {
    /// The asset.
    pub asset: AssetInfo,
    /// Its haircut.
    pub max_ltv: Decimal,
    /// Its liquidation ratio.
    pub maintenance_ratio: Decimal,
    /// Its FLX pair (`None` for FLX).
    pub pair: Option<Addr>,
}

/// Every listed collateral.
#[cw_serde]
pub struct CollateralsResponse {
    /// The collaterals, by asset.
    pub collaterals: Vec<CollateralResponse>,
}

/// Where a guarantee is in its life.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum GuaranteeStatus {
    /// Collateral locked, claims outstanding.
    Open,
    /// Obligation met or expired: claims burned, collateral returned.
    Released,
    /// Default declared: claims redeem the set-aside collateral.
    Defaulted,
    /// Liquidated: claims redeem the set-aside FLX.
    Liquidated,
    /// Redemption period over: the rest returned, claims burned.
    Closed,
}

impl std::fmt::Display for GuaranteeStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            GuaranteeStatus::Open => "open",
            GuaranteeStatus::Released => "released",
            GuaranteeStatus::Defaulted => "defaulted",
            GuaranteeStatus::Liquidated => "liquidated",
            GuaranteeStatus::Closed => "closed",
        })
    }
}

/// One guarantee.
#[cw_serde]
pub struct GuaranteeResponse {
    /// Its id.
    pub id: u64,
    /// Who locked the collateral and gets back what no claim takes.
    pub guarantor: Addr,
    /// Who the claims were minted to.
    pub beneficiary: Addr,
    /// Who may declare a default or release early.
    pub arbiter: Addr,
    /// The claim token (this guarantee's instance of `GUAR`).
    pub claim_token: Addr,
    /// The collateral asset.
    pub collateral_asset: AssetInfo,
    /// Collateral locked while open, base units (0 once released, defaulted or liquidated).
    pub collateral: Uint128,
    /// FLX base units covered now (lowered by relinquished claims).
    pub coverage: Uint128,
    /// Claims outstanding: the claim token's supply.
    pub claims_outstanding: Uint128,
    /// The haircut it opened with.
    pub max_ltv: Decimal,
    /// The liquidation ratio it opened with.
    pub maintenance_ratio: Decimal,
    /// The FLX pair it is valued by (`None`: FLX collateral).
    pub pair: Option<Addr>,
    /// Block time it opened at.
    pub opened_at: Timestamp,
    /// Block time it ends at without a default.
    pub expires_at: Timestamp,
    /// Where it is in its life.
    pub status: GuaranteeStatus,
    /// After a default or liquidation: the asset the claims redeem (the collateral, or FLX).
    pub set_aside_asset: Option<AssetInfo>,
    /// After a default or liquidation: base units set aside for the claims when it happened.
    pub set_aside: Uint128,
    /// Of `set_aside`, what is still to be redeemed.
    pub set_aside_remaining: Uint128,
    /// Claims outstanding when the default or liquidation happened.
    pub claims_at_default: Uint128,
    /// Everything returned to the guarantor so far, base units of the collateral asset
    /// (FLX for a liquidation's surplus and a close after a liquidation are in
    /// `returned_flx`).
    pub returned: Uint128,
    /// FLX returned to the guarantor after a liquidation.
    pub returned_flx: Uint128,
    /// Block time the default or liquidation happened at.
    pub defaulted_at: Option<Timestamp>,
    /// Block time from which anyone may [`ExecuteMsg::Close`] it: `defaulted_at` plus the
    /// redemption period in force then. Claims redeem until it is closed.
    pub closable_at: Option<Timestamp>,
    /// Block time it was released or closed at.
    pub closed_at: Option<Timestamp>,
}

/// A page of guarantees.
#[cw_serde]
pub struct GuaranteesResponse {
    /// The guarantees, by id.
    pub guarantees: Vec<GuaranteeResponse>,
}

/// A collateral's value at the TWAP.
#[cw_serde]
pub struct CollateralValueResponse {
    /// The guarantee.
    pub guarantee_id: u64,
    /// Collateral, base units.
    pub collateral: Uint128,
    /// FLX base units per collateral base unit (1 for FLX).
    pub price: Decimal256,
    /// `floor(collateral × price)`, FLX base units.
    pub value: Uint128,
    /// The window asked, seconds (0 for FLX).
    pub window_seconds: u64,
    /// Where the pair's average started, seconds (`end - start >= window_seconds`).
    pub start: u64,
    /// Where it ended (now), seconds.
    pub end: u64,
}

/// An open guarantee's health.
#[cw_serde]
pub struct HealthResponse {
    /// The guarantee.
    pub guarantee_id: u64,
    /// The collateral's TWAP value, FLX base units.
    pub value: Uint128,
    /// FLX base units covered.
    pub coverage: Uint128,
    /// `value / coverage` (`None` when nothing is covered).
    pub health_ratio: Option<Decimal>,
    /// The ratio below which it is liquidatable.
    pub maintenance_ratio: Decimal,
    /// Whether [`ExecuteMsg::Liquidate`] would be accepted now.
    pub liquidatable: bool,
}

/// A guarantee's claims.
#[cw_serde]
pub struct ClaimsResponse {
    /// The guarantee.
    pub guarantee_id: u64,
    /// Its claim token.
    pub claim_token: Addr,
    /// Claims outstanding (the token's supply).
    pub outstanding: Uint128,
    /// Whether they redeem now (defaulted or liquidated, not closed).
    pub redeemable: bool,
    /// What redeems them: the set-aside asset (`None` while open).
    pub asset: Option<AssetInfo>,
    /// What they redeem in all, base units of `asset`.
    pub redeemable_amount: Uint128,
    /// After a default or liquidation: the block time until which they are sure to redeem
    /// (the guarantee's `closable_at`; they go on redeeming until someone closes it).
    pub redeemable_until: Option<Timestamp>,
}

/// Totals per asset over every guarantee.
#[cw_serde]
pub struct TotalsResponse {
    /// Per asset: what the contract holds for the guarantees (open collateral plus set-aside).
    pub held: Vec<AssetTotal>,
    /// Claims outstanding over every guarantee (the sum of the claim tokens' supplies).
    pub claims_outstanding: Uint128,
    /// Guarantees open now.
    pub open_guarantees: u64,
}

/// One asset's total.
#[cw_serde]
pub struct AssetTotal {
    /// The asset.
    pub asset: AssetInfo,
    /// Base units held.
    pub amount: Uint128,
}

/// The migrate message (no parameters).
#[cw_serde]
pub struct MigrateMsg {}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::to_json_string;

    #[test]
    fn messages_have_the_agreed_json() {
        assert_eq!(
            to_json_string(&ReceiveMsg::Redeem { guarantee_id: 3 }).unwrap(),
            r#"{"redeem":{"guarantee_id":3}}"#
        );
        assert_eq!(
            to_json_string(&ExecuteMsg::Pause { until: None }).unwrap(),
            to_json_string(&crate::pause::PausableExecuteMsg::Pause { until: None }).unwrap()
        );
        assert_eq!(GuaranteeStatus::Liquidated.to_string(), "liquidated");
    }
}
