//! The cw20 `Receive` hook: `Replenish` and `Release`.

use cosmwasm_std::{from_json, DepsMut, Env, MessageInfo, Response};
use cw20::Cw20ReceiveMsg;

use crate::error::ContractError;
use crate::execute::{release, replenish};
use crate::msg::ReceiveMsg;
use crate::state::CONFIG;

/// cw20 hook, while not paused: the token is the caller (`info.sender`) and `wrapper.amount`
/// is what it delivered (after any transfer burn).
///
/// Errors: `Payment`, `Std` (the hook's `msg` is not a [`ReceiveMsg`]), [`ContractError::Pause`],
/// then [`replenish::replenish`]'s or [`release::release`]'s.
pub fn receive(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let msg: ReceiveMsg = from_json(&wrapper.msg)?;
    let config = CONFIG.load(deps.storage)?;
    config.pause.ensure_not_paused(&env.block)?;
    let sender = deps.api.addr_validate(&wrapper.sender)?;
    match msg {
        ReceiveMsg::Replenish { pool_id } => {
            replenish::replenish(deps, env, info.sender, sender, wrapper.amount, pool_id)
        }
        ReceiveMsg::Release { allocation_id } => release::release(
            deps,
            env,
            &config,
            info.sender,
            sender,
            wrapper.amount,
            allocation_id,
        ),
    }
}
