#!/usr/bin/env bash
# Runs a PoE economy scenario on the whole suite deployed in an embedded chain (cw-multi-test,
# the contracts' own code linked natively) and prints the report.
#
#   scripts/simulate.sh [SCENARIO] [--json FILE] [--quiet]
#
# SCENARIO defaults to scenarios/default.yaml. Built in release mode: the embedded chain is much
# faster there. The first build takes about 7 minutes on 2 cores (the release profile uses LTO);
# while cargo builds, this script says so and shows cargo's own progress (`Compiling ...`) on
# stderr. When poe-sim is already up to date nothing is printed before the report. The report
# (and nothing else) goes to stdout, so `scripts/simulate.sh > report.txt` stays clean.
# Exit status: 0 ok, 1 a check failed or the run broke (or the build failed), 2 the scenario was
# refused.
set -euo pipefail
cd "$(dirname "$0")/.."

# 1. Build poe-sim, cargo's messages on stderr. An up-to-date build prints only cargo's
#    "Finished" line, which is dropped; anything else (a compile, a "Blocking waiting for file
#    lock", a compiler error) is shown, preceded once by a line saying what is happening.
#    cargo's exit status is the pipeline's (pipefail).
cargo build --release -p poe-simulator --bin poe-sim 2>&1 >/dev/null | awk '
  !busy && /^[[:space:]]*Finished / { next }
  !busy {
    busy = 1
    print "[simulate] building the simulator (release, LTO: a first build takes ~7 min on 2 cores, a rebuild less); cargo:"
  }
  { print; fflush() }
' >&2 || {
  echo "[simulate] the build of poe-sim failed (cargo's messages above)" >&2
  exit 1
}

# 2. Run it: cargo finds the build fresh and runs the binary; -q keeps its own lines off.
exec cargo run --release -q -p poe-simulator --bin poe-sim -- "$@"
