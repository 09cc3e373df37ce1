#!/usr/bin/env bash
# The README's test command, and what .ci/run calls on a clean checkout.
#
#   scripts/test.sh            # the full run (CI): everything below, in order; stops at the first failure
#   scripts/test.sh --fast     # the inner loop: steps 2, 3 and 5 only (fmt, clippy, cargo test, schema
#                              # drift): no tool installs, no wasm, no TypeScript, no chain
#
# 1. tools: the wasm target, rustfmt/clippy, binaryen's wasm-opt and cosmwasm-check 2.2.10 and
#    3.0.10 (installed into ~/.cache/poe-economy when missing: a fresh machine needs nothing else)
# 2. cargo fmt --check, clippy -D warnings (every crate, every target)
# 3. cargo test: unit tests and seeded property tests of the math, multi-test integration tests of
#    the whole loop, adversarial tests per contract, the economy's invariant property test, and
#    the simulator on its scenarios
# 4. the optimized wasm artifacts by the project's recipe (docs/toolchain.md), both
#    cosmwasm-check versions, 800 KiB gate
# 5. schema drift: schema/<crate>.json must match the messages
# 6. TypeScript: the generated clients (ts/src/contracts) must match schema/, and ts/ type-checks
# 7. on a real chain: scripts/e2e.sh starts a local wasmd node (built from the Go module proxy and
#    cached on first use, ~11 min), deploys the suite, runs the end-to-end test, stops the node
#
# --fast passes the full run's checks of the Rust code and the schemas, so a change that passes
# it fails the full run only in the wasm build (size, cosmwasm-check), the TypeScript clients
# (after a message change: scripts/schema.sh then scripts/codegen.sh) or on the chain.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

FAST=0
case "${1:-}" in
  "") ;;
  --fast) FAST=1 ;;
  -h | --help) sed -n '2,25p' "$0"; exit 0 ;;
  *) echo "usage: scripts/test.sh [--fast]" >&2; exit 2 ;;
esac

T0=$SECONDS
step() { printf '\n==> [%ss] %s\n' "$((SECONDS - T0))" "$*"; }

if ((FAST)); then
  # rustup's minimal profile has no rustfmt/clippy; adding them is a no-op when present.
  rustup component add rustfmt clippy >/dev/null 2>&1 || true
else
  step "tools"
  rustup component add rustfmt clippy >/dev/null 2>&1 || true
  scripts/install-tools.sh
fi

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets -j 2 -- -D warnings

step "cargo test (unit, property, multi-test integration, adversarial, simulator)"
cargo test --workspace -j 2

if ((FAST)); then
  step "schema drift"
  scripts/schema.sh --check
  step "fast checks passed in $((SECONDS - T0)) s (the full run, scripts/test.sh, also builds the wasm, checks the TypeScript clients and runs the chain test)"
  exit 0
fi

step "wasm artifacts (recipe, cosmwasm-check 2.2.10 + 3.0.10, size gate)"
scripts/build-artifacts.sh

step "schema drift"
scripts/schema.sh --check

step "TypeScript: generated clients up to date, tsc --noEmit"
scripts/codegen.sh --check
node_modules/.bin/tsc --noEmit -p ts

step "end-to-end on a local wasmd node (start, deploy, real transactions, stop)"
scripts/e2e.sh

step "all checks passed in $((SECONDS - T0)) s"
