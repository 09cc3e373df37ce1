//! Queries, every value decayed to the block time.

use cosmwasm_std::{to_json_binary, Binary, Deps, Env, Order};
use cw_storage_plus::Bound;
use poe_controllers::page::page_limit;

use crate::error::ContractError;
use crate::execute::raise::decayed;
use crate::msg::{
    ConfigResponse, QueryMsg, ReputationResponse, TagPoints, TagReputationResponse, WritersResponse,
};
use crate::state::{CONFIG, TAGS, TOTALS, WRITERS};

/// Answers every [`QueryMsg`].
///
/// Errors: `Std` (invalid address), `Math` (decay).
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    let now = env.block.time;
    let rate = CONFIG.load(deps.storage)?.decay_rate_per_day;
    Ok(match msg {
        QueryMsg::Config {} => to_json_binary(&ConfigResponse {
            decay_rate_per_day: rate,
            writers: WRITERS.count(deps.storage)?,
        })?,
        QueryMsg::Reputation {
            account,
            start_after,
            limit,
        } => {
            let account = deps.api.addr_validate(&account)?;
            let total = decayed(TOTALS.may_load(deps.storage, &account)?, now, rate)?;
            let start = start_after.as_deref().map(Bound::exclusive);
            let tags = TAGS
                .prefix(&account)
                .range(deps.storage, start, None, Order::Ascending)
                .take(page_limit(limit))
                .map(|item| {
                    let (tag, record) = item?;
                    Ok(TagPoints {
                        tag,
                        points: decayed(Some(record), now, rate)?.points,
                    })
                })
                .collect::<Result<Vec<_>, ContractError>>()?;
            to_json_binary(&ReputationResponse {
                account,
                total: total.points,
                tags,
                as_of: now,
            })?
        }
        QueryMsg::TagReputation { account, tag } => {
            let account = deps.api.addr_validate(&account)?;
            let total = decayed(TOTALS.may_load(deps.storage, &account)?, now, rate)?;
            let points = decayed(
                TAGS.may_load(deps.storage, (&account, tag.as_str()))?,
                now,
                rate,
            )?;
            to_json_binary(&TagReputationResponse {
                account,
                tag,
                points: points.points,
                total: total.points,
            })?
        }
        QueryMsg::Writers { start_after, limit } => {
            let start = start_after
                .map(|a| deps.api.addr_validate(&a))
                .transpose()?;
            to_json_binary(&WritersResponse {
                writers: WRITERS.page(deps.storage, start.as_ref(), limit)?,
            })?
        }
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?)?,
    })
}
