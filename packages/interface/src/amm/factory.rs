//! The AMM factory: creates constant-product pairs (cw20/cw20, cw20/native, native/native), each
//! with its LP token, and keeps the registry, one pair per unordered asset pair.
//!
//! Anyone may create a pair: every pair gets the factory's current parameters (fees, fee
//! address, owner), so creating one grants nothing. The factory instantiates the pair by a
//! submessage and registers it in the reply; the pair instantiates its own LP token the same way.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::Decimal;
use cw_ownable::Action;

use super::{AssetInfo, PairInfo};

/// Default protocol share of the swap fee when a fee address is set: 20 % (0.06 % of the
/// volume at the default 0.3 % fee).
pub const DEFAULT_PROTOCOL_FEE_SHARE: Decimal = Decimal::percent(20);

/// Instantiates the factory.
#[cw_serde]
pub struct InstantiateMsg {
    /// Changes the configuration (cw-ownable; governance after bootstrap); default the sender.
    pub owner: Option<String>,
    /// Code id of `poe-amm-pair`.
    pub pair_code_id: u64,
    /// Code id of `poe-token` (every pair's LP token).
    pub token_code_id: u64,
    /// Owner of every new pair (sets its fees, pauses it) and wasm admin of the pair and its LP
    /// token: governance. Default `owner`.
    pub pair_owner: Option<String>,
    /// Receives new pairs' protocol fee share (the treasury); default none.
    pub fee_address: Option<String>,
    /// New pairs' total swap fee, bps; default `pair::DEFAULT_TOTAL_FEE_BPS` (30).
    pub total_fee_bps: Option<u16>,
    /// New pairs' protocol share of the fee; default [`DEFAULT_PROTOCOL_FEE_SHARE`].
    pub protocol_fee_share: Option<Decimal>,
    /// New pairs' number of TWAP observations; default `pair::DEFAULT_OBSERVATION_CAPACITY`.
    pub observation_capacity: Option<u32>,
    /// New pairs' least time between two observations, seconds; default
    /// `pair::DEFAULT_OBSERVATION_INTERVAL_SECONDS` (300). A pair's ring covers about
    /// `observation_capacity x observation_interval_seconds` (30 hours by default).
    pub observation_interval_seconds: Option<u64>,
}

/// The factory's executes.
#[cw_serde]
pub enum ExecuteMsg {
    /// Anyone: creates the pair of `asset_infos` (different assets; a cw20 must answer the cw20
    /// `TokenInfo` query) with the factory's parameters, and registers it. Refused when a pair of
    /// these assets, in either order, exists.
    CreatePair {
        /// The two assets, in the order the pair will keep (its reserves' and prices' order).
        asset_infos: [AssetInfo; 2],
    },
    /// Owner only: changes the parameters of pairs created from now on; `None` keeps a value.
    /// Existing pairs are changed by their own owner.
    UpdateConfig {
        /// New code id of `poe-amm-pair`.
        pair_code_id: Option<u64>,
        /// New code id of `poe-token` (LP tokens).
        token_code_id: Option<u64>,
        /// New owner and wasm admin of new pairs and their LP tokens.
        pair_owner: Option<String>,
        /// New receiver of new pairs' protocol fee share.
        fee_address: Option<String>,
        /// New pairs' total swap fee, bps.
        total_fee_bps: Option<u16>,
        /// New pairs' protocol share of the swap fee, a fraction of 1.
        protocol_fee_share: Option<Decimal>,
        /// New pairs' number of TWAP observations.
        observation_capacity: Option<u32>,
        /// New pairs' least time between two observations, seconds.
        observation_interval_seconds: Option<u64>,
    },
    /// cw-ownable two-step ownership transfer.
    UpdateOwnership(Action),
}

/// The factory's queries.
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// The parameters given to new pairs, and the pair count.
    #[returns(ConfigResponse)]
    Config {},
    /// The pair of these two assets, in either order.
    #[returns(PairInfo)]
    Pair {
        /// The two assets, in either order.
        asset_infos: [AssetInfo; 2],
    },
    /// Registered pairs, ordered by their (sorted) assets; paginated (`poe_interface`'s
    /// `DEFAULT_LIMIT` 10, at most `MAX_LIMIT` 30, at least 1).
    /// `start_after` is the `asset_infos` of the last pair of the previous page, in either order.
    #[returns(PairsResponse)]
    Pairs {
        /// The last pair of the previous page (exclusive), its assets in either order.
        start_after: Option<[AssetInfo; 2]>,
        /// Page size, 1..=30; default 10.
        limit: Option<u32>,
    },
    /// The factory's owner and any pending transfer (cw-ownable).
    #[returns(cw_ownable::Ownership<String>)]
    Ownership {},
}

/// The factory's parameters for new pairs.
#[cw_serde]
pub struct ConfigResponse {
    /// Code id of `poe-amm-pair`.
    pub pair_code_id: u64,
    /// Code id of `poe-token` (LP tokens).
    pub token_code_id: u64,
    /// Owner and wasm admin of new pairs and their LP tokens (governance).
    pub pair_owner: String,
    /// Receiver of new pairs' protocol fee share; `None`: no protocol fee.
    pub fee_address: Option<String>,
    /// New pairs' total swap fee, bps of the offer.
    pub total_fee_bps: u16,
    /// New pairs' protocol share of the swap fee, a fraction of 1.
    pub protocol_fee_share: Decimal,
    /// New pairs' number of TWAP observations kept.
    pub observation_capacity: u32,
    /// New pairs' least time between two observations, seconds.
    pub observation_interval_seconds: u64,
    /// Pairs registered so far.
    pub pair_count: u64,
}

/// A page of registered pairs.
#[cw_serde]
pub struct PairsResponse {
    /// The pairs, ordered by their sorted assets.
    pub pairs: Vec<PairInfo>,
}

/// Migrates the factory (no parameters).
#[cw_serde]
pub struct MigrateMsg {}
