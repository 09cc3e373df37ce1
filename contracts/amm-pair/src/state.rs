//! Storage layout. Keys are short and distinct; a layout change gets a new key and a migration.
//! The owner is cw-ownable's (key `ownership`); the cw2 version is cw2's.
//!
//! A swap reads the config, the pool state and the (absent) pending deposit, and writes the pool
//! state (the ring's position included); only the first pool action once
//! `observation_interval_seconds` have passed since the newest observation also writes one
//! observation. Nothing iterates: the TWAP query binary-searches the ring.
//!
//! Layout change of this version (the ring's position moved from its own `ring` item into the
//! `pool` entry, observations gained `since` and the prices): no migration, since no pair is
//! deployed anywhere that holds state (nothing is deployed for real).

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Decimal, Uint128, Uint256};
use cw_storage_plus::{Item, Map};
use poe_controllers::PauseState;
use poe_interface::amm::AssetInfo;
use poe_math::amm::SwapFees;

/// The pair's parameters.
#[cw_serde]
pub struct Config {
    /// The two assets, in the pair's order (checked at instantiation).
    pub asset_infos: [AssetInfo; 2],
    /// The instantiator (the factory).
    pub factory: Addr,
    /// The swap fee and the protocol's share of it.
    pub fees: SwapFees,
    /// Receives the protocol's share; `None`: the whole fee stays in the pool.
    pub fee_address: Option<Addr>,
    /// Swaps and deposits are refused while it runs (`poe_controllers::pause`).
    pub paused_until: PauseState,
    /// Length of the observation ring.
    pub observation_capacity: u32,
    /// Least time between two stored observations, seconds.
    pub observation_interval_seconds: u64,
}

impl Config {
    /// The fees actually applied: no protocol share without a fee address.
    pub fn effective_fees(&self) -> SwapFees {
        match self.fee_address {
            Some(_) => self.fees,
            None => SwapFees {
                total_fee_bps: self.fees.total_fee_bps,
                protocol_fee_share: Decimal::zero(),
            },
        }
    }
}

/// The reserves, the LP supply and the price accumulators (one entry: every pool action reads and
/// writes all of it).
#[cw_serde]
#[derive(Default)]
pub struct PoolState {
    /// Reserves in the pair's order, base units. Changed only by swaps, deposits and withdrawals;
    /// the pair's balances are always at least these.
    pub reserves: [Uint128; 2],
    /// LP base units minted and not burned by the pair (the locked minimum included).
    pub total_share: Uint128,
    /// Sum of (asset 0 price in asset 1) x seconds, scaled by 10^18, wrapping.
    pub price0_cumulative: Uint256,
    /// Sum of (asset 1 price in asset 0) x seconds, scaled by 10^18, wrapping.
    pub price1_cumulative: Uint256,
    /// When the accumulators were last brought up to date (the last block with a pool action),
    /// seconds.
    pub last_update: u64,
    /// Where the ring of observations stands (kept here so that a block's first action writes
    /// one entry, not two).
    pub ring: Ring,
}

/// One observation: the cumulatives at `timestamp`, and the stretch before it over which the
/// price was constant.
#[cw_serde]
pub struct Observation {
    /// Seconds since the epoch; strictly increasing along the ring.
    pub timestamp: u64,
    /// The previous update of the accumulators (`<= timestamp`): the price was `price0` /
    /// `price1` over all of `[since, timestamp]`, so the cumulative is known exactly there.
    /// Non-decreasing along the ring, and at most one interval after the previous observation.
    pub since: u64,
    /// Cumulative scaled price of asset 0 in asset 1 at `timestamp` (wrapping).
    pub price0_cumulative: Uint256,
    /// Cumulative scaled price of asset 1 in asset 0 at `timestamp` (wrapping).
    pub price1_cumulative: Uint256,
    /// The scaled prices (`poe_math::amm::scaled_price`) over `[since, timestamp]`.
    pub price0: Uint256,
    /// The scaled price of asset 1 in asset 0 over `[since, timestamp]`.
    pub price1: Uint256,
}

/// Where the ring of observations stands.
#[cw_serde]
#[derive(Default)]
pub struct Ring {
    /// Observations stored, at most the capacity.
    pub len: u32,
    /// Slot of the next observation (the oldest one once the ring is full).
    pub next: u32,
    /// Timestamp of the newest observation (0 while there is none), seconds.
    pub newest: u64,
}

/// A deposit whose cw20 parts are being pulled (between `ProvideLiquidity` and its reply).
#[cw_serde]
pub struct PendingDeposit {
    /// The sender of `ProvideLiquidity` (pays, and gets the refunds).
    pub depositor: Addr,
    /// Receives the minted LP shares.
    pub receiver: Addr,
    /// The amounts declared, in the pair's order.
    pub deposits: [Uint128; 2],
    /// The pair's balance of each cw20 asset before the pull (zero for a native asset).
    pub balances_before: [Uint128; 2],
    /// Refuses a deposit whose ratio is further than this fraction from the pool's.
    pub slippage_tolerance: Option<Decimal>,
    /// Refuses a deposit minting fewer LP base units.
    pub min_lp_to_receive: Option<Uint128>,
}

/// The pair's configuration.
pub const CONFIG: Item<Config> = Item::new("cfg");
/// The LP token, saved by the reply to its instantiation.
pub const LP_TOKEN: Item<Addr> = Item::new("lp");
/// The reserves, LP supply and price accumulators.
pub const POOL: Item<PoolState> = Item::new("pool");
/// Observations by ring slot.
pub const OBSERVATIONS: Map<u32, Observation> = Map::new("obs");
/// Present only within a `ProvideLiquidity` transaction that pulls cw20 deposits.
pub const PENDING_DEPOSIT: Item<PendingDeposit> = Item::new("pend");
