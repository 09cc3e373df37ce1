#!/usr/bin/env bash
# Generate the contracts' JSON schemas (schema/<crate>.json), or check that the committed ones
# are up to date.
#
#   scripts/schema.sh            # (re)write schema/<crate>.json for every contract crate
#   scripts/schema.sh --check    # write into a temp dir and fail if schema/ differs (CI)
#
# Each contract crate has a `<crate>-schema` binary (src/bin/schema.rs) that writes exactly `<outdir>/<crate>.json` (its
# first argument). The schemas are committed because clients (ts-codegen, the dApps) are generated
# from them; CI fails when a message changes without the schema being regenerated.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/common.sh
source "$ROOT/scripts/common.sh"

CHECK=0
case "${1:-}" in
  "") ;;
  --check) CHECK=1 ;;
  -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
  *) echo "usage: scripts/schema.sh [--check]" >&2; exit 2 ;;
esac

SCHEMA_DIR="$ROOT/schema"
mapfile -t CRATES < <(poe_contract_crates)
if [[ ${#CRATES[@]} -eq 0 ]]; then
  echo "no contract crates found under contracts/*" >&2
  exit 1
fi

# --check writes into a throw-away dir, so checking never touches the committed files.
if (( CHECK )); then
  OUT="$(mktemp -d)"
  trap 'rm -rf "$OUT"' EXIT
else
  OUT="$SCHEMA_DIR"
  mkdir -p "$OUT"
fi

# Which crates have a `<crate>-schema` binary: ask cargo (handles both src/bin/schema.rs and [[bin]]).
# A contract without one is an error: every contract publishes its API.
METADATA="$(cargo metadata --no-deps --format-version 1)"
FAILED=()
for crate in "${CRATES[@]}"; do
  has_bin="$(jq -r --arg c "$crate" '
    [.packages[] | select(.name == $c) | .targets[] | select(.name == ($c + "-schema") and (.kind | index("bin")))] | length' <<<"$METADATA")"
  if [[ "$has_bin" == 0 ]]; then
    echo "schema: $crate has no '$crate-schema' binary (a [[bin]] of src/bin/schema.rs writing <outdir>/$crate.json)" >&2
    FAILED+=("$crate"); continue
  fi
  # One crate per `cargo run`: the schema only needs the crate's own message types, and building
  # one package at a time keeps features as the crate itself declares them.
  if ! cargo run -q -p "$crate" --bin "$crate-schema" -- "$OUT" >/dev/null; then
    echo "schema: generating $crate failed" >&2
    FAILED+=("$crate"); continue
  fi
  if [[ ! -f "$OUT/$crate.json" ]]; then
    echo "schema: $crate's schema binary did not write $crate.json" >&2
    FAILED+=("$crate")
  fi
done
if [[ ${#FAILED[@]} -gt 0 ]]; then
  echo "schema: FAILED for: ${FAILED[*]}" >&2
  exit 1
fi

if (( ! CHECK )); then
  # A schema whose contract is gone would otherwise stay committed forever.
  for f in "$SCHEMA_DIR"/*.json; do
    [[ -e "$f" ]] || continue
    name="$(basename "$f" .json)"
    if ! printf '%s\n' "${CRATES[@]}" | grep -qx -- "$name"; then
      rm -f "$f"; echo "removed stale schema/$name.json (no contract crate '$name')"
    fi
  done
  printf 'wrote schema/%s.json\n' "${CRATES[@]}"
  exit 0
fi

# --check: byte-for-byte comparison with the committed schema/.
DRIFT=()
for crate in "${CRATES[@]}"; do
  if [[ ! -f "$SCHEMA_DIR/$crate.json" ]]; then
    echo "schema/$crate.json: missing (not generated yet)" >&2
    DRIFT+=("schema/$crate.json")
  elif ! cmp -s "$OUT/$crate.json" "$SCHEMA_DIR/$crate.json"; then
    echo "schema/$crate.json: differs from the contract's messages (first lines of the diff):" >&2
    diff -u "$SCHEMA_DIR/$crate.json" "$OUT/$crate.json" \
      --label "schema/$crate.json (committed)" --label "schema/$crate.json (generated)" | head -40 >&2 || true
    DRIFT+=("schema/$crate.json")
  fi
done
for f in "$SCHEMA_DIR"/*.json; do
  [[ -e "$f" ]] || continue
  name="$(basename "$f" .json)"
  if [[ ! -f "$OUT/$name.json" ]]; then
    echo "schema/$name.json: stale (no contract crate '$name' writes it)" >&2
    DRIFT+=("schema/$name.json")
  fi
done
if [[ ${#DRIFT[@]} -gt 0 ]]; then
  echo "schema drift in: ${DRIFT[*]}" >&2
  echo "run scripts/schema.sh and commit schema/" >&2
  exit 1
fi
echo "schema: up to date (${#CRATES[@]} contracts: ${CRATES[*]})"
