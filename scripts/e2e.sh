#!/usr/bin/env bash
# The suite on a real chain, end to end, in one command:
#
#   scripts/e2e.sh
#
# 1. artifacts/: built with scripts/build-artifacts.sh when a contract's wasm or its checksum is
#    missing or wrong, or a contract's or shared package's source changed after the last build
#    (artifacts/ is git-ignored, so a fresh clone builds them once)
# 2. node_modules/ from package-lock.json (npm ci) and the native tools, in the dev profile that
#    `cargo test` has already built their dependencies in: poe-deploy-plan (prints the
#    deployment plan; interface and math only) and poe-index (the math oracle of the test)
# 3. scripts/localnet.sh reset + start: a fresh single-node wasmd chain (chain-id poe-local)
# 4. scripts/deploy.sh --scenario scenarios/localnet.yaml --force: the suite, by its DeployPlan,
#    signed with the localnet's deployer mnemonic (scripts/localnet-accounts.json)
# 5. node --test, one file after the other (TAP): ts/test/e2e.test.ts (miners, jobs paid in FLX,
#    epoch close checked against poe_math, NEX minted and claimed, fee parts to the base unit,
#    refused bad input), governance.test.ts (the hand-over, stake, propose, vote, timelock,
#    execute, read back; it changes the fee split, so it runs after), markets.test.ts (AUR
#    against attested gold, the AUR/FLX pool), guarantees.test.ts (the NEX/FLX pool's first
#    liquidity, the marketplace: replenish, allocate, release against FLX, expiry; a guarantee
#    with NEX collateral: GUAR claims, a default, redemptions pro rata; it needs the miners' NEX
#    and the GEN stakes of the two files before it, and waits for the NEX/FLX TWAP to cover the
#    guarantee contract's twap_window_seconds, 600 s at least: about ten minutes). node runs the
#    files one at a time in the order of their names (e2e, governance, guarantees, markets).
#    A new test file must be added to the list below.
# 6. the node is stopped, whatever happened (trap): no process is left behind
#
# Exit status: the test run's (0 = every test passed); 1 when a step before it failed.
# The output ends with node's TAP summary (`# pass N`, `# fail N`). Gas per transaction:
# reports/e2e-gas.json. Wall time with wasmd already built: see docs/localnet.md.
#
# WARNING: step 3 wipes the localnet's chain data ($POE_LOCALNET_HOME, default
# ~/.cache/poe-economy/localnet) and stops a node already running from it. The ports are the
# localnet's (RPC 26657, gRPC 9090, REST 1317, each plus $POE_LOCALNET_PORT_OFFSET, default 0;
# the test talks to the RPC `scripts/localnet.sh endpoints` names), so two e2e runs on one
# machine need different offsets and homes (POE_LOCALNET_PORT_OFFSET=100 gives both).

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# poe_ensure_node_modules, poe_contract_crates, POE_CACHE.
# shellcheck source=scripts/ts-env.sh
source "$ROOT/scripts/ts-env.sh"

LOCALNET="$ROOT/scripts/localnet.sh"
ACCOUNTS="$ROOT/scripts/localnet-accounts.json"
SCENARIO=scenarios/localnet.yaml
# Not NODE / CHAIN_ID: wasmd binds environment variables with an empty prefix (docs/toolchain.md).
# The RPC of the node localnet.sh starts (it honours POE_LOCALNET_PORT_OFFSET): never a fixed
# port, which could be another node's.
E2E_RPC="$("$LOCALNET" endpoints | awk -F'\t' '$1 == "rpc" { print $2 }')"
[[ -n "$E2E_RPC" ]] || { echo "e2e: scripts/localnet.sh endpoints gave no RPC address" >&2; exit 1; }
E2E_CHAIN_ID="$(jq -r .chain_id "$ACCOUNTS")"

T0=$(date +%s)
step() { printf '\n==> %s\n' "$*" >&2; }
elapsed() { echo $(( $(date +%s) - $1 )); }

# 6 first: whatever fails or interrupts below, the node goes down with this script.
NODE_UP=0
LOG=""
# shellcheck disable=SC2317  # invoked by the trap
cleanup() {
  if (( NODE_UP )); then
    "$LOCALNET" stop || true
  fi
  [[ -z "$LOG" ]] || rm -f "$LOG"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# 1. Artifacts: each contract's wasm present and matching checksums.txt.
artifacts_ok() {
  local crate
  [[ -f artifacts/checksums.txt ]] || return 1
  while read -r crate; do
    grep -q " ${crate//-/_}.wasm\$" artifacts/checksums.txt || return 1
  done < <(poe_contract_crates)
  (cd artifacts && sha256sum --quiet -c checksums.txt >/dev/null 2>&1) || return 1
  # and built after the last change of any source that goes into them
  local newer
  newer="$(find contracts/*/src contracts/*/Cargo.toml packages/interface packages/math packages/controllers Cargo.toml Cargo.lock \
    -newer artifacts/checksums.txt -type f -print -quit 2>/dev/null)"
  if [[ -n "$newer" ]]; then
    echo "artifacts/: $newer changed after the last build" >&2
    return 1
  fi
}
step "artifacts"
if artifacts_ok; then
  echo "artifacts/: present, checksums match" >&2
else
  echo "artifacts/: missing or stale, building (scripts/build-artifacts.sh)" >&2
  scripts/build-artifacts.sh
  artifacts_ok || { echo "e2e: artifacts still missing after the build" >&2; exit 1; }
fi

# 2. Tools. Built before the node starts, so no epoch passes while cargo links.
step "tools: node_modules, poe-deploy-plan and poe-index"
poe_ensure_node_modules
cargo build -q -p poe-deploy --bin poe-deploy-plan -j 2
cargo build -q -p poe-simulator --bin poe-index -j 2

# 3. A fresh chain.
step "localnet: reset + start"
NODE_UP=1
"$LOCALNET" reset
"$LOCALNET" start

# 4. Deploy. The chain was just wiped, so an existing deployments/poe-local.json describes a
#    chain that no longer exists: --force replaces it.
step "deploy $SCENARIO"
if [[ -z "${POE_DEPLOYER_MNEMONIC:-}" ]]; then
  POE_DEPLOYER_MNEMONIC="$(jq -r '.accounts[] | select(.name == "deployer") | .mnemonic' "$ACCOUNTS")"
fi
export POE_DEPLOYER_MNEMONIC
T_DEPLOY=$(date +%s)
scripts/deploy.sh --node "$E2E_RPC" --chain-id "$E2E_CHAIN_ID" --scenario "$SCENARIO" --force
DEPLOY_S=$(elapsed "$T_DEPLOY")

# 5. The test, TAP output (ends with `# pass N` / `# fail N`).
step "e2e test (node --test)"
T_TEST=$(date +%s)
LOG="$(mktemp)"
set +e
POE_NODE="$E2E_RPC" POE_CHAIN_ID="$E2E_CHAIN_ID" \
  node --import tsx --test --test-concurrency=1 --test-reporter=tap \
  ts/test/e2e.test.ts ts/test/governance.test.ts ts/test/guarantees.test.ts ts/test/markets.test.ts 2>&1 | tee "$LOG"
RC=${PIPESTATUS[0]}
set -e
TEST_S=$(elapsed "$T_TEST")

# 6. Stop now (the trap is the safety net), so the summary below is the last thing printed.
"$LOCALNET" stop
NODE_UP=0

echo >&2
echo "e2e: wall time $(elapsed "$T0") s (deploy ${DEPLOY_S} s, test ${TEST_S} s); gas per transaction: reports/e2e-gas.json" >&2
# node's summary again, last, so a log's tail answers "did it pass".
grep -E '^# (tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) ' "$LOG" || true
rm -f "$LOG"
exit "$RC"
