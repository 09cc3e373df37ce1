# shellcheck shell=bash
# Helpers shared by the scripts in scripts/ (sourced, never executed).
#
# Variable names are prefixed POE_ and not exported on purpose: docs/toolchain.md warns that wasmd
# binds environment variables with an EMPTY prefix to its flags (NODE -> --node, OUTPUT ->
# --output, ...), so a generic exported name could change what a wasmd command does.
# scripts/localnet.sh also runs wasmd with a scrubbed environment.

POE_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Every downloaded or built tool lives outside the repo, in this one cache.
# shellcheck disable=SC2034  # used by the scripts that source this file
POE_CACHE="${POE_CACHE_DIR:-$HOME/.cache/poe-economy}"

# Package names of the contract crates: one per contracts/*/Cargo.toml, read from its [package]
# section. A folder without Cargo.toml is a contract still being started and is skipped.
poe_contract_crates() {
  local manifest
  for manifest in "$POE_REPO_ROOT"/contracts/*/Cargo.toml; do
    [[ -f "$manifest" ]] || continue
    awk '
      /^\[/ { in_pkg = ($0 == "[package]") }
      in_pkg && /^[[:space:]]*name[[:space:]]*=/ {
        sub(/^[^=]*=[[:space:]]*"/, ""); sub(/".*$/, ""); print; exit
      }' "$manifest"
  done
}
