//! The reserve's errors.

use cosmwasm_std::{Decimal, OverflowError, StdError, Uint128};
use thiserror::Error;

/// Every error the AUR reserve returns. Amounts are base units of their asset, gold is in mg,
/// times are seconds since the Unix epoch.
#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    /// Storage, serialization (a malformed hook `msg`), address and query errors.
    #[error(transparent)]
    Std(#[from] StdError),

    /// An amount pushed past its type's maximum.
    #[error(transparent)]
    Overflow(#[from] OverflowError),

    /// Not the owner, no owner (renounced), or a failed ownership transfer step.
    #[error(transparent)]
    Ownership(#[from] cw_ownable::OwnershipError),

    /// Native funds where none belong, or a native purchase without exactly one coin of the
    /// payment denom.
    #[error(transparent)]
    Payment(#[from] cw_utils::PaymentError),

    /// Errors of the math package (backing, purchase and redemption arithmetic).
    #[error(transparent)]
    Math(#[from] poe_math::MathError),

    /// The custodian allow-list: `NotListed` (a custodian-only message from a stranger, removing
    /// a non-custodian), `AlreadyListed` (adding a custodian, or one listed twice), `Full` (more
    /// than [`poe_interface::aurum_reserve::MAX_CUSTODIANS`]).
    #[error(transparent)]
    AllowList(#[from] poe_controllers::AllowListError),

    /// `UpdateCustodians` listing one address both to add and to remove.
    #[error("{address} is listed both to add and to remove")]
    CustodianInBothLists {
        /// The address.
        address: String,
    },

    /// `UpdateCustodians` with both lists empty.
    #[error("no custodian to add or remove")]
    NoCustodianChange,

    /// A document hash that is not 64 hexadecimal digits (a SHA-256).
    #[error("invalid document hash {hash:?}: {reason}")]
    InvalidDocumentHash {
        /// The hash given.
        hash: String,
        /// What is wrong with it.
        reason: String,
    },

    /// An attestation whose document was already attested (a replay).
    #[error("document {hash} was already attested by attestation {attestation_id}")]
    DuplicateDocumentHash {
        /// The hash, lower case.
        hash: String,
        /// The attestation that used it.
        attestation_id: u64,
    },

    /// An attestation dated after the current block time.
    #[error("attestation timestamp {timestamp} is in the future (now {now})")]
    FutureTimestamp {
        /// The attestation's timestamp.
        timestamp: u64,
        /// The block time.
        now: u64,
    },

    /// An attestation dated before the previous attestation.
    #[error(
        "attestation timestamp {timestamp} is older than the previous attestation's {previous}"
    )]
    TimestampBeforePrevious {
        /// The attestation's timestamp.
        timestamp: u64,
        /// The previous attestation's timestamp.
        previous: u64,
    },

    /// An attestation dated before the last fulfilled redemption: it could not reflect that
    /// shipment.
    #[error("attestation timestamp {timestamp} predates the last fulfilled redemption at {last_fulfilled_at}")]
    AttestationPredatesFulfillment {
        /// The attestation's timestamp.
        timestamp: u64,
        /// Block time of the last fulfilment.
        last_fulfilled_at: u64,
    },

    /// An attested reserve above [`poe_interface::aurum_reserve::MAX_RESERVE_MG`].
    #[error("reserve of {reserve_mg} mg is above the largest accepted, {max} mg")]
    ReserveTooLarge {
        /// The reserve given.
        reserve_mg: Uint128,
        /// The cap.
        max: Uint128,
    },

    /// A purchase while no attestation was ever posted.
    #[error("minting halted: no reserve attestation yet")]
    NoAttestation,

    /// A purchase while the latest attestation's custodian is no longer on the list.
    #[error("minting is halted: the latest attestation {attestation_id} was posted by {custodian}, no longer a custodian")]
    AttesterRemoved {
        /// The removed custodian.
        custodian: String,
        /// The latest attestation's id.
        attestation_id: u64,
    },

    /// A purchase while the latest attestation is older than `max_attestation_age_seconds`.
    #[error("minting halted: the latest attestation (at {attested_at}) is {age_seconds} s old, more than {max_age_seconds} s")]
    StaleAttestation {
        /// The latest attestation's timestamp.
        attested_at: u64,
        /// Its age, seconds.
        age_seconds: u64,
        /// `max_attestation_age_seconds`.
        max_age_seconds: u64,
    },

    /// A purchase while the supply already exceeds what the available reserve backs (a falling
    /// attestation): minting resumes once an attestation restores the backing.
    #[error("minting halted: supply {supply} is above the {max_supply} the reserve backs")]
    UnderBacked {
        /// AUR's total supply.
        supply: Uint128,
        /// What the available reserve backs at the backing ratio.
        max_supply: Uint128,
    },

    /// A purchase that would take the supply above what the available reserve backs.
    #[error("minting {amount} would take the supply from {supply} above the {max_supply} the reserve backs")]
    ExceedsBacking {
        /// AUR's total supply before.
        supply: Uint128,
        /// The AUR the purchase would mint.
        amount: Uint128,
        /// What the available reserve backs at the backing ratio.
        max_supply: Uint128,
    },

    /// A payment that buys no AUR base unit.
    #[error("a payment of {paid} buys no AUR at a price of {price} per base unit")]
    PurchaseTooSmall {
        /// The payment, base units.
        paid: Uint128,
        /// The price.
        price: Decimal,
    },

    /// A `Buy` hook from a token that is not the payment token, or a native `Buy` while the
    /// payment asset is a cw20 token.
    #[error("wrong payment asset: expected {expected}, got {got}")]
    WrongPaymentAsset {
        /// The configured payment asset.
        expected: String,
        /// What came.
        got: String,
    },

    /// A `Redeem` hook from a token that is not AUR.
    #[error("only AUR ({expected}) can be redeemed, not {got}")]
    NotAurToken {
        /// The AUR token.
        expected: String,
        /// The hook's caller.
        got: String,
    },

    /// A redemption of zero.
    #[error("invalid zero amount")]
    ZeroAmount,

    /// A redemption owed less than one milligram of gold.
    #[error("redeeming {amount} is owed less than 1 mg of gold: redeem at least {min_amount}")]
    RedemptionTooSmall {
        /// The AUR sent.
        amount: Uint128,
        /// The smallest redemption, `ceil(aur_per_gram / 1000)`.
        min_amount: Uint128,
    },

    /// A `delivery_note` above [`poe_interface::aurum_reserve::MAX_NOTE_BYTES`].
    #[error("delivery note of {len} bytes is above {max} bytes")]
    NoteTooLong {
        /// Its length, bytes.
        len: usize,
        /// The cap, bytes.
        max: usize,
    },

    /// No redemption has this id.
    #[error("no redemption {id}")]
    UnknownRedemption {
        /// The id asked for.
        id: u64,
    },

    /// `FulfillRedemption` of a redemption that is not pending (fulfilled already).
    #[error("redemption {id} is not pending")]
    RedemptionNotPending {
        /// The id.
        id: u64,
    },

    /// No attestation has this id.
    #[error("no attestation {id}")]
    UnknownAttestation {
        /// The id asked for.
        id: u64,
    },

    /// A configuration value out of range, or a configuration that does not hold together.
    #[error("invalid {name}: {reason}")]
    InvalidConfig {
        /// Which setting.
        name: String,
        /// What is wrong with it.
        reason: String,
    },

    /// An address given as a cw20 token that does not answer the cw20 `TokenInfo` query.
    #[error("{address} is not a cw20 token: {reason}")]
    NotCw20 {
        /// The address given.
        address: String,
        /// The query's error.
        reason: String,
    },
}

impl ContractError {
    /// Shorthand for [`ContractError::InvalidConfig`].
    pub fn invalid_config(name: impl Into<String>, reason: impl Into<String>) -> Self {
        ContractError::InvalidConfig {
            name: name.into(),
            reason: reason.into(),
        }
    }
}
