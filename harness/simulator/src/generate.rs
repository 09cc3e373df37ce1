//! The deterministic job plan of a scenario: the generated jobs of each epoch (ChaCha8 seeded
//! with the scenario's `seed`, integer sampling only, so the plan is the same on every platform)
//! followed by the explicit jobs of that epoch in file order.

use cosmwasm_std::{Decimal, Int128, Uint128};
use poe_interface::poe_mining::EconomicJobType;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use poe_deploy::scenario::{JobGeneration, MinerSpec, Scenario};
use poe_deploy::values::Range;

/// Where a planned job comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JobSource {
    /// Generated from the seed.
    Generated,
    /// `jobs[i]` of the file.
    Explicit(usize),
}

impl std::fmt::Display for JobSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JobSource::Generated => f.write_str("generated"),
            JobSource::Explicit(i) => write!(f, "jobs[{i}]"),
        }
    }
}

/// One job to submit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedJob {
    /// Where it comes from.
    pub source: JobSource,
    /// The submitting reporter's name.
    pub reporter: String,
    /// The miner's name.
    pub miner: String,
    /// Job type.
    pub job_type: EconomicJobType,
    /// FLX base units.
    pub job_value: Uint128,
    /// Quality score (may be above 1 in an explicit job).
    pub quality_score: Decimal,
    /// Uptime (may be above 1 in an explicit job).
    pub uptime: Decimal,
    /// FLX base units, signed.
    pub liquidity_delta: Int128,
    /// The explicit job's note.
    pub note: Option<String>,
}

/// The jobs of one epoch, in submission order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EpochPlan {
    /// The epoch number.
    pub epoch: u64,
    /// The activity profile's label, if any.
    pub label: Option<String>,
    /// Jobs in submission order.
    pub jobs: Vec<PlannedJob>,
}

/// A uniform index in `0..len` (sampled as `u64`, platform-independent). `len` must be > 0.
pub fn pick_index(rng: &mut ChaCha8Rng, len: usize) -> usize {
    rng.gen_range(0..len as u64) as usize
}

fn sample_u128(rng: &mut ChaCha8Rng, range: Range<u128>) -> u128 {
    if range.min == range.max {
        range.min
    } else {
        rng.gen_range(range.min..=range.max)
    }
}

/// A decimal uniform in `[min, max]` with 6 decimals of resolution.
fn sample_decimal(rng: &mut ChaCha8Rng, min: Decimal, max: Decimal) -> Decimal {
    let scale = 10u128.pow(12); // 18 -> 6 decimals
    let lo = min.atomics().u128().div_ceil(scale);
    let hi = (max.atomics().u128() / scale).max(lo);
    Decimal::new(Uint128::new(sample_u128(rng, Range::new(lo, hi)) * scale))
}

fn sample_signed(rng: &mut ChaCha8Rng, min: Int128, max: Int128) -> Int128 {
    if min == max {
        min
    } else {
        Int128::new(rng.gen_range(min.i128()..=max.i128()))
    }
}

/// A job type drawn by the mix's relative weights; `None` when every weight is zero.
fn pick_job_type(rng: &mut ChaCha8Rng, gen: &JobGeneration) -> Option<EconomicJobType> {
    let weights: Vec<u128> = EconomicJobType::ALL
        .iter()
        .map(|t| gen.mix_weight(*t).atomics().u128())
        .collect();
    let total: u128 = weights.iter().sum();
    if total == 0 {
        return None;
    }
    let mut r = rng.gen_range(0..total);
    for (t, w) in EconomicJobType::ALL.iter().zip(weights) {
        if r < w {
            return Some(*t);
        }
        r -= w;
    }
    None
}

/// The probability `p` (in [0, 1]) comes true.
pub fn chance(rng: &mut ChaCha8Rng, p: Decimal) -> bool {
    // 6 decimals of resolution: p = 0.3 is true for 300,000 of 1,000,000 draws
    let threshold = p.atomics().u128() / 10u128.pow(12);
    u128::from(rng.gen_range(0..1_000_000u32)) < threshold
}

/// Plans every job of the scenario, epoch by epoch.
pub fn plan(scenario: &Scenario) -> Vec<EpochPlan> {
    let miners: Vec<MinerSpec> = scenario.miner_specs().unwrap_or_default();
    let reporters = scenario.reporter_names().unwrap_or_default();
    let mut rng = ChaCha8Rng::seed_from_u64(scenario.seed);
    let mut reporter_cursor = 0usize;
    let mut plans = Vec::with_capacity(scenario.epochs as usize);
    // poe-mining refuses |liquidity_delta| > job_value * max_liquidity_ratio: generated reports
    // keep within it (the draw itself is unchanged, so the plan's random sequence is too)
    let max_liquidity_ratio = scenario.poe_params().max_liquidity_ratio;
    for epoch in 0..scenario.epochs {
        let mut jobs = Vec::new();
        let mut label = None;
        if let Some(gen) = &scenario.job_generation {
            let profile = gen.profile(epoch);
            label = profile.and_then(|p| p.label.clone());
            let count = profile.and_then(|p| p.jobs).unwrap_or(gen.jobs_per_epoch) as usize;
            if count > 0 && !miners.is_empty() && !reporters.is_empty() {
                let fraction = profile
                    .and_then(|p| p.active_miners)
                    .unwrap_or(gen.active_miners)
                    .0;
                let active_count = Uint128::new(miners.len() as u128)
                    .mul_floor(fraction)
                    .u128()
                    .clamp(1, miners.len() as u128) as usize;
                // partial Fisher-Yates: the first `active_count` of a shuffled index list
                let mut order: Vec<usize> = (0..miners.len()).collect();
                for i in 0..active_count {
                    let j = i + pick_index(&mut rng, order.len() - i);
                    order.swap(i, j);
                }
                let active = &order[..active_count];
                let value_factor = profile.and_then(|p| p.value_factor).map(|d| d.0);
                let quality = profile.and_then(|p| p.quality).unwrap_or(gen.quality);
                let uptime = profile.and_then(|p| p.uptime).unwrap_or(gen.uptime);
                let liquidity = profile
                    .and_then(|p| p.liquidity_delta)
                    .unwrap_or(gen.liquidity_delta);
                for _ in 0..count {
                    let miner = &miners[active[pick_index(&mut rng, active.len())]];
                    let specialized = miner.specialization.is_some()
                        && chance(&mut rng, gen.specialization_bias.0);
                    let job_type = match (specialized, miner.specialization) {
                        (true, Some(t)) => t,
                        _ => match pick_job_type(&mut rng, gen) {
                            Some(t) => t,
                            None => continue,
                        },
                    };
                    let range = gen.value_range(job_type);
                    let mut job_value = Uint128::new(sample_u128(
                        &mut rng,
                        Range::new(range.min.0.u128(), range.max.0.u128()),
                    ));
                    if let Some(f) = value_factor {
                        job_value = job_value.mul_floor(f);
                    }
                    let job_value = job_value.max(Uint128::one());
                    let quality_score = sample_decimal(&mut rng, quality.min.0, quality.max.0);
                    let uptime = sample_decimal(&mut rng, uptime.min.0, uptime.max.0);
                    let liquidity_delta = if job_type == EconomicJobType::LiquidityProvision {
                        let drawn = sample_signed(&mut rng, liquidity.min.0, liquidity.max.0);
                        let bound =
                            poe_math::poe::max_liquidity_delta(job_value, max_liquidity_ratio);
                        let bound = Int128::try_from(bound).unwrap_or(Int128::MAX);
                        drawn.clamp(-bound, bound)
                    } else {
                        Int128::zero()
                    };
                    let reporter = reporters[reporter_cursor % reporters.len()].clone();
                    reporter_cursor += 1;
                    jobs.push(PlannedJob {
                        source: JobSource::Generated,
                        reporter,
                        miner: miner.name.clone(),
                        job_type,
                        job_value,
                        quality_score,
                        uptime,
                        liquidity_delta,
                        note: None,
                    });
                }
            }
        }
        for (i, job) in scenario
            .jobs
            .iter()
            .enumerate()
            .filter(|(_, j)| j.epoch == epoch)
        {
            jobs.push(PlannedJob {
                source: JobSource::Explicit(i),
                reporter: job
                    .reporter
                    .clone()
                    .or_else(|| reporters.first().cloned())
                    .unwrap_or_default(),
                miner: job.miner.clone(),
                job_type: job.job_type,
                // validation refuses negative values
                job_value: Uint128::new(job.value.0.i128().max(0) as u128),
                quality_score: job.quality.0,
                uptime: job.uptime.0,
                liquidity_delta: job.liquidity_delta.0,
                note: job.note.clone(),
            });
        }
        plans.push(EpochPlan { epoch, label, jobs });
    }
    plans
}
