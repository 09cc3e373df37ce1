//! Storage layout. Keys are short and distinct; a layout change gets a new key and a migration.
//!
//! Per job the contract reads and writes a fixed set of entries (config, state, epoch, miner,
//! miner-epoch, salary month, job): nothing iterates over miners, so closing an epoch and
//! claiming one epoch's reward are O(1) whatever the number of miners.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Decimal, Empty, Timestamp, Uint128};
use cw_storage_plus::{Item, Map};
use poe_interface::poe_mining::{EconomicJobType, PoeParams};
use poe_math::{fee::FeeSplit, poe::EpochActivity, poe::PoeIndex, salary::SalaryBreakdown};

use poe_math::schedule::Schedule;

pub const CONTRACT_NAME: &str = "crates.io:poe-mining";
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

#[cw_serde]
pub struct Config {
    pub flx_token: Addr,
    pub nex_token: Addr,
    pub treasury: Addr,
    pub owner_salary_recipient: Addr,
    pub params: PoeParams,
    pub genesis_time: Timestamp,
    pub schedule: Schedule,
}

/// Running totals since genesis.
#[cw_serde]
#[derive(Default)]
pub struct State {
    pub next_job_id: u64,
    pub next_epoch_to_close: u64,
    pub total_miners: u64,
    pub total_jobs: u64,
    pub total_job_value: Uint128,
    pub total_network_poe: Uint128,
    /// Jobs per `EconomicJobType`, indexed by `EconomicJobType::index`.
    pub job_type_counts: [u64; 10],
    pub fee_split_totals: FeeSplit,
    pub nex_minted_total: Uint128,
    pub nex_claimed_total: Uint128,
    /// FLX owed to the treasury (treasury_net, rounding, salary above the cap), sent at each close.
    pub treasury_pending: Uint128,
    pub treasury_paid: Uint128,
    pub salary_halted: bool,
    pub last_closed_gamma: Option<Decimal>,
    /// Set by the owner's `Pause { until }` (governance's guardian, bounded there): every
    /// economic operation is refused while block time is before it.
    #[serde(default)]
    pub paused_until: Option<Timestamp>,
}

/// What an epoch's jobs add up to; `closed` is set once, by `close_epoch`.
#[cw_serde]
#[derive(Default)]
pub struct EpochState {
    pub activity: EpochActivity,
    pub active_miners: u64,
    /// `sum PoE_i` over the epoch's miners.
    pub total_poe_score: Uint128,
    /// `sum w_i`, kept exact as each job updates one miner's `w_i`.
    pub total_weighted_score: Uint128,
    pub closed: Option<ClosedEpoch>,
}

#[cw_serde]
pub struct ClosedEpoch {
    pub index: PoeIndex,
    pub nex_minted: Uint128,
    pub closed_at: Timestamp,
}

#[cw_serde]
pub struct Miner {
    pub specialization: Option<EconomicJobType>,
    pub registered_at: Timestamp,
    pub total_poe_score: Uint128,
    pub jobs_completed: u64,
    pub spendable: Uint128,
    pub locked_reserve: Uint128,
    pub lock_expires_at: Timestamp,
    pub active_streak: u32,
    pub last_active_epoch: Option<u64>,
    pub rewards_claimed: Uint128,
    /// The next epoch whose reward has not been claimed.
    pub claim_cursor: u64,
}

/// A miner's score in one epoch (seed 001 `MinerWeight` inputs).
#[cw_serde]
pub struct MinerEpoch {
    pub poe_score: Uint128,
    /// Bit `i` set when the miner did a job of `EconomicJobType::ALL[i]` in the epoch.
    pub job_types_mask: u16,
    /// `lambda_P`, fixed at the miner's first job of the epoch.
    pub prestige_multiplier: Decimal,
    /// `w_i = poe_score * lambda_P * lambda_D`.
    pub weighted_score: Uint128,
}

#[cw_serde]
pub struct Job {
    pub epoch: u64,
    pub job_type: EconomicJobType,
    pub reporter: Addr,
    pub job_value: Uint128,
    pub quality_score: Decimal,
    pub liquidity_delta: cosmwasm_std::Int128,
    pub uptime: Decimal,
    pub poe_contribution: Uint128,
    pub fee_split: FeeSplit,
    pub completion_time: Timestamp,
}

/// One calendar month of owner salary.
#[cw_serde]
#[derive(Default)]
pub struct SalaryMonth {
    pub gross_salary: Uint128,
    pub capped_salary: Uint128,
    pub approved: bool,
    /// Fixed at the first claim or escrow resolution after the month ended.
    pub settled: Option<SalaryBreakdown>,
    pub paid_final: Uint128,
    pub paid_vested: Uint128,
    pub escrow_released: Uint128,
    pub escrow_forfeited: Uint128,
}

pub const CONFIG: Item<Config> = Item::new("cfg");
pub const STATE: Item<State> = Item::new("st");
pub const EPOCHS: Map<u64, EpochState> = Map::new("ep");
pub const MINERS: Map<&Addr, Miner> = Map::new("mn");
pub const MINER_EPOCHS: Map<(&Addr, u64), MinerEpoch> = Map::new("me");
/// Jobs by (miner, job id).
pub const JOBS: Map<(&Addr, u64), Job> = Map::new("jb");
pub const REPORTERS: Map<&Addr, Empty> = Map::new("rp");
/// Salary months by `YearMonth::index`.
pub const SALARY: Map<u64, SalaryMonth> = Map::new("sal");
