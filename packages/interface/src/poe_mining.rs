//! PoE mining (seeds 000 and 001): miners, attested economic jobs paying the 1 % FLX fee split,
//! the PoE index per epoch, NEX issuance, miner rewards and the owner salary.
//!
//! Flow: a reporter on the allow-list sends the job's fee in FLX with
//! `cw20::Send { contract: poe_mining, amount: fee, msg: to_json_binary(&ReceiveMsg::SubmitJob(job)) }`;
//! `fee` must equal `job_fee { job_value }.fee`. Anyone closes an epoch once it has ended; the
//! close computes Phi and Gamma and mints NEX into the contract, which miners claim.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, Decimal, Int128, Timestamp, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_ownable::Action;
use poe_math::{
    fee::{FeeRates, FeeSplit},
    poe::{PoeScales, PoeWeights},
    salary::{OwnerSalaryPolicy, SalaryBreakdown},
    weight::MinerWeightParams,
};

/// The ten economic job types of seed 001 `EconomicJobType` (JSON: snake_case).
#[cw_serde]
#[derive(Copy, Eq, Hash, PartialOrd, Ord)]
pub enum EconomicJobType {
    Transaction,
    DataStorage,
    Compute,
    CrossBorderTransfer,
    ValidatorReward,
    DockLockHosting,
    BankMeshSettlement,
    LiquidityProvision,
    GovernanceVoting,
    AuditCompliance,
}

impl EconomicJobType {
    /// All ten, in the seed's order.
    pub const ALL: [EconomicJobType; 10] = [
        EconomicJobType::Transaction,
        EconomicJobType::DataStorage,
        EconomicJobType::Compute,
        EconomicJobType::CrossBorderTransfer,
        EconomicJobType::ValidatorReward,
        EconomicJobType::DockLockHosting,
        EconomicJobType::BankMeshSettlement,
        EconomicJobType::LiquidityProvision,
        EconomicJobType::GovernanceVoting,
        EconomicJobType::AuditCompliance,
    ];

    /// Position in [`EconomicJobType::ALL`], 0..10 (a bit in a miner's diversity mask).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The seed's name, e.g. `"CrossBorderTransfer"`.
    pub fn seed_name(self) -> &'static str {
        match self {
            EconomicJobType::Transaction => "Transaction",
            EconomicJobType::DataStorage => "DataStorage",
            EconomicJobType::Compute => "Compute",
            EconomicJobType::CrossBorderTransfer => "CrossBorderTransfer",
            EconomicJobType::ValidatorReward => "ValidatorReward",
            EconomicJobType::DockLockHosting => "DockLockHosting",
            EconomicJobType::BankMeshSettlement => "BankMeshSettlement",
            EconomicJobType::LiquidityProvision => "LiquidityProvision",
            EconomicJobType::GovernanceVoting => "GovernanceVoting",
            EconomicJobType::AuditCompliance => "AuditCompliance",
        }
    }
}

/// Every tunable parameter of the contract (seed 000 `GovernanceParameters`, PoE part).
#[cw_serde]
pub struct PoeParams {
    /// The fee split; the four parts must sum to the total.
    pub fee_rates: FeeRates,
    /// `w_V, w_L, w_U, w_Q`, each in [0, 1].
    pub poe_weights: PoeWeights,
    /// `scale_V`, `scale_L`, base units of FLX per epoch, above 0.
    pub poe_scales: PoeScales,
    /// Gamma at or above which an epoch mints NEX, seed 0.1; in [0, 1).
    pub min_poe_threshold: Decimal,
    /// NEX minted by an epoch at Gamma = 1 (never reached), base units.
    pub max_emission_per_epoch: Uint128,
    /// An epoch whose total job value (FLX base units) is below this mints no NEX, whatever its
    /// Gamma. A suite addition: the seed's uptime and quality components are averages that do not
    /// grow with volume, so without a floor a single job of one base unit with perfect quality and
    /// uptime reaches Gamma = 0.31 and mints 31 % of `max_emission_per_epoch` to one miner.
    pub min_epoch_job_value: Uint128,
    /// Epoch length in seconds, above 0; a change takes effect at the next epoch boundary.
    pub epoch_length_seconds: u64,
    /// How long a miner's locked reserve stays locked after its last deposit, seconds.
    pub lock_period_seconds: u64,
    /// Prestige and diversity multipliers.
    pub miner_weight: MinerWeightParams,
    /// Seed 001 `OwnerSalaryPolicy`.
    pub owner_salary_policy: OwnerSalaryPolicy,
}

#[cw_serde]
pub struct InstantiateMsg {
    /// The owner (governance after bootstrap); default the instantiator.
    pub owner: Option<String>,
    /// The FLX token, in which fees are paid and `job_value` is counted.
    pub flx_token: String,
    /// The NEX token; this contract must be its minter before the first epoch that mints closes.
    pub nex_token: String,
    /// The treasury contract that receives `treasury_net` (flushed at every epoch close).
    pub treasury: String,
    /// Who receives the owner salary.
    pub owner_salary_recipient: String,
    /// The initial reporter allow-list.
    pub reporters: Vec<String>,
    pub params: PoeParams,
}

/// One attested economic job (seed 001 `EconomicJob`).
#[cw_serde]
pub struct JobReport {
    pub job_type: EconomicJobType,
    /// The registered miner who did the job.
    pub miner: String,
    /// Economic value of the job in FLX base units, above 0.
    pub job_value: Uint128,
    /// Job quality assessment in [0, 1].
    pub quality_score: Decimal,
    /// Liquidity added (positive) or removed (negative) by the job, FLX base units.
    pub liquidity_delta: Int128,
    /// The miner's attested uptime in [0, 1].
    pub uptime: Decimal,
}

/// The `msg` of a cw20 `Send` of FLX to this contract.
#[cw_serde]
pub enum ReceiveMsg {
    /// Reporter only; the sent amount must equal the job's fee.
    SubmitJob(JobReport),
}

/// A partial update of [`PoeParams`] and addresses; `None` keeps the current value.
#[cw_serde]
#[derive(Default)]
pub struct ConfigUpdate {
    pub fee_rates: Option<FeeRates>,
    pub poe_weights: Option<PoeWeights>,
    pub poe_scales: Option<PoeScales>,
    pub min_poe_threshold: Option<Decimal>,
    pub max_emission_per_epoch: Option<Uint128>,
    pub min_epoch_job_value: Option<Uint128>,
    pub epoch_length_seconds: Option<u64>,
    pub lock_period_seconds: Option<u64>,
    pub miner_weight: Option<MinerWeightParams>,
    pub owner_salary_policy: Option<OwnerSalaryPolicy>,
    pub treasury: Option<String>,
    pub owner_salary_recipient: Option<String>,
}

#[cw_serde]
pub enum ExecuteMsg {
    /// The sender registers as a miner, once.
    RegisterMiner {
        specialization: Option<EconomicJobType>,
    },
    /// FLX fee hook: `msg` is a [`ReceiveMsg`]; only the FLX token may call it.
    Receive(Cw20ReceiveMsg),
    /// Anyone: closes `epoch`, which must have ended and be the oldest open epoch, or a later one
    /// when the open epochs before it had no job (they are closed with it, minting nothing).
    /// Computes the PoE index, mints NEX when Gamma passes the threshold and sends the
    /// accumulated treasury share to the treasury.
    CloseEpoch {
        epoch: u64,
    },
    /// Miner: claims NEX rewards of up to `limit` closed epochs (default 10, max 30), oldest first.
    ClaimRewards {
        limit: Option<u32>,
    },
    /// Miner: withdraws `amount` (default all) of the spendable FLX balance.
    WithdrawSpendable {
        amount: Option<Uint128>,
    },
    /// Miner: withdraws `amount` (default all) of the locked reserve once its lock has expired.
    WithdrawLockedReserve {
        amount: Option<Uint128>,
    },
    /// Owner: moves `amount` of a miner's locked reserve to the treasury.
    SlashLockedReserve {
        miner: String,
        amount: Uint128,
        reason: String,
    },
    /// Owner: approves the salary of `month` (`YYYY-MM`) when the policy requires approval.
    ApproveOwnerSalary {
        month: String,
    },
    /// Owner, when the policy allows it: halts (or resumes) salary payouts.
    HaltOwnerSalary {
        halted: bool,
    },
    /// Salary recipient: pays out what is due for `month` (final payout, then vesting tranches).
    ClaimOwnerSalary {
        month: String,
    },
    /// Owner: releases the escrow of `month` to the recipient (`release: true`) or forfeits it to
    /// the treasury (`release: false`).
    ResolveSalaryEscrow {
        month: String,
        release: bool,
    },
    /// Owner: adds and removes reporters.
    UpdateReporters {
        add: Vec<String>,
        remove: Vec<String>,
    },
    /// Owner: changes parameters (validated as a whole).
    UpdateConfig(Box<ConfigUpdate>),
    /// Owner (governance; its guardian's pauses are bounded there): refuses every economic
    /// operation (register, jobs, closes, claims, withdrawals, salary claims) until `until`.
    /// Same JSON as `governance::PausableExecuteMsg::Pause`.
    Pause {
        until: Timestamp,
    },
    /// Owner: ends a running pause now. Same JSON as `governance::PausableExecuteMsg::Unpause`.
    Unpause {},
    UpdateOwnership(Action),
}

#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(ConfigResponse)]
    Config {},
    /// The epoch now open by block time, with its provisional index.
    #[returns(EpochResponse)]
    CurrentEpoch {},
    /// The PoE index of an epoch: final when closed, provisional while open.
    #[returns(PoeIndexResponse)]
    PoeIndex { epoch: u64 },
    #[returns(MinerResponse)]
    Miner { address: String },
    #[returns(MinersResponse)]
    Miners {
        start_after: Option<String>,
        limit: Option<u32>,
    },
    /// Jobs of a miner, by ascending job id.
    #[returns(JobsResponse)]
    Jobs {
        miner: String,
        start_after: Option<u64>,
        limit: Option<u32>,
    },
    /// What a miner can claim now: NEX of up to `limit` closed epochs, spendable FLX, unlocked reserve.
    #[returns(PendingRewardsResponse)]
    PendingRewards { miner: String, limit: Option<u32> },
    #[returns(MiningStatisticsResponse)]
    MiningStatistics {},
    /// Seed 001 `OwnerSalaryReport` of `month` (`YYYY-MM`).
    #[returns(OwnerSalaryReportResponse)]
    OwnerSalaryReport { month: String },
    /// Seed 001 `TokenMintingEligibility`.
    #[returns(MintingEligibilityResponse)]
    MintingEligibility {},
    /// The fee a job of `job_value` pays and its split.
    #[returns(FeeSplit)]
    JobFee { job_value: Uint128 },
    #[returns(ReportersResponse)]
    Reporters {
        start_after: Option<String>,
        limit: Option<u32>,
    },
    #[returns(cw_ownable::Ownership<String>)]
    Ownership {},
}

#[cw_serde]
pub struct ConfigResponse {
    pub flx_token: Addr,
    pub nex_token: Addr,
    pub treasury: Addr,
    pub owner_salary_recipient: Addr,
    pub params: PoeParams,
    /// Start of epoch 0.
    pub genesis_time: Timestamp,
    /// Economic operations are refused until then (see `ExecuteMsg::Pause`).
    pub paused_until: Option<Timestamp>,
}

#[cw_serde]
pub struct EpochResponse {
    pub epoch: u64,
    pub start_time: Timestamp,
    pub end_time: Timestamp,
    /// The oldest epoch not yet closed (may be below `epoch` when closes are pending).
    pub next_epoch_to_close: u64,
    pub index: PoeIndexResponse,
}

/// Seed 000 `PoEIndex` of one epoch, with what it was computed from.
#[cw_serde]
pub struct PoeIndexResponse {
    pub epoch: u64,
    /// False while the epoch is open: the values are then provisional.
    pub closed: bool,
    pub phi_value: Decimal,
    pub volume_component: Decimal,
    pub liquidity_component: Decimal,
    pub uptime_component: Decimal,
    pub quality_component: Decimal,
    pub gamma: Decimal,
    /// NEX minted at close (0 while open or below the threshold).
    pub nex_minted: Uint128,
    pub total_job_value: Uint128,
    pub net_liquidity_delta: Int128,
    pub job_count: u64,
    pub active_miners: u64,
    /// Sum of the miners' PoE scores (`sum PoE_i`).
    pub total_poe_score: Uint128,
    /// Sum of the miners' weighted scores (`sum w_i`), the denominator of reward shares.
    pub total_weighted_score: Uint128,
}

/// Seed 001 `MinerWeight` of a miner in one epoch.
#[cw_serde]
pub struct MinerWeightResponse {
    pub epoch: u64,
    pub poe_score: Uint128,
    /// `PoE_hat_i = PoE_i / average PoE of the epoch`.
    pub normalized_poe_score: Decimal,
    pub prestige_multiplier: Decimal,
    pub diversity_multiplier: Decimal,
    /// `W_i = PoE_hat_i * lambda_P * lambda_D`.
    pub total_weight: Decimal,
    pub distinct_job_types: u32,
}

#[cw_serde]
pub struct MinerResponse {
    pub address: Addr,
    pub specialization: Option<EconomicJobType>,
    pub registered_at: Timestamp,
    /// Lifetime sum of the miner's job PoE contributions (quality-weighted value).
    pub total_poe_score: Uint128,
    pub jobs_completed: u64,
    /// FLX claimable now (0.3 % parts).
    pub spendable: Uint128,
    /// FLX locked (0.2 % parts), slashable by the owner.
    pub locked_reserve: Uint128,
    pub lock_expires_at: Timestamp,
    /// Consecutive active epochs up to `last_active_epoch`.
    pub active_streak: u32,
    pub last_active_epoch: Option<u64>,
    /// NEX claimed so far.
    pub rewards_claimed: Uint128,
    /// The miner's weight in its latest active epoch.
    pub latest_weight: Option<MinerWeightResponse>,
}

#[cw_serde]
pub struct MinersResponse {
    pub miners: Vec<MinerResponse>,
}

#[cw_serde]
pub struct JobResponse {
    pub job_id: u64,
    pub epoch: u64,
    pub job_type: EconomicJobType,
    pub miner: Addr,
    pub reporter: Addr,
    pub job_value: Uint128,
    pub quality_score: Decimal,
    pub liquidity_delta: Int128,
    pub uptime: Decimal,
    /// The job's PoE contribution `floor(job_value * quality_score)`.
    pub poe_contribution: Uint128,
    pub fee_split: FeeSplit,
    pub completion_time: Timestamp,
}

#[cw_serde]
pub struct JobsResponse {
    pub jobs: Vec<JobResponse>,
}

#[cw_serde]
pub struct PendingRewardsResponse {
    /// NEX claimable from the closed epochs looked at.
    pub nex: Uint128,
    /// Closed epochs counted in `nex`.
    pub epochs: u32,
    /// Whether more closed epochs wait beyond `limit`.
    pub more: bool,
    pub spendable_flx: Uint128,
    pub locked_reserve: Uint128,
    /// The part of `locked_reserve` withdrawable now.
    pub unlocked_reserve: Uint128,
}

#[cw_serde]
pub struct JobTypeCount {
    pub job_type: EconomicJobType,
    pub jobs: u64,
}

/// Seed 001 `MiningStatistics`, from running totals (no iteration over miners).
#[cw_serde]
pub struct MiningStatisticsResponse {
    pub total_miners: u64,
    pub total_jobs: u64,
    pub total_job_value: Uint128,
    pub total_network_poe: Uint128,
    pub average_miner_poe: Decimal,
    pub job_type_distribution: Vec<JobTypeCount>,
    /// Fee parts collected since genesis.
    pub fee_split_totals: FeeSplit,
    pub nex_minted_total: Uint128,
    pub nex_claimed_total: Uint128,
    /// FLX waiting to be sent to the treasury at the next close.
    pub treasury_pending: Uint128,
    /// FLX sent to the treasury so far.
    pub treasury_paid: Uint128,
    pub epochs_closed: u64,
}

/// Seed 001 `OwnerSalaryReport`, with what has been paid.
#[cw_serde]
pub struct OwnerSalaryReportResponse {
    /// `YYYY-MM`
    pub month: String,
    /// Salary parts accrued in the month, before the cap.
    pub gross_salary: Uint128,
    pub breakdown: SalaryBreakdown,
    /// Whether the month has ended.
    pub closed: bool,
    /// Whether the month's breakdown is fixed (on its first claim).
    pub settled: bool,
    pub governance_approval: bool,
    pub approval_required: bool,
    pub transparency_reporting: bool,
    pub paid_final: Uint128,
    pub paid_vested: Uint128,
    /// Vested tokens claimable now.
    pub vested_claimable: Uint128,
    pub escrow_released: Uint128,
    pub escrow_forfeited: Uint128,
    /// sha256 (hex) of `month|gross|capped|immediate|vested|escrow|approval`, for public verification.
    pub transparency_hash: String,
}

/// Seed 001 `TokenMintingEligibility` as this contract knows it.
#[cw_serde]
pub struct MintingEligibilityResponse {
    /// Always false: GEN's supply is fixed.
    pub genesis_eligible: bool,
    /// Gamma of the epoch now open (provisional) passes `min_poe_threshold` and its job value
    /// reaches `min_epoch_job_value`.
    pub nexus_eligible: bool,
    /// Decided by the FLX supply controller, not by this contract: `None` here.
    pub flux_eligible: Option<bool>,
    /// Decided by the AUR reserve, not by this contract: `None` here.
    pub aurum_eligible: Option<bool>,
    /// Gamma of the last closed epoch passed the threshold.
    pub poe_threshold_met: bool,
    pub current_gamma: Decimal,
    pub last_closed_gamma: Option<Decimal>,
    pub min_poe_threshold: Decimal,
}

#[cw_serde]
pub struct ReportersResponse {
    pub reporters: Vec<Addr>,
}

#[cw_serde]
pub struct MigrateMsg {}
