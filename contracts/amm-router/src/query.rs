//! Queries.

use cosmwasm_std::{to_json_binary, Binary, Deps, Env, Uint128};
use poe_interface::amm::pair::{QueryMsg as PairQueryMsg, SimulationResponse};
use poe_interface::amm::router::{ConfigResponse, SimulateSwapOperationsResponse};

use crate::error::ContractError;
use crate::execute::route::resolve;
use crate::msg::QueryMsg;
use crate::state::CONFIG;

/// Dispatches a query.
///
/// Errors: those of [`crate::execute::route::resolve`], `Std` (a pair's simulation failed, e.g.
/// a zero amount or an empty pool).
pub fn query(deps: Deps, _env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    Ok(match msg {
        QueryMsg::Config {} => to_json_binary(&ConfigResponse {
            factory: CONFIG.load(deps.storage)?.factory.to_string(),
        })?,
        QueryMsg::SimulateSwapOperations {
            offer_amount,
            operations,
        } => {
            let hops = resolve(deps, &operations)?;
            let mut amount: Uint128 = offer_amount;
            for hop in hops {
                let sim: SimulationResponse = deps.querier.query_wasm_smart(
                    &hop.pair,
                    &PairQueryMsg::Simulation {
                        offer_asset: hop.offer.with_amount(amount),
                    },
                )?;
                amount = sim.return_amount;
            }
            to_json_binary(&SimulateSwapOperationsResponse { amount })?
        }
    })
}
