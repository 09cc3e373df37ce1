//! The AMM router: a swap along up to [`MAX_SWAP_OPERATIONS`] pairs of the factory in one
//! transaction. Each hop is a submessage; its reply measures what actually arrived (the router's
//! balance before and after) and sends exactly that into the next hop; the last hop pays the
//! receiver, and `minimum_receive` is checked on the receiver's balance change.
//!
//! The router holds nothing between transactions and has no owner.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Decimal, Uint128};
use cw20::Cw20ReceiveMsg;

use super::AssetInfo;

/// Most hops of one route.
pub const MAX_SWAP_OPERATIONS: usize = 4;

/// Instantiates the router.
#[cw_serde]
pub struct InstantiateMsg {
    /// The AMM factory whose registry gives each hop's pair.
    pub factory: String,
}

/// One hop: sell `offer_asset_info` for `ask_asset_info` in the factory's pair of the two.
#[cw_serde]
pub struct SwapOperation {
    /// The asset sold into the hop's pair.
    pub offer_asset_info: AssetInfo,
    /// The asset bought from it (the next hop's offer).
    pub ask_asset_info: AssetInfo,
}

/// The router's executes.
#[cw_serde]
pub enum ExecuteMsg {
    /// cw20 hook: `msg` is a [`Cw20HookMsg`]; the calling token must be the first hop's offer.
    Receive(Cw20ReceiveMsg),
    /// Swaps the attached native funds (exactly one coin, the first hop's offer denom) along
    /// `operations`.
    ExecuteSwapOperations {
        /// 1..=[`MAX_SWAP_OPERATIONS`] hops, each offering what the previous one asked, each
        /// through a different pair.
        operations: Vec<SwapOperation>,
        /// Refuses the route when the receiver gets less of the last asked asset.
        minimum_receive: Option<Uint128>,
        /// Who receives the output; default the sender.
        to: Option<String>,
        /// Spread bound passed to every hop; default the pair's (0.5 %). Pass 1 to rely on
        /// `minimum_receive` alone.
        max_spread: Option<Decimal>,
        /// Refused after this block time, seconds since the epoch.
        deadline: Option<u64>,
    },
}

/// The `msg` of a cw20 `Send` to the router.
#[cw_serde]
pub enum Cw20HookMsg {
    /// As [`ExecuteMsg::ExecuteSwapOperations`], with the sent tokens as the offer.
    ExecuteSwapOperations {
        /// 1..=[`MAX_SWAP_OPERATIONS`] hops, the first offering the sent token.
        operations: Vec<SwapOperation>,
        /// Least base units of the last asked asset the receiver must get.
        minimum_receive: Option<Uint128>,
        /// Who receives the output; default the cw20 sender.
        to: Option<String>,
        /// Spread bound passed to every hop; default the pair's (0.5 %).
        max_spread: Option<Decimal>,
        /// Refused after this block time, seconds since the epoch.
        deadline: Option<u64>,
    },
}

/// The router's queries.
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// The factory the router routes through.
    #[returns(ConfigResponse)]
    Config {},
    /// What the route would return now, hop by hop from the pairs' `Simulation` (a token with a
    /// transfer burn delivers less than simulated).
    #[returns(SimulateSwapOperationsResponse)]
    SimulateSwapOperations {
        /// Base units of the first hop's offer asset.
        offer_amount: Uint128,
        /// The route, as for `ExecuteSwapOperations`.
        operations: Vec<SwapOperation>,
    },
}

/// The router's configuration.
#[cw_serde]
pub struct ConfigResponse {
    /// The AMM factory's address.
    pub factory: String,
}

/// The simulated output of a route.
#[cw_serde]
pub struct SimulateSwapOperationsResponse {
    /// Base units of the last asked asset.
    pub amount: Uint128,
}

/// Migrates the router (no parameters).
#[cw_serde]
pub struct MigrateMsg {}
