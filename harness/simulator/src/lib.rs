//! The PoE economy simulator: deploys the whole suite into cw-multi-test (the contracts' own code
//! linked natively) through `poe-testing`, runs a scenario file (genesis and parameters as in the
//! seeds' YAML, and a stream of economic jobs generated from a stated seed) and reports supplies,
//! the PoE index and Gamma per epoch, NEX issued, fee split totals, the treasury and the owner
//! salary, as text and JSON.
//!
//! The binary is `poe-sim` (`scripts/simulate.sh`); [`run_file`] is the same run as a library
//! call, for tests.

pub mod economy;
pub mod generate;
pub mod governance;
pub mod locate;
pub mod report;
pub mod runner;
pub mod scenario;
pub mod values;

use std::path::{Path, PathBuf};

pub use crate::report::Report;
pub use crate::runner::{run, suite_builder, RunOptions};
pub use crate::scenario::{Scenario, ScenarioError};

/// The default scenario, relative to the repository root.
pub const DEFAULT_SCENARIO: &str = "scenarios/default.yaml";

/// Resolves a scenario path: as given (relative to the working directory) when it exists,
/// else relative to the repository root (`CARGO_MANIFEST_DIR/../..`) when that exists there.
pub fn resolve_scenario_path(given: &Path) -> PathBuf {
    if given.exists() || given.is_absolute() {
        return given.to_path_buf();
    }
    let repo_root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let candidate = repo_root.join(given);
    if candidate.exists() {
        candidate
    } else {
        given.to_path_buf()
    }
}

/// Loads, validates and runs the scenario at `path` (resolved by [`resolve_scenario_path`]).
/// A refused scenario is a [`ScenarioError`] inside the `anyhow::Error`.
pub fn run_file(path: &Path, progress: bool) -> anyhow::Result<Report> {
    let resolved = resolve_scenario_path(path);
    let scenario = Scenario::load(&resolved).map_err(|mut e| {
        e.file = path.display().to_string();
        e
    })?;
    run(
        &scenario,
        &RunOptions {
            progress,
            file: path.display().to_string(),
        },
    )
}
