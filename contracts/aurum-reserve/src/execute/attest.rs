//! `Attest`: a custodian's statement of the gold in custody.

use cosmwasm_std::{
    DepsMut, Env, MessageInfo, OverflowError, OverflowOperation, Response, Uint128,
};
use poe_interface::aurum_reserve::MAX_RESERVE_MG;

use crate::backing::{aur_supply, Backing};
use crate::error::ContractError;
use crate::execute::{assert_custodian, check_document_hash};
use crate::state::{Attestation, ATTESTATIONS, ATTESTED_DOCUMENTS, CONFIG, LEDGER};

/// Custodians only: records that `reserve_mg` mg of gold were in custody at `timestamp`, with
/// the SHA-256 of the evidence document, as the latest attestation (id = previous + 1). The
/// attestation reflects every shipment recorded so far, so the gold of redemptions fulfilled
/// since the previous attestation stops being subtracted (`shipped_since_attestation_mg` = 0);
/// pending redemptions stay subtracted.
///
/// A falling attestation (one whose reserve no longer backs the supply) is recorded like any
/// other: minting then halts until a later attestation restores the backing, and the `Backing`
/// query reports it (`under_backed`). Reads AUR's supply for the attributes.
///
/// Attributes: `action=attest`, `attestation_id`, `custodian`, `reserve_mg`, `document_hash`,
/// `timestamp`, `shipped_reflected_mg`, `available_reserve_mg`, `supply`, `max_supply`,
/// `under_backed`.
///
/// Errors: `Payment`, [`ContractError::NotCustodian`], [`ContractError::ReserveTooLarge`],
/// [`ContractError::InvalidDocumentHash`], [`ContractError::DuplicateDocumentHash`],
/// [`ContractError::FutureTimestamp`], [`ContractError::TimestampBeforePrevious`],
/// [`ContractError::AttestationPredatesFulfillment`], `Std` (AUR does not answer), `Math`.
pub fn attest(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    reserve_mg: Uint128,
    document_hash: String,
    timestamp: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    assert_custodian(deps.storage, &info.sender)?;
    if reserve_mg > MAX_RESERVE_MG {
        return Err(ContractError::ReserveTooLarge {
            reserve_mg,
            max: MAX_RESERVE_MG,
        });
    }
    let document_hash = check_document_hash(&document_hash)?;
    if let Some(attestation_id) = ATTESTED_DOCUMENTS.may_load(deps.storage, &document_hash)? {
        return Err(ContractError::DuplicateDocumentHash {
            hash: document_hash,
            attestation_id,
        });
    }
    let now = env.block.time.seconds();
    if timestamp > now {
        return Err(ContractError::FutureTimestamp { timestamp, now });
    }
    let config = CONFIG.load(deps.storage)?;
    let mut ledger = LEDGER.load(deps.storage)?;
    if ledger.attestation_count > 0 {
        let previous = ATTESTATIONS
            .load(deps.storage, ledger.attestation_count)?
            .timestamp;
        if timestamp < previous {
            return Err(ContractError::TimestampBeforePrevious {
                timestamp,
                previous,
            });
        }
    }
    if let Some(last_fulfilled_at) = ledger.last_fulfilled_at {
        if timestamp < last_fulfilled_at {
            return Err(ContractError::AttestationPredatesFulfillment {
                timestamp,
                last_fulfilled_at,
            });
        }
    }

    let id = ledger
        .attestation_count
        .checked_add(1)
        .ok_or_else(|| OverflowError::new(OverflowOperation::Add))?;
    let attestation = Attestation {
        custodian: info.sender,
        reserve_mg,
        document_hash,
        timestamp,
        posted_at: now,
        posted_height: env.block.height,
    };
    ATTESTATIONS.save(deps.storage, id, &attestation)?;
    ATTESTED_DOCUMENTS.save(deps.storage, &attestation.document_hash, &id)?;
    let shipped_reflected = ledger.shipped_since_attestation_mg;
    ledger.attestation_count = id;
    ledger.shipped_since_attestation_mg = Uint128::zero();
    LEDGER.save(deps.storage, &ledger)?;

    // the attestation just saved is the latest: no need to read it back
    let supply = aur_supply(&deps.querier, &config.aur_token)?;
    let backing = Backing::new(Some(attestation.clone()), supply, now, &config, &ledger)?;
    Ok(Response::new()
        .add_attribute("action", "attest")
        .add_attribute("attestation_id", id.to_string())
        .add_attribute("custodian", attestation.custodian)
        .add_attribute("reserve_mg", reserve_mg)
        .add_attribute("document_hash", attestation.document_hash)
        .add_attribute("timestamp", timestamp.to_string())
        .add_attribute("shipped_reflected_mg", shipped_reflected)
        .add_attribute("available_reserve_mg", backing.available_reserve_mg)
        .add_attribute("supply", backing.supply)
        .add_attribute("max_supply", backing.max_supply)
        .add_attribute("under_backed", backing.under_backed().to_string()))
}
