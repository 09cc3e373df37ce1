#!/usr/bin/env bash
# Idempotent installer for the tools the wasm build, the schema check and the localnet need.
#
#   scripts/install-tools.sh                  # wasm target + binaryen (npm) + cosmwasm-check 2.2.10 and 3.0.10
#   scripts/install-tools.sh wasmd            # only wasmd (+ libwasmvm), as scripts/localnet.sh needs it
#   scripts/install-tools.sh all              # everything above
#   source scripts/install-tools.sh           # defines the ensure_* functions and the paths, installs nothing
#
# Everything downloaded or built goes OUTSIDE the repo, under $POE_CACHE_DIR
# (default ~/.cache/poe-economy), so a `git clean` or a fresh clone never rebuilds the slow tools:
#   $CACHE/cosmwasm-check-<v>/bin/cosmwasm-check   (cargo install --root, ~4 min each on 2 cores)
#   $CACHE/wasmd-v<v>/bin/wasmd                    (go build from the Go module proxy, see ensure_wasmd)
#   $CACHE/wasmd-v<v>/lib/libwasmvm.x86_64.so      (found by wasmd through RUNPATH $ORIGIN/../lib)
#   $CACHE/npm                                     (npm's download cache for binaryen)
# The one exception is node_modules/ (binaryen's wasm-opt), which npm puts beside package.json;
# it is git-ignored and rebuilt from package-lock.json by `npm ci` in seconds.
#
# A fresh machine works from this script alone: each ensure_* installs when missing and reuses
# the cache when present. Installs of the same tool are serialised with flock, so two scripts
# (or CI and a developer) never build the same thing twice at once.

set -euo pipefail

# Pinned versions (docs/toolchain.md says why): 2.2.11/3.0.11 need rustc 1.96; wasmd 0.61.14 = wasmvm 3.0.7 + CometBFT 0.38.
POE_COSMWASM_CHECK_VERSIONS=(2.2.10 3.0.10)
POE_WASMD_VERSION=0.61.14
POE_BINARYEN_VERSION=132.0.0

# POE_REPO_ROOT, POE_CACHE and the contract discovery.
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
POE_WASM_OPT="$POE_REPO_ROOT/node_modules/.bin/wasm-opt"
POE_WASMD_DIR="$POE_CACHE/wasmd-v$POE_WASMD_VERSION"
POE_WASMD_BIN="$POE_WASMD_DIR/bin/wasmd"

# Progress goes to stderr so callers can capture stdout (e.g. a path) cleanly.
poe_log() { printf '[install-tools] %s\n' "$*" >&2; }

# Path of the cached cosmwasm-check binary for one version (the layout the brief fixed).
poe_cosmwasm_check_bin() { printf '%s/cosmwasm-check-%s/bin/cosmwasm-check\n' "$POE_CACHE" "$1"; }

# Rust >= 1.82 std is prebuilt per target; without the target `cargo build --target wasm32...` fails.
ensure_wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    poe_log "wasm32-unknown-unknown target: present"
  else
    poe_log "wasm32-unknown-unknown target: installing"
    rustup target add wasm32-unknown-unknown >&2
  fi
}

# wasm-opt from the npm package binaryen (Debian's binaryen 108 is too old for the lowering passes).
# `npm ci` installs exactly what package-lock.json pins; the version check catches a stale
# node_modules left from an older pin.
ensure_binaryen() {
  local have="" want_lock="" have_lock=""
  if [[ -x "$POE_WASM_OPT" && -f "$POE_REPO_ROOT/node_modules/binaryen/package.json" ]]; then
    have="$(node -p 'require(process.argv[1]).version' "$POE_REPO_ROOT/node_modules/binaryen/package.json")"
  fi
  # node_modules also holds the TypeScript tooling (CosmJS, ts-codegen, tsx): reinstall whenever
  # package-lock.json changed since the last install, not only when binaryen is missing.
  [[ -f "$POE_REPO_ROOT/package-lock.json" ]] && want_lock="$(sha256sum "$POE_REPO_ROOT/package-lock.json" | cut -d' ' -f1)"
  [[ -f "$POE_REPO_ROOT/node_modules/.poe-lock-sha256" ]] && have_lock="$(cat "$POE_REPO_ROOT/node_modules/.poe-lock-sha256")"
  if [[ "$have" == "$POE_BINARYEN_VERSION" && "$have_lock" == "$want_lock" ]]; then
    poe_log "binaryen $have (wasm-opt) and node_modules: present, up to date with package-lock.json"
    return 0
  fi
  poe_log "node_modules: installing (binaryen had: ${have:-none}; lock changed: $([[ "$have_lock" == "$want_lock" ]] && echo no || echo yes))"
  mkdir -p "$POE_CACHE/npm"
  # flock: two builds starting together must not both rewrite node_modules.
  (
    flock 9
    cd "$POE_REPO_ROOT"
    if [[ -f package-lock.json ]]; then
      npm ci --no-audit --no-fund --cache "$POE_CACHE/npm" >&2
      sha256sum package-lock.json | cut -d' ' -f1 > node_modules/.poe-lock-sha256
    else
      # First time only: writes package-lock.json, which is committed so later installs are `npm ci`.
      npm install --no-audit --no-fund --cache "$POE_CACHE/npm" >&2
    fi
  ) 9>"$POE_CACHE/npm.lock"
  "$POE_WASM_OPT" --version >&2
}

# cosmwasm-check <version> into $CACHE/cosmwasm-check-<version>.
ensure_cosmwasm_check() {
  local v="$1" bin
  bin="$(poe_cosmwasm_check_bin "$v")"
  mkdir -p "$POE_CACHE"
  # Our own installs are serialised by the flock below, which is what guarantees correctness.
  # Someone else (a job started by hand, without our lock) may be running `cargo install
  # cosmwasm-check` right now: a second concurrent build of the same crate would double the
  # ~4 min on 2 cores (cargo itself serialises the final copy into --root). So wait for such a
  # job a bounded time (15 min, re-checking every 5 s whether our binary appeared), then go on
  # under the lock regardless: a stuck or unrelated process can delay us but never block us.
  local waited=0
  while [[ ! -x "$bin" ]] && ((waited < 900)) && pgrep -u "$(id -u)" -f "cargo install cosmwasm-check" >/dev/null 2>&1; do
    ((waited % 60 == 0)) && poe_log "cosmwasm-check $v: another 'cargo install cosmwasm-check' is running; waiting for it (at most 15 min)"
    sleep 5
    waited=$((waited + 5))
  done
  (
    flock 9
    # Re-check under the lock: the install we waited for may have produced the binary.
    if [[ -x "$bin" ]] && "$bin" --version >/dev/null 2>&1; then
      poe_log "cosmwasm-check $v: present ($bin)"
      exit 0
    fi
    poe_log "cosmwasm-check $v: installing (cargo install, about 4 min on 2 cores)"
    # --locked: the crate's own Cargo.lock, so the build is reproducible; --root: our cache layout.
    nice cargo install cosmwasm-check --version "=$v" --locked --root "$POE_CACHE/cosmwasm-check-$v" >&2
    "$bin" --version >&2
  ) 9>"$POE_CACHE/cosmwasm-check-$v.lock"
}

ensure_cosmwasm_checks() {
  local v
  for v in "${POE_COSMWASM_CHECK_VERSIONS[@]}"; do ensure_cosmwasm_check "$v"; done
}

# wasmd from the Go module proxy (no GitHub here), by the recipe of docs/toolchain.md. Measured on
# these 2 cores: see scripts/localnet.sh's header for the build time.
ensure_wasmd() {
  mkdir -p "$POE_CACHE"
  (
    flock 9
    if [[ -x "$POE_WASMD_BIN" ]] && "$POE_WASMD_BIN" version >/dev/null 2>&1; then
      poe_log "wasmd $POE_WASMD_VERSION: present ($POE_WASMD_BIN)"
      exit 0
    fi
    local start src build wasmvm_dir
    start=$(date +%s)
    poe_log "wasmd $POE_WASMD_VERSION: building (tens of minutes on 2 cores; log: $POE_WASMD_DIR.build.log)"
    # `go install ...@v` refuses modules whose go.mod has `replace` (wasmd's does), so build
    # inside the module's own tree: download it through the proxy and learn where it landed.
    src="$(go mod download -json "github.com/CosmWasm/wasmd@v$POE_WASMD_VERSION" | jq -r .Dir)"
    # The module cache is read-only and `go get` below must edit go.mod: work on a copy.
    build="$POE_WASMD_DIR.build"
    rm -rf "$build"
    cp -r "$src" "$build"
    chmod -R u+w "$build"
    cd "$build"
    # GOTOOLCHAIN=local: use the installed Go, never download another toolchain behind our back.
    # GOFLAGS=-mod=mod only for `go get`; the build itself is -mod=readonly.
    # Go 1.26 cannot compile the bytedance/sonic versions wasmd pins ("undefined: GoMapIterator"):
    # bump sonic and its loader to releases that support it.
    GOTOOLCHAIN=local go get github.com/bytedance/sonic@v1.15.1 github.com/bytedance/sonic/loader@v0.5.1 \
      >>"$POE_WASMD_DIR.build.log" 2>&1
    # The ldflags are wasmd's Makefile's (version, app name, bech32 prefix `wasm`), plus an
    # RUNPATH of $ORIGIN/../lib so the binary finds the libwasmvm we copy beside it, not only the
    # module cache's copy (which wasmvm's cgo flags also put into RUNPATH).
    # nice + -p 2: this runs on a 2-core machine next to other builds.
    mkdir -p "$POE_WASMD_DIR/bin" "$POE_WASMD_DIR/lib"
    # shellcheck disable=SC2016  # $ORIGIN is for the dynamic loader, not for bash
    CGO_ENABLED=1 GOTOOLCHAIN=local nice go build -p 2 -mod=readonly -trimpath -tags netgo \
      -ldflags "-X github.com/cosmos/cosmos-sdk/version.Name=wasm -X github.com/cosmos/cosmos-sdk/version.AppName=wasmd -X github.com/cosmos/cosmos-sdk/version.Version=$POE_WASMD_VERSION -X github.com/CosmWasm/wasmd/app.Bech32Prefix=wasm -extldflags '-Wl,-rpath,\$ORIGIN/../lib'" \
      -o "$POE_WASMD_DIR/bin/wasmd.tmp" ./cmd/wasmd >>"$POE_WASMD_DIR.build.log" 2>&1 || {
        poe_log "wasmd build failed; last lines of $POE_WASMD_DIR.build.log:"
        tail -30 "$POE_WASMD_DIR.build.log" >&2
        exit 1
      }
    # libwasmvm lives inside the wasmvm Go module (internal/api); take it from the exact
    # wasmvm version this build resolved, so the .so matches the Go bindings.
    wasmvm_dir="$(GOTOOLCHAIN=local go list -m -json github.com/CosmWasm/wasmvm/v3 | jq -r .Dir)"
    cp "$wasmvm_dir/internal/api/libwasmvm.$(uname -m).so" "$POE_WASMD_DIR/lib/"
    chmod u+w "$POE_WASMD_DIR/lib/"*.so
    mv "$POE_WASMD_DIR/bin/wasmd.tmp" "$POE_WASMD_BIN"
    cd /
    rm -rf "$build"
    "$POE_WASMD_BIN" version >&2
    poe_log "wasmd $POE_WASMD_VERSION: built in $(( $(date +%s) - start )) s -> $POE_WASMD_BIN"
  ) 9>"$POE_WASMD_DIR.lock"
}

poe_install_main() {
  local targets=() t v
  for t in "$@"; do
    if [[ "$t" == all ]]; then targets+=(wasm-target binaryen cosmwasm-check wasmd); else targets+=("$t"); fi
  done
  [[ ${#targets[@]} -gt 0 ]] || targets=(wasm-target binaryen cosmwasm-check)
  for t in "${targets[@]}"; do
    case "$t" in
      wasm-target) ensure_wasm_target ;;
      binaryen) ensure_binaryen ;;
      cosmwasm-check) ensure_cosmwasm_checks ;;
      wasmd) ensure_wasmd ;;
      -h|--help) sed -n '2,20p' "${BASH_SOURCE[0]}"; return 0 ;;
      *) poe_log "unknown tool '$t' (wasm-target|binaryen|cosmwasm-check|wasmd|all)"; return 2 ;;
    esac
  done
  # Summary on stdout: what is installed where.
  echo "cache: $POE_CACHE"
  for t in "${targets[@]}"; do
    case "$t" in
      wasm-target) echo "wasm32-unknown-unknown: $(rustc --version)" ;;
      binaryen) echo "wasm-opt: $POE_WASM_OPT ($("$POE_WASM_OPT" --version))" ;;
      cosmwasm-check) for v in "${POE_COSMWASM_CHECK_VERSIONS[@]}"; do echo "cosmwasm-check $v: $(poe_cosmwasm_check_bin "$v")"; done ;;
      wasmd) echo "wasmd: $POE_WASMD_BIN ($("$POE_WASMD_BIN" version 2>&1))" ;;
    esac
  done
}

# Run only when executed, not when sourced.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  poe_install_main "$@"
fi
