//! The cw20 `Receive` hook: stakes and reward funding.

use cosmwasm_std::{from_json, DepsMut, Env, MessageInfo, Response};
use cw20::Cw20ReceiveMsg;

use crate::error::ContractError;
use crate::execute::{fund, stake};
use crate::msg::ReceiveMsg;

/// Dispatches a cw20 hook. The caller (`info.sender`) is the token that moved the funds: `Stake`
/// requires it to be a pool's staked token, `Fund` the named pool's reward token. A contract that
/// is not a token can call this too, but then it only credits what the caller itself claims to
/// have sent, and only if it is one of the pools' tokens (set by the owner).
///
/// Errors: `Payment` (native funds attached), `Std` (the hook's `msg` is not a [`ReceiveMsg`], or
/// an invalid address), and those of [`stake::stake`] and [`fund::fund`].
pub fn receive(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let sender = deps.api.addr_validate(&wrapper.sender)?;
    match from_json(&wrapper.msg)? {
        ReceiveMsg::Stake {} => stake::stake(deps, env, info.sender, sender, wrapper.amount),
        ReceiveMsg::Fund {
            pool_token,
            duration_seconds,
        } => fund::fund(
            deps,
            env,
            info.sender,
            sender,
            pool_token,
            wrapper.amount,
            duration_seconds,
        ),
    }
}
