//! Queries to the staking contract ([`StakingQuery`]): one smart query each.

use cosmwasm_std::{Addr, QuerierWrapper, StdResult, Uint128};
use poe_interface::governance::{PowerResponse, StakingQuery};

/// `address`'s voting power at the start of block `height`.
///
/// Errors: `Std` when the staking contract does not answer.
pub fn voting_power(
    querier: &QuerierWrapper,
    staking: &Addr,
    address: &Addr,
    height: u64,
) -> StdResult<Uint128> {
    let res: PowerResponse = querier.query_wasm_smart(
        staking,
        &StakingQuery::VotingPower {
            address: address.to_string(),
            height,
        },
    )?;
    Ok(res.power)
}

/// The total voting power at the start of block `height`.
///
/// Errors: `Std` when the staking contract does not answer.
pub fn total_power(querier: &QuerierWrapper, staking: &Addr, height: u64) -> StdResult<Uint128> {
    let res: PowerResponse =
        querier.query_wasm_smart(staking, &StakingQuery::TotalPower { height })?;
    Ok(res.power)
}
