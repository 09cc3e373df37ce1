//! Queries to the staking contract, in the staking contract's own message types
//! ([`poe_interface::staking::QueryMsg`]): one smart query each, always at an explicit height.

use cosmwasm_std::{Addr, QuerierWrapper, StdResult, Uint128};
use poe_interface::staking::{QueryMsg, TotalPowerResponse, VotingPowerResponse};

/// `address`'s voting power at the start of block `height`
/// (`{"voting_power":{"address":..,"height":h}}`).
///
/// Errors: `Std` when the staking contract does not answer.
pub fn voting_power(
    querier: &QuerierWrapper,
    staking: &Addr,
    address: &Addr,
    height: u64,
) -> StdResult<Uint128> {
    let res: VotingPowerResponse = querier.query_wasm_smart(
        staking,
        &QueryMsg::VotingPower {
            address: address.to_string(),
            height: Some(height),
        },
    )?;
    Ok(res.power)
}

/// The total voting power at the start of block `height` (`{"total_power":{"height":h}}`).
///
/// Errors: `Std` when the staking contract does not answer.
pub fn total_power(querier: &QuerierWrapper, staking: &Addr, height: u64) -> StdResult<Uint128> {
    let res: TotalPowerResponse = querier.query_wasm_smart(
        staking,
        &QueryMsg::TotalPower {
            height: Some(height),
        },
    )?;
    Ok(res.power)
}
