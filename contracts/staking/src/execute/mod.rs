//! Execute handlers, one file per operation, and the helpers they share.

pub mod claim;
pub mod claim_rewards;
pub mod config;
pub mod fund;
pub mod instantiate;
pub mod ownership;
pub mod pool;
pub mod receive;
pub mod stake;
pub mod unstake;

use cosmwasm_std::{
    to_json_binary, Addr, CosmosMsg, OverflowError, OverflowOperation, StdResult, Storage,
    Timestamp, Uint128, WasmMsg,
};
use cw20::Cw20ExecuteMsg;
use poe_interface::staking::MAX_PERIOD_SECONDS;

use crate::error::ContractError;
use crate::state::{Pool, POOLS};

/// The pool of `token`.
///
/// Errors: [`ContractError::UnknownPool`].
pub fn load_pool(storage: &dyn Storage, token: &Addr) -> Result<Pool, ContractError> {
    POOLS
        .may_load(storage, token)?
        .ok_or_else(|| ContractError::UnknownPool {
            token: token.to_string(),
        })
}

/// A cw20 `Transfer` of `amount` of `token` to `recipient`.
pub fn cw20_transfer(token: &Addr, recipient: &Addr, amount: Uint128) -> StdResult<CosmosMsg> {
    Ok(WasmMsg::Execute {
        contract_addr: token.to_string(),
        msg: to_json_binary(&Cw20ExecuteMsg::Transfer {
            recipient: recipient.to_string(),
            amount,
        })?,
        funds: vec![],
    }
    .into())
}

/// Checks a period: at most [`MAX_PERIOD_SECONDS`], and positive when `must_be_positive`.
///
/// Errors: [`ContractError::InvalidPeriod`].
pub fn check_period(name: &str, seconds: u64, must_be_positive: bool) -> Result<(), ContractError> {
    if seconds > MAX_PERIOD_SECONDS || (must_be_positive && seconds == 0) {
        return Err(ContractError::InvalidPeriod {
            name: name.to_string(),
            seconds,
            max: MAX_PERIOD_SECONDS,
            must_be_positive,
        });
    }
    Ok(())
}

/// `time + seconds`, or an `Overflow` error (where `Timestamp::plus_seconds` would panic).
pub fn checked_plus_seconds(time: Timestamp, seconds: u64) -> Result<Timestamp, ContractError> {
    seconds
        .checked_mul(1_000_000_000)
        .and_then(|nanos| time.nanos().checked_add(nanos))
        .map(Timestamp::from_nanos)
        .ok_or_else(|| OverflowError::new(OverflowOperation::Add).into())
}
