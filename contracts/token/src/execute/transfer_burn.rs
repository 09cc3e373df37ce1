//! `UpdateTransferBurn` (owner only).

use cosmwasm_std::{DepsMut, MessageInfo, Response};
use poe_math::burn::MAX_TRANSFER_BURN_BPS;

use crate::error::ContractError;
use crate::state::{live_transfer_burn_bps, TRANSFER_BURN_BPS};

/// Rejects a transfer burn above [`MAX_TRANSFER_BURN_BPS`] (1,000 bps = 10 %).
///
/// Errors: [`ContractError::TransferBurnTooHigh`].
pub fn ensure_valid_bps(bps: u16) -> Result<(), ContractError> {
    if bps > MAX_TRANSFER_BURN_BPS {
        return Err(ContractError::TransferBurnTooHigh {
            bps,
            max: MAX_TRANSFER_BURN_BPS,
        });
    }
    Ok(())
}

/// Owner only: sets the transfer burn to `transfer_burn_bps` (0..=1,000 bps); it applies from the
/// next transfer.
///
/// Errors: `Payment` (funds attached), `Ownership` (not the owner, or ownership renounced),
/// [`ContractError::TransferBurnTooHigh`], [`ContractError::Retired`].
pub fn update_transfer_burn(
    deps: DepsMut,
    info: MessageInfo,
    transfer_burn_bps: u16,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    ensure_valid_bps(transfer_burn_bps)?;

    let previous = live_transfer_burn_bps(deps.storage)?;
    TRANSFER_BURN_BPS.save(deps.storage, &transfer_burn_bps)?;

    Ok(Response::new()
        .add_attribute("action", "update_transfer_burn")
        .add_attribute("previous_bps", previous.to_string())
        .add_attribute("transfer_burn_bps", transfer_burn_bps.to_string()))
}
