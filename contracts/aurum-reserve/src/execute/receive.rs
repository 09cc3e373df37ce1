//! The cw20 `Receive` hook: purchases paid in the cw20 payment token, and redemptions of AUR.

use cosmwasm_std::{from_json, DepsMut, Env, MessageInfo, Response};
use cw20::Cw20ReceiveMsg;

use crate::error::ContractError;
use crate::execute::{buy, redeem};
use crate::msg::ReceiveMsg;

/// Dispatches a cw20 hook. The caller (`info.sender`) is the token that moved the funds: `Buy`
/// requires it to be the configured cw20 payment token, `Redeem` the AUR token. A contract that
/// is not a token can call this too, but the caller must still be one of those two tokens (set by
/// the owner), so it can only spend what it itself holds.
///
/// Errors: `Payment` (native funds attached), `Std` (the hook's `msg` is not a [`ReceiveMsg`], or
/// an invalid address), and those of [`buy::buy_with_cw20`] and [`redeem::redeem`].
pub fn receive(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let sender = deps.api.addr_validate(&wrapper.sender)?;
    match from_json(&wrapper.msg)? {
        ReceiveMsg::Buy { recipient } => {
            buy::buy_with_cw20(deps, env, info.sender, sender, recipient, wrapper.amount)
        }
        ReceiveMsg::Redeem { delivery_note } => redeem::redeem(
            deps,
            env,
            info.sender,
            sender,
            wrapper.amount,
            delivery_note,
        ),
    }
}
