//! The cw20 `Receive` hook: a route starting with the sent tokens.

use cosmwasm_std::{from_json, DepsMut, Env, MessageInfo, Response};
use cw20::Cw20ReceiveMsg;
use poe_interface::amm::AssetInfo;

use crate::error::ContractError;
use crate::execute::route::{start_route, RouteParams};
use crate::msg::Cw20HookMsg;

/// Starts the hook's route with `amount` of the calling token (`info.sender`) for the cw20
/// sender. A caller that is not a token can only spend what the router holds of "its" token,
/// which is nothing between transactions.
///
/// Errors: `Payment` (native funds attached), `Std` (the hook's `msg` is not a
/// [`Cw20HookMsg`], an invalid sender), and those of [`start_route`].
pub fn receive(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let Cw20HookMsg::ExecuteSwapOperations {
        operations,
        minimum_receive,
        to,
        max_spread,
        deadline,
    } = from_json(&wrapper.msg)?;
    let sender = deps.api.addr_validate(&wrapper.sender)?;
    start_route(
        deps,
        env,
        sender,
        AssetInfo::Token {
            contract_addr: info.sender.to_string(),
        },
        wrapper.amount,
        RouteParams {
            operations,
            minimum_receive,
            to,
            max_spread,
            deadline,
        },
    )
}
