//! Queries.

use cosmwasm_std::{to_json_binary, Binary, Deps, Env, Order, StdResult};
use cw_storage_plus::Bound;
use poe_controllers::page::page_limit;
use poe_interface::amm::factory::{ConfigResponse, PairsResponse};
use poe_interface::amm::{AssetInfo, PairInfo};

use crate::error::ContractError;
use crate::msg::QueryMsg;
use crate::state::{pair_name, registry_key, CONFIG, PAIRS};

/// Dispatches a query.
///
/// Errors: `Std` (an invalid address or denom), [`ContractError::PairNotFound`].
pub fn query(deps: Deps, _env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    Ok(match msg {
        QueryMsg::Config {} => {
            let c = CONFIG.load(deps.storage)?;
            to_json_binary(&ConfigResponse {
                pair_code_id: c.pair_code_id,
                token_code_id: c.token_code_id,
                pair_owner: c.pair_owner.to_string(),
                fee_address: c.fee_address.map(|a| a.to_string()),
                total_fee_bps: c.total_fee_bps,
                protocol_fee_share: c.protocol_fee_share,
                observation_capacity: c.observation_capacity,
                observation_interval_seconds: c.observation_interval_seconds,
                pair_count: c.pair_count,
            })?
        }
        QueryMsg::Pair { asset_infos } => to_json_binary(&pair(deps, asset_infos)?)?,
        QueryMsg::Pairs { start_after, limit } => {
            let limit = page_limit(limit);
            let start = start_after
                .map(|infos| checked(deps, infos).map(|infos| registry_key(&infos)))
                .transpose()?
                .map(Bound::exclusive);
            let pairs = PAIRS
                .range(deps.storage, start, None, Order::Ascending)
                .take(limit)
                .map(|item| item.map(|(_, info)| info))
                .collect::<StdResult<Vec<_>>>()?;
            to_json_binary(&PairsResponse { pairs })?
        }
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?)?,
    })
}

/// The assets with validated addresses and denoms.
fn checked(deps: Deps, infos: [AssetInfo; 2]) -> StdResult<[AssetInfo; 2]> {
    Ok([infos[0].check(deps.api)?, infos[1].check(deps.api)?])
}

/// The pair of two assets, in either order.
///
/// Errors: `Std` (an invalid address or denom), [`ContractError::PairNotFound`].
pub fn pair(deps: Deps, asset_infos: [AssetInfo; 2]) -> Result<PairInfo, ContractError> {
    let infos = checked(deps, asset_infos)?;
    PAIRS
        .may_load(deps.storage, registry_key(&infos))?
        .ok_or_else(|| ContractError::PairNotFound {
            assets: pair_name(&infos),
        })
}
