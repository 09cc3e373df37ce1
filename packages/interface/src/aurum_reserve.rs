//! The AUR gold reserve: custodians attest the gold in custody; AUR is sold for a payment asset
//! only while the supply stays backed; holders redeem AUR for gold, which custodians ship
//! (seed 000 "Aurum (AUR) - backed 1:1 by physical gold reserves", `aurum_gold_backing_ratio`,
//! "AUR gold backing must remain > 100 %"; seed 001 `aurum_supply // Gold-backed 1:1`).
//!
//! Units: gold in integer milligrams (`*_mg`); AUR in base units (6 decimals); `aur_per_gram` in
//! AUR base units per gram (1 AUR per gram = `1_000_000`); `price` in payment-asset base units
//! per AUR base unit; times in seconds since the Unix epoch. The formulas are in
//! `poe_math::aurum`.
//!
//! - **Backing**: `max_supply = floor(available_reserve_mg × aur_per_gram / 1000 /
//!   backing_ratio)`, where `available_reserve_mg` is the latest attested reserve less the gold
//!   owed to pending redemptions and the gold shipped since that attestation.
//! - **Buying** (the only way AUR is minted): a cw20 `Send` of the payment token with
//!   [`ReceiveMsg::Buy`], or [`ExecuteMsg::Buy`] with the native payment denom attached. The buyer
//!   gets `floor(paid / price)` AUR, minted by this contract (AUR's cw20 minter), and the whole
//!   payment goes to the treasury contract's `Deposit`. Refused when the supply after the mint
//!   would exceed `max_supply`, when there is no attestation, or when the latest one is older than
//!   `max_attestation_age_seconds`.
//! - **Redeeming**: a cw20 `Send` of AUR with [`ReceiveMsg::Redeem`]; the contract burns what it
//!   received and records a pending request owed `floor(amount × 1000 / aur_per_gram)` mg, which a
//!   custodian marks fulfilled once the gold is shipped.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Decimal, Decimal256, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_ownable::Action;

pub use crate::treasury::AssetInfo;

/// Most custodians the allow-list may hold.
pub const MAX_CUSTODIANS: u32 = 20;
/// Largest `max_attestation_age_seconds` accepted: one year of 365 days.
pub const MAX_ATTESTATION_AGE_LIMIT: u64 = 365 * 24 * 3600;
/// Largest `backing_ratio` accepted: 10 (1,000 %).
pub const MAX_BACKING_RATIO: Decimal = Decimal::raw(10_000_000_000_000_000_000);
/// Largest `aur_per_gram` accepted (10^18 AUR base units = 10^12 AUR per gram).
pub const MAX_AUR_PER_GRAM: Uint128 = Uint128::new(1_000_000_000_000_000_000);
/// Largest reserve an attestation may state: 10^18 mg (10^9 tonnes, thousands of times all gold
/// ever mined). With [`MAX_AUR_PER_GRAM`] it keeps every reserve value within `Uint128`.
pub const MAX_RESERVE_MG: Uint128 = Uint128::new(1_000_000_000_000_000_000);
/// Longest `delivery_note` of a redemption, bytes.
pub const MAX_NOTE_BYTES: usize = 256;

/// Instantiates the reserve.
#[cw_serde]
pub struct InstantiateMsg {
    /// The owner (governance after bootstrap): keeps the custodian list and the configuration;
    /// default the instantiator.
    pub owner: Option<String>,
    /// The AUR cw20 token. This contract must be (made) its minter; it reads AUR's total supply
    /// with the cw20 `TokenInfo` query. Cannot be changed.
    pub aur_token: String,
    /// What buyers pay with: a cw20 token (e.g. FLX) or a native denom. Not AUR.
    pub payment_asset: AssetInfo,
    /// Payment-asset base units per AUR base unit (with two 6-decimal tokens: payment tokens per
    /// AUR). Positive.
    pub price: Decimal,
    /// The treasury contract (`poe-treasury`): every payment is deposited into it with the memo
    /// `"aur_purchase"`.
    pub treasury: String,
    /// AUR base units per gram of gold, 1..=[`MAX_AUR_PER_GRAM`] (`1_000_000` is seed 000's 1:1:
    /// one AUR per gram).
    pub aur_per_gram: Uint128,
    /// Reserve value / supply the contract keeps, 1..=[`MAX_BACKING_RATIO`] (seed 000
    /// `aurum_gold_backing_ratio`; 1.0 = 100 %).
    pub backing_ratio: Decimal,
    /// Minting halts when the latest attestation's timestamp is older than this, seconds,
    /// 1..=[`MAX_ATTESTATION_AGE_LIMIT`].
    pub max_attestation_age_seconds: u64,
    /// The first custodians (at most [`MAX_CUSTODIANS`], no duplicates).
    pub custodians: Vec<String>,
}

/// The reserve's executes.
#[cw_serde]
pub enum ExecuteMsg {
    /// cw20 hook: `msg` must be a [`ReceiveMsg`]. The payment token may `Buy`; AUR may `Redeem`.
    Receive(Cw20ReceiveMsg),
    /// Buys AUR with the native payment denom attached (only when the payment asset is native):
    /// mints `floor(paid / price)` AUR to `recipient` (default the sender) and deposits the
    /// payment into the treasury.
    Buy {
        /// Who receives the AUR; default the sender.
        recipient: Option<String>,
    },
    /// Custodians only: states that `reserve_mg` milligrams of gold were in custody at
    /// `timestamp`, evidenced by the document whose SHA-256 is `document_hash` (64 hex digits,
    /// each document once). `timestamp` may not be in the future, nor before the previous
    /// attestation's, nor before the last fulfilled redemption (an attestation must reflect every
    /// shipment already recorded). At most [`MAX_RESERVE_MG`].
    Attest {
        /// Gold in custody at `timestamp`, milligrams, at most [`MAX_RESERVE_MG`].
        reserve_mg: Uint128,
        /// SHA-256 of the evidence document, 64 hex digits (stored lower-case).
        document_hash: String,
        /// When the reserve was counted, seconds since the Unix epoch.
        timestamp: u64,
    },
    /// Custodians only: marks a pending redemption fulfilled (the gold shipped), with the SHA-256
    /// of the delivery document. Its gold stays subtracted from the attested reserve until the
    /// next attestation.
    FulfillRedemption {
        /// The pending redemption's id.
        id: u64,
        /// SHA-256 of the delivery document, 64 hex digits (stored lower-case).
        document_hash: String,
    },
    /// Owner only: adds and removes custodians (each address must change: adding a custodian or
    /// removing a non-custodian is refused; at least one change).
    UpdateCustodians {
        /// Addresses to add (none already a custodian); the list stays at most [`MAX_CUSTODIANS`].
        add: Vec<String>,
        /// Custodians to remove.
        remove: Vec<String>,
    },
    /// Owner only: changes the configuration; `None` keeps a value. The resulting configuration is
    /// checked as a whole, as at instantiation (`backing_ratio` below 1 is refused). A new
    /// `aur_per_gram` applies to later redemptions; pending ones keep the gold they were owed.
    UpdateConfig {
        /// New payment asset (a cw20 or a native denom, not AUR).
        payment_asset: Option<AssetInfo>,
        /// New price, payment-asset base units per AUR base unit, positive.
        price: Option<Decimal>,
        /// New treasury contract receiving payments.
        treasury: Option<String>,
        /// New AUR base units per gram of gold, 1..=[`MAX_AUR_PER_GRAM`].
        aur_per_gram: Option<Uint128>,
        /// New required reserve value / supply, 1..=[`MAX_BACKING_RATIO`].
        backing_ratio: Option<Decimal>,
        /// New longest attestation age allowing minting, seconds, 1..=[`MAX_ATTESTATION_AGE_LIMIT`].
        max_attestation_age_seconds: Option<u64>,
    },
    /// cw-ownable two-step ownership transfer.
    UpdateOwnership(Action),
}

/// The `msg` of a cw20 `Send` to the reserve.
#[cw_serde]
pub enum ReceiveMsg {
    /// From the payment token: buys `floor(amount / price)` AUR for `recipient` (default the cw20
    /// sender); the payment is deposited into the treasury.
    Buy {
        /// Who receives the AUR; default the cw20 sender.
        recipient: Option<String>,
    },
    /// From AUR: burns the AUR received and records a pending redemption for the cw20 sender of
    /// `floor(amount × 1000 / aur_per_gram)` mg of gold. `delivery_note` (at most
    /// [`MAX_NOTE_BYTES`]) tells the custodians where to deliver, e.g. an off-chain reference.
    Redeem {
        /// Delivery instructions for the custodians, at most [`MAX_NOTE_BYTES`].
        delivery_note: Option<String>,
    },
}

/// The reserve's queries.
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// The configuration and the custodian count.
    #[returns(ConfigResponse)]
    Config {},
    /// The backing now: attested and available reserve, supply, `max_supply`, the live backing
    /// ratio, the attestation's age and whether (and why) minting is halted.
    #[returns(BackingResponse)]
    Backing {},
    /// Custodians in address order; paginated (default 10, at most 30).
    #[returns(CustodiansResponse)]
    Custodians {
        /// Address of the last custodian of the previous page (exclusive).
        start_after: Option<String>,
        /// Page size, at most 30; default 10.
        limit: Option<u32>,
    },
    /// One attestation (an error when unknown).
    #[returns(AttestationResponse)]
    Attestation {
        /// The attestation's id (1, 2, ...).
        id: u64,
    },
    /// The latest attestation, if any.
    #[returns(LatestAttestationResponse)]
    LatestAttestation {},
    /// Attestations oldest first (ids 1, 2, ...); paginated (default 10, at most 30).
    #[returns(AttestationsResponse)]
    Attestations {
        /// Id of the last attestation of the previous page (exclusive).
        start_after: Option<u64>,
        /// Page size, at most 30; default 10.
        limit: Option<u32>,
    },
    /// One redemption (an error when unknown).
    #[returns(RedemptionResponse)]
    Redemption {
        /// The redemption's id (1, 2, ...).
        id: u64,
    },
    /// Redemptions by id, only those of `status` when given; paginated (default 10, at most 30).
    #[returns(RedemptionsResponse)]
    Redemptions {
        /// Only redemptions of this status; default all.
        status: Option<RedemptionStatus>,
        /// Id of the last redemption of the previous page (exclusive).
        start_after: Option<u64>,
        /// Page size, at most 30; default 10.
        limit: Option<u32>,
    },
    /// The owner and any pending transfer (cw-ownable).
    #[returns(cw_ownable::Ownership<String>)]
    Ownership {},
}

/// The reserve's configuration.
#[cw_serde]
pub struct ConfigResponse {
    /// The AUR cw20 token (minted by this contract).
    pub aur_token: String,
    /// What buyers pay with.
    pub payment_asset: AssetInfo,
    /// Payment-asset base units per AUR base unit.
    pub price: Decimal,
    /// The treasury contract receiving every payment.
    pub treasury: String,
    /// AUR base units per gram.
    pub aur_per_gram: Uint128,
    /// Required reserve value / supply.
    pub backing_ratio: Decimal,
    /// Minting halts when the latest attestation is older than this, seconds.
    pub max_attestation_age_seconds: u64,
    /// Number of custodians.
    pub custodian_count: u32,
}

/// Why minting is halted.
#[cw_serde]
pub enum MintingHalt {
    /// No attestation was ever posted.
    NoAttestation {},
    /// The latest attestation was posted by a custodian the owner has since removed: what a
    /// distrusted custodian stated backs nothing; minting resumes once a listed custodian
    /// attests.
    AttesterRemoved {
        /// The removed custodian.
        custodian: String,
        /// The latest attestation's id.
        attestation_id: u64,
    },
    /// The latest attestation is older than `max_attestation_age_seconds`.
    StaleAttestation {
        /// The attestation's timestamp, seconds.
        attested_at: u64,
        /// Its age now, seconds.
        age_seconds: u64,
        /// The configured `max_attestation_age_seconds`.
        max_age_seconds: u64,
    },
    /// The supply exceeds what the available reserve backs (a falling attestation, or gold owed
    /// to redemptions): minting resumes once an attestation restores the backing.
    UnderBacked {
        /// AUR's total supply, base units.
        supply: Uint128,
        /// What the available reserve backs, AUR base units.
        max_supply: Uint128,
    },
}

/// The backing of the AUR supply now.
#[cw_serde]
pub struct BackingResponse {
    /// The latest attestation's reserve, mg (zero without one).
    pub reserve_mg: Uint128,
    /// Gold owed to pending redemptions, mg.
    pub pending_redemption_mg: Uint128,
    /// Gold of redemptions fulfilled since the latest attestation, mg (the next attestation
    /// reflects it).
    pub shipped_since_attestation_mg: Uint128,
    /// `reserve_mg - pending_redemption_mg - shipped_since_attestation_mg`, or zero when those
    /// exceed the reserve: the gold that backs the supply.
    pub available_reserve_mg: Uint128,
    /// `floor(available_reserve_mg × aur_per_gram / 1000)`, AUR base units.
    pub reserve_value: Uint128,
    /// AUR's total supply (cw20 `TokenInfo`), base units.
    pub supply: Uint128,
    /// `floor(reserve_value / backing_ratio)` exactly (one rounding), AUR base units.
    pub max_supply: Uint128,
    /// `max_supply - supply`, or zero: what may still be minted when minting is not halted.
    pub mintable: Uint128,
    /// Live backing `reserve_value / supply`, rounded down; `None` when the supply is zero.
    pub backing_ratio: Option<Decimal256>,
    /// The configured required ratio.
    pub required_backing_ratio: Decimal,
    /// `supply > max_supply` (live backing below the required ratio).
    pub under_backed: bool,
    /// The latest attestation's timestamp, seconds.
    pub attested_at: Option<u64>,
    /// Now minus `attested_at`, seconds.
    pub attestation_age_seconds: Option<u64>,
    /// The configured longest attestation age, seconds.
    pub max_attestation_age_seconds: u64,
    /// Whether `Buy` is refused now (`halt_reason` says why).
    pub minting_halted: bool,
    /// Why minting is halted (the first that applies, in the order of [`MintingHalt`]).
    pub halt_reason: Option<MintingHalt>,
    /// Every AUR minted by purchases, base units.
    pub total_minted: Uint128,
    /// Every AUR burned by redemptions, base units.
    pub total_redeemed: Uint128,
}

/// A page of custodians.
#[cw_serde]
pub struct CustodiansResponse {
    /// Custodian addresses, in address order.
    pub custodians: Vec<String>,
}

/// A custodian's attestation of the reserve.
#[cw_serde]
pub struct AttestationResponse {
    /// 1, 2, ... in posting order.
    pub id: u64,
    /// The custodian who posted it.
    pub custodian: String,
    /// Gold in custody at `timestamp`, mg.
    pub reserve_mg: Uint128,
    /// SHA-256 of the evidence document, 64 lower-case hex digits.
    pub document_hash: String,
    /// When the reserve was counted (the document's time), seconds.
    pub timestamp: u64,
    /// Block time of posting, seconds.
    pub posted_at: u64,
    /// Block height of posting.
    pub posted_height: u64,
}

/// The latest attestation.
#[cw_serde]
pub struct LatestAttestationResponse {
    /// `None` before the first attestation.
    pub attestation: Option<AttestationResponse>,
}

/// A page of attestations.
#[cw_serde]
pub struct AttestationsResponse {
    /// Attestations by id, oldest first.
    pub attestations: Vec<AttestationResponse>,
}

/// Where a redemption stands.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum RedemptionStatus {
    /// AUR burned, gold owed.
    Pending,
    /// Gold shipped (marked by a custodian).
    Fulfilled,
}

/// A redemption request.
#[cw_serde]
pub struct RedemptionResponse {
    /// 1, 2, ... in request order.
    pub id: u64,
    /// The AUR holder who redeemed (the cw20 sender), to whom the gold is owed.
    pub holder: String,
    /// AUR burned, base units.
    pub amount: Uint128,
    /// Gold owed, mg: `floor(amount × 1000 / aur_per_gram)` at the time of the request.
    pub grams_mg: Uint128,
    /// The holder's delivery instructions, as sent.
    pub delivery_note: Option<String>,
    /// Block time of the request, seconds.
    pub created_at: u64,
    /// Pending or fulfilled.
    pub status: RedemptionStatus,
    /// The custodian who fulfilled it.
    pub fulfilled_by: Option<String>,
    /// Block time of fulfilment, seconds.
    pub fulfilled_at: Option<u64>,
    /// SHA-256 of the delivery document, lower-case hex.
    pub fulfillment_document_hash: Option<String>,
}

/// A page of redemptions.
#[cw_serde]
pub struct RedemptionsResponse {
    /// Redemptions by id.
    pub redemptions: Vec<RedemptionResponse>,
}

/// Migrates the reserve (no parameters).
#[cw_serde]
pub struct MigrateMsg {}
