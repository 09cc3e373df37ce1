//! The cw20 `Receive` hook: cw20 swaps and withdrawals.

use cosmwasm_std::{from_json, DepsMut, Env, MessageInfo, Response};
use cw20::Cw20ReceiveMsg;

use crate::error::ContractError;
use crate::execute::swap::SwapParams;
use crate::execute::{swap, withdraw};
use crate::msg::Cw20HookMsg;
use crate::state::{CONFIG, LP_TOKEN};

/// Dispatches a cw20 hook. The caller (`info.sender`) is the token that moved the funds: `Swap`
/// requires one of the pair's cw20 assets, `WithdrawLiquidity` the pair's LP token. `amount` is
/// what the token says it delivered.
///
/// Errors: `Payment` (native funds attached), `Std` (the hook's `msg` is not a
/// [`Cw20HookMsg`], or an invalid sender), [`ContractError::UnknownToken`], and those of
/// [`swap::swap`] and [`withdraw::withdraw`].
pub fn receive(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let hook: Cw20HookMsg = from_json(&wrapper.msg)?;
    let sender = deps.api.addr_validate(&wrapper.sender)?;
    let unknown = || ContractError::UnknownToken {
        token: info.sender.to_string(),
    };
    match hook {
        Cw20HookMsg::Swap {
            belief_price,
            max_spread,
            minimum_receive,
            to,
            deadline,
        } => {
            let config = CONFIG.load(deps.storage)?;
            let offer_index = config
                .asset_infos
                .iter()
                .position(|a| a.is_token(&info.sender))
                .ok_or_else(unknown)?;
            swap::swap(
                deps,
                env,
                config,
                sender,
                offer_index,
                wrapper.amount,
                SwapParams {
                    belief_price,
                    max_spread,
                    minimum_receive,
                    to,
                    deadline,
                },
            )
        }
        Cw20HookMsg::WithdrawLiquidity {
            min_assets_to_receive,
        } => {
            let lp_token = LP_TOKEN.load(deps.storage)?;
            if lp_token != info.sender {
                return Err(unknown());
            }
            withdraw::withdraw(
                deps,
                env,
                lp_token,
                sender,
                wrapper.amount,
                min_assets_to_receive.unwrap_or_default(),
            )
        }
    }
}
