//! The cw20 `Receive` hook: funding the burn buffer.

use cosmwasm_std::{from_json, DepsMut, Env, MessageInfo, Response};
use cw20::Cw20ReceiveMsg;

use crate::error::ContractError;
use crate::msg::ReceiveMsg;
use crate::state::{CONFIG, STATE};

/// Only the FLX token (`info.sender`): `FundBuffer {}` counts the sent FLX, already in the
/// controller's balance, in `total_funded`. The buffer itself is the controller's FLX balance, so
/// a plain `Transfer` funds it too (uncounted).
///
/// Attributes: `action=fund_buffer`, `funder`, `amount`, `total_funded`.
///
/// Errors: `Payment`, [`ContractError::WrongToken`] (any other caller),
/// `Std` (`msg` is not a [`ReceiveMsg`]; invalid sender), [`ContractError::ZeroAmount`],
/// `Overflow`.
pub fn receive(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    if info.sender != config.flx_token {
        return Err(ContractError::WrongToken {
            expected: config.flx_token.to_string(),
            got: info.sender.to_string(),
        });
    }
    let funder = deps.api.addr_validate(&wrapper.sender)?;
    match from_json(&wrapper.msg)? {
        ReceiveMsg::FundBuffer {} => {
            if wrapper.amount.is_zero() {
                return Err(ContractError::ZeroAmount);
            }
            let mut state = STATE.load(deps.storage)?;
            state.total_funded = state.total_funded.checked_add(wrapper.amount)?;
            STATE.save(deps.storage, &state)?;
            Ok(Response::new()
                .add_attribute("action", "fund_buffer")
                .add_attribute("funder", funder)
                .add_attribute("amount", wrapper.amount)
                .add_attribute("total_funded", state.total_funded))
        }
    }
}
