//! `poe-sim [SCENARIO] [--json FILE] [--quiet]`: runs a PoE economy scenario on the suite deployed
//! in cw-multi-test and prints a report (and writes it as JSON).
//!
//! Exit status: 0 when the run completed and every check holds; 1 when a check failed or the run
//! broke; 2 when the scenario was refused (the message names the field and line).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use poe_simulator::{report, resolve_scenario_path, run, RunOptions, Scenario, DEFAULT_SCENARIO};

/// Runs a PoE economy scenario on the whole suite in an embedded chain (cw-multi-test).
#[derive(Parser, Debug)]
#[command(name = "poe-sim", version, about)]
struct Cli {
    /// The scenario file (YAML); default scenarios/default.yaml of the repository.
    scenario: Option<PathBuf>,
    /// Also write the report as JSON to this file.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
    /// Write the scenario's deployment plan (instantiate messages with `@account` / `$contract`
    /// placeholders) as JSON to this file and exit without running: what `scripts/deploy.sh`
    /// deploys on a real node.
    #[arg(long, value_name = "FILE")]
    deploy_plan: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let given = cli
        .scenario
        .unwrap_or_else(|| PathBuf::from(DEFAULT_SCENARIO));
    let resolved = resolve_scenario_path(&given);
    let scenario = match Scenario::load(&resolved) {
        Ok(s) => s,
        Err(mut err) => {
            err.file = given.display().to_string();
            eprintln!("error: {err}");
            return ExitCode::from(2);
        }
    };
    if let Some(path) = &cli.deploy_plan {
        let written = poe_simulator::suite_builder(&scenario)
            .and_then(|b| b.deploy_plan())
            .and_then(|plan| Ok(serde_json::to_string_pretty(&plan)?))
            .and_then(|text| Ok(std::fs::write(path, text + "\n")?));
        return match written {
            Ok(()) => {
                eprintln!(
                    "wrote the deployment plan of {} to {}",
                    given.display(),
                    path.display()
                );
                ExitCode::SUCCESS
            }
            Err(err) => {
                eprintln!("error: cannot write the deployment plan: {err:#}");
                ExitCode::from(1)
            }
        };
    }
    let progress = !cli.quiet && std::io::stderr().is_terminal();
    let report = match run(
        &scenario,
        &RunOptions {
            progress,
            file: given.display().to_string(),
        },
    ) {
        Ok(r) => r,
        Err(err) => {
            eprintln!("error: the run failed: {err:#}");
            return ExitCode::from(1);
        }
    };
    print!("{}", report::render(&report));
    if let Some(path) = &cli.json {
        let written = serde_json::to_string_pretty(&report)
            .map_err(anyhow::Error::from)
            .and_then(|text| std::fs::write(path, text + "\n").map_err(anyhow::Error::from));
        if let Err(err) = written {
            eprintln!("error: cannot write {}: {err}", path.display());
            return ExitCode::from(1);
        }
    }
    if report.checks_pass() {
        ExitCode::SUCCESS
    } else {
        eprintln!("error: some checks failed (see CHECK FAILED above)");
        ExitCode::from(1)
    }
}
