//! `CreatePair`: instantiates a pair by submessage; the reply registers it.

use cosmwasm_std::{to_json_binary, DepsMut, Env, MessageInfo, Response, SubMsg, WasmMsg};
use cw20::{Cw20QueryMsg, TokenInfoResponse};
use poe_interface::amm::pair::InstantiateMsg as PairInstantiateMsg;
use poe_interface::amm::AssetInfo;

use crate::error::ContractError;
use crate::execute::REPLY_CREATE_PAIR;
use crate::state::{pair_name, registry_key, PendingPair, CONFIG, PAIRS, PENDING_PAIR};

/// Longest wasm label wasmd accepts, bytes.
const MAX_LABEL_BYTES: usize = 128;

/// Anyone: checks the assets (valid address or denom, different, a cw20 answering `TokenInfo`)
/// and that no pair of them exists in either order, then instantiates the pair with the factory's
/// parameters (owner and wasm admin: `pair_owner`) with a `reply_on_success`.
///
/// Attributes: `action=create_pair`, `pair` (`<asset>-<asset>`).
///
/// Errors: `Payment` (funds attached), `Std` (invalid address or denom),
/// [`ContractError::IdenticalAssets`], [`ContractError::NotCw20`],
/// [`ContractError::PairExists`].
pub fn create_pair(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    asset_infos: [AssetInfo; 2],
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let asset_infos = [
        asset_infos[0].check(deps.api)?,
        asset_infos[1].check(deps.api)?,
    ];
    if asset_infos[0] == asset_infos[1] {
        return Err(ContractError::IdenticalAssets);
    }
    for asset in &asset_infos {
        if let AssetInfo::Token { contract_addr } = asset {
            deps.querier
                .query_wasm_smart::<TokenInfoResponse>(contract_addr, &Cw20QueryMsg::TokenInfo {})
                .map_err(|e| ContractError::NotCw20 {
                    address: contract_addr.clone(),
                    reason: e.to_string(),
                })?;
        }
    }
    let key = registry_key(&asset_infos);
    let name = pair_name(&asset_infos);
    if let Some(existing) = PAIRS.may_load(deps.storage, key.clone())? {
        return Err(ContractError::PairExists {
            assets: name,
            pair: existing.contract_addr,
        });
    }
    let config = CONFIG.load(deps.storage)?;
    let mut label = format!("poe-amm-pair {name}");
    if label.len() > MAX_LABEL_BYTES {
        label = format!("poe-amm-pair {}", config.pair_count + 1);
    }
    let instantiate = WasmMsg::Instantiate {
        admin: Some(config.pair_owner.to_string()),
        code_id: config.pair_code_id,
        msg: to_json_binary(&PairInstantiateMsg {
            asset_infos: asset_infos.clone(),
            token_code_id: config.token_code_id,
            owner: config.pair_owner.to_string(),
            fee_address: config.fee_address.as_ref().map(|a| a.to_string()),
            total_fee_bps: config.total_fee_bps,
            protocol_fee_share: config.protocol_fee_share,
            observation_capacity: config.observation_capacity,
            observation_interval_seconds: config.observation_interval_seconds,
        })?,
        funds: vec![],
        label,
    };
    PENDING_PAIR.save(deps.storage, &PendingPair { key, asset_infos })?;
    Ok(Response::new()
        .add_submessage(SubMsg::reply_on_success(instantiate, REPLY_CREATE_PAIR))
        .add_attribute("action", "create_pair")
        .add_attribute("pair", name))
}
