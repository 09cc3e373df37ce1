//! `poe-sim [SCENARIO] [--json FILE] [--quiet]`: runs a PoE economy scenario on the suite deployed
//! in cw-multi-test and prints a report (and writes it as JSON). The scenario's deployment plan
//! alone is `poe-deploy-plan`'s (package `poe-deploy`), which builds no contract.
//!
//! Exit status: 0 when the run completed and every check holds; 1 when a check failed or the run
//! broke; 2 when the scenario was refused (the message names the field and line).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use poe_simulator::{report, run, RunOptions, Scenario, DEFAULT_SCENARIO};

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
    print!("{}", report::text::render(&report));
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
