//! Storage layout. Keys are short and distinct; a layout change gets a new key and a migration.
//! The owner is cw-ownable's (key `ownership`); the cw2 version is cw2's.
//!
//! Every operation reads and writes a fixed set of entries (config, ledger, one custodian, one
//! attestation, one redemption and its index entry): nothing iterates in `execute` except
//! `UpdateCustodians` over its own lists (at most [`MAX_CUSTODIANS`] custodians exist).

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Decimal, Uint128};
use cw_storage_plus::{Index, IndexList, IndexedMap, Item, Map, MultiIndex};
use poe_controllers::AllowList;
use poe_interface::aurum_reserve::{AssetInfo, RedemptionStatus, MAX_CUSTODIANS};

/// The validated configuration.
#[cw_serde]
pub struct Config {
    /// The AUR cw20 token (this contract is its minter).
    pub aur_token: Addr,
    /// What buyers pay with.
    pub payment: Payment,
    /// Payment-asset base units per AUR base unit, positive.
    pub price: Decimal,
    /// The treasury contract every payment is deposited into.
    pub treasury: Addr,
    /// AUR base units per gram, 1..=`MAX_AUR_PER_GRAM`.
    pub aur_per_gram: Uint128,
    /// Required reserve value / supply, 1..=`MAX_BACKING_RATIO`.
    pub backing_ratio: Decimal,
    /// Minting halts when the latest attestation is older than this, seconds.
    pub max_attestation_age_seconds: u64,
}

/// A validated payment asset.
#[cw_serde]
pub enum Payment {
    /// A cw20 token, paid through `Send` + [`poe_interface::aurum_reserve::ReceiveMsg::Buy`].
    Cw20(Addr),
    /// A native denom, attached to [`poe_interface::aurum_reserve::ExecuteMsg::Buy`].
    Native(String),
}

impl Payment {
    /// As the interface's `AssetInfo`.
    pub fn to_asset_info(&self) -> AssetInfo {
        match self {
            Payment::Cw20(addr) => AssetInfo::Cw20 {
                contract_addr: addr.to_string(),
            },
            Payment::Native(denom) => AssetInfo::Native {
                denom: denom.clone(),
            },
        }
    }

    /// `cw20:<address>` or `native:<denom>`, for errors and attributes.
    pub fn label(&self) -> String {
        match self {
            Payment::Cw20(addr) => format!("cw20:{addr}"),
            Payment::Native(denom) => format!("native:{denom}"),
        }
    }
}

/// Counters and the reserve bookkeeping between attestations.
#[cw_serde]
#[derive(Default)]
pub struct Ledger {
    /// Attestations posted; the latest has this id (ids start at 1).
    pub attestation_count: u64,
    /// Redemptions requested; the latest has this id (ids start at 1).
    pub redemption_count: u64,
    /// Gold owed to pending redemptions, mg.
    pub pending_mg: Uint128,
    /// Gold of redemptions fulfilled since the latest attestation, mg; reset by an attestation.
    pub shipped_since_attestation_mg: Uint128,
    /// Block time of the last fulfilment, seconds; attestations may not predate it.
    pub last_fulfilled_at: Option<u64>,
    /// AUR minted by purchases, base units.
    pub total_minted: Uint128,
    /// AUR burned by redemptions, base units.
    pub total_redeemed: Uint128,
}

/// A custodian's statement of the gold in custody.
#[cw_serde]
pub struct Attestation {
    /// The custodian who posted it.
    pub custodian: Addr,
    /// Gold in custody at `timestamp`, mg.
    pub reserve_mg: Uint128,
    /// SHA-256 of the evidence document, lower-case hex.
    pub document_hash: String,
    /// When the reserve was counted, seconds.
    pub timestamp: u64,
    /// Block time of posting, seconds.
    pub posted_at: u64,
    /// Block height of posting.
    pub posted_height: u64,
}

/// A redemption request.
#[cw_serde]
pub struct Redemption {
    /// The AUR holder who redeemed, owed the gold.
    pub holder: Addr,
    /// AUR burned, base units.
    pub amount: Uint128,
    /// Gold owed, mg.
    pub grams_mg: Uint128,
    /// The holder's delivery instructions, as sent.
    pub delivery_note: Option<String>,
    /// Block time of the request, seconds.
    pub created_at: u64,
    /// Pending or fulfilled.
    pub status: RedemptionStatus,
    /// The custodian who marked it fulfilled.
    pub fulfilled_by: Option<Addr>,
    /// Block time of the fulfilment, seconds.
    pub fulfilled_at: Option<u64>,
    /// SHA-256 of the delivery document, lower-case hex.
    pub fulfillment_document_hash: Option<String>,
}

/// The configuration.
pub const CONFIG: Item<Config> = Item::new("cfg");
/// The running totals (minted, redeemed, pending and shipped gold).
pub const LEDGER: Item<Ledger> = Item::new("ldg");
/// The custodian allow-list (members under `cus`, as before; the count under `cusn`), at most
/// [`MAX_CUSTODIANS`].
pub const CUSTODIANS: AllowList = AllowList::new("cus", "cusn", "custodian", MAX_CUSTODIANS);
/// Attestations by id (1, 2, ...).
pub const ATTESTATIONS: Map<u64, Attestation> = Map::new("att");
/// Attestation id by document hash (lower case): each document is attested once.
pub const ATTESTED_DOCUMENTS: Map<&str, u64> = Map::new("adoc");

/// The index key of a redemption status.
pub fn status_key(status: RedemptionStatus) -> u8 {
    match status {
        RedemptionStatus::Pending => 0,
        RedemptionStatus::Fulfilled => 1,
    }
}

/// The indexes of [`redemptions`]: by status.
pub struct RedemptionIndexes<'a> {
    /// (status key, id) -> id.
    pub status: MultiIndex<'a, u8, Redemption, u64>,
}

impl IndexList<Redemption> for RedemptionIndexes<'_> {
    fn get_indexes(&'_ self) -> Box<dyn Iterator<Item = &'_ dyn Index<Redemption>> + '_> {
        let v: Vec<&dyn Index<Redemption>> = vec![&self.status];
        Box::new(v.into_iter())
    }
}

/// Redemptions by id (1, 2, ...), indexed by status.
pub fn redemptions<'a>() -> IndexedMap<u64, Redemption, RedemptionIndexes<'a>> {
    IndexedMap::new(
        "rdm",
        RedemptionIndexes {
            status: MultiIndex::new(|_pk, r| status_key(r.status), "rdm", "rdm__st"),
        },
    )
}
