//! Storage layout. Keys are short and distinct; a layout change gets a new key and a migration.
//! The owner is cw-ownable's (key `ownership`); the cw2 version is cw2's.
//!
//! A swap reads the config, the pool state and the (absent) pending deposit, and writes the pool
//! state; the first pool action of a block also writes one observation and the ring's position.
//! Nothing iterates: the TWAP query binary-searches the ring.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Decimal, Timestamp, Uint128, Uint256};
use cw_storage_plus::{Item, Map};
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
    /// Swaps and deposits are refused before this time.
    pub paused_until: Option<Timestamp>,
    /// Length of the observation ring.
    pub observation_capacity: u32,
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
    /// When the accumulators were last brought up to date, seconds.
    pub last_update: u64,
}

/// The cumulatives at one time.
#[cw_serde]
pub struct Observation {
    /// Seconds since the epoch; strictly increasing along the ring.
    pub timestamp: u64,
    pub price0_cumulative: Uint256,
    pub price1_cumulative: Uint256,
}

/// Where the ring of observations stands.
#[cw_serde]
#[derive(Default)]
pub struct Ring {
    /// Observations stored, at most the capacity.
    pub len: u32,
    /// Slot of the next observation (the oldest one once the ring is full).
    pub next: u32,
}

/// A deposit whose cw20 parts are being pulled (between `ProvideLiquidity` and its reply).
#[cw_serde]
pub struct PendingDeposit {
    pub depositor: Addr,
    pub receiver: Addr,
    /// The amounts declared, in the pair's order.
    pub deposits: [Uint128; 2],
    /// The pair's balance of each cw20 asset before the pull (zero for a native asset).
    pub balances_before: [Uint128; 2],
    pub slippage_tolerance: Option<Decimal>,
    pub min_lp_to_receive: Option<Uint128>,
}

pub const CONFIG: Item<Config> = Item::new("cfg");
/// The LP token, saved by the reply to its instantiation.
pub const LP_TOKEN: Item<Addr> = Item::new("lp");
pub const POOL: Item<PoolState> = Item::new("pool");
pub const RING: Item<Ring> = Item::new("ring");
/// Observations by ring slot.
pub const OBSERVATIONS: Map<u32, Observation> = Map::new("obs");
/// Present only within a `ProvideLiquidity` transaction that pulls cw20 deposits.
pub const PENDING_DEPOSIT: Item<PendingDeposit> = Item::new("pend");
