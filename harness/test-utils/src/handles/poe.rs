//! The PoE mining contract: [`PoeHandle`].

use anyhow::Result as AnyResult;
use cosmwasm_std::{Addr, StdResult, Uint128};
use cw_multi_test::AppResponse;
use poe_interface::poe_mining::{
    ConfigResponse, ConfigUpdate, EconomicJobType, EpochResponse, ExecuteMsg, JobReport,
    JobResponse, JobsResponse, MinerResponse, MinersResponse, MiningStatisticsResponse,
    MintingEligibilityResponse, OwnerSalaryReportResponse, PendingRewardsResponse,
    PoeIndexResponse, QueryMsg, ReceiveMsg, ReportersResponse,
};
use poe_interface::{FeeSplit, MAX_LIMIT};

use super::{all_pages, contract_interface, deref_to_handle, strings, Handle, SharedApp, Token};

contract_interface!(
    /// PoE mining's interface (`poe_interface::poe_mining`).
    PoeMining: ExecuteMsg, QueryMsg; Ownable; Pausable
);

/// The PoE mining contract, with the FLX token its job fees are paid in. Dereferences to its
/// `Handle<PoeMining>`.
#[derive(Clone, Debug)]
pub struct PoeHandle {
    contract: Handle<PoeMining>,
    /// The FLX token in which job fees are paid.
    pub flx: Addr,
}

deref_to_handle!(PoeHandle => PoeMining);

impl PoeHandle {
    /// PoE mining at `addr` on `app`, taking its fees in the FLX token `flx`.
    pub fn new(app: SharedApp, addr: Addr, flx: Addr) -> Self {
        PoeHandle {
            contract: Handle::new(app, addr),
            flx,
        }
    }

    // ---------------------------------------------------------------- execute

    /// `sender` registers as a miner, with an optional specialization.
    pub fn register_miner(
        &self,
        sender: &Addr,
        specialization: Option<EconomicJobType>,
    ) -> AnyResult<AppResponse> {
        self.execute(sender, &ExecuteMsg::RegisterMiner { specialization })
    }

    /// Submits `job` as `reporter`: queries `JobFee` for the job's value and sends exactly that fee
    /// in FLX with a cw20 `Send` carrying [`ReceiveMsg::SubmitJob`].
    pub fn submit_job(&self, reporter: &Addr, job: JobReport) -> AnyResult<AppResponse> {
        let fee = self.job_fee(job.job_value)?.fee;
        self.submit_job_with_fee(reporter, job, fee)
    }

    /// Submits `job` as `reporter` with an arbitrary FLX `fee` (for adversarial tests: a wrong
    /// fee must be refused with `FeeMismatch`).
    pub fn submit_job_with_fee(
        &self,
        reporter: &Addr,
        job: JobReport,
        fee: Uint128,
    ) -> AnyResult<AppResponse> {
        self.contract_at::<Token>(&self.flx).send_hook(
            reporter,
            &self.addr,
            fee,
            &ReceiveMsg::SubmitJob(job),
        )
    }

    /// Anyone: closes `epoch` (the oldest open one, once it has ended).
    pub fn close_epoch(&self, sender: &Addr, epoch: u64) -> AnyResult<AppResponse> {
        self.execute(sender, &ExecuteMsg::CloseEpoch { epoch })
    }

    /// Miner: claims the NEX rewards of up to `limit` closed epochs.
    pub fn claim_rewards(&self, miner: &Addr, limit: Option<u32>) -> AnyResult<AppResponse> {
        self.execute(miner, &ExecuteMsg::ClaimRewards { limit })
    }

    /// Miner: withdraws `amount` (default all) of its spendable FLX.
    pub fn withdraw_spendable(
        &self,
        miner: &Addr,
        amount: Option<Uint128>,
    ) -> AnyResult<AppResponse> {
        self.execute(miner, &ExecuteMsg::WithdrawSpendable { amount })
    }

    /// Miner: withdraws `amount` (default all) of its locked reserve once unlocked.
    pub fn withdraw_locked_reserve(
        &self,
        miner: &Addr,
        amount: Option<Uint128>,
    ) -> AnyResult<AppResponse> {
        self.execute(miner, &ExecuteMsg::WithdrawLockedReserve { amount })
    }

    /// Owner: moves `amount` of `miner`'s locked reserve to the treasury.
    pub fn slash(
        &self,
        sender: &Addr,
        miner: &Addr,
        amount: Uint128,
        reason: &str,
    ) -> AnyResult<AppResponse> {
        self.execute(
            sender,
            &ExecuteMsg::SlashLockedReserve {
                miner: miner.to_string(),
                amount,
                reason: reason.to_string(),
            },
        )
    }

    /// Owner: approves the owner salary of `month` (`YYYY-MM`).
    pub fn approve_owner_salary(&self, sender: &Addr, month: &str) -> AnyResult<AppResponse> {
        self.execute(
            sender,
            &ExecuteMsg::ApproveOwnerSalary {
                month: month.to_string(),
            },
        )
    }

    /// Owner: halts (`true`) or resumes (`false`) salary payouts.
    pub fn halt_owner_salary(&self, sender: &Addr, halted: bool) -> AnyResult<AppResponse> {
        self.execute(sender, &ExecuteMsg::HaltOwnerSalary { halted })
    }

    /// Salary recipient: claims what is due for `month`.
    pub fn claim_owner_salary(&self, sender: &Addr, month: &str) -> AnyResult<AppResponse> {
        self.execute(
            sender,
            &ExecuteMsg::ClaimOwnerSalary {
                month: month.to_string(),
            },
        )
    }

    /// Owner: releases (`true`) or forfeits (`false`) the escrow of `month`.
    pub fn resolve_salary_escrow(
        &self,
        sender: &Addr,
        month: &str,
        release: bool,
    ) -> AnyResult<AppResponse> {
        self.execute(
            sender,
            &ExecuteMsg::ResolveSalaryEscrow {
                month: month.to_string(),
                release,
            },
        )
    }

    /// Owner: adds and removes reporters.
    pub fn update_reporters(
        &self,
        sender: &Addr,
        add: &[&Addr],
        remove: &[&Addr],
    ) -> AnyResult<AppResponse> {
        self.execute(
            sender,
            &ExecuteMsg::UpdateReporters {
                add: strings(add),
                remove: strings(remove),
            },
        )
    }

    /// Owner: changes parameters.
    pub fn update_config(&self, sender: &Addr, update: ConfigUpdate) -> AnyResult<AppResponse> {
        self.execute(sender, &ExecuteMsg::UpdateConfig(Box::new(update)))
    }

    // ---------------------------------------------------------------- queries

    /// Addresses and parameters.
    pub fn config(&self) -> StdResult<ConfigResponse> {
        self.query(&QueryMsg::Config {})
    }

    /// The epoch open now by block time, with its provisional index.
    pub fn current_epoch(&self) -> StdResult<EpochResponse> {
        self.query(&QueryMsg::CurrentEpoch {})
    }

    /// The PoE index of `epoch` (final once closed).
    pub fn poe_index(&self, epoch: u64) -> StdResult<PoeIndexResponse> {
        self.query(&QueryMsg::PoeIndex { epoch })
    }

    /// One miner.
    pub fn miner(&self, address: &Addr) -> StdResult<MinerResponse> {
        self.query(&QueryMsg::Miner {
            address: address.to_string(),
        })
    }

    /// One page of miners.
    pub fn miners(
        &self,
        start_after: Option<String>,
        limit: Option<u32>,
    ) -> StdResult<Vec<MinerResponse>> {
        let res: MinersResponse = self.query(&QueryMsg::Miners { start_after, limit })?;
        Ok(res.miners)
    }

    /// Every miner (all pages).
    pub fn all_miners(&self) -> StdResult<Vec<MinerResponse>> {
        all_pages(
            MAX_LIMIT,
            |start_after| self.miners(start_after, Some(MAX_LIMIT)),
            |m| m.address.to_string(),
        )
    }

    /// One page of a miner's jobs.
    pub fn jobs(
        &self,
        miner: &Addr,
        start_after: Option<u64>,
        limit: Option<u32>,
    ) -> StdResult<Vec<JobResponse>> {
        let res: JobsResponse = self.query(&QueryMsg::Jobs {
            miner: miner.to_string(),
            start_after,
            limit,
        })?;
        Ok(res.jobs)
    }

    /// What `miner` can claim now.
    pub fn pending_rewards(
        &self,
        miner: &Addr,
        limit: Option<u32>,
    ) -> StdResult<PendingRewardsResponse> {
        self.query(&QueryMsg::PendingRewards {
            miner: miner.to_string(),
            limit,
        })
    }

    /// Running totals since genesis (seed 001 `MiningStatistics`).
    pub fn mining_statistics(&self) -> StdResult<MiningStatisticsResponse> {
        self.query(&QueryMsg::MiningStatistics {})
    }

    /// The owner salary report of `month` (`YYYY-MM`).
    pub fn owner_salary_report(&self, month: &str) -> StdResult<OwnerSalaryReportResponse> {
        self.query(&QueryMsg::OwnerSalaryReport {
            month: month.to_string(),
        })
    }

    /// Seed 001 `TokenMintingEligibility`.
    pub fn minting_eligibility(&self) -> StdResult<MintingEligibilityResponse> {
        self.query(&QueryMsg::MintingEligibility {})
    }

    /// The fee (and its split) a job of `job_value` pays.
    pub fn job_fee(&self, job_value: Uint128) -> StdResult<FeeSplit> {
        self.query(&QueryMsg::JobFee { job_value })
    }

    /// One page of reporters.
    pub fn reporters(
        &self,
        start_after: Option<String>,
        limit: Option<u32>,
    ) -> StdResult<Vec<Addr>> {
        let res: ReportersResponse = self.query(&QueryMsg::Reporters { start_after, limit })?;
        Ok(res.reporters)
    }
}
