//! cw20 messages the contracts send: `Transfer` to an account, `Send` to a contract with a hook,
//! `TransferFrom` within an allowance, and the minter's `Mint` and the holder's `Burn`. Each is a
//! `WasmMsg::Execute` on the token with no funds; amounts are in the token's base units.
//! `Transfer`, `Send` and `TransferFrom` are plain cw20 (any cw20 token); `Mint` and `Burn` are
//! poe-token's, with the reason its supply record counts them under (every minted or burned
//! token of the suite is a poe-token).
//!
//! Errors: `StdError` only when a message does not serialize.

use cosmwasm_std::{to_json_binary, Addr, CosmosMsg, StdResult, Uint128, WasmMsg};
use cw20::Cw20ExecuteMsg;
use poe_interface::token::{BurnReason, ExecuteMsg as TokenExecuteMsg, MintReason};
use serde::Serialize;

/// `msg` executed on `token`, no funds. Inlined into each helper, so that each serializes only
/// its own variant of `Cw20ExecuteMsg` or the token's `ExecuteMsg` (a shared, outlined copy links
/// the serializer of every variant into every contract: +6 KiB of wasm measured on the router).
#[inline(always)]
fn execute<M: Serialize>(token: &Addr, msg: &M) -> StdResult<CosmosMsg> {
    Ok(WasmMsg::Execute {
        contract_addr: token.to_string(),
        msg: to_json_binary(msg)?,
        funds: vec![],
    }
    .into())
}

/// `token`'s cw20 `Transfer { recipient, amount }`.
pub fn transfer_msg(
    token: &Addr,
    recipient: impl Into<String>,
    amount: Uint128,
) -> StdResult<CosmosMsg> {
    execute(
        token,
        &Cw20ExecuteMsg::Transfer {
            recipient: recipient.into(),
            amount,
        },
    )
}

/// `token`'s cw20 `Send { contract, amount, msg }`, `hook` serialized as the receiver's
/// `Receive` message.
///
/// Errors: `StdError` when `hook` does not serialize.
pub fn send_msg<T: Serialize>(
    token: &Addr,
    contract: impl Into<String>,
    amount: Uint128,
    hook: &T,
) -> StdResult<CosmosMsg> {
    execute(
        token,
        &Cw20ExecuteMsg::Send {
            contract: contract.into(),
            amount,
            msg: to_json_binary(hook)?,
        },
    )
}

/// `token`'s cw20 `TransferFrom { owner, recipient, amount }`: moves `amount` of `owner`'s
/// tokens within the allowance `owner` gave the sending contract.
pub fn transfer_from_msg(
    token: &Addr,
    owner: impl Into<String>,
    recipient: impl Into<String>,
    amount: Uint128,
) -> StdResult<CosmosMsg> {
    execute(
        token,
        &Cw20ExecuteMsg::TransferFrom {
            owner: owner.into(),
            recipient: recipient.into(),
            amount,
        },
    )
}

/// poe-token `token`'s `Mint { recipient, amount, reason }` (the sending contract must be the
/// minter), counted under `reason` in the token's supply record.
pub fn mint_msg(
    token: &Addr,
    recipient: impl Into<String>,
    amount: Uint128,
    reason: MintReason,
) -> StdResult<CosmosMsg> {
    execute(
        token,
        &TokenExecuteMsg::Mint {
            recipient: recipient.into(),
            amount,
            reason: Some(reason),
        },
    )
}

/// poe-token `token`'s `Burn { amount, reason }` of the sending contract's own tokens, counted
/// under `reason` in the token's supply record.
pub fn burn_msg(token: &Addr, amount: Uint128, reason: BurnReason) -> StdResult<CosmosMsg> {
    execute(
        token,
        &TokenExecuteMsg::Burn {
            amount,
            reason: Some(reason),
        },
    )
}

/// poe-token `token`'s `Retire {}` (the sending contract must be the minter of a retirable
/// token): every outstanding token burned at once, counted under `guarantee_release`.
pub fn retire_msg(token: &Addr) -> StdResult<CosmosMsg> {
    execute(token, &TokenExecuteMsg::Retire {})
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::{from_json, Binary};

    fn unwrap_execute<M: serde::de::DeserializeOwned>(msg: CosmosMsg) -> (String, M) {
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
        let (to, msg) = unwrap_execute::<Cw20ExecuteMsg>(
            transfer_msg(&token, "alice", Uint128::new(5)).unwrap(),
        );
        assert_eq!(to, "flx");
        assert_eq!(
            msg,
            Cw20ExecuteMsg::Transfer {
                recipient: "alice".into(),
                amount: Uint128::new(5)
            }
        );
        let hook = serde_json_wasm_like();
        let (_, msg) = unwrap_execute::<Cw20ExecuteMsg>(
            send_msg(&token, "pool", Uint128::new(9), &hook).unwrap(),
        );
        assert_eq!(
            msg,
            Cw20ExecuteMsg::Send {
                contract: "pool".into(),
                amount: Uint128::new(9),
                msg: Binary::from(br#"{"deposit":{}}"#.to_vec()),
            }
        );
    }

    #[test]
    fn transfer_from_has_the_cw20_json() {
        let token = Addr::unchecked("lp");
        let (to, msg) = unwrap_execute::<Cw20ExecuteMsg>(
            transfer_from_msg(&token, "alice", "pair", Uint128::new(7)).unwrap(),
        );
        assert_eq!(to, "lp");
        assert_eq!(
            msg,
            Cw20ExecuteMsg::TransferFrom {
                owner: "alice".into(),
                recipient: "pair".into(),
                amount: Uint128::new(7)
            }
        );
    }

    #[test]
    fn mint_and_burn_carry_their_reason() {
        let token = Addr::unchecked("flx");
        let mint = mint_msg(&token, "bob", Uint128::new(3), MintReason::FlxExpansion).unwrap();
        let CosmosMsg::Wasm(WasmMsg::Execute { msg: ref json, .. }) = mint else {
            panic!("a wasm execute: {mint:?}");
        };
        assert_eq!(
            json.as_slice(),
            br#"{"mint":{"recipient":"bob","amount":"3","reason":"flx_expansion"}}"#
        );
        let (to, msg) = unwrap_execute::<TokenExecuteMsg>(mint);
        assert_eq!(to, "flx");
        assert_eq!(
            msg,
            TokenExecuteMsg::Mint {
                recipient: "bob".into(),
                amount: Uint128::new(3),
                reason: Some(MintReason::FlxExpansion),
            }
        );
        let burn = burn_msg(&token, Uint128::new(2), BurnReason::Contraction).unwrap();
        let (to, msg) = unwrap_execute::<TokenExecuteMsg>(burn);
        assert_eq!(to, "flx");
        assert_eq!(
            msg,
            TokenExecuteMsg::Burn {
                amount: Uint128::new(2),
                reason: Some(BurnReason::Contraction),
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
