#!/usr/bin/env bash
# Build the peers the gas report compares against, from crates.io, by the same recipe as our own
# artifacts (docs/toolchain.md), so the comparison measures the contracts and not the build.
#
#   scripts/build-reference.sh              # every crate of the table below
#   scripts/build-reference.sh CRATE ...    # only these (crate or wasm name: cw20-stake, cw20_stake)
#   scripts/build-reference.sh --list       # the table
#
# Output: artifacts/reference/<lib>.wasm (<lib> = the crate name with `_`), and
# artifacts/reference/checksums.txt over every wasm in that folder.
#
# The crates (docs/peers.md says why these versions):
#   cw20-base 2.0.0          the token reference (docs/gas.md); also the tokens the peers hold
#   cw20-stake 2.6.0         DAO DAO's cw20 staking: the staking peer
#   astroport-token 1.1.1    Astroport's cw20 LP token (cw20-base 0.15)
#   astroport-factory 1.7.0  the factory the pair asks for its fees and config
#   astroport-pair 1.5.1     the constant-product (xyk) pair: the newest with a cw20 LP token;
#                            astroport-pair 2.x creates its LP token with the tokenfactory module
#                            (/osmosis.tokenfactory.v1beta1.MsgCreateDenom), which wasmd lacks
#   cw20-escrow 0.11.1       cw-plus's escrow (arbiter, recipient, cw20 and native deposits): the
#                            guarantee contract's peer. 0.11.1 is the last release on crates.io:
#                            cw-plus dropped the contract after 0.11 (there is no cw20-escrow 1.x
#                            or 2.x on crates.io)
#
# The crate source comes from crates.io through cargo (fetched into a scratch project under the
# cache, never committed). Each crate is built as its own workspace with its own lock file
# (generated once, then kept in the cache) and with our release profile forced through
# CARGO_PROFILE_RELEASE_* (a crate's own [profile.release] would otherwise apply).
#
# cosmwasm-std: the table's third column is the version `cargo update --precise` pins after the
# lock file is generated, or `-` to keep what the crate's own lock resolves. cw20-base 2.0.0 is
# pinned to the suite's 2.2.2. The other crates are written for cosmwasm-std 1.x (cw20-stake 2.6
# needs ^1.5.4, astroport ^1.1, cw20-escrow 0.11.1 ^1.0.0-beta3): they cannot take 2.x, so they
# stay on their own major, pinned to 1.5.11 (the last 1.x) for a reproducible build. wasmd 0.61
# runs 1.x contracts (interface_version_8) and both cosmwasm-check versions accept them.
#
# Each crate has its own target folder (switching crates in a shared one would rebuild every
# dependency each time: RUSTFLAGS carry the crate's path remap). One build at a time (flock):
# scripts/gas-report.sh runs this too.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

#                 crate             version  cosmwasm-std pin
REFERENCE_CRATES=(
  "cw20-base         2.0.0    2.2.2"
  "cw20-stake        2.6.0    1.5.11"
  "astroport-token   1.1.1    1.5.11"
  "astroport-factory 1.7.0    1.5.11"
  "astroport-pair    1.5.1    1.5.11"
  "cw20-escrow       0.11.1   1.5.11"
)

if [[ "${1:-}" == "--list" ]]; then
  printf '%s\n' "${REFERENCE_CRATES[@]}"
  exit 0
fi
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  sed -n '2,39p' "$0"
  exit 0
fi

# The crates asked for (all when no argument); an unknown name fails before any build.
SELECTED=()
if (($# == 0)); then
  SELECTED=("${REFERENCE_CRATES[@]}")
else
  for want in "$@"; do
    found=""
    for row in "${REFERENCE_CRATES[@]}"; do
      read -r c _ _ <<<"$row"
      if [[ "$want" == "$c" || "$want" == "${c//-/_}" || "$want" == "${c//-/_}.wasm" ]]; then found="$row"; fi
    done
    [[ -n "$found" ]] || { echo "build-reference: unknown crate $want (scripts/build-reference.sh --list)" >&2; exit 2; }
    SELECTED+=("$found")
  done
fi

# shellcheck source=scripts/install-tools.sh
source "$ROOT/scripts/install-tools.sh"
unset CARGO_ENCODED_RUSTFLAGS
ensure_wasm_target
ensure_binaryen

OUT="$ROOT/artifacts/reference"
WORK="$POE_CACHE/reference"
mkdir -p "$OUT" "$WORK"

# One build at a time: two runs would share the scratch sources and the output files.
exec 8>"$WORK/build.lock"
flock 8

# docs/toolchain.md: the lowering passes before -Os.
WASM_OPT_FLAGS=(--enable-bulk-memory-opt --enable-sign-ext --llvm-memory-copy-fill-lowering --signext-lowering -Os)

build_crate() { # name version std-pin|-
  local name="$1" version="$2" pin="$3" lib="${1//-/_}"
  local fetch="$WORK/fetch-$name-$version" src="$WORK/$name-$version"
  # cw20-base keeps the target folder it always had (its cache); every other crate gets its own.
  local target="$WORK/target"
  [[ "$name" == cw20-base ]] || target="$WORK/target-$name-$version"
  echo "==> $name $version: source from crates.io" >&2
  if [[ ! -f "$src/Cargo.lock" ]]; then
    # A scratch project that depends on the exact version makes cargo download the crate; its
    # unpacked source is then copied out of cargo's registry cache.
    mkdir -p "$fetch/src"
    printf '[package]\nname = "fetch"\nversion = "0.0.0"\nedition = "2021"\n[dependencies]\n%s = "=%s"\n' \
      "$name" "$version" > "$fetch/Cargo.toml"
    : > "$fetch/src/lib.rs"
    (cd "$fetch" && cargo fetch -q)
    local registry_src
    registry_src="$(find "${CARGO_HOME:-$HOME/.cargo}/registry/src" -maxdepth 2 -type d -name "$name-$version" | head -1)"
    [[ -n "$registry_src" ]] || { echo "cannot find $name-$version in cargo's registry" >&2; return 1; }
    rm -rf "$src" && cp -r "$registry_src" "$src"
    chmod -R u+w "$src"
    # Its own workspace root (so it never joins a parent workspace), with its own lock file.
    grep -q '^\[workspace\]' "$src/Cargo.toml" || printf '\n[workspace]\n' >> "$src/Cargo.toml"
    (cd "$src" && cargo generate-lockfile -q)
  fi
  # The cosmwasm-std pin, re-applied whenever the table's pin differs from the one the lock has.
  if [[ "$pin" != - ]]; then
    local locked
    locked="$(awk '/^name = "cosmwasm-std"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$src/Cargo.lock")"
    if [[ "$locked" != "$pin" ]]; then
      echo "==> $name $version: cosmwasm-std $locked -> $pin" >&2
      (cd "$src" && cargo update -q -p cosmwasm-std --precise "$pin")
    fi
  fi
  echo "==> $name $version: cargo build (wasm32, release, the suite's recipe)" >&2
  (
    cd "$src"
    export CARGO_PROFILE_RELEASE_OPT_LEVEL=3 CARGO_PROFILE_RELEASE_LTO=true \
      CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 CARGO_PROFILE_RELEASE_PANIC=abort \
      CARGO_PROFILE_RELEASE_OVERFLOW_CHECKS=true CARGO_PROFILE_RELEASE_DEBUG=false \
      CARGO_PROFILE_RELEASE_INCREMENTAL=false CARGO_PROFILE_RELEASE_DEBUG_ASSERTIONS=false
    RUSTFLAGS="-C link-arg=-s -C target-cpu=mvp --remap-path-prefix=$src=/code --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo" \
      cargo build --release --lib --target wasm32-unknown-unknown --locked -j 2 --target-dir "$target"
  )
  # wasm-opt and the two checks take most of a cached run (~20 s a crate): skipped when cargo's
  # output and artifacts/reference/<lib>.wasm are the ones a previous run optimized and checked.
  local raw="$target/wasm32-unknown-unknown/release/$lib.wasm" stamp="$WORK/$name-$version.done" want
  want="$(sha256sum <"$raw" | cut -d' ' -f1) $("$POE_WASM_OPT" --version) ${WASM_OPT_FLAGS[*]} check ${POE_COSMWASM_CHECK_VERSIONS[*]}"
  if [[ -f "$OUT/$lib.wasm" && -f "$stamp" && "$(cat "$stamp")" == "$want $(sha256sum <"$OUT/$lib.wasm" | cut -d' ' -f1)" ]]; then
    echo "==> $name $version: cargo output unchanged, $lib.wasm already optimized and checked" >&2
  else
    rm -f "$stamp"
    echo "==> $name $version: wasm-opt" >&2
    "$POE_WASM_OPT" "${WASM_OPT_FLAGS[@]}" "$raw" -o "$OUT/$lib.wasm"
    ensure_cosmwasm_checks
    for v in "${POE_COSMWASM_CHECK_VERSIONS[@]}"; do
      "$(poe_cosmwasm_check_bin "$v")" "$OUT/$lib.wasm" >/dev/null
    done
    printf '%s %s\n' "$want" "$(sha256sum <"$OUT/$lib.wasm" | cut -d' ' -f1)" >"$stamp"
  fi
  local std
  std="$(awk '/^name = "cosmwasm-std"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$src/Cargo.lock")"
  printf '%s %s (cosmwasm-std %s): %s bytes, cosmwasm-check %s pass\n' "$name" "$version" "$std" \
    "$(stat -c %s "$OUT/$lib.wasm")" "${POE_COSMWASM_CHECK_VERSIONS[*]}"
}

for row in "${SELECTED[@]}"; do
  read -r c v p <<<"$row"
  build_crate "$c" "$v" "$p"
done
(cd "$OUT" && sha256sum -- *.wasm > checksums.txt)
