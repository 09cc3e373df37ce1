//! Execute handlers, one file per operation, and the helpers they share.

pub mod config;
pub mod instantiate;
pub mod ownership;
pub mod pause;
pub mod rebalance;
pub mod receive;
pub mod report;
pub mod reporters;

use cosmwasm_std::{Addr, Deps, QuerierWrapper, Uint128};
use cw20::{BalanceResponse, Cw20QueryMsg, MinterResponse, TokenInfoResponse};

use crate::error::ContractError;

/// FLX total supply, from the token's cw20 `TokenInfo`.
///
/// Errors: `Std` (the token does not answer).
pub fn flx_supply(querier: &QuerierWrapper, flx: &Addr) -> Result<Uint128, ContractError> {
    let info: TokenInfoResponse = querier.query_wasm_smart(flx, &Cw20QueryMsg::TokenInfo {})?;
    Ok(info.total_supply)
}

/// `who`'s FLX balance, from the token's cw20 `Balance`.
///
/// Errors: `Std` (the token does not answer).
pub fn flx_balance(
    querier: &QuerierWrapper,
    flx: &Addr,
    who: &Addr,
) -> Result<Uint128, ContractError> {
    let res: BalanceResponse = querier.query_wasm_smart(
        flx,
        &Cw20QueryMsg::Balance {
            address: who.to_string(),
        },
    )?;
    Ok(res.balance)
}

/// FLX's minter and cap, from the token's cw20 `Minter` (`None`: nobody may mint).
///
/// Errors: `Std` (the token does not answer).
pub fn flx_minter(
    querier: &QuerierWrapper,
    flx: &Addr,
) -> Result<Option<MinterResponse>, ContractError> {
    Ok(querier.query_wasm_smart(flx, &Cw20QueryMsg::Minter {})?)
}

/// Checks that `token` answers the cw20 `TokenInfo` query.
///
/// Errors: [`ContractError::NotCw20`].
pub fn check_cw20(deps: Deps, token: &Addr) -> Result<(), ContractError> {
    deps.querier
        .query_wasm_smart::<TokenInfoResponse>(token, &Cw20QueryMsg::TokenInfo {})
        .map(|_| ())
        .map_err(|e| ContractError::NotCw20 {
            address: token.to_string(),
            reason: e.to_string(),
        })
}
