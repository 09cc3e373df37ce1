//! `poe-deploy-plan [SCENARIO] [--out FILE]`: prints the deployment plan of a scenario (the
//! `DeployPlan` JSON: instantiate and execute messages with `@account`, `$contract` and `#code`
//! placeholders) for the on-chain deploy tool (`ts/src/plan.ts`), which runs it on a node
//! exactly as the multi-test suite runs it in the simulator.
//!
//! SCENARIO (default `scenarios/default.yaml`) is resolved against the working directory, then
//! against the repository root. The plan goes to stdout, or to FILE with `--out`.
//! Exit status: 0 written; 1 the plan could not be made or written; 2 the scenario was refused
//! (the message names the field and line), and nothing is written.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::Parser;
use poe_deploy::{DeployPlan, Scenario, DEFAULT_SCENARIO};

/// Prints the deployment plan of a PoE scenario (JSON) for the on-chain deploy tool.
#[derive(Parser, Debug)]
#[command(name = "poe-deploy-plan", version, about)]
struct Cli {
    /// The scenario file (YAML); default scenarios/default.yaml of the repository.
    scenario: Option<PathBuf>,
    /// Write the plan to this file instead of stdout.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

/// The plan as the deploy tool reads it: pretty JSON and a final newline.
fn plan_text(plan: &DeployPlan) -> anyhow::Result<String> {
    Ok(serde_json::to_string_pretty(plan)? + "\n")
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let given = cli
        .scenario
        .unwrap_or_else(|| PathBuf::from(DEFAULT_SCENARIO));
    let scenario = match Scenario::open(&given) {
        Ok(s) => s,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::from(2);
        }
    };
    let text = match scenario
        .deployment()
        .and_then(|d| d.plan())
        .and_then(|plan| plan_text(&plan))
    {
        Ok(text) => text,
        Err(err) => {
            eprintln!("error: the deployment plan of {}: {err:#}", given.display());
            return ExitCode::from(1);
        }
    };
    let written = match &cli.out {
        Some(path) => {
            std::fs::write(path, &text).with_context(|| format!("cannot write {}", path.display()))
        }
        None => std::io::stdout()
            .lock()
            .write_all(text.as_bytes())
            .context("cannot write to stdout"),
    };
    match written {
        Ok(()) => {
            if let Some(path) = &cli.out {
                eprintln!(
                    "wrote the deployment plan of {} to {}",
                    given.display(),
                    path.display()
                );
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(1)
        }
    }
}
