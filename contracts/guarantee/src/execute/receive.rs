//! The cw20 `Receive` hook: `Open` and `TopUp` with collateral, `Redeem` and `Relinquish` with
//! a claim token.

use cosmwasm_std::{from_json, Addr, DepsMut, Env, MessageInfo, Response, Storage};
use cw20::Cw20ReceiveMsg;

use crate::error::ContractError;
use crate::execute::{open, redeem, relinquish, top_up};
use crate::msg::{AssetInfo, ReceiveMsg};
use crate::state::{CLAIM_TOKENS, CONFIG};

/// cw20 hook: the token is the caller (`info.sender`), `wrapper.sender` the account that sent
/// it and `wrapper.amount` what it delivered (after any transfer burn). `Open` and `TopUp` are
/// refused while paused; redemptions and relinquishments never are.
///
/// Errors: `Payment` (native funds attached), `Std` (the hook's `msg` is not a [`ReceiveMsg`]),
/// [`ContractError::Pause`], [`ContractError::NotClaimToken`],
/// [`ContractError::ClaimTokenMismatch`], then the operation's.
pub fn receive(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let msg: ReceiveMsg = from_json(&wrapper.msg)?;
    let sender = deps.api.addr_validate(&wrapper.sender)?;
    let token = info.sender;
    match msg {
        ReceiveMsg::Open(open_msg) => {
            let config = CONFIG.load(deps.storage)?;
            config.pause.ensure_not_paused(&env.block)?;
            let asset = AssetInfo::Token {
                contract_addr: token.to_string(),
            };
            open::open(deps, env, config, sender, asset, wrapper.amount, open_msg)
        }
        ReceiveMsg::TopUp { guarantee_id } => {
            let config = CONFIG.load(deps.storage)?;
            config.pause.ensure_not_paused(&env.block)?;
            let asset = AssetInfo::Token {
                contract_addr: token.to_string(),
            };
            top_up::top_up(deps, sender, asset, wrapper.amount, guarantee_id)
        }
        ReceiveMsg::Redeem { guarantee_id } => {
            ensure_claim_token(deps.storage, &token, guarantee_id)?;
            redeem::redeem(deps, env, sender, wrapper.amount, guarantee_id)
        }
        ReceiveMsg::Relinquish { guarantee_id } => {
            ensure_claim_token(deps.storage, &token, guarantee_id)?;
            relinquish::relinquish(deps, sender, wrapper.amount, guarantee_id)
        }
    }
}

/// `token` is the claim token of `guarantee_id`.
///
/// Errors: [`ContractError::NotClaimToken`], [`ContractError::ClaimTokenMismatch`].
fn ensure_claim_token(
    storage: &dyn Storage,
    token: &Addr,
    guarantee_id: u64,
) -> Result<(), ContractError> {
    let claim_guarantee_id =
        CLAIM_TOKENS
            .may_load(storage, token)?
            .ok_or_else(|| ContractError::NotClaimToken {
                token: token.clone(),
            })?;
    if claim_guarantee_id != guarantee_id {
        return Err(ContractError::ClaimTokenMismatch {
            guarantee_id,
            claim_token: token.clone(),
            claim_guarantee_id,
        });
    }
    Ok(())
}
