//! One file per operation.

pub mod claim;
pub mod close_epoch;
pub mod config;
pub mod pause;
pub mod register;
pub mod salary;
pub mod submit_job;
pub mod withdraw;

use cosmwasm_std::{to_json_binary, Addr, CosmosMsg, StdResult, Uint128, WasmMsg};

/// A cw20 `Transfer` of `amount` of `token` to `recipient`.
pub(crate) fn cw20_transfer(
    token: &Addr,
    recipient: &Addr,
    amount: Uint128,
) -> StdResult<CosmosMsg> {
    Ok(WasmMsg::Execute {
        contract_addr: token.to_string(),
        msg: to_json_binary(&cw20::Cw20ExecuteMsg::Transfer {
            recipient: recipient.to_string(),
            amount,
        })?,
        funds: vec![],
    }
    .into())
}
