//! The reply to a pair's instantiation.

use cosmwasm_std::{DepsMut, Env, Reply, Response, StdError};
use poe_controllers::reply::instantiated_address;
use poe_interface::amm::pair::QueryMsg as PairQueryMsg;
use poe_interface::amm::PairInfo;

use crate::error::ContractError;
use crate::execute::REPLY_CREATE_PAIR;
use crate::state::{CONFIG, PAIRS, PENDING_PAIR};

/// [`REPLY_CREATE_PAIR`]: reads the new pair's address, asks the pair for its LP token (created by
/// the pair's own reply, which has run by now) and registers it.
///
/// Attributes: `action=register_pair`, `pair_contract_addr`, `liquidity_token`, `pair_count`.
///
/// Errors: [`ContractError::UnexpectedReply`], `ParseReply`, `Std` (no pending pair, the pair's
/// query), `Overflow`.
pub fn reply(deps: DepsMut, _env: Env, msg: Reply) -> Result<Response, ContractError> {
    if msg.id != REPLY_CREATE_PAIR {
        return Err(ContractError::UnexpectedReply { id: msg.id });
    }
    let response = msg.result.into_result().map_err(StdError::generic_err)?;
    let pair = deps.api.addr_validate(&instantiated_address(response)?)?;
    let pending = PENDING_PAIR.load(deps.storage)?;
    PENDING_PAIR.remove(deps.storage);
    let described: PairInfo = deps
        .querier
        .query_wasm_smart(&pair, &PairQueryMsg::Pair {})?;
    let info = PairInfo {
        asset_infos: pending.asset_infos,
        contract_addr: pair.to_string(),
        liquidity_token: described.liquidity_token,
    };
    PAIRS.save(deps.storage, pending.key, &info)?;
    let mut config = CONFIG.load(deps.storage)?;
    config.pair_count = config
        .pair_count
        .checked_add(1)
        .ok_or_else(|| StdError::generic_err("pair count overflow"))?;
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "register_pair")
        .add_attribute("pair_contract_addr", info.contract_addr)
        .add_attribute("liquidity_token", info.liquidity_token)
        .add_attribute("pair_count", config.pair_count.to_string()))
}
