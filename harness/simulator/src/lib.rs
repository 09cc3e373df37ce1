//! The PoE economy simulator: deploys the whole suite into cw-multi-test (the contracts' own code
//! linked natively) through `poe-testing`, runs a scenario file (genesis and parameters as in the
//! seeds' YAML, and a stream of economic jobs generated from a stated seed) and reports supplies,
//! the PoE index and Gamma per epoch, NEX issued, fee split totals, the treasury and the owner
//! salary, as text and JSON.
//!
//! The binary is `poe-sim` (`scripts/simulate.sh`); [`run_file`] is the same run as a library
//! call, for tests. The scenario format and the deployment it makes are `poe-deploy`'s
//! ([`poe_deploy::scenario`]); this crate runs them.
//!
//! Modules, each importing (`use`) only modules above it, so the graph has no cycle:
//!
//! ```text
//! poe_deploy::{scenario, values}  the format: data and its checks, never the run or the report
//! report::fmt                     how numbers are written            <- poe_deploy::values
//! report::{flux, aurum, pools,    each domain's report part and its  <- report::fmt
//!          governance}            text section
//! report                          the Report, PoE parts, Check       <- the four above
//! report::text                    the text of a Report               <- report, its parts
//! generate                        the job plan of a scenario         <- the format
//! flux, aurum, governance         each domain during a run           <- report, the format
//! pools                           the pools (AUR seed bought via aurum) <- aurum, generate, report
//! marketplace                     the marketplace's sales; the miners' NEX ledger  <- report
//! guarantees                      guarantees, claims, shocks   <- marketplace, report
//! economy                         the five parts, their order within an epoch
//! collect                         final queries, run-wide checks -> Report  <- economy, report
//! runner                          deploy, epochs, jobs, claims, salary  <- all the run modules
//! ```

pub mod aurum;
pub mod collect;
pub mod economy;
pub mod flux;
pub mod generate;
pub mod governance;
pub mod guarantees;
pub mod marketplace;
pub mod pools;
pub mod report;
pub mod runner;

use std::path::Path;

pub use crate::report::Report;
pub use crate::runner::{run, suite_builder, RunOptions};
pub use poe_deploy::{resolve_scenario_path, Scenario, ScenarioError, DEFAULT_SCENARIO};

/// Loads, validates and runs the scenario at `path` (resolved by [`resolve_scenario_path`]).
/// A refused scenario is a [`ScenarioError`] inside the `anyhow::Error`.
pub fn run_file(path: &Path, progress: bool) -> anyhow::Result<Report> {
    let scenario = Scenario::open(path)?;
    run(
        &scenario,
        &RunOptions {
            progress,
            file: path.display().to_string(),
        },
    )
}
