//! `Retire` (the minter of a retirable token only): every outstanding token burned at once.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use cw20_base::state::TOKEN_INFO;

use crate::error::ContractError;
use crate::execute::cw20_err;
use crate::execute::record::{record_attributes, record_burn};
use crate::msg::BurnReason;
use crate::state::{live_transfer_burn_bps, RETIRABLE, RETIRED_MARKER, TRANSFER_BURN_BPS};

/// Retires the token in O(1), whatever the number of holders: counts the whole total supply
/// under [`BurnReason::GuaranteeRelease`], sets the total supply to 0, and writes
/// [`RETIRED_MARKER`] into the transfer-burn slot, after which every balance reads 0 and every
/// transfer, send, burn, mint and rate change is refused with [`ContractError::Retired`]. The
/// stored balances are left as they are and never read again. Used by the guarantee contract
/// when a guarantee is released or closed. Refuses funds.
///
/// Attributes: `action=retire`, `burned` (the supply), `reason=guarantee_release`, `height`,
/// `account` (the minter).
///
/// Errors: `Payment`; [`ContractError::NotRetirable`]; [`ContractError::Retired`] (already);
/// `Cw20(Unauthorized)` (not the minter).
pub fn retire(deps: DepsMut, env: Env, info: MessageInfo) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    if !RETIRABLE.may_load(deps.storage)?.unwrap_or(false) {
        return Err(ContractError::NotRetirable {});
    }
    live_transfer_burn_bps(deps.storage)?;
    let mut info_state = TOKEN_INFO.load(deps.storage)?;
    if info_state
        .mint
        .as_ref()
        .is_none_or(|m| m.minter != info.sender)
    {
        return Err(ContractError::Cw20(
            cw20_base::ContractError::Unauthorized {},
        ));
    }
    let burned = info_state.total_supply;
    info_state.total_supply = cosmwasm_std::Uint128::zero();
    TOKEN_INFO.save(deps.storage, &info_state)?;
    TRANSFER_BURN_BPS.save(deps.storage, &RETIRED_MARKER)?;
    record_burn(deps.storage, BurnReason::GuaranteeRelease, burned).map_err(cw20_err)?;
    Ok(Response::new()
        .add_attribute("action", "retire")
        .add_attribute("burned", burned)
        .add_attributes(record_attributes(
            BurnReason::GuaranteeRelease.as_str(),
            &env.block,
            info.sender.as_str(),
        )))
}
