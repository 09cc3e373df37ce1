//! Queries: cw20-base's, plus `TransferBurn`, `Ownership` and `SupplyRecord`. A retired token
//! answers every `Balance` with 0 and `TokenInfo` with a total supply of 0; `AllAccounts` still
//! lists the accounts that held it (their stored balances are never read again).

use cosmwasm_std::{to_json_binary, Binary, Deps, Env, Order, StdError, StdResult, Uint128};
use cw20_base::allowances::query_allowance;
use cw20_base::contract::{
    query_balance, query_download_logo, query_marketing_info, query_minter, query_token_info,
};
use cw20_base::enumerable::{query_all_accounts, query_owner_allowances, query_spender_allowances};

use crate::error::ContractError;
use crate::msg::{
    BurnReason, BurnTotal, MintReason, MintTotal, QueryMsg, SupplyRecordResponse,
    TransferBurnResponse,
};
use crate::state::{is_retired, BURNED, MINTED, RETIRED_MARKER, TRANSFER_BURN_BPS};

/// Dispatches a query; cw20 queries answer exactly as cw20-base.
pub fn query(deps: Deps, _env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    let bin = match msg {
        QueryMsg::Balance { address } => {
            if is_retired(deps.storage)? {
                deps.api.addr_validate(&address)?;
                to_json_binary(&cw20::BalanceResponse {
                    balance: Uint128::zero(),
                })
            } else {
                to_json_binary(&query_balance(deps, address)?)
            }
        }
        QueryMsg::TokenInfo {} => to_json_binary(&query_token_info(deps)?),
        QueryMsg::Minter {} => to_json_binary(&query_minter(deps)?),
        QueryMsg::Allowance { owner, spender } => {
            to_json_binary(&query_allowance(deps, owner, spender)?)
        }
        QueryMsg::AllAllowances {
            owner,
            start_after,
            limit,
        } => to_json_binary(&query_owner_allowances(deps, owner, start_after, limit)?),
        QueryMsg::AllSpenderAllowances {
            spender,
            start_after,
            limit,
        } => to_json_binary(&query_spender_allowances(
            deps,
            spender,
            start_after,
            limit,
        )?),
        QueryMsg::AllAccounts { start_after, limit } => {
            to_json_binary(&query_all_accounts(deps, start_after, limit)?)
        }
        QueryMsg::MarketingInfo {} => to_json_binary(&query_marketing_info(deps)?),
        QueryMsg::DownloadLogo {} => to_json_binary(&query_download_logo(deps)?),
        QueryMsg::TransferBurn {} => to_json_binary(&query_transfer_burn(deps)?),
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?),
        QueryMsg::SupplyRecord {} => to_json_binary(&query_supply_record(deps)?),
    }?;
    Ok(bin)
}

/// The current transfer burn, in basis points (0 for a retired token, which moves nothing).
pub fn query_transfer_burn(deps: Deps) -> StdResult<TransferBurnResponse> {
    let bps = TRANSFER_BURN_BPS
        .may_load(deps.storage)?
        .unwrap_or_default();
    Ok(TransferBurnResponse {
        transfer_burn_bps: if bps == RETIRED_MARKER { 0 } else { bps },
    })
}

/// The totals per mint and burn reason (the counters that exist, at most 12 + 6 entries) and
/// their sums.
///
/// Errors: a counter under a key that is no reason (never written by the token), or sums past
/// `Uint128::MAX` (impossible while each counter is bounded by what was minted).
pub fn query_supply_record(deps: Deps) -> StdResult<SupplyRecordResponse> {
    let minted = MINTED
        .range(deps.storage, None, None, Order::Ascending)
        .map(|entry| {
            let (key, amount) = entry?;
            let reason = *MintReason::ALL
                .get(usize::from(key))
                .ok_or_else(|| StdError::generic_err(format!("unknown mint reason key {key}")))?;
            Ok(MintTotal { reason, amount })
        })
        .collect::<StdResult<Vec<_>>>()?;
    let burned = BURNED
        .range(deps.storage, None, None, Order::Ascending)
        .map(|entry| {
            let (key, amount) = entry?;
            let reason = *BurnReason::ALL
                .get(usize::from(key))
                .ok_or_else(|| StdError::generic_err(format!("unknown burn reason key {key}")))?;
            Ok(BurnTotal { reason, amount })
        })
        .collect::<StdResult<Vec<_>>>()?;
    let total_minted = minted
        .iter()
        .try_fold(Uint128::zero(), |sum, t| sum.checked_add(t.amount))?;
    let total_burned = burned
        .iter()
        .try_fold(Uint128::zero(), |sum, t| sum.checked_add(t.amount))?;
    Ok(SupplyRecordResponse {
        minted,
        burned,
        total_minted,
        total_burned,
    })
}
