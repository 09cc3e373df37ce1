#!/usr/bin/env bash
# Generate the TypeScript clients of the contracts from schema/*.json, or check that the
# committed ones are up to date.
#
#   scripts/codegen.sh            # (re)write ts/src/contracts/ from schema/
#   scripts/codegen.sh --check    # generate into a temp dir and fail if ts/src/contracts/ differs (CI)
#
# Generator: @cosmwasm/ts-codegen 1.12.1 (package.json), the last release emitting CosmJS-style
# clients (1.13+ targets interchainjs); it needs the override @cosmwasm/ts-codegen-ast 1.8.1
# (docs/toolchain.md). Per contract it writes <Name>.types.ts, <Name>.client.ts (QueryClient and a
# signing Client over SigningCosmWasmClient) and <Name>.message-composer.ts (EncodeObjects for
# transactions of several messages), plus index.ts. The clients are committed so dApps and the
# e2e test use them without running the generator; CI fails when schema/ changes without them.
# Run scripts/schema.sh first when a message changed: the clients follow schema/, not the Rust.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/ts-env.sh
source "$ROOT/scripts/ts-env.sh"

CHECK=0
case "${1:-}" in
  "") ;;
  --check) CHECK=1 ;;
  -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
  *) echo "usage: scripts/codegen.sh [--check]" >&2; exit 2 ;;
esac

OUT_DIR="$ROOT/ts/src/contracts"
poe_ensure_node_modules

# Always generate into a fresh folder: the generator never deletes the file of a contract that
# is gone, and --check must never touch the committed files.
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
poe_tsx ts/tools/codegen.ts "$TMP/contracts"

if (( ! CHECK )); then
  rm -rf "$OUT_DIR"
  mkdir -p "$(dirname "$OUT_DIR")"
  cp -r "$TMP/contracts" "$OUT_DIR"
  (cd "$OUT_DIR" && printf 'wrote ts/src/contracts/%s\n' *.ts)
  exit 0
fi

if ! diff -ru "$OUT_DIR" "$TMP/contracts" >"$TMP/diff" 2>&1; then
  echo "ts/src/contracts/ differs from the clients generated from schema/ (first lines):" >&2
  head -40 "$TMP/diff" >&2
  echo "run scripts/codegen.sh and commit ts/src/contracts/" >&2
  exit 1
fi
echo "codegen: up to date ($(find "$OUT_DIR" -name '*.ts' | wc -l) files in ts/src/contracts/ from $(find schema -name '*.json' | wc -l) schemas)"
