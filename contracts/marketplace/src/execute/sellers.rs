//! `UpdateSellers`: a capped allow-list per pool, keyed by (pool, seller).

use cosmwasm_std::{Addr, DepsMut, Empty, MessageInfo, Response};

use crate::error::ContractError;
use crate::state::{load_pool, CONFIG, POOLS, SELLERS};

/// Owner: validates every address, removes `remove`, then adds `add` (so a full list can swap
/// members); the pool's `sellers` count follows. Open allocations of a removed seller stay open
/// (the buyer may still release them, the owner may cancel them).
///
/// Attributes: `action=update_sellers`, `pool_id`, `added`, `removed` (comma-separated).
///
/// Errors: `Payment`, `Ownership`, `Std` (invalid address), [`ContractError::PoolNotFound`],
/// [`ContractError::NotSeller`] (removing a non-seller), [`ContractError::AlreadySeller`],
/// [`ContractError::TooManySellers`].
pub fn update_sellers(
    deps: DepsMut,
    info: MessageInfo,
    pool_id: u64,
    add: Vec<String>,
    remove: Vec<String>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut pool = load_pool(deps.storage, pool_id)?;
    let max = CONFIG.load(deps.storage)?.max_sellers_per_pool;
    let validate = |list: &[String]| -> Result<Vec<Addr>, ContractError> {
        Ok(list
            .iter()
            .map(|a| deps.api.addr_validate(a))
            .collect::<Result<_, _>>()?)
    };
    let (add, remove) = (validate(&add)?, validate(&remove)?);
    for address in &remove {
        if !SELLERS.has(deps.storage, (pool_id, address)) {
            return Err(ContractError::NotSeller {
                pool_id,
                address: address.clone(),
            });
        }
        SELLERS.remove(deps.storage, (pool_id, address));
        pool.sellers = pool.sellers.saturating_sub(1);
    }
    for address in &add {
        if SELLERS.has(deps.storage, (pool_id, address)) {
            return Err(ContractError::AlreadySeller {
                pool_id,
                address: address.clone(),
            });
        }
        if pool.sellers >= max {
            return Err(ContractError::TooManySellers { pool_id, max });
        }
        SELLERS.save(deps.storage, (pool_id, address), &Empty {})?;
        pool.sellers += 1;
    }
    POOLS.save(deps.storage, pool_id, &pool)?;
    let join = |list: &[Addr]| list.iter().map(Addr::as_str).collect::<Vec<_>>().join(",");
    Ok(Response::new()
        .add_attribute("action", "update_sellers")
        .add_attribute("pool_id", pool_id.to_string())
        .add_attribute("added", join(&add))
        .add_attribute("removed", join(&remove)))
}
