#!/usr/bin/env bash
# Build the optimized contract artifacts the chain accepts (the recipe of docs/toolchain.md).
#
#   scripts/build-artifacts.sh                 # every crate under contracts/*
#   scripts/build-artifacts.sh poe-token ...   # only these crates (package names)
#
# Output: artifacts/<crate_name_with_underscores>.wasm, artifacts/checksums.txt (sha256sum format),
# and a table of sizes and check results. Exits non-zero when any crate fails to build, any
# artifact fails cosmwasm-check 2.2.10 or 3.0.10, lacks an entry point, or exceeds 800 KiB.
# Every crate is attempted even after a failure, so one broken contract does not hide the others.
# artifacts/ and checksums.txt only ever hold artifacts that passed every gate: the artifact of a
# crate that failed (an old one when its build failed, the new one when a check failed) is moved
# to artifacts/failed/, so nothing (scripts/e2e.sh, deploy.sh) takes it for a good, current one.
# One run at a time (flock on artifacts/.lock): a second run waits for the first.
#
# Environment: POE_CACHE_DIR (tool cache, default ~/.cache/poe-economy), CARGO_TARGET_DIR (honoured).

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# The ensure_* installers and the pinned versions live in one place.
# shellcheck source=scripts/install-tools.sh
source "$ROOT/scripts/install-tools.sh"

# CARGO_ENCODED_RUSTFLAGS would silently win over the RUSTFLAGS of the recipe below.
unset CARGO_ENCODED_RUSTFLAGS

# wasmd rejects uploads above 800 KiB (its MaxWasmSize default): catch it here, not at deploy time.
MAX_BYTES=819200
ARTIFACTS="$ROOT/artifacts"

# 1. Tools needed to build. cosmwasm-check is ensured only after the build, so that a first
#    run's ~8 min of `cargo install` cannot delay the failures a build can show earlier.
ensure_wasm_target
ensure_binaryen

# 2. The contract crates: every contracts/*/Cargo.toml's package name (scripts/common.sh),
#    or the ones named on the command line.
if [[ $# -gt 0 ]]; then
  CRATES=("$@")
else
  mapfile -t CRATES < <(poe_contract_crates)
fi
if [[ ${#CRATES[@]} -eq 0 ]]; then
  echo "no contract crates found under contracts/*" >&2
  exit 1
fi

# Where cargo puts the wasm: honour CARGO_TARGET_DIR / .cargo/config.toml via cargo itself.
TARGET_DIR="$(cargo metadata --no-deps --format-version 1 | jq -r .target_directory)"
WASM_OUT="$TARGET_DIR/wasm32-unknown-unknown/release"

mkdir -p "$ARTIFACTS"
# Two runs at once would write the same .tmp files and checksums.txt.
exec 8>"$ARTIFACTS/.lock"
if ! flock -n 8; then
  echo "build-artifacts: another build of artifacts/ is running; waiting for it" >&2
  flock 8
fi
# Artifacts are replaced one by one with an atomic rename (never deleted first), so a deploy or a
# gas report reading artifacts/ while this runs sees either the old or the new file, not none.

declare -A STATUS=()   # crate -> "ok" or the failing step
FAILED=0

# 3. Build + optimize, ONE cargo invocation per contract. Each contract has a `library` feature
#    that strips its entry points, and the workspace dependency entries enable it
#    (poe-token = { ..., features = ["library"] }) for crates that link another contract as a
#    library. `cargo build -p a -p b` unifies features across the selected packages, so building
#    a contract together with one that depends on it silently yields a contract without
#    `instantiate` (and cosmwasm-check still passes it: see scripts/wasm-exports.py). The shared
#    dependencies are compiled once and reused by later invocations (same flags, same features),
#    so the separate invocations cost only each contract's own LTO link.
for crate in "${CRATES[@]}"; do
  file="${crate//-/_}.wasm"
  echo "==> $crate: cargo build (wasm32, release)" >&2
  # -C link-arg=-s strips symbols (size); -C target-cpu=mvp keeps the contract's own code free of
  # post-MVP instructions and on word-wise memcpy (the lowering below fixes the precompiled std).
  # -j 2: the machine has 2 cores.
  # --remap-path-prefix: panic locations embed source paths; mapping the checkout and the cargo
  # home to fixed names makes the bytes (and checksums.txt) independent of where the repo is
  # cloned, so a CI clone, a developer and a verifier get the same artifacts.
  if ! RUSTFLAGS="-C link-arg=-s -C target-cpu=mvp --remap-path-prefix=$POE_REPO_ROOT=/code --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo" \
      cargo build --release --lib --target wasm32-unknown-unknown -p "$crate" -j 2; then
    STATUS[$crate]="build failed"; FAILED=1; continue
  fi
  if [[ ! -f "$WASM_OUT/$file" ]]; then
    # Built but no .wasm: the crate is not a cdylib.
    STATUS[$crate]="no $file (crate-type cdylib missing?)"; FAILED=1; continue
  fi
  echo "==> $crate: wasm-opt" >&2
  # rustc >= 1.82's std carries bulk-memory and sign-ext instructions the CosmWasm VM rejects:
  # lower them (lowering passes BEFORE -Os), then optimize for size.
  if ! "$POE_WASM_OPT" --enable-bulk-memory-opt --enable-sign-ext \
      --llvm-memory-copy-fill-lowering --signext-lowering -Os \
      "$WASM_OUT/$file" -o "$ARTIFACTS/$file.tmp"; then
    rm -f "$ARTIFACTS/$file.tmp"
    STATUS[$crate]="wasm-opt failed"; FAILED=1; continue
  fi
  mv -f "$ARTIFACTS/$file.tmp" "$ARTIFACTS/$file"
  STATUS[$crate]="ok"
done

# 5. The VM's own static checks, with both VM lines the artifacts must run on (wasmvm 2.2 and 3.x).
ensure_cosmwasm_checks
declare -A CHECK=() EXPORTS=() SIZE=()
for crate in "${CRATES[@]}"; do
  [[ "${STATUS[$crate]}" == ok ]] || continue
  file="${crate//-/_}.wasm"
  path="$ARTIFACTS/$file"
  size=$(stat -c %s "$path")
  SIZE[$crate]=$size
  # Size gate.
  if (( size > MAX_BYTES )); then
    STATUS[$crate]="too big (> $MAX_BYTES bytes)"; FAILED=1
  fi
  # Entry points: cosmwasm-check does not require them, the chain's users do.
  exports="$(python3 "$ROOT/scripts/wasm-exports.py" "$path")"
  missing=()
  for ep in instantiate execute query; do
    grep -qx "$ep" <<<"$exports" || missing+=("$ep")
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    EXPORTS[$crate]="MISSING ${missing[*]}"
    STATUS[$crate]="no entry points (built with feature library?)"; FAILED=1
  else
    EXPORTS[$crate]="$(grep -xE 'instantiate|execute|query|migrate|reply|sudo' <<<"$exports" | paste -sd, -)"
  fi
  CHECK[$crate]=""
  for v in "${POE_COSMWASM_CHECK_VERSIONS[@]}"; do
    log="$(mktemp)"
    if "$(poe_cosmwasm_check_bin "$v")" "$path" >"$log" 2>&1; then
      CHECK[$crate]+="$v:pass "
    else
      CHECK[$crate]+="$v:FAIL "
      STATUS[$crate]="cosmwasm-check $v failed"; FAILED=1
      echo "--- cosmwasm-check $v on $file:" >&2
      cat "$log" >&2
    fi
    rm -f "$log"
  done
done

# 6. Artifacts that failed a gate leave artifacts/ (kept in artifacts/failed/ for a look), then
#    the checksums of every artifact present (sha256sum format, names relative to artifacts/), so
#    `cd artifacts && sha256sum -c checksums.txt` verifies a download and lists only good files.
for crate in "${CRATES[@]}"; do
  file="${crate//-/_}.wasm"
  if [[ "${STATUS[$crate]}" == ok ]]; then
    rm -f "$ARTIFACTS/failed/$file"
    continue
  fi
  if [[ -f "$ARTIFACTS/$file" ]]; then
    mkdir -p "$ARTIFACTS/failed"
    mv -f "$ARTIFACTS/$file" "$ARTIFACTS/failed/$file"
    echo "moved $file to artifacts/failed/ (${STATUS[$crate]})" >&2
  fi
done
shopt -s nullglob
if [[ $# -eq 0 ]]; then
  # Building everything: drop artifacts of contracts that no longer exist (renamed/removed), so
  # checksums.txt describes exactly the current suite.
  for f in "$ARTIFACTS"/*.wasm; do
    keep=0
    for crate in "${CRATES[@]}"; do [[ "$(basename "$f")" == "${crate//-/_}.wasm" ]] && keep=1; done
    [[ $keep == 1 ]] || { echo "removing stale $(basename "$f")" >&2; rm -f "$f"; }
  done
fi
wasm_files=("$ARTIFACTS"/*.wasm)
shopt -u nullglob
if [[ ${#wasm_files[@]} -gt 0 ]]; then
  (cd "$ARTIFACTS" && sha256sum -- *.wasm > checksums.txt.tmp && mv -f checksums.txt.tmp checksums.txt)
else
  rm -f "$ARTIFACTS/checksums.txt"
fi

# 7. The table.
echo
printf '%-24s %10s %9s  %-30s %-36s %s\n' crate bytes KiB "cosmwasm-check" "entry points" status
for crate in "${CRATES[@]}"; do
  if [[ -n "${SIZE[$crate]:-}" ]]; then
    printf '%-24s %10d %9.1f  %-30s %-36s %s\n' "$crate" "${SIZE[$crate]}" \
      "$(awk -v b="${SIZE[$crate]}" 'BEGIN { printf "%.1f", b / 1024 }')" \
      "${CHECK[$crate]}" "${EXPORTS[$crate]}" "${STATUS[$crate]}"
  else
    printf '%-24s %10s %9s  %-30s %-36s %s\n' "$crate" - - - - "${STATUS[$crate]}"
  fi
done
echo "limit: $MAX_BYTES bytes (800 KiB); checksums: artifacts/checksums.txt"

if (( FAILED )); then
  echo "build-artifacts: FAILED (see status column)" >&2
  exit 1
fi
echo "build-artifacts: all ${#CRATES[@]} artifacts ok"
