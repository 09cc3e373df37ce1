//! A constant-product pair (`x · y = k`) of two assets, with its LP token.
//!
//! - Reserves are kept in the pair's state, not read from its balances: a donation (a transfer
//!   to the pair outside these messages) changes neither the price nor the value of a share; the
//!   pair's balances are always at least its reserves.
//! - The first deposit mints `sqrt(x · y)` LP base units of which
//!   [`MINIMUM_LIQUIDITY`](poe_math::amm::MINIMUM_LIQUIDITY) go to the pair itself and can never
//!   be withdrawn; later deposits take only what the minted share is worth and refund the rest.
//! - A swap's fee (`total_fee_bps` of the output) stays in the pool but for its
//!   `protocol_fee_share`, paid to the fee address (the treasury).
//! - Cumulative prices are brought up to date on the first pool action of each block (with the
//!   reserves before it, in the pool entry); a new observation joins the bounded ring only once
//!   `observation_interval_seconds` have passed since the newest one, so the ring covers about
//!   `observation_capacity x observation_interval_seconds` whatever the activity, and answers
//!   [`QueryMsg::Twap`]: the only price other contracts should use.
//! - The owner (governance) sets the fees and may pause swaps and deposits; withdrawals always
//!   work, so liquidity providers can leave a paused pair.
//!
//! Formulas and rounding: `poe_math::amm`.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Decimal, Decimal256, Timestamp, Uint128, Uint256};
use cw20::Cw20ReceiveMsg;
use cw_ownable::Action;

use super::{Asset, AssetInfo};

pub use poe_math::amm::{DEFAULT_TOTAL_FEE_BPS, MAX_TOTAL_FEE_BPS, MINIMUM_LIQUIDITY};

/// The spread bound of a swap that gives no `max_spread`: 0.5 %.
pub const DEFAULT_MAX_SPREAD: Decimal = Decimal::permille(5);
/// Default number of stored price observations.
pub const DEFAULT_OBSERVATION_CAPACITY: u32 = 360;
/// Highest number of stored price observations accepted.
pub const MAX_OBSERVATION_CAPACITY: u32 = 4_096;
/// Default least time between two stored observations, seconds (5 minutes: with the default
/// capacity of 360 the ring covers 30 hours, so a 24-hour TWAP is always answerable).
pub const DEFAULT_OBSERVATION_INTERVAL_SECONDS: u64 = 300;
/// Longest observation interval accepted, seconds (one day).
pub const MAX_OBSERVATION_INTERVAL_SECONDS: u64 = 86_400;
/// Name, symbol and decimals of every pair's LP token.
pub const LP_TOKEN_NAME: &str = "PoE AMM liquidity share";
/// See [`LP_TOKEN_NAME`].
pub const LP_TOKEN_SYMBOL: &str = "POE-LP";
/// See [`LP_TOKEN_NAME`].
pub const LP_TOKEN_DECIMALS: u8 = 6;

/// Sent by the factory (any instantiator works the same).
#[cw_serde]
pub struct InstantiateMsg {
    /// The two assets (different), in the pair's order.
    pub asset_infos: [AssetInfo; 2],
    /// Code id of the suite's token (`poe-token`), instantiated as the LP token with the pair as
    /// its only minter.
    pub token_code_id: u64,
    /// Sets fees, pauses (cw-ownable; governance). Also the LP token's wasm admin.
    pub owner: String,
    /// Receives the protocol's share of swap fees (the treasury); `None`: all fees stay in the
    /// pool.
    pub fee_address: Option<String>,
    /// Total swap fee, basis points of the output, at most [`MAX_TOTAL_FEE_BPS`].
    pub total_fee_bps: u16,
    /// Fraction of the fee paid to `fee_address`, in `[0, 1]`.
    pub protocol_fee_share: Decimal,
    /// Number of price observations kept (a ring), 1..=[`MAX_OBSERVATION_CAPACITY`]: the longest
    /// TWAP window is covered only while the oldest kept observation is at least that old.
    pub observation_capacity: u32,
    /// Least time between two stored observations, seconds,
    /// 1..=[`MAX_OBSERVATION_INTERVAL_SECONDS`]: the ring covers at least
    /// `(observation_capacity - 1) x observation_interval_seconds` once full, however busy the
    /// pool (a pool idle for longer than the interval covers more).
    pub observation_interval_seconds: u64,
}

/// The pair's executes.
#[cw_serde]
pub enum ExecuteMsg {
    /// cw20 hook: `msg` is a [`Cw20HookMsg`]. `Swap` from one of the pair's cw20 assets,
    /// `WithdrawLiquidity` from its LP token.
    Receive(Cw20ReceiveMsg),
    /// Deposits both assets for LP shares minted to `receiver` (default the sender). Native
    /// assets are attached as funds (exactly these amounts, no other denom); cw20 assets are
    /// pulled with `TransferFrom`, so the sender must have given the pair an allowance; what
    /// arrives is measured (a token with a transfer burn delivers less). Of the deposit only what
    /// the minted share is worth is kept; the rest is refunded to the sender.
    ProvideLiquidity {
        /// One amount of each of the pair's assets, any order, both positive.
        assets: Vec<Asset>,
        /// Refuses a deposit whose ratio is further than this fraction from the pool's.
        slippage_tolerance: Option<Decimal>,
        /// Refuses a deposit minting fewer LP base units.
        min_lp_to_receive: Option<Uint128>,
        /// Who receives the minted LP shares; default the sender.
        receiver: Option<String>,
    },
    /// Swaps a native offer attached as funds (exactly `offer_asset`); a cw20 offer goes through
    /// `Send` with [`Cw20HookMsg::Swap`].
    Swap {
        /// The native coin sold (must equal the attached funds) and its amount in base units.
        offer_asset: Asset,
        /// Offered units per asked unit the trader expects (fees included); with it, the spread
        /// is measured against this price instead of the pool's.
        belief_price: Option<Decimal>,
        /// Largest spread accepted, a fraction in `[0, 1]`; default [`DEFAULT_MAX_SPREAD`].
        max_spread: Option<Decimal>,
        /// Refuses a swap returning less, base units of the asked asset.
        minimum_receive: Option<Uint128>,
        /// Who receives the output; default the sender.
        to: Option<String>,
        /// Refused after this block time, seconds since the epoch.
        deadline: Option<u64>,
    },
    /// Owner only: changes the fees; `None` keeps a value. Applies from the next swap.
    UpdateConfig {
        /// New total swap fee, bps of the output, at most [`MAX_TOTAL_FEE_BPS`].
        total_fee_bps: Option<u16>,
        /// New fraction of the fee paid to the fee address, in `[0, 1]`.
        protocol_fee_share: Option<Decimal>,
        /// New receiver of the protocol's fee share.
        fee_address: Option<String>,
    },
    /// Owner only: refuses swaps and deposits until `until` (block time; `None`: until
    /// `Unpause`), or extends the running pause (never shortens it). Withdrawals keep working.
    /// Same JSON as [`crate::pause::PausableExecuteMsg::Pause`].
    Pause {
        /// The pause's end (block time); `None` (or absent): until `Unpause`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        until: Option<Timestamp>,
    },
    /// Owner only: ends a running pause. Same JSON as
    /// [`crate::pause::PausableExecuteMsg::Unpause`].
    Unpause {},
    /// cw-ownable two-step ownership transfer.
    UpdateOwnership(Action),
}

/// The `msg` of a cw20 `Send` to the pair.
#[cw_serde]
pub enum Cw20HookMsg {
    /// Swaps the sent tokens (from one of the pair's cw20 assets) for the other asset; fields as
    /// [`ExecuteMsg::Swap`].
    Swap {
        /// Offered units per asked unit the trader expects (fees included).
        belief_price: Option<Decimal>,
        /// Largest spread accepted, a fraction in `[0, 1]`; default [`DEFAULT_MAX_SPREAD`].
        max_spread: Option<Decimal>,
        /// Refuses a swap returning less, base units of the asked asset.
        minimum_receive: Option<Uint128>,
        /// Who receives the output; default the cw20 sender.
        to: Option<String>,
        /// Refused after this block time, seconds since the epoch.
        deadline: Option<u64>,
    },
    /// Burns the sent LP shares (from the pair's LP token) for
    /// `floor(share · reserve / total_share)` of each asset, paid to the cw20 sender. Works while
    /// paused.
    WithdrawLiquidity {
        /// Refuses a withdrawal paying less of any listed asset (each at most once).
        min_assets_to_receive: Option<Vec<Asset>>,
    },
}

/// The pair's queries.
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// The assets, the pair's address and its LP token.
    #[returns(super::PairInfo)]
    Pair {},
    /// The reserves (in the pair's order) and the LP supply.
    #[returns(PoolResponse)]
    Pool {},
    /// The fees, fee address, pause and observation ring's parameters.
    #[returns(ConfigResponse)]
    Config {},
    /// What a swap of `offer_asset` would do now, to the base unit.
    #[returns(SimulationResponse)]
    Simulation {
        /// The asset offered (one of the pair's) and its amount in base units.
        offer_asset: Asset,
    },
    /// The smallest offer returning at least `ask_asset`, and what a swap of it would do now.
    #[returns(ReverseSimulationResponse)]
    ReverseSimulation {
        /// The asset asked (one of the pair's) and the least base units wanted.
        ask_asset: Asset,
    },
    /// The cumulative prices brought up to the current block time (without writing).
    #[returns(CumulativePricesResponse)]
    CumulativePrices {},
    /// The time-weighted average prices over at least the last `window_seconds` (see
    /// [`TwapResponse::start`]), from the stored observations. Errors when the window is zero or
    /// reaches before what the ring covers: never a shorter window.
    #[returns(TwapResponse)]
    Twap {
        /// Length of the averaging window, seconds, above 0.
        window_seconds: u64,
    },
    /// The pair's owner and any pending transfer (cw-ownable).
    #[returns(cw_ownable::Ownership<String>)]
    Ownership {},
    /// The pause state now (the query every pausable contract answers).
    #[returns(crate::pause::PauseStatusResponse)]
    PauseStatus {},
}

/// The pool's reserves and LP supply.
#[cw_serde]
pub struct PoolResponse {
    /// The reserves, in the pair's order.
    pub assets: [Asset; 2],
    /// LP base units outstanding (the locked minimum included).
    pub total_share: Uint128,
}

/// The pair's configuration.
#[cw_serde]
pub struct ConfigResponse {
    /// The instantiator (the factory).
    pub factory: String,
    /// Total swap fee, basis points of the output.
    pub total_fee_bps: u16,
    /// Fraction of the fee paid to `fee_address`, in `[0, 1]`.
    pub protocol_fee_share: Decimal,
    /// Receiver of the protocol's fee share; `None`: all fees stay in the pool.
    pub fee_address: Option<String>,
    /// Swaps and deposits are refused until then (`None`: not paused).
    pub paused_until: Option<Timestamp>,
    /// Most price observations kept in the ring.
    pub observation_capacity: u32,
    /// Least time between two stored observations, seconds.
    pub observation_interval_seconds: u64,
    /// Observations stored now.
    pub observation_count: u32,
}

/// A swap's simulated outcome, base units.
#[cw_serde]
pub struct SimulationResponse {
    /// Paid to the trader, base units of the asked asset.
    pub return_amount: Uint128,
    /// The trade's price impact: the output at the pool's price minus the output before the fee.
    pub spread_amount: Uint128,
    /// The fee, of which `protocol_fee_amount` goes to the fee address.
    pub commission_amount: Uint128,
    /// The part of `commission_amount` paid to the fee address, base units of the asked asset.
    pub protocol_fee_amount: Uint128,
}

/// A reverse swap's simulated outcome, base units.
#[cw_serde]
pub struct ReverseSimulationResponse {
    /// The smallest offer returning at least the ask.
    pub offer_amount: Uint128,
    /// What that offer returns (at least the ask).
    pub return_amount: Uint128,
    /// The price impact, base units of the asked asset (as in [`SimulationResponse`]).
    pub spread_amount: Uint128,
    /// The fee, base units of the asked asset.
    pub commission_amount: Uint128,
    /// The part of `commission_amount` paid to the fee address.
    pub protocol_fee_amount: Uint128,
}

/// The pool and its cumulative prices now.
#[cw_serde]
pub struct CumulativePricesResponse {
    /// The reserves, in the pair's order.
    pub assets: [Asset; 2],
    /// LP base units outstanding.
    pub total_share: Uint128,
    /// Sum over time of (asset 0's price in asset 1 base units per base unit) x seconds, scaled
    /// by 10^18, wrapping at 2^256 (only differences are meaningful).
    pub price0_cumulative: Uint256,
    /// The same for asset 1 priced in asset 0.
    pub price1_cumulative: Uint256,
    /// The time the cumulatives are brought up to (now), seconds.
    pub block_time: u64,
}

/// Time-weighted average prices over a window ending now.
#[cw_serde]
pub struct TwapResponse {
    /// The pair's assets, in its order (asset 0, asset 1).
    pub asset_infos: [AssetInfo; 2],
    /// Average price of asset 0 in base units of asset 1 per base unit, over `[start, end]`
    /// (floored to 18 decimals).
    pub price0_average: Decimal256,
    /// Average price of asset 1 in base units of asset 0 per base unit.
    pub price1_average: Decimal256,
    /// The window asked.
    pub window_seconds: u64,
    /// Where the average starts, seconds: `end - window_seconds` when the cumulative is known
    /// exactly there, otherwise the newest observation before it, less than one observation
    /// interval earlier. So `end - start >= window_seconds`: the window is never shorter than
    /// asked.
    pub start: u64,
    /// The current block time, seconds.
    pub end: u64,
}

/// Migrates the pair (no parameters).
#[cw_serde]
pub struct MigrateMsg {}
