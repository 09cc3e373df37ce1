#!/usr/bin/env bash
# Build the peers the gas report compares against, from crates.io, by the same recipe as our own
# artifacts (TOOLCHAIN.md), so the comparison measures the contracts and not the build.
#
#   scripts/build-reference.sh            # cw20-base 2.0.0 -> artifacts/reference/cw20_base.wasm
#
# The crate source comes from crates.io through cargo (fetched into a scratch project under the
# cache, never committed). It is built as its own workspace with its own lock file, pinned to the
# same cosmwasm-std 2.2.2 as the suite, and with our release profile forced through
# CARGO_PROFILE_RELEASE_* (cw20-base's own [profile.release] would otherwise apply).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/install-tools.sh
source "$ROOT/scripts/install-tools.sh"
unset CARGO_ENCODED_RUSTFLAGS
ensure_wasm_target
ensure_binaryen

OUT="$ROOT/artifacts/reference"
WORK="$POE_CACHE/reference"
mkdir -p "$OUT" "$WORK"

build_crate() { # name version
  local name="$1" version="$2" lib="${1//-/_}"
  local fetch="$WORK/fetch-$name-$version" src="$WORK/$name-$version"
  echo "==> $name $version: source from crates.io" >&2
  if [[ ! -f "$src/Cargo.toml" ]]; then
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
    # Its own workspace root (so it never joins a parent workspace), pinned to the suite's std.
    grep -q '^\[workspace\]' "$src/Cargo.toml" || printf '\n[workspace]\n' >> "$src/Cargo.toml"
    (cd "$src" && cargo generate-lockfile -q && cargo update -q -p cosmwasm-std --precise 2.2.2)
  fi
  echo "==> $name $version: cargo build (wasm32, release, the suite's recipe)" >&2
  (
    cd "$src"
    export CARGO_PROFILE_RELEASE_OPT_LEVEL=3 CARGO_PROFILE_RELEASE_LTO=true \
      CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 CARGO_PROFILE_RELEASE_PANIC=abort \
      CARGO_PROFILE_RELEASE_OVERFLOW_CHECKS=true CARGO_PROFILE_RELEASE_DEBUG=false \
      CARGO_PROFILE_RELEASE_INCREMENTAL=false CARGO_PROFILE_RELEASE_DEBUG_ASSERTIONS=false
    RUSTFLAGS="-C link-arg=-s -C target-cpu=mvp --remap-path-prefix=$src=/code --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo" \
      cargo build --release --lib --target wasm32-unknown-unknown --locked -j 2 --target-dir "$WORK/target"
  )
  echo "==> $name $version: wasm-opt" >&2
  "$POE_WASM_OPT" --enable-bulk-memory-opt --enable-sign-ext --llvm-memory-copy-fill-lowering --signext-lowering -Os \
    "$WORK/target/wasm32-unknown-unknown/release/$lib.wasm" -o "$OUT/$lib.wasm"
  ensure_cosmwasm_checks
  for v in "${POE_COSMWASM_CHECK_VERSIONS[@]}"; do
    "$(poe_cosmwasm_check_bin "$v")" "$OUT/$lib.wasm" >/dev/null
  done
  printf '%s %s: %s bytes, cosmwasm-check %s pass\n' "$name" "$version" "$(stat -c %s "$OUT/$lib.wasm")" "${POE_COSMWASM_CHECK_VERSIONS[*]}"
}

build_crate cw20-base 2.0.0
(cd "$OUT" && sha256sum -- *.wasm > checksums.txt)
