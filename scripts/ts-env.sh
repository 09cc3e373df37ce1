# shellcheck shell=bash
# Helpers of the TypeScript scripts (codegen.sh, deploy.sh, e2e.sh); sourced, never executed.
#
# node_modules/ is installed from the committed package-lock.json by `npm ci`; the key is the
# whole lock file, not one package's version: after an install, node_modules/.poe-lock-sha256
# holds the sha256 of the package-lock.json installed, and a different (or missing) stamp
# reinstalls. The stamp and the flock file are the ones install-tools.sh's ensure_binaryen uses,
# so the wasm build and the TypeScript scripts never install twice or race.

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

POE_NODE_STAMP="$POE_REPO_ROOT/node_modules/.poe-lock-sha256"

poe_ensure_node_modules() {
  local want have=""
  want="$(sha256sum "$POE_REPO_ROOT/package-lock.json" | cut -d' ' -f1)"
  [[ -f "$POE_NODE_STAMP" ]] && have="$(cat "$POE_NODE_STAMP")"
  if [[ "$have" == "$want" && -x "$POE_REPO_ROOT/node_modules/.bin/tsx" ]]; then
    return 0
  fi
  mkdir -p "$POE_CACHE/npm"
  # The same lock as install-tools.sh's ensure_binaryen: both rewrite node_modules.
  (
    flock 9
    # Re-check under the lock: another script may have installed it meanwhile.
    if [[ -f "$POE_NODE_STAMP" && "$(cat "$POE_NODE_STAMP")" == "$want" ]]; then exit 0; fi
    printf '[ts-env] npm ci (package-lock.json changed or node_modules incomplete)\n' >&2
    cd "$POE_REPO_ROOT" || exit 1
    npm ci --no-audit --no-fund --cache "$POE_CACHE/npm" >&2
    printf '%s\n' "$want" >"$POE_NODE_STAMP"
  ) 9>"$POE_CACHE/npm.lock"
}

# Runs a TypeScript file with node + tsx (no build step): poe_tsx FILE ARGS...
poe_tsx() {
  node --import tsx "$@"
}
