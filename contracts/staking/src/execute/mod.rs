//! Execute handlers, one file per operation, and the helpers they share.

pub mod claim;
pub mod claim_rewards;
pub mod config;
pub mod fund;
pub mod instantiate;
pub mod pool;
pub mod receive;
pub mod stake;
pub mod unstake;

use cosmwasm_std::{
    Addr, Api, CanonicalAddr, OverflowError, OverflowOperation, StdResult, Storage, Timestamp,
};
use poe_interface::staking::MAX_PERIOD_SECONDS;

use crate::error::ContractError;
use crate::state::{PoolInfo, POOLS};

/// The parameters of `token`'s pool.
///
/// Errors: [`ContractError::UnknownPool`].
pub fn load_pool(storage: &dyn Storage, token: &Addr) -> Result<PoolInfo, ContractError> {
    POOLS
        .may_load(storage, token)?
        .ok_or_else(|| ContractError::UnknownPool {
            token: token.to_string(),
        })
}

/// `address`'s canonical form (20 bytes for an account, 32 for a contract): the staker part of
/// every position, claims and changelog key.
///
/// Errors: `Std` (not an address of this chain).
pub fn canonical(api: &dyn Api, address: &Addr) -> StdResult<CanonicalAddr> {
    api.addr_canonicalize(address.as_str())
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
