//! `poe-index`: the math package's PoE index and NEX emission of one epoch, for checks from
//! outside Rust (the localnet e2e test compares a closed epoch on chain with it, exactly).
//!
//! stdin:  `{"params": PoeParams, "jobs": [{"job_value", "liquidity_delta", "uptime", "quality_score"}]}`
//!         (the JSON of the contract's messages: amounts as strings, decimals as strings)
//! stdout: `{"index": PoeIndex, "epoch_emission": Uint128, "total_job_value": Uint128, "job_count": u64}`
//!
//! `index` is `poe_math::poe::poe_index` over the jobs (recorded with `EpochActivity::record_job`,
//! as the contract does) and `epoch_emission` is `poe_math::poe::epoch_emission(max_emission,
//! gamma, min_poe_threshold)`. The contract additionally mints nothing when the epoch's job value
//! is below `min_epoch_job_value` or no miner has weight; those gates are the caller's to apply.
//! Exit status: 0 ok, 1 unreadable input or an arithmetic overflow.

use std::io::Read;
use std::process::ExitCode;

use cosmwasm_std::{Decimal, Int128, Uint128};
use poe_interface::poe_mining::PoeParams;
use poe_math::poe::{epoch_emission, poe_index, EpochActivity, PoeIndex};
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Input {
    params: PoeParams,
    jobs: Vec<Job>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Job {
    job_value: Uint128,
    liquidity_delta: Int128,
    uptime: Decimal,
    quality_score: Decimal,
}

#[derive(Serialize)]
struct Output {
    index: PoeIndex,
    epoch_emission: Uint128,
    total_job_value: Uint128,
    job_count: u64,
}

fn run() -> anyhow::Result<Output> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let input: Input = serde_json::from_str(&text)?;
    let mut activity = EpochActivity::default();
    for job in &input.jobs {
        activity.record_job(
            job.job_value,
            job.liquidity_delta,
            job.uptime,
            job.quality_score,
        )?;
    }
    let p = &input.params;
    let index = poe_index(&activity, &p.poe_weights, &p.poe_scales);
    Ok(Output {
        index,
        epoch_emission: epoch_emission(p.max_emission_per_epoch, index.gamma, p.min_poe_threshold),
        total_job_value: activity.total_job_value,
        job_count: activity.job_count,
    })
}

fn main() -> ExitCode {
    match run().and_then(|out| Ok(serde_json::to_string(&out)?)) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("poe-index: {err:#}");
            ExitCode::FAILURE
        }
    }
}
