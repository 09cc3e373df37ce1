//! Queries.

use cosmwasm_std::{to_json_binary, Binary, Deps, Env};
use poe_interface::amm::pair::{
    ConfigResponse, CumulativePricesResponse, PoolResponse, ReverseSimulationResponse,
    SimulationResponse, TwapResponse,
};
use poe_interface::amm::{Asset, PairInfo};
use poe_math::amm::{reverse_swap, swap};

use crate::error::ContractError;
use crate::execute::{asset_index, oriented};
use crate::msg::QueryMsg;
use crate::oracle::{current_cumulatives, twap};
use crate::state::{Config, PoolState, CONFIG, LP_TOKEN, POOL};

/// Dispatches a query.
///
/// Errors: `Std`, and those of each query.
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let state = POOL.load(deps.storage)?;
    Ok(match msg {
        QueryMsg::Pair {} => to_json_binary(&PairInfo {
            asset_infos: config.asset_infos,
            contract_addr: env.contract.address.to_string(),
            liquidity_token: LP_TOKEN.load(deps.storage)?.to_string(),
        })?,
        QueryMsg::Pool {} => to_json_binary(&PoolResponse {
            assets: reserves(&config, &state),
            total_share: state.total_share,
        })?,
        QueryMsg::Config {} => to_json_binary(&ConfigResponse {
            factory: config.factory.to_string(),
            total_fee_bps: config.fees.total_fee_bps,
            protocol_fee_share: config.fees.protocol_fee_share,
            fee_address: config.fee_address.as_ref().map(|a| a.to_string()),
            paused_until: config.paused_until.active(&env.block),
            observation_capacity: config.observation_capacity,
            observation_interval_seconds: config.observation_interval_seconds,
            observation_count: state.ring.len,
        })?,
        QueryMsg::Simulation { offer_asset } => {
            to_json_binary(&simulation(&config, &state, &offer_asset)?)?
        }
        QueryMsg::ReverseSimulation { ask_asset } => {
            to_json_binary(&reverse_simulation(&config, &state, &ask_asset)?)?
        }
        QueryMsg::CumulativePrices {} => {
            let now = env.block.time.seconds();
            let (price0_cumulative, price1_cumulative) = current_cumulatives(&state, now)?;
            to_json_binary(&CumulativePricesResponse {
                assets: reserves(&config, &state),
                total_share: state.total_share,
                price0_cumulative,
                price1_cumulative,
                block_time: now.max(state.last_update),
            })?
        }
        QueryMsg::Twap { window_seconds } => {
            let now = env.block.time.seconds();
            let (start, price0_average, price1_average) =
                twap(deps.storage, &config, &state, now, window_seconds)?;
            to_json_binary(&TwapResponse {
                asset_infos: config.asset_infos,
                price0_average,
                price1_average,
                window_seconds,
                start,
                end: now,
            })?
        }
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?)?,
        QueryMsg::PauseStatus {} => to_json_binary(&config.paused_until.status(&env.block))?,
    })
}

/// The reserves as assets, in the pair's order.
fn reserves(config: &Config, state: &PoolState) -> [Asset; 2] {
    [
        config.asset_infos[0].with_amount(state.reserves[0]),
        config.asset_infos[1].with_amount(state.reserves[1]),
    ]
}

/// What a swap of `offer_asset` would do now: the same `poe_math::amm::swap` on the same reserves
/// and fees as the execution.
///
/// Errors: [`ContractError::UnknownAsset`], `Math` (zero offer, empty pool).
pub fn simulation(
    config: &Config,
    state: &PoolState,
    offer_asset: &Asset,
) -> Result<SimulationResponse, ContractError> {
    let i = asset_index(config, &offer_asset.info)?;
    let (offer_reserve, ask_reserve) = oriented(state.reserves, i);
    let out = swap(
        offer_reserve,
        ask_reserve,
        offer_asset.amount,
        &config.effective_fees(),
    )?;
    Ok(SimulationResponse {
        return_amount: out.return_amount,
        spread_amount: out.spread_amount,
        commission_amount: out.commission_amount,
        protocol_fee_amount: out.protocol_fee_amount,
    })
}

/// The smallest offer returning at least `ask_asset`, by `poe_math::amm::reverse_swap`.
///
/// Errors: [`ContractError::UnknownAsset`], `Math` (zero ask, empty pool, an ask the pool cannot
/// pay).
pub fn reverse_simulation(
    config: &Config,
    state: &PoolState,
    ask_asset: &Asset,
) -> Result<ReverseSimulationResponse, ContractError> {
    let j = asset_index(config, &ask_asset.info)?;
    let (ask_reserve, offer_reserve) = oriented(state.reserves, j);
    let out = reverse_swap(
        offer_reserve,
        ask_reserve,
        ask_asset.amount,
        &config.effective_fees(),
    )?;
    Ok(ReverseSimulationResponse {
        offer_amount: out.offer_amount,
        return_amount: out.return_amount,
        spread_amount: out.spread_amount,
        commission_amount: out.commission_amount,
        protocol_fee_amount: out.protocol_fee_amount,
    })
}
