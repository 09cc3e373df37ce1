#!/usr/bin/env bash
# The gas benchmark: gas_used per operation on a FRESH local wasmd node, written to docs/gas.md
# (tables and explanations) and docs/gas.json (the same data). A benchmark, not a test: it fails
# only when a step fails, never on a figure.
#
#   scripts/gas-report.sh [--rebuild] [--miners 10,100,1000] [--samples 3]
#
#   --rebuild        build the benchmark's artifacts from the sources even when artifacts/ matches
#                    its checksums (otherwise they are built only when missing or not matching)
#   --miners LIST    the scaling rounds: active miners (= jobs) per epoch (default 10,100,1000)
#   --samples K      measurements per token operation and per claim (default 3)
#   --out-dir DIR    where gas.md and gas.json go (default docs/)
#
# Steps:
# 1. artifacts/ (scripts/build-artifacts.sh for the contracts the deployment plan deploys when
#    missing, not matching checksums.txt, or --rebuild) and the reference contracts
#    (scripts/build-reference.sh: cw20-base 2.0.0, cw20-stake 2.6.0, Astroport's xyk pair 1.5.1,
#    factory 1.7.0 and token 1.1.1, cw20-escrow 0.11.1; crates.io source, the suite's recipe)
# 2. a fresh chain in its OWN home, $POE_GAS_LOCALNET_HOME (default ~/.cache/poe-economy/localnet-gas,
#    localnet-gas-offsetN with a port offset N): scripts/localnet.sh reset + start with
#    POE_LOCALNET_HOME pointing there, so the default localnet's data is never touched
# 3. scripts/deploy.sh --scenario scenarios/gas.yaml (45 s epochs, short staking and governance periods)
# 4. ts/tools/gas-report.ts: the token operations on FLX, on cw20-base 2.0.0 and on a 100 bps
#    transfer-burn instance; register_miner, submit_job, close_epoch, claim_rewards; close and
#    claim with 10 / 100 / 1,000 miners active in the epoch; staking next to cw20-stake 2.6.0,
#    governance and the guardian's pause (ts/tools/gas-staking.ts); Astroport's xyk pair
#    (ts/tools/peers.ts) next to our AMM (ts/tools/gas-amm.ts); the guarantee contract and the
#    marketplace next to cw20-escrow 0.11.1 (ts/tools/gas-guarantee.ts: set up first, measured
#    last, once their pairs' TWAP covers the guarantees' 600 s window; a liquidation is staged
#    in the background), so a run takes at least about 12 minutes
# 5. the node is stopped whatever happens (trap), and deployments/poe-local.json (which deploy.sh
#    rewrites) is put back as it was
#
# Ports: RPC 26657, REST 1317, gRPC 9090, ... each plus $POE_LOCALNET_PORT_OFFSET (default 0,
# scripts/localnet.sh). A node already running on the same ports (for example one started with
# scripts/localnet.sh start, or scripts/e2e.sh) makes the start refuse: stop it first, or run
# beside it with an offset, e.g. POE_LOCALNET_PORT_OFFSET=200 scripts/gas-report.sh (RPC 26857).
# Wall time on the 2-core machine: see docs/gas.md.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# poe_ensure_node_modules, POE_CACHE.
# shellcheck source=scripts/ts-env.sh
source "$ROOT/scripts/ts-env.sh"

REBUILD=0
TOOL_ARGS=()
while (($#)); do
  case "$1" in
    --rebuild) REBUILD=1 ;;
    --miners | --samples | --out-dir)
      (($# >= 2)) || { echo "gas-report: $1 needs a value" >&2; exit 2; }
      TOOL_ARGS+=("$1" "$2"); shift ;;
    -h | --help) sed -n '2,38p' "$0"; exit 0 ;;
    *) echo "gas-report: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

LOCALNET="$ROOT/scripts/localnet.sh"
ACCOUNTS="$ROOT/scripts/localnet-accounts.json"
SCENARIO=scenarios/gas.yaml
# The node's port offset (scripts/localnet.sh moves every port by it): exported, so the node's
# start, stop and reset below, and anything else reading it, use the same node.
GAS_PORT_OFFSET="${POE_LOCALNET_PORT_OFFSET:-0}"
if ! [[ "$GAS_PORT_OFFSET" =~ ^[0-9]{1,5}$ ]] || ((10#$GAS_PORT_OFFSET > 30000)); then
  echo "gas-report: POE_LOCALNET_PORT_OFFSET must be a whole number 0..30000, not $GAS_PORT_OFFSET" >&2
  exit 2
fi
GAS_PORT_OFFSET=$((10#$GAS_PORT_OFFSET))
export POE_LOCALNET_PORT_OFFSET="$GAS_PORT_OFFSET"
# Not NODE / CHAIN_ID: wasmd binds environment variables with an empty prefix (docs/toolchain.md).
GAS_RPC="http://127.0.0.1:$((26657 + GAS_PORT_OFFSET))"
GAS_CHAIN_ID="$(jq -r .chain_id "$ACCOUNTS")"
# The benchmark's own chain home: localnet.sh reads POE_LOCALNET_HOME (its wasmd commands run
# with a scrubbed environment, so the variable never reaches wasmd). One per port offset, so two
# benchmarks on different offsets never share a chain.
if ((GAS_PORT_OFFSET == 0)); then
  export POE_LOCALNET_HOME="${POE_GAS_LOCALNET_HOME:-$POE_CACHE/localnet-gas}"
else
  export POE_LOCALNET_HOME="${POE_GAS_LOCALNET_HOME:-$POE_CACHE/localnet-gas-offset$GAS_PORT_OFFSET}"
fi
DEPLOYMENT="$ROOT/deployments/$GAS_CHAIN_ID.json"

T0=$(date +%s)
step() { printf '\n==> [%ss] %s\n' "$(( $(date +%s) - T0 ))" "$*" >&2; }

# deploy.sh writes deployments/<chain-id>.json, the default localnet's record: keep a copy and
# put it back at the end (or remove ours when there was none). The trap is set before the copy
# is made, and restores only once the copy exists (SAVED_OK), so an interruption at any point
# neither leaks the temp file nor replaces the record with an empty one.
HAD_DEPLOYMENT=0
SAVED_DEPLOYMENT=""
SAVED_OK=0
NODE_UP=0
# shellcheck disable=SC2317  # invoked by the trap
cleanup() {
  if (( NODE_UP )); then
    "$LOCALNET" stop || true
  fi
  if (( SAVED_OK )); then
    if (( HAD_DEPLOYMENT )); then
      cp "$SAVED_DEPLOYMENT" "$DEPLOYMENT"
    else
      rm -f "$DEPLOYMENT"
    fi
  fi
  [[ -z "$SAVED_DEPLOYMENT" ]] || rm -f "$SAVED_DEPLOYMENT"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
SAVED_DEPLOYMENT="$(mktemp)"
if [[ -f "$DEPLOYMENT" ]]; then
  cp "$DEPLOYMENT" "$SAVED_DEPLOYMENT"
  HAD_DEPLOYMENT=1
fi
SAVED_OK=1

# 1. Artifacts: the ones the benchmark deploys must be listed in checksums.txt, and every listed
#    file must match (a contract the benchmark does not use, still being written, never blocks
#    it). The reference: always rebuilt (~10 s when cached).
NEEDED_WASM=(poe_token poe_mining poe_treasury poe_staking poe_governance)
# every contract the deployment plan deploys (scripts/common.sh lists contracts/*)
mapfile -t NEEDED_CRATES < <(poe_contract_crates)
artifacts_ok() {
  local w
  [[ -f artifacts/checksums.txt ]] || return 1
  for w in "${NEEDED_WASM[@]}"; do
    grep -q " $w.wasm\$" artifacts/checksums.txt || return 1
  done
  (cd artifacts && sha256sum --quiet -c checksums.txt >/dev/null 2>&1)
}
step "artifacts"
if (( REBUILD )) || ! artifacts_ok; then
  echo "artifacts/: building the benchmark's contracts (scripts/build-artifacts.sh ${NEEDED_CRATES[*]})" >&2
  scripts/build-artifacts.sh "${NEEDED_CRATES[@]}"
  artifacts_ok || { echo "gas-report: artifacts still missing after the build" >&2; exit 1; }
else
  echo "artifacts/: present, checksums match (--rebuild to build them from the sources anyway)" >&2
fi
step "reference: cw20-base, cw20-stake, Astroport, cw20-escrow (scripts/build-reference.sh)"
scripts/build-reference.sh
(cd artifacts/reference && sha256sum --quiet -c checksums.txt)

step "tools: node_modules, poe-deploy-plan"
poe_ensure_node_modules
cargo build -q -p poe-deploy --bin poe-deploy-plan -j 2

# 2. A fresh chain in the benchmark's own home.
T_NODE=$(date +%s)
step "localnet ($POE_LOCALNET_HOME, RPC $GAS_RPC): reset + start"
NODE_UP=1
"$LOCALNET" reset
"$LOCALNET" start

# 3. The suite.
T_DEPLOY=$(date +%s)
step "deploy $SCENARIO"
if [[ -z "${POE_DEPLOYER_MNEMONIC:-}" ]]; then
  POE_DEPLOYER_MNEMONIC="$(jq -r '.accounts[] | select(.name == "deployer") | .mnemonic' "$ACCOUNTS")"
fi
export POE_DEPLOYER_MNEMONIC
scripts/deploy.sh --node "$GAS_RPC" --chain-id "$GAS_CHAIN_ID" --scenario "$SCENARIO" --force

# 4. The measurements; the tool writes docs/gas.md and docs/gas.json.
T_MEASURE=$(date +%s)
step "measure (ts/tools/gas-report.ts)"
WASMD_BIN="$("$LOCALNET" install 2>/dev/null)"
WASMD_VERSION="$(env -i HOME="$HOME" PATH=/usr/local/bin:/usr/bin:/bin "$WASMD_BIN" version 2>&1)"
POE_GAS_T0="$T0" POE_GAS_T_NODE="$T_NODE" POE_GAS_T_DEPLOY="$T_DEPLOY" POE_GAS_T_MEASURE="$T_MEASURE" \
  node --import tsx ts/tools/gas-report.ts --node "$GAS_RPC" --chain-id "$GAS_CHAIN_ID" \
  --wasmd-version "$WASMD_VERSION" "${TOOL_ARGS[@]}"

# 5. Stop now (the trap is the safety net).
"$LOCALNET" stop
NODE_UP=0
echo "gas-report: wall time $(( $(date +%s) - T0 )) s" >&2
