//! PoE mining (seeds 000 and 001): miners, attested economic jobs paying the 1 % FLX fee split,
//! the PoE index per epoch, NEX issuance, miner rewards and the owner salary.
//!
//! Flow: a reporter on the allow-list sends the job's fee in FLX with
//! `cw20::Send { contract: poe_mining, amount: fee, msg: to_json_binary(&ReceiveMsg::SubmitJob(job)) }`;
//! `fee` must equal `job_fee { job_value }.fee`. Anyone closes an epoch once it has ended; the
//! close computes Phi and Gamma and mints NEX into the contract, which miners claim.
//!
//! Every execute message refuses attached native coins (the contract can never pay them out).

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

/// Most reporters on the allow-list (the owner's `UpdateReporters` is refused beyond it).
pub const MAX_REPORTERS: u32 = 50;
/// Longest `lock_period_seconds` accepted: 10 years of 365 days.
pub const MAX_LOCK_PERIOD_SECONDS: u64 = 10 * 365 * 24 * 3_600;
/// Longest `epoch_length_seconds` accepted: one year of 365 days.
pub const MAX_EPOCH_LENGTH_SECONDS: u64 = 365 * 24 * 3_600;
/// Largest `max_liquidity_ratio` accepted (a job may move at most 100 times its value).
pub const MAX_LIQUIDITY_RATIO: u64 = 100;

/// The ten economic job types of seed 001 `EconomicJobType` (JSON: snake_case).
#[cw_serde]
#[derive(Copy, Eq, Hash, PartialOrd, Ord)]
pub enum EconomicJobType {
    /// A payment or transfer.
    Transaction,
    /// Storing data.
    DataStorage,
    /// Computation.
    Compute,
    /// A transfer across borders.
    CrossBorderTransfer,
    /// Validator work.
    ValidatorReward,
    /// DockLock container hosting.
    DockLockHosting,
    /// BankMesh settlement.
    BankMeshSettlement,
    /// Providing (or withdrawing) liquidity: the job type whose `liquidity_delta` matters most.
    LiquidityProvision,
    /// Taking part in governance.
    GovernanceVoting,
    /// Audit and compliance work.
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
    /// How long a job's locked-reserve part stays locked, seconds, at most
    /// [`MAX_LOCK_PERIOD_SECONDS`]. A job delays the reserve already locked only in proportion
    /// to what it locks (value-weighted unlock time, `poe_math::fee::weighted_unlock`).
    pub lock_period_seconds: u64,
    /// Prestige and diversity multipliers.
    pub miner_weight: MinerWeightParams,
    /// Seed 001 `OwnerSalaryPolicy`.
    pub owner_salary_policy: OwnerSalaryPolicy,
    /// A job's `|liquidity_delta|` may be at most `job_value * max_liquidity_ratio`
    /// (`poe_math::poe::max_liquidity_delta`), so liquidity is paid for by the job's fee like
    /// volume; in `[0, MAX_LIQUIDITY_RATIO]`, default 1. Absent in older configs: 1.
    #[serde(default = "default_max_liquidity_ratio")]
    pub max_liquidity_ratio: Decimal,
}

/// The default [`PoeParams::max_liquidity_ratio`]: 1 (a job moves at most its own value).
pub fn default_max_liquidity_ratio() -> Decimal {
    Decimal::one()
}

/// Instantiates the contract. Refuses native coins.
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
    /// The initial reporter allow-list, at most [`MAX_REPORTERS`], no duplicates.
    pub reporters: Vec<String>,
    /// Every parameter, validated as a whole.
    pub params: PoeParams,
}

/// One attested economic job (seed 001 `EconomicJob`).
#[cw_serde]
pub struct JobReport {
    /// What kind of job.
    pub job_type: EconomicJobType,
    /// The registered miner who did the job.
    pub miner: String,
    /// Economic value of the job in FLX base units, above 0.
    pub job_value: Uint128,
    /// Job quality assessment in [0, 1].
    pub quality_score: Decimal,
    /// Liquidity added (positive) or removed (negative) by the job, FLX base units; its
    /// absolute value at most `job_value * max_liquidity_ratio`.
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

/// A partial update of [`PoeParams`] and addresses; `None` keeps the current value. Each field
/// means what the [`PoeParams`] field of the same name means.
#[cw_serde]
#[derive(Default)]
pub struct ConfigUpdate {
    /// [`PoeParams::fee_rates`].
    pub fee_rates: Option<FeeRates>,
    /// [`PoeParams::poe_weights`].
    pub poe_weights: Option<PoeWeights>,
    /// [`PoeParams::poe_scales`].
    pub poe_scales: Option<PoeScales>,
    /// [`PoeParams::min_poe_threshold`].
    pub min_poe_threshold: Option<Decimal>,
    /// [`PoeParams::max_emission_per_epoch`].
    pub max_emission_per_epoch: Option<Uint128>,
    /// [`PoeParams::min_epoch_job_value`].
    pub min_epoch_job_value: Option<Uint128>,
    /// [`PoeParams::epoch_length_seconds`]; takes effect at the next epoch boundary.
    pub epoch_length_seconds: Option<u64>,
    /// [`PoeParams::lock_period_seconds`]; applies to later jobs.
    pub lock_period_seconds: Option<u64>,
    /// [`PoeParams::miner_weight`].
    pub miner_weight: Option<MinerWeightParams>,
    /// [`PoeParams::owner_salary_policy`].
    pub owner_salary_policy: Option<OwnerSalaryPolicy>,
    /// [`PoeParams::max_liquidity_ratio`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_liquidity_ratio: Option<Decimal>,
    /// The treasury contract.
    pub treasury: Option<String>,
    /// Who receives the owner salary.
    pub owner_salary_recipient: Option<String>,
}

/// The contract's messages. None accepts native coins (`Payment` error).
#[cw_serde]
pub enum ExecuteMsg {
    /// The sender registers as a miner, once.
    RegisterMiner {
        /// The job type the miner mostly does (informational).
        specialization: Option<EconomicJobType>,
    },
    /// FLX fee hook: `msg` is a [`ReceiveMsg`]; only the FLX token may call it.
    Receive(Cw20ReceiveMsg),
    /// Anyone: closes `epoch`, which must have ended and be the oldest open epoch, or a later one
    /// when the open epochs before it had no job (they are closed with it, minting nothing).
    /// Computes the PoE index, mints NEX when Gamma passes the threshold and sends the
    /// accumulated treasury share to the treasury.
    CloseEpoch {
        /// The epoch to close.
        epoch: u64,
    },
    /// Miner: claims NEX rewards of up to `limit` closed epochs (default 10, max 30), oldest first.
    ClaimRewards {
        /// Epochs to claim at most (clamped to 1..=30).
        limit: Option<u32>,
    },
    /// Miner: withdraws `amount` (default all) of the spendable FLX balance.
    WithdrawSpendable {
        /// FLX base units; `None`: all of it.
        amount: Option<Uint128>,
    },
    /// Miner: withdraws `amount` (default all that is unlocked) of the locked reserve: the part
    /// whose lock has expired.
    WithdrawLockedReserve {
        /// FLX base units; `None`: all that is unlocked.
        amount: Option<Uint128>,
    },
    /// Owner: moves `amount` of a miner's locked reserve to the treasury (the still-locked part
    /// first).
    SlashLockedReserve {
        /// The miner.
        miner: String,
        /// FLX base units, at most the miner's reserve.
        amount: Uint128,
        /// Why (an attribute of the response).
        reason: String,
    },
    /// Owner: approves the salary of `month` (`YYYY-MM`) when the policy requires approval.
    ApproveOwnerSalary {
        /// `YYYY-MM`, an ended month.
        month: String,
    },
    /// Owner, when the policy allows it: halts (or resumes) salary payouts.
    HaltOwnerSalary {
        /// `true` halts, `false` resumes.
        halted: bool,
    },
    /// Salary recipient: pays out what is due for `month` (final payout, then vesting tranches).
    ClaimOwnerSalary {
        /// `YYYY-MM`, an ended month.
        month: String,
    },
    /// Owner: releases the escrow of `month` to the recipient (`release: true`) or forfeits it to
    /// the treasury (`release: false`).
    ResolveSalaryEscrow {
        /// `YYYY-MM`, an ended month.
        month: String,
        /// `true` pays the recipient, `false` the treasury.
        release: bool,
    },
    /// Owner: removes `remove`, then adds `add` (so a full list can swap members); at most
    /// [`MAX_REPORTERS`] reporters.
    UpdateReporters {
        /// Addresses to add.
        add: Vec<String>,
        /// Addresses to remove.
        remove: Vec<String>,
    },
    /// Owner: changes parameters (validated as a whole).
    UpdateConfig(Box<ConfigUpdate>),
    /// Owner (governance; its guardian's pauses are bounded there): refuses every economic
    /// operation (register, jobs, closes, claims, withdrawals, salary claims) until `until`, or
    /// until `Unpause` when `None`. Extends a running pause, never shortens it. Same JSON as
    /// `poe_interface::pause::PausableExecuteMsg::Pause`.
    Pause {
        /// The pause's end; `None` (or absent): until `Unpause`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        until: Option<Timestamp>,
    },
    /// Owner: ends a running pause now. Same JSON as `PausableExecuteMsg::Unpause`.
    Unpause {},
    /// cw-ownable's two-step ownership transfer.
    UpdateOwnership(Action),
}

/// The contract's queries.
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// Addresses, parameters, genesis and the running pause.
    #[returns(ConfigResponse)]
    Config {},
    /// The epoch now open by block time, with its provisional index.
    #[returns(EpochResponse)]
    CurrentEpoch {},
    /// The PoE index of an epoch: final when closed, provisional while open.
    #[returns(PoeIndexResponse)]
    PoeIndex {
        /// The epoch.
        epoch: u64,
    },
    /// One miner (not found when unregistered).
    #[returns(MinerResponse)]
    Miner {
        /// The miner's address.
        address: String,
    },
    /// Miners in address order, paginated (default 10, at most 30).
    #[returns(MinersResponse)]
    Miners {
        /// The last address of the previous page.
        start_after: Option<String>,
        /// Page size.
        limit: Option<u32>,
    },
    /// Jobs of a miner, by ascending job id.
    #[returns(JobsResponse)]
    Jobs {
        /// The miner.
        miner: String,
        /// The last job id of the previous page.
        start_after: Option<u64>,
        /// Page size.
        limit: Option<u32>,
    },
    /// What a miner can claim now: NEX of up to `limit` closed epochs, spendable FLX, unlocked reserve.
    #[returns(PendingRewardsResponse)]
    PendingRewards {
        /// The miner.
        miner: String,
        /// Closed epochs to look at, at most (clamped to 1..=30).
        limit: Option<u32>,
    },
    /// Running totals since genesis.
    #[returns(MiningStatisticsResponse)]
    MiningStatistics {},
    /// Seed 001 `OwnerSalaryReport` of `month` (`YYYY-MM`).
    #[returns(OwnerSalaryReportResponse)]
    OwnerSalaryReport {
        /// `YYYY-MM`.
        month: String,
    },
    /// Seed 001 `TokenMintingEligibility`.
    #[returns(MintingEligibilityResponse)]
    MintingEligibility {},
    /// The fee a job of `job_value` pays and its split.
    #[returns(FeeSplit)]
    JobFee {
        /// FLX base units.
        job_value: Uint128,
    },
    /// Reporters in address order, paginated (default 10, at most 30).
    #[returns(ReportersResponse)]
    Reporters {
        /// The last address of the previous page.
        start_after: Option<String>,
        /// Page size.
        limit: Option<u32>,
    },
    /// The running pause, as every pausable contract answers it.
    #[returns(crate::pause::PauseStatusResponse)]
    PauseStatus {},
    /// cw-ownable's owner, pending owner and expiry.
    #[returns(cw_ownable::Ownership<String>)]
    Ownership {},
}

/// `Config {}`.
#[cw_serde]
pub struct ConfigResponse {
    /// The FLX token.
    pub flx_token: Addr,
    /// The NEX token.
    pub nex_token: Addr,
    /// The treasury.
    pub treasury: Addr,
    /// The salary recipient.
    pub owner_salary_recipient: Addr,
    /// Every parameter.
    pub params: PoeParams,
    /// Start of epoch 0.
    pub genesis_time: Timestamp,
    /// The end of the running pause, if one runs: economic operations are refused until then
    /// (see `ExecuteMsg::Pause`; the largest `Timestamp` means until `Unpause`).
    pub paused_until: Option<Timestamp>,
}

/// `CurrentEpoch {}`.
#[cw_serde]
pub struct EpochResponse {
    /// The epoch open now.
    pub epoch: u64,
    /// Its start.
    pub start_time: Timestamp,
    /// Its end (first second after it).
    pub end_time: Timestamp,
    /// The oldest epoch not yet closed (may be below `epoch` when closes are pending).
    pub next_epoch_to_close: u64,
    /// Its provisional index.
    pub index: PoeIndexResponse,
}

/// Seed 000 `PoEIndex` of one epoch, with what it was computed from.
#[cw_serde]
pub struct PoeIndexResponse {
    /// The epoch.
    pub epoch: u64,
    /// False while the epoch is open: the values are then provisional.
    pub closed: bool,
    /// `Phi`, the sum of the four components.
    pub phi_value: Decimal,
    /// `w_V * sum(V) / scale_V`.
    pub volume_component: Decimal,
    /// `w_L * max(sum(dL), 0) / scale_L`.
    pub liquidity_component: Decimal,
    /// `w_U * uptime_avg` (weighted by job value).
    pub uptime_component: Decimal,
    /// `w_Q * quality_avg` (weighted by job value).
    pub quality_component: Decimal,
    /// `Gamma = Phi / (1 + Phi)`.
    pub gamma: Decimal,
    /// NEX minted at close (0 while open or below the threshold).
    pub nex_minted: Uint128,
    /// `sum(V)`, FLX base units.
    pub total_job_value: Uint128,
    /// `sum(dL)`, FLX base units.
    pub net_liquidity_delta: Int128,
    /// Jobs in the epoch.
    pub job_count: u64,
    /// Miners with a job in the epoch.
    pub active_miners: u64,
    /// Sum of the miners' PoE scores (`sum PoE_i`).
    pub total_poe_score: Uint128,
    /// Sum of the miners' weighted scores (`sum w_i`), the denominator of reward shares.
    pub total_weighted_score: Uint128,
}

/// Seed 001 `MinerWeight` of a miner in one epoch.
#[cw_serde]
pub struct MinerWeightResponse {
    /// The epoch.
    pub epoch: u64,
    /// `PoE_i = sum floor(V * quality)` of the miner's jobs in the epoch.
    pub poe_score: Uint128,
    /// `PoE_hat_i = PoE_i / average PoE of the epoch`.
    pub normalized_poe_score: Decimal,
    /// `lambda_P`, fixed at the miner's first job of the epoch.
    pub prestige_multiplier: Decimal,
    /// `lambda_D` from `effective_job_types`.
    pub diversity_multiplier: Decimal,
    /// `W_i = PoE_hat_i * lambda_P * lambda_D`.
    pub total_weight: Decimal,
    /// Job types with a value in the epoch.
    pub distinct_job_types: u32,
    /// `D = (sum v_t)^2 / sum v_t^2` over the miner's job value per type in the epoch
    /// (`poe_math::weight::effective_job_types`).
    pub effective_job_types: Decimal,
    /// The miner's job value in the epoch, FLX base units.
    pub job_value: Uint128,
}

/// `Miner { address }`.
#[cw_serde]
pub struct MinerResponse {
    /// The miner.
    pub address: Addr,
    /// Its declared specialization.
    pub specialization: Option<EconomicJobType>,
    /// When it registered.
    pub registered_at: Timestamp,
    /// Lifetime sum of the miner's job PoE contributions (quality-weighted value).
    pub total_poe_score: Uint128,
    /// Jobs reported for it.
    pub jobs_completed: u64,
    /// FLX claimable now (0.3 % parts).
    pub spendable: Uint128,
    /// FLX reserve held (0.2 % parts, locked and unlocked), slashable by the owner.
    pub locked_reserve: Uint128,
    /// The part of `locked_reserve` withdrawable now (its lock has expired).
    pub unlocked_reserve: Uint128,
    /// When the still-locked part unlocks (value-weighted over the jobs that locked it).
    pub lock_expires_at: Timestamp,
    /// The streak of `last_active_epoch`: 1 plus the consecutive epochs right before it in
    /// which the miner's job value reached `prestige_min_epoch_value`.
    pub active_streak: u32,
    /// The latest epoch with a job.
    pub last_active_epoch: Option<u64>,
    /// NEX claimed so far.
    pub rewards_claimed: Uint128,
    /// The miner's weight in its latest active epoch.
    pub latest_weight: Option<MinerWeightResponse>,
}

/// `Miners { .. }`.
#[cw_serde]
pub struct MinersResponse {
    /// One page of miners.
    pub miners: Vec<MinerResponse>,
}

/// One recorded job.
#[cw_serde]
pub struct JobResponse {
    /// Its id (global, increasing).
    pub job_id: u64,
    /// The epoch it counted in.
    pub epoch: u64,
    /// Its type.
    pub job_type: EconomicJobType,
    /// The miner.
    pub miner: Addr,
    /// The reporter who paid its fee.
    pub reporter: Addr,
    /// FLX base units.
    pub job_value: Uint128,
    /// In `[0, 1]`.
    pub quality_score: Decimal,
    /// FLX base units.
    pub liquidity_delta: Int128,
    /// In `[0, 1]`.
    pub uptime: Decimal,
    /// The job's PoE contribution `floor(job_value * quality_score)`.
    pub poe_contribution: Uint128,
    /// The fee paid and its parts.
    pub fee_split: FeeSplit,
    /// Block time of the report.
    pub completion_time: Timestamp,
}

/// `Jobs { .. }`.
#[cw_serde]
pub struct JobsResponse {
    /// One page of jobs.
    pub jobs: Vec<JobResponse>,
}

/// `PendingRewards { .. }`.
#[cw_serde]
pub struct PendingRewardsResponse {
    /// NEX claimable from the closed epochs looked at.
    pub nex: Uint128,
    /// Closed epochs counted in `nex`.
    pub epochs: u32,
    /// Whether more closed epochs wait beyond `limit`.
    pub more: bool,
    /// Spendable FLX.
    pub spendable_flx: Uint128,
    /// The FLX reserve held (locked and unlocked).
    pub locked_reserve: Uint128,
    /// The part of `locked_reserve` withdrawable now.
    pub unlocked_reserve: Uint128,
}

/// Jobs of one type since genesis.
#[cw_serde]
pub struct JobTypeCount {
    /// The type.
    pub job_type: EconomicJobType,
    /// How many.
    pub jobs: u64,
}

/// Seed 001 `MiningStatistics`, from running totals (no iteration over miners).
#[cw_serde]
pub struct MiningStatisticsResponse {
    /// Registered miners.
    pub total_miners: u64,
    /// Jobs recorded.
    pub total_jobs: u64,
    /// Their total value, FLX base units.
    pub total_job_value: Uint128,
    /// Their total PoE contribution.
    pub total_network_poe: Uint128,
    /// `total_network_poe / total_miners`.
    pub average_miner_poe: Decimal,
    /// Jobs per type.
    pub job_type_distribution: Vec<JobTypeCount>,
    /// Fee parts collected since genesis.
    pub fee_split_totals: FeeSplit,
    /// NEX minted since genesis.
    pub nex_minted_total: Uint128,
    /// NEX claimed by miners since genesis.
    pub nex_claimed_total: Uint128,
    /// FLX waiting to be sent to the treasury at the next close.
    pub treasury_pending: Uint128,
    /// FLX sent to the treasury so far.
    pub treasury_paid: Uint128,
    /// Epochs closed (the next epoch to close).
    pub epochs_closed: u64,
}

/// Seed 001 `OwnerSalaryReport`, with what has been paid.
#[cw_serde]
pub struct OwnerSalaryReportResponse {
    /// `YYYY-MM`
    pub month: String,
    /// Salary parts accrued in the month, before the cap.
    pub gross_salary: Uint128,
    /// Capped salary and its final / vested / escrowed parts.
    pub breakdown: SalaryBreakdown,
    /// Whether the month has ended.
    pub closed: bool,
    /// Whether the month's breakdown is fixed (on its first claim).
    pub settled: bool,
    /// Whether governance approved the month.
    pub governance_approval: bool,
    /// Whether the policy requires approval.
    pub approval_required: bool,
    /// The policy's transparency flag.
    pub transparency_reporting: bool,
    /// Final payout paid.
    pub paid_final: Uint128,
    /// Vested part paid.
    pub paid_vested: Uint128,
    /// Vested tokens claimable now.
    pub vested_claimable: Uint128,
    /// Escrow released to the recipient.
    pub escrow_released: Uint128,
    /// Escrow forfeited to the treasury.
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
    /// Gamma of the epoch open now (provisional).
    pub current_gamma: Decimal,
    /// Gamma of the last closed epoch.
    pub last_closed_gamma: Option<Decimal>,
    /// The threshold in force.
    pub min_poe_threshold: Decimal,
}

/// `Reporters { .. }`.
#[cw_serde]
pub struct ReportersResponse {
    /// One page of reporters, in address order.
    pub reporters: Vec<Addr>,
}

/// The migrate message: no field (the contract version is the crate's).
#[cw_serde]
pub struct MigrateMsg {}
