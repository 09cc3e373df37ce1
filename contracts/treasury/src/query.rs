//! Queries.

use cosmwasm_std::{to_json_binary, Binary, Deps, Env, Order, StdResult};
use cw_storage_plus::Bound;
use poe_controllers::page::page_limit;

use crate::asset::{key_of, CheckedAsset};
use crate::error::ContractError;
use crate::msg::{AssetBalanceResponse, AssetInfo, BalancesResponse, LedgerBalance, QueryMsg};
use crate::state::{Ledger, LEDGER};

/// Dispatches a query.
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    Ok(match msg {
        QueryMsg::Balance { asset } => to_json_binary(&query_balance(deps, env, asset)?)?,
        QueryMsg::Balances { start_after, limit } => {
            to_json_binary(&query_balances(deps, env, start_after, limit)?)?
        }
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?)?,
    })
}

/// The live balance of `asset` (a cw20 `Balance` query or a bank query) and its ledger (zeros
/// when nothing ever moved).
///
/// Errors: an invalid address or denom; a cw20 address that does not answer `Balance`.
pub fn query_balance(
    deps: Deps,
    env: Env,
    asset: AssetInfo,
) -> Result<AssetBalanceResponse, ContractError> {
    let asset = CheckedAsset::check(deps, &asset)?;
    let ledger = LEDGER
        .may_load(deps.storage, &asset.key())?
        .unwrap_or_default();
    Ok(response(deps, &env, &asset, ledger)?)
}

/// Every asset in the ledger, in `AssetInfo` order (cw20 tokens by address, then native denoms),
/// after `start_after`; [`page_limit`] entries (default 10, 1 to 30). A token whose `Balance`
/// query fails (a token that answered at its first deposit and broke later) does not fail the
/// page: its entry reports the ledger with `balance: None` and the error in `balance_error`.
///
/// Errors: storage only.
pub fn query_balances(
    deps: Deps,
    env: Env,
    start_after: Option<AssetInfo>,
    limit: Option<u32>,
) -> StdResult<BalancesResponse> {
    let start = start_after.as_ref().map(key_of);
    let balances = LEDGER
        .range(
            deps.storage,
            start.as_deref().map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(page_limit(limit))
        .map(|item| {
            let (key, ledger) = item?;
            let asset = CheckedAsset::from_key(&key)?;
            let (balance, balance_error) = match asset.balance_of(deps, &env.contract.address) {
                Ok(balance) => (Some(balance), None),
                Err(err) => (None, Some(err.to_string())),
            };
            Ok(LedgerBalance {
                asset: asset.info(),
                balance,
                balance_error,
                total_received: ledger.received,
                total_spent: ledger.spent,
            })
        })
        .collect::<StdResult<_>>()?;
    Ok(BalancesResponse { balances })
}

fn response(
    deps: Deps,
    env: &Env,
    asset: &CheckedAsset,
    ledger: Ledger,
) -> StdResult<AssetBalanceResponse> {
    Ok(AssetBalanceResponse {
        asset: asset.info(),
        balance: asset.balance_of(deps, &env.contract.address)?,
        total_received: ledger.received,
        total_spent: ledger.spent,
    })
}
