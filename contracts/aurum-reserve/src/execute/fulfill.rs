//! `FulfillRedemption`: a custodian records that a redemption's gold was shipped.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use poe_interface::aurum_reserve::RedemptionStatus;

use crate::error::ContractError;
use crate::execute::{assert_custodian, check_document_hash};
use crate::state::{redemptions, LEDGER};

/// Custodians only: marks pending redemption `id` fulfilled, with the SHA-256 of the delivery
/// document. Its gold moves from `pending_mg` to `shipped_since_attestation_mg`, so the available
/// reserve does not change: the gold stays subtracted from the latest attestation until the next
/// one (which may not predate this fulfilment) reflects the shipment.
///
/// Attributes: `action=fulfill_redemption`, `redemption_id`, `custodian`, `holder`, `amount`,
/// `grams_mg`, `document_hash`, `pending_redemption_mg` (after).
///
/// Errors: `Payment`, [`ContractError::NotCustodian`], [`ContractError::InvalidDocumentHash`],
/// [`ContractError::UnknownRedemption`], [`ContractError::RedemptionNotPending`], `Overflow`.
pub fn fulfill_redemption(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    id: u64,
    document_hash: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    assert_custodian(deps.storage, &info.sender)?;
    let document_hash = check_document_hash(&document_hash)?;
    let Some(mut redemption) = redemptions().may_load(deps.storage, id)? else {
        return Err(ContractError::UnknownRedemption { id });
    };
    if redemption.status != RedemptionStatus::Pending {
        return Err(ContractError::RedemptionNotPending { id });
    }
    let now = env.block.time.seconds();
    let mut ledger = LEDGER.load(deps.storage)?;
    ledger.pending_mg = ledger.pending_mg.checked_sub(redemption.grams_mg)?;
    ledger.shipped_since_attestation_mg = ledger
        .shipped_since_attestation_mg
        .checked_add(redemption.grams_mg)?;
    ledger.last_fulfilled_at = Some(now);
    LEDGER.save(deps.storage, &ledger)?;
    redemption.status = RedemptionStatus::Fulfilled;
    redemption.fulfilled_by = Some(info.sender.clone());
    redemption.fulfilled_at = Some(now);
    redemption.fulfillment_document_hash = Some(document_hash.clone());
    redemptions().save(deps.storage, id, &redemption)?;

    Ok(Response::new()
        .add_attribute("action", "fulfill_redemption")
        .add_attribute("redemption_id", id.to_string())
        .add_attribute("custodian", info.sender)
        .add_attribute("holder", redemption.holder)
        .add_attribute("amount", redemption.amount)
        .add_attribute("grams_mg", redemption.grams_mg)
        .add_attribute("document_hash", document_hash)
        .add_attribute("pending_redemption_mg", ledger.pending_mg))
}
