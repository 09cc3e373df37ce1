//! Storage layout. Keys are short and distinct; a layout change gets a new key and a migration.
//!
//! Per job the contract reads and writes a fixed set of entries (config, state, epoch, miner,
//! miner-epoch, salary month, job; on a miner's first job of an epoch also its previous
//! miner-epoch): nothing iterates over miners, so closing an epoch and claiming one epoch's
//! reward are O(1) whatever the number of miners.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Decimal, Timestamp, Uint128};
use cw_storage_plus::{Item, Map};
use poe_controllers::{AllowList, PauseState};
use poe_interface::poe_mining::{EconomicJobType, PoeParams, MAX_REPORTERS};
use poe_math::{fee::FeeSplit, poe::EpochActivity, poe::PoeIndex, salary::SalaryBreakdown};

use poe_math::schedule::Schedule;

/// Addresses and parameters.
#[cw_serde]
pub struct Config {
    /// The FLX token (fees, ledgers, salary).
    pub flx_token: Addr,
    /// The NEX token (this contract mints it).
    pub nex_token: Addr,
    /// The treasury contract.
    pub treasury: Addr,
    /// Who receives the owner salary.
    pub owner_salary_recipient: Addr,
    /// Every parameter.
    pub params: PoeParams,
    /// Start of epoch 0 (whole seconds).
    pub genesis_time: Timestamp,
    /// The epoch schedule (length changes take effect at a boundary).
    pub schedule: Schedule,
}

/// Running totals since genesis.
#[cw_serde]
#[derive(Default)]
pub struct State {
    /// The id of the next job.
    pub next_job_id: u64,
    /// The oldest open epoch.
    pub next_epoch_to_close: u64,
    /// Registered miners.
    pub total_miners: u64,
    /// Jobs recorded.
    pub total_jobs: u64,
    /// Their value, FLX base units.
    pub total_job_value: Uint128,
    /// Their PoE contribution.
    pub total_network_poe: Uint128,
    /// Jobs per `EconomicJobType`, indexed by `EconomicJobType::index`.
    pub job_type_counts: [u64; 10],
    /// Fee parts collected.
    pub fee_split_totals: FeeSplit,
    /// NEX minted.
    pub nex_minted_total: Uint128,
    /// NEX claimed.
    pub nex_claimed_total: Uint128,
    /// FLX owed to the treasury (treasury_net, rounding, salary above the cap), sent at each close.
    pub treasury_pending: Uint128,
    /// FLX sent to the treasury by closes.
    pub treasury_paid: Uint128,
    /// Salary payouts halted by the owner.
    pub salary_halted: bool,
    /// Gamma of the last closed epoch.
    pub last_closed_gamma: Option<Decimal>,
    /// Set by the owner's `Pause { until }` (governance's guardian, bounded there): every
    /// economic operation is refused while it runs (`poe_controllers::pause`; stored as the
    /// `Option<Timestamp>` of older versions).
    #[serde(default)]
    pub paused_until: PauseState,
}

/// Where the pause lives, for the shared pause handlers.
pub fn pause_of(state: &mut State) -> &mut PauseState {
    &mut state.paused_until
}

/// What an epoch's jobs add up to; `closed` is set once, by `close_epoch`.
#[cw_serde]
#[derive(Default)]
pub struct EpochState {
    /// The inputs of Phi.
    pub activity: EpochActivity,
    /// Miners with a job in the epoch.
    pub active_miners: u64,
    /// `sum PoE_i` over the epoch's miners.
    pub total_poe_score: Uint128,
    /// `sum w_i`, kept exact as each job updates one miner's `w_i`.
    pub total_weighted_score: Uint128,
    /// Set by the close.
    pub closed: Option<ClosedEpoch>,
}

/// What a close fixed.
#[cw_serde]
pub struct ClosedEpoch {
    /// Phi, its components and Gamma.
    pub index: PoeIndex,
    /// NEX minted for the epoch.
    pub nex_minted: Uint128,
    /// Block time of the close.
    pub closed_at: Timestamp,
}

/// A registered miner and its FLX ledger.
#[cw_serde]
pub struct Miner {
    /// Declared specialization.
    pub specialization: Option<EconomicJobType>,
    /// Registration time.
    pub registered_at: Timestamp,
    /// Lifetime PoE contribution.
    pub total_poe_score: Uint128,
    /// Jobs recorded.
    pub jobs_completed: u64,
    /// Spendable FLX.
    pub spendable: Uint128,
    /// The whole reserve held (unlocked part included).
    pub locked_reserve: Uint128,
    /// The part of `locked_reserve` whose lock had already expired when a later job locked
    /// more: withdrawable at any time (at most `locked_reserve`).
    #[serde(default)]
    pub unlocked_reserve: Uint128,
    /// When the rest (`locked_reserve - unlocked_reserve`) unlocks: the value-weighted mean of
    /// the lock ends of the jobs that locked it (`poe_math::fee::weighted_unlock`).
    pub lock_expires_at: Timestamp,
    /// The streak of `last_active_epoch` (see `MinerWeightParams::next_streak`).
    pub active_streak: u32,
    /// The latest epoch with a job.
    pub last_active_epoch: Option<u64>,
    /// NEX claimed.
    pub rewards_claimed: Uint128,
    /// The next epoch whose reward has not been claimed.
    pub claim_cursor: u64,
}

impl Miner {
    /// The part of the reserve withdrawable at `now`: all of it once the lock has expired,
    /// else the part that had matured before the last jobs locked more.
    pub fn withdrawable_reserve(&self, now: Timestamp) -> Uint128 {
        if now >= self.lock_expires_at {
            self.locked_reserve
        } else {
            self.unlocked_reserve.min(self.locked_reserve)
        }
    }
}

/// A miner's score in one epoch (seed 001 `MinerWeight` inputs).
#[cw_serde]
pub struct MinerEpoch {
    /// `PoE_i`.
    pub poe_score: Uint128,
    /// The miner's job value in the epoch per `EconomicJobType::index`, FLX base units: the
    /// inputs of the effective number of job types (diversity).
    #[serde(default)]
    pub type_values: [Uint128; 10],
    /// The miner's job value in the epoch, FLX base units (decides whether the epoch continues
    /// its prestige streak).
    #[serde(default)]
    pub job_value: Uint128,
    /// `lambda_P`, fixed at the miner's first job of the epoch.
    pub prestige_multiplier: Decimal,
    /// `w_i = poe_score * lambda_P * lambda_D`.
    pub weighted_score: Uint128,
}

/// One recorded job.
#[cw_serde]
pub struct Job {
    /// The epoch it counted in.
    pub epoch: u64,
    /// Its type.
    pub job_type: EconomicJobType,
    /// Who paid its fee.
    pub reporter: Addr,
    /// FLX base units.
    pub job_value: Uint128,
    /// In `[0, 1]`.
    pub quality_score: Decimal,
    /// FLX base units, bounded by the value.
    pub liquidity_delta: cosmwasm_std::Int128,
    /// In `[0, 1]`.
    pub uptime: Decimal,
    /// `floor(job_value * quality_score)`.
    pub poe_contribution: Uint128,
    /// The fee and its parts.
    pub fee_split: FeeSplit,
    /// Block time.
    pub completion_time: Timestamp,
}

/// One calendar month of owner salary.
#[cw_serde]
#[derive(Default)]
pub struct SalaryMonth {
    /// Salary parts accrued, before the cap.
    pub gross_salary: Uint128,
    /// Accrued under the cap.
    pub capped_salary: Uint128,
    /// Approved by the owner.
    pub approved: bool,
    /// Fixed at the first claim or escrow resolution after the month ended.
    pub settled: Option<SalaryBreakdown>,
    /// Final payout paid.
    pub paid_final: Uint128,
    /// Vested part paid.
    pub paid_vested: Uint128,
    /// Escrow released.
    pub escrow_released: Uint128,
    /// Escrow forfeited.
    pub escrow_forfeited: Uint128,
}

/// Addresses and parameters.
pub const CONFIG: Item<Config> = Item::new("cfg");
/// Running totals and the pause.
pub const STATE: Item<State> = Item::new("st");
/// Epochs with a job (or closed), by number.
pub const EPOCHS: Map<u64, EpochState> = Map::new("ep");
/// Miners by address.
pub const MINERS: Map<&Addr, Miner> = Map::new("mn");
/// A miner's epochs, by (miner, epoch).
pub const MINER_EPOCHS: Map<(&Addr, u64), MinerEpoch> = Map::new("me");
/// Jobs by (miner, job id).
pub const JOBS: Map<(&Addr, u64), Job> = Map::new("jb");
/// The reporter allow-list (members under the old key "rp", the count under "rpn"), at most
/// `MAX_REPORTERS`.
pub const REPORTERS: AllowList = AllowList::new("rp", "rpn", "reporter", MAX_REPORTERS);
/// Salary months by `YearMonth::index`.
pub const SALARY: Map<u64, SalaryMonth> = Map::new("sal");
