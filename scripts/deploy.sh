#!/usr/bin/env bash
# Deploy the suite on a running node (ts/src/deploy.ts): the scenario's DeployPlan (from
# `cargo run -q -p poe-deploy --bin poe-deploy-plan`: the poe-deploy package alone, a debug
# build; neither the simulator nor a contract is compiled natively), the artifacts of
# artifacts/, accounts derived from the deployer's mnemonic.
#
#   POE_DEPLOYER_MNEMONIC="..." scripts/deploy.sh --node URL --chain-id ID [--scenario FILE] [--force]
#                                                 [--gas-price 0stake] [--fund 1000000]
#
# Writes deployments/<chain-id>.json (codes, contract addresses, accounts, scenario, plan, gas);
# refuses when it exists unless --force. The localnet's deployer mnemonic is in
# scripts/localnet-accounts.json (account "deployer"); see docs/localnet.md.
#
# Why TypeScript and not the wasmd CLI: CosmJS's SigningCosmWasmClient waits for each transaction
# to be included and returns its code id / contract address from the events, where the CLI's
# `-b sync` returns after CheckTx and needs polling; and dApps use the very same client code.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/ts-env.sh
source "$ROOT/scripts/ts-env.sh"
poe_ensure_node_modules
# Relative paths (--scenario) stay relative to the caller's directory.
exec node --import tsx "$ROOT/ts/src/deploy.ts" "$@"
