#!/usr/bin/env bash
# Runs a PoE economy scenario on the whole suite deployed in an embedded chain (cw-multi-test,
# the contracts' own code linked natively) and prints the report.
#
#   scripts/simulate.sh [SCENARIO] [--json FILE] [--quiet]
#
# SCENARIO defaults to scenarios/default.yaml. Built in release mode: the embedded chain is much
# faster there (the first build takes a few minutes: the release profile uses LTO).
# Exit status: 0 ok, 1 a check failed or the run broke, 2 the scenario was refused.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo run --release -q -p poe-simulator --bin poe-sim -- "$@"
