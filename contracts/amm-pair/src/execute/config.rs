//! `UpdateConfig`: the owner sets the fees.

use cosmwasm_std::{Decimal, DepsMut, MessageInfo, Response};

use crate::error::ContractError;
use crate::state::CONFIG;

/// Owner only: changes the total fee (bps, at most `MAX_TOTAL_FEE_BPS`), the protocol's share of
/// it (in `[0, 1]`) and the fee address; `None` keeps a value. Applies from the next swap.
///
/// Attributes: `action=update_config`, `total_fee_bps`, `protocol_fee_share`, `fee_address`
/// (the values after).
///
/// Errors: `Payment` (funds attached), `Ownership`, `Math` (`FeeTooHigh`, `FractionAboveOne`),
/// `Std` (invalid fee address).
pub fn update_config(
    deps: DepsMut,
    info: MessageInfo,
    total_fee_bps: Option<u16>,
    protocol_fee_share: Option<Decimal>,
    fee_address: Option<String>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut config = CONFIG.load(deps.storage)?;
    if let Some(bps) = total_fee_bps {
        config.fees.total_fee_bps = bps;
    }
    if let Some(share) = protocol_fee_share {
        config.fees.protocol_fee_share = share;
    }
    config.fees.validate()?;
    if let Some(address) = fee_address {
        config.fee_address = Some(deps.api.addr_validate(&address)?);
    }
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "update_config")
        .add_attribute("total_fee_bps", config.fees.total_fee_bps.to_string())
        .add_attribute(
            "protocol_fee_share",
            config.fees.protocol_fee_share.to_string(),
        )
        .add_attribute(
            "fee_address",
            config
                .fee_address
                .map(|a| a.to_string())
                .unwrap_or_else(|| "none".to_string()),
        ))
}
