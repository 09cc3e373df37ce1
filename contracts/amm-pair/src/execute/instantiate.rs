//! Instantiation: the pair's parameters and its LP token.

use cosmwasm_std::{to_json_binary, DepsMut, Env, MessageInfo, Response, SubMsg, WasmMsg};
use cw2::set_contract_version;
use cw20::MinterResponse;
use poe_controllers::PauseState;
use poe_interface::amm::pair::{
    LP_TOKEN_DECIMALS, LP_TOKEN_NAME, LP_TOKEN_SYMBOL, MAX_OBSERVATION_CAPACITY,
    MAX_OBSERVATION_INTERVAL_SECONDS,
};
use poe_interface::token::InstantiateMsg as TokenInstantiateMsg;
use poe_math::amm::SwapFees;

use crate::error::ContractError;
use crate::execute::REPLY_INSTANTIATE_LP;
use crate::msg::InstantiateMsg;
use crate::state::{Config, PoolState, CONFIG, POOL};
use crate::{CONTRACT_NAME, CONTRACT_VERSION};

/// Checks the observation ring: capacity 1..=[`MAX_OBSERVATION_CAPACITY`], interval
/// 1..=[`MAX_OBSERVATION_INTERVAL_SECONDS`] seconds.
///
/// Errors: [`ContractError::InvalidConfig`].
pub fn check_observation_ring(capacity: u32, interval_seconds: u64) -> Result<(), ContractError> {
    if capacity == 0 || capacity > MAX_OBSERVATION_CAPACITY {
        return Err(ContractError::invalid(
            "observation_capacity",
            format!("{capacity} is not in 1..={MAX_OBSERVATION_CAPACITY}"),
        ));
    }
    if interval_seconds == 0 || interval_seconds > MAX_OBSERVATION_INTERVAL_SECONDS {
        return Err(ContractError::invalid(
            "observation_interval_seconds",
            format!("{interval_seconds} is not in 1..={MAX_OBSERVATION_INTERVAL_SECONDS}"),
        ));
    }
    Ok(())
}

/// Stores the config (the sender as the factory), an empty pool, the owner, and instantiates the
/// LP token (`poe-token`, no initial balance, the pair its only minter with no cap, no transfer
/// burn, the pair its owner so nobody can ever set one; wasm admin: the pair's owner) with a
/// `reply_on_success`.
///
/// Errors: `Payment` (funds attached), `Std` (invalid address or denom),
/// [`ContractError::IdenticalAssets`], `Math` (fees out of range),
/// [`ContractError::InvalidConfig`] (observation capacity or interval).
pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let asset_infos = [
        msg.asset_infos[0].check(deps.api)?,
        msg.asset_infos[1].check(deps.api)?,
    ];
    if asset_infos[0] == asset_infos[1] {
        return Err(ContractError::IdenticalAssets);
    }
    let fees = SwapFees {
        total_fee_bps: msg.total_fee_bps,
        protocol_fee_share: msg.protocol_fee_share,
    };
    fees.validate()?;
    check_observation_ring(msg.observation_capacity, msg.observation_interval_seconds)?;
    let fee_address = msg
        .fee_address
        .map(|a| deps.api.addr_validate(&a))
        .transpose()?;
    let owner = deps.api.addr_validate(&msg.owner)?;

    set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    let ownership = cw_ownable::initialize_owner(deps.storage, deps.api, Some(owner.as_str()))?;
    let config = Config {
        asset_infos,
        factory: info.sender,
        fees,
        fee_address,
        paused_until: PauseState::none(),
        observation_capacity: msg.observation_capacity,
        observation_interval_seconds: msg.observation_interval_seconds,
    };
    CONFIG.save(deps.storage, &config)?;
    POOL.save(
        deps.storage,
        &PoolState {
            last_update: env.block.time.seconds(),
            ..PoolState::default()
        },
    )?;

    let lp = WasmMsg::Instantiate {
        admin: Some(owner.to_string()),
        code_id: msg.token_code_id,
        msg: to_json_binary(&TokenInstantiateMsg {
            name: LP_TOKEN_NAME.to_string(),
            symbol: LP_TOKEN_SYMBOL.to_string(),
            decimals: LP_TOKEN_DECIMALS,
            initial_balances: vec![],
            mint: Some(MinterResponse {
                minter: env.contract.address.to_string(),
                cap: None,
            }),
            marketing: None,
            transfer_burn_bps: None,
            owner: None,
            retirable: None,
        })?,
        funds: vec![],
        label: format!("poe-amm-lp {}", env.contract.address),
    };
    Ok(Response::new()
        .add_submessage(SubMsg::reply_on_success(lp, REPLY_INSTANTIATE_LP))
        .add_attribute("action", "instantiate")
        .add_attribute("asset0", config.asset_infos[0].to_string())
        .add_attribute("asset1", config.asset_infos[1].to_string())
        .add_attribute("total_fee_bps", config.fees.total_fee_bps.to_string())
        .add_attribute(
            "protocol_fee_share",
            config.fees.protocol_fee_share.to_string(),
        )
        .add_attribute(
            "observation_capacity",
            config.observation_capacity.to_string(),
        )
        .add_attribute(
            "observation_interval_seconds",
            config.observation_interval_seconds.to_string(),
        )
        .add_attributes(ownership.into_attributes()))
}
