//! cw20 messages the contracts send: `Transfer` to an account, `Send` to a contract with a hook.

use cosmwasm_std::{to_json_binary, Addr, CosmosMsg, StdResult, Uint128, WasmMsg};
use cw20::Cw20ExecuteMsg;
use serde::Serialize;

/// `token`'s cw20 `Transfer { recipient, amount }` (amount in the token's base units), no funds.
pub fn transfer_msg(
    token: &Addr,
    recipient: impl Into<String>,
    amount: Uint128,
) -> StdResult<CosmosMsg> {
    Ok(WasmMsg::Execute {
        contract_addr: token.to_string(),
        msg: to_json_binary(&Cw20ExecuteMsg::Transfer {
            recipient: recipient.into(),
            amount,
        })?,
        funds: vec![],
    }
    .into())
}

/// `token`'s cw20 `Send { contract, amount, msg }`, `hook` serialized as the receiver's
/// `Receive` message, no funds.
///
/// Errors: `StdError` when `hook` does not serialize.
pub fn send_msg<T: Serialize>(
    token: &Addr,
    contract: impl Into<String>,
    amount: Uint128,
    hook: &T,
) -> StdResult<CosmosMsg> {
    Ok(WasmMsg::Execute {
        contract_addr: token.to_string(),
        msg: to_json_binary(&Cw20ExecuteMsg::Send {
            contract: contract.into(),
            amount,
            msg: to_json_binary(hook)?,
        })?,
        funds: vec![],
    }
    .into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::{from_json, Binary};

    fn unwrap_execute(msg: CosmosMsg) -> (String, Cw20ExecuteMsg) {
        let CosmosMsg::Wasm(WasmMsg::Execute {
            contract_addr,
            msg,
            funds,
        }) = msg
        else {
            panic!("a wasm execute: {msg:?}");
        };
        assert!(funds.is_empty());
        (contract_addr, from_json(msg).unwrap())
    }

    #[test]
    fn transfer_and_send_have_the_cw20_json() {
        let token = Addr::unchecked("flx");
        let (to, msg) = unwrap_execute(transfer_msg(&token, "alice", Uint128::new(5)).unwrap());
        assert_eq!(to, "flx");
        assert_eq!(
            msg,
            Cw20ExecuteMsg::Transfer {
                recipient: "alice".into(),
                amount: Uint128::new(5)
            }
        );
        let hook = serde_json_wasm_like();
        let (_, msg) = unwrap_execute(send_msg(&token, "pool", Uint128::new(9), &hook).unwrap());
        assert_eq!(
            msg,
            Cw20ExecuteMsg::Send {
                contract: "pool".into(),
                amount: Uint128::new(9),
                msg: Binary::from(br#"{"deposit":{}}"#.to_vec()),
            }
        );
    }

    #[derive(Serialize)]
    #[serde(rename_all = "snake_case")]
    enum Hook {
        Deposit {},
    }

    fn serde_json_wasm_like() -> Hook {
        Hook::Deposit {}
    }
}
