//! The guarantee contract's errors.

use cosmwasm_std::{Addr, OverflowError, StdError, Timestamp, Uint128};
use cw_utils::ParseReplyError;
use poe_controllers::PauseError;
use poe_math::MathError;
use thiserror::Error;

use crate::msg::{AssetInfo, GuaranteeStatus};

/// Every error the guarantee contract returns.
#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    /// Storage, serialization (a malformed hook `msg`), address and query errors.
    #[error(transparent)]
    Std(#[from] StdError),

    /// A total pushed past `Uint128::MAX` or below zero.
    #[error(transparent)]
    Overflow(#[from] OverflowError),

    /// A valuation or redemption that does not compute.
    #[error(transparent)]
    Math(#[from] MathError),

    /// Not the owner, no owner (renounced), or a failed ownership transfer step.
    #[error(transparent)]
    Ownership(#[from] cw_ownable::OwnershipError),

    /// Native funds where none are taken, or not exactly one coin where one is.
    #[error(transparent)]
    Payment(#[from] cw_utils::PaymentError),

    /// The pause refuses the operation, or a refused `Pause`/`Unpause`.
    #[error(transparent)]
    Pause(#[from] PauseError),

    /// A claim token's instantiation reply that does not parse.
    #[error(transparent)]
    ParseReply(#[from] ParseReplyError),

    /// A reply of an id this contract never sends.
    #[error("unexpected reply id {id}")]
    UnexpectedReply {
        /// The id.
        id: u64,
    },

    /// A bound of the configuration out of its range.
    #[error("invalid {field}: {value} is not within {min}..={max}")]
    InvalidBound {
        /// The field.
        field: String,
        /// The value given.
        value: u64,
        /// Its smallest value.
        min: u64,
        /// Its largest value.
        max: u64,
    },

    /// Collateral parameters that break a rule.
    #[error("invalid collateral parameters for {asset}: {reason}")]
    InvalidCollateralParams {
        /// The asset.
        asset: AssetInfo,
        /// The rule broken.
        reason: String,
    },

    /// `UpdateCollateral` listing a new asset beyond `MAX_COLLATERALS`.
    #[error("too many collaterals: at most {max}")]
    TooManyCollaterals {
        /// `MAX_COLLATERALS`.
        max: u32,
    },

    /// An asset that is not listed as collateral.
    #[error("{asset} is not a listed collateral")]
    CollateralNotListed {
        /// The asset offered.
        asset: AssetInfo,
    },

    /// A pair that does not trade the collateral against FLX.
    #[error("pair {pair} does not trade {asset} against FLX")]
    PairMismatch {
        /// The pair.
        pair: Addr,
        /// The collateral asset.
        asset: AssetInfo,
    },

    /// The collateral's pair cannot answer a TWAP over the window (no pair, too few
    /// observations, a window reaching before its ring).
    #[error("no TWAP of {window_seconds} s from pair {pair}: {reason}")]
    TwapUnavailable {
        /// The pair asked.
        pair: Addr,
        /// The window asked, seconds.
        window_seconds: u64,
        /// The pair's answer.
        reason: String,
    },

    /// An amount of zero.
    #[error("invalid zero {what}")]
    ZeroAmount {
        /// What was zero (`collateral`, `coverage`, `amount`).
        what: String,
    },

    /// An `expires_at` not after now or beyond `max_duration_seconds` from now.
    #[error("invalid expiry {expires_at}: must be after {now} and at most {latest}")]
    InvalidExpiry {
        /// The expiry given.
        expires_at: Timestamp,
        /// The block time.
        now: Timestamp,
        /// The latest expiry accepted.
        latest: Timestamp,
    },

    /// A coverage above `max_ltv ×` the collateral's TWAP value.
    #[error("coverage {coverage} above the {max_coverage} the collateral supports at its TWAP value {value}")]
    CoverageAboveLtv {
        /// The coverage asked or kept.
        coverage: Uint128,
        /// `floor(value × max_ltv)`.
        max_coverage: Uint128,
        /// The collateral's TWAP value, FLX base units.
        value: Uint128,
    },

    /// No guarantee of that id.
    #[error("no guarantee {guarantee_id}")]
    GuaranteeNotFound {
        /// The id given.
        guarantee_id: u64,
    },

    /// A claim hook from a token that is no guarantee's claim token.
    #[error("{token} is not a claim token of this contract")]
    NotClaimToken {
        /// The calling token.
        token: Addr,
    },

    /// A claim token of one guarantee naming another.
    #[error(
        "claim token {claim_token} belongs to guarantee {claim_guarantee_id}, not {guarantee_id}"
    )]
    ClaimTokenMismatch {
        /// The guarantee named in the hook.
        guarantee_id: u64,
        /// The calling claim token.
        claim_token: Addr,
        /// The guarantee it belongs to.
        claim_guarantee_id: u64,
    },

    /// Collateral of another asset than the guarantee's.
    #[error("wrong asset: expected {expected}, received {received}")]
    WrongAsset {
        /// The guarantee's collateral asset.
        expected: AssetInfo,
        /// What arrived.
        received: AssetInfo,
    },

    /// `ReleaseCollateral` by someone else than the guarantor.
    #[error("{sender} is not the guarantor {guarantor}")]
    NotGuarantor {
        /// The guarantor.
        guarantor: Addr,
        /// The caller.
        sender: Addr,
    },

    /// `DeclareDefault` by someone else than the arbiter.
    #[error("{sender} is not the arbiter {arbiter}")]
    NotArbiter {
        /// The arbiter.
        arbiter: Addr,
        /// The caller.
        sender: Addr,
    },

    /// `Release` by someone else than the arbiter before the expiry.
    #[error("only the arbiter {arbiter} may release before the expiry at {expires_at}")]
    ReleaseBeforeExpiry {
        /// The arbiter.
        arbiter: Addr,
        /// The guarantee's expiry.
        expires_at: Timestamp,
    },

    /// An operation of an open guarantee on one that is not open.
    #[error("guarantee {guarantee_id} is not open: {status}")]
    GuaranteeNotOpen {
        /// The guarantee.
        guarantee_id: u64,
        /// Where it is.
        status: GuaranteeStatus,
    },

    /// `Redeem` or `Close` of a guarantee that is neither defaulted nor liquidated.
    #[error("guarantee {guarantee_id} does not redeem claims: {status}")]
    NotRedeemable {
        /// The guarantee.
        guarantee_id: u64,
        /// Where it is.
        status: GuaranteeStatus,
    },

    /// `DeclareDefault` or `Liquidate` at or after the expiry (the obligation has ended: the
    /// guarantee can only be released).
    #[error("guarantee expired at {expires_at}: no default or liquidation after the expiry, only a release")]
    GuaranteeExpired {
        /// The guarantee's expiry.
        expires_at: Timestamp,
    },

    /// `Liquidate` of a guarantee whose collateral still covers the maintenance ratio.
    #[error("guarantee is healthy: collateral value {value} is not below {required}")]
    GuaranteeHealthy {
        /// The collateral's TWAP value, FLX base units.
        value: Uint128,
        /// `coverage × maintenance_ratio`, rounded up.
        required: Uint128,
    },

    /// `Liquidate` of FLX collateral (valued 1:1, nothing to sell).
    #[error("FLX collateral is never liquidated")]
    NotLiquidatable {},

    /// `Close` before the redemption period has run.
    #[error("claims redeem until {closable_at}: not closable yet")]
    RedemptionPeriodRunning {
        /// When it becomes closable.
        closable_at: Timestamp,
    },

    /// `ReleaseCollateral` above the collateral.
    #[error("insufficient collateral: {collateral} locked, {requested} requested")]
    InsufficientCollateral {
        /// The guarantee's collateral.
        collateral: Uint128,
        /// The amount asked for.
        requested: Uint128,
    },
}
