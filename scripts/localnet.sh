#!/usr/bin/env bash
# A single-validator wasmd chain on this machine, for running the real artifacts.
#
#   scripts/localnet.sh start     # build wasmd if missing, create the chain if missing, start it,
#                                 # return once blocks are produced (height >= 2)
#   scripts/localnet.sh stop      # stop the node; no process is left behind
#   scripts/localnet.sh status    # prints the height, or "stopped" (exit 3)
#   scripts/localnet.sh reset     # stop and wipe the chain data (keys and genesis too)
#   scripts/localnet.sh accounts  # name, address of the funded test accounts
#   scripts/localnet.sh store FILE.wasm [ACCOUNT]   # upload a wasm, print its code_id
#   scripts/localnet.sh install   # only build/cache wasmd
#   scripts/localnet.sh endpoints # RPC, REST, gRPC addresses and the chain home of this offset
#
# Chain: chain-id `poe-local`, bond/fee denom `stake`, 1 s blocks, minimum gas price 0stake.
# Endpoints, all on 127.0.0.1 only: RPC 26657, gRPC 9090, REST 1317, p2p 26656, pprof 6060
# (and the unused ABCI address 26658), each plus $POE_LOCALNET_PORT_OFFSET (default 0).
#
# A second node beside the default one: POE_LOCALNET_PORT_OFFSET=100 scripts/localnet.sh start
# gives RPC 26757, gRPC 9190, REST 1417, p2p 26756, pprof 6160, and (unless POE_LOCALNET_HOME is
# set) its own chain home $POE_CACHE_DIR/localnet-offset100, so its pid file, log and data are its
# own too; every command (stop, status, store, ...) needs the same offset. `endpoints` prints
# them. Offset 0 is the default node, exactly as without the variable.
# `start` waits at most $POE_LOCALNET_START_TIMEOUT seconds (default 120) for blocks; a start
# that fails (wasmd exits, a port is taken, the timeout, Ctrl-C) stops what it launched and
# removes the pid file, so nothing is left behind and the next start begins clean. `stop` also
# finds a node of this home whose pid file was lost (it looks for `wasmd start --home <home>`).
# Accounts: scripts/localnet-accounts.json (fixed TEST-ONLY mnemonics, keyring-backend test).
#
# Where things live (outside the repo, so no .gitignore entry is needed and `git clean` keeps them):
#   wasmd binary  $POE_CACHE_DIR/wasmd-v0.61.14/bin/wasmd  (+ lib/libwasmvm.x86_64.so beside it)
#   chain home    $POE_LOCALNET_HOME, default $POE_CACHE_DIR/localnet  (config, data, keyring);
#                 with a port offset N > 0 the default is $POE_CACHE_DIR/localnet-offsetN
#   pid, log      <chain home>/wasmd.pid, <chain home>/wasmd.log
#   (POE_CACHE_DIR defaults to ~/.cache/poe-economy)
#
# Measured on the 2-core machine (2026-11-21, Go 1.26.8, cold Go build cache, module downloads
# included, while two cargo builds ran beside it, load average ~7): building wasmd took 684 s
# (11.4 min) and gives a 172 MB binary. `start` of a fresh chain (init, 8 keys, genesis, first
# blocks) took 11-15 s; restarting an existing chain about 2 s; `stop` about 2 s.
#
# Environment: docs/toolchain.md warns that wasmd binds environment variables with an EMPTY prefix to
# its flags (NODE -> --node, OUTPUT -> --output, ...). With v0.61.14 we could not reproduce it on
# client commands (NODE, OUTPUT, KEYRING_BACKEND and HOME were ignored, 2026-11-21), but the
# cost of being safe is nil: this script exports nothing, runs every wasmd command through
# `wasmd_cmd` with a scrubbed environment, and always passes --home explicitly.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# ensure_wasmd, POE_WASMD_BIN, POE_CACHE.
# shellcheck source=scripts/install-tools.sh
source "$ROOT/scripts/install-tools.sh"

# Port offset: every listener moves by it, so two nodes can run at once (see the header).
LN_PORT_OFFSET="${POE_LOCALNET_PORT_OFFSET:-0}"
if ! [[ "$LN_PORT_OFFSET" =~ ^[0-9]{1,5}$ ]] || ((10#$LN_PORT_OFFSET > 30000)); then
  printf '[localnet] POE_LOCALNET_PORT_OFFSET must be a whole number 0..30000, not %s\n' "$LN_PORT_OFFSET" >&2
  exit 2
fi
LN_PORT_OFFSET=$((10#$LN_PORT_OFFSET))
LN_PORT_RPC=$((26657 + LN_PORT_OFFSET))
LN_PORT_P2P=$((26656 + LN_PORT_OFFSET))
LN_PORT_ABCI=$((26658 + LN_PORT_OFFSET))
LN_PORT_GRPC=$((9090 + LN_PORT_OFFSET))
LN_PORT_REST=$((1317 + LN_PORT_OFFSET))
LN_PORT_PPROF=$((6060 + LN_PORT_OFFSET))
if ((LN_PORT_OFFSET == 0)); then
  LN_HOME="${POE_LOCALNET_HOME:-$POE_CACHE/localnet}"
else
  LN_HOME="${POE_LOCALNET_HOME:-$POE_CACHE/localnet-offset$LN_PORT_OFFSET}"
fi
LN_CHAIN_ID=poe-local
LN_DENOM=stake
LN_PID="$LN_HOME/wasmd.pid"
LN_LOG="$LN_HOME/wasmd.log"
# How long `start` waits for blocks before it gives up and stops what it started.
LN_START_TIMEOUT="${POE_LOCALNET_START_TIMEOUT:-120}"
if ! [[ "$LN_START_TIMEOUT" =~ ^[0-9]{1,4}$ ]] || ((10#$LN_START_TIMEOUT == 0)); then
  printf '[localnet] POE_LOCALNET_START_TIMEOUT must be a whole number of seconds 1..9999, not %s\n' "$LN_START_TIMEOUT" >&2
  exit 2
fi
LN_START_TIMEOUT=$((10#$LN_START_TIMEOUT))
LN_RPC="http://127.0.0.1:$LN_PORT_RPC"
LN_REST="http://127.0.0.1:$LN_PORT_REST"
LN_ACCOUNTS="$ROOT/scripts/localnet-accounts.json"
# Every test account gets 1,000,000 stake (6 decimals); the validator self-bonds 100,000 of its own.
LN_FUNDS=1000000000000
LN_SELF_BOND=100000000000

ln_log() { printf '[localnet] %s\n' "$*" >&2; }

# wasmd with a clean environment (see the header): only HOME (Go wants a home dir) and PATH.
# --home is always passed explicitly, which viper ranks above the HOME variable.
wasmd_cmd() { env -i HOME="$HOME" PATH=/usr/local/bin:/usr/bin:/bin "$POE_WASMD_BIN" "$@"; }

# --- Which process is our node -------------------------------------------------------------
# The pid file alone is not trusted: the pid must be alive (kill -0, and not a zombie) and be a
# wasmd process started with OUR home (a reused pid must never be killed by `stop`).

# Alive = signalable and not a zombie (kill -0 succeeds on a zombie child that is not yet reaped).
pid_alive() {
  local pid="$1" stat
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || return 1
  # Field 3 (the state) follows the ") " that closes the command name.
  stat="${stat##*) }"
  [[ "${stat%% *}" != Z ]]
}

# The pid's command line runs `wasmd start --home <our home> ...` (fixed-string match).
is_our_node() {
  local pid="$1"
  pid_alive "$pid" || return 1
  [[ -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "/wasmd start --home $LN_HOME "
}

# Every live wasmd of ours serving this home, found in /proc (owned by us, exact home): a node
# whose pid file was lost (e.g. removed by an older version of this script after a failed start)
# is still found, so `stop` can stop it and `start` does not mistake it for a stranger.
find_node_pids() {
  local pid pattern
  # pgrep -f matches the command line as a regex: escape the home's metacharacters; every hit is
  # then confirmed with the fixed-string check.
  pattern="/wasmd start --home $(sed 's/[][\.*^$+?(){}|]/\\&/g' <<<"$LN_HOME") "
  for pid in $(pgrep -u "$(id -u)" -f -- "$pattern" 2>/dev/null); do
    is_our_node "$pid" && echo "$pid"
  done
  return 0
}

# pid of our running node, or nothing. Trusts the pid file when it names our node; otherwise
# looks in /proc and, when it finds exactly one, records it again in the pid file.
running_pid() {
  local pid="" found
  [[ -f "$LN_PID" ]] && pid="$(cat "$LN_PID" 2>/dev/null)"
  if [[ -n "$pid" ]] && is_our_node "$pid"; then
    echo "$pid"
    return 0
  fi
  mapfile -t found < <(find_node_pids)
  if ((${#found[@]} == 1)); then
    ln_log "node pid ${found[0]} runs from $LN_HOME without a valid pid file; recorded it in $LN_PID"
    echo "${found[0]}" >"$LN_PID"
    echo "${found[0]}"
  elif ((${#found[@]} > 1)); then
    ln_log "several wasmd processes serve $LN_HOME: ${found[*]}; taking the first (stop stops them all)"
    echo "${found[0]}"
  fi
}

# The process group of a pid (field 5 of /proc/<pid>/stat), or nothing.
pgid_of() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 0
  stat="${stat##*) }"
  # state ppid pgrp ...
  read -r _ _ pgrp _ <<<"$stat"
  echo "$pgrp"
}

# Stop one process: SIGTERM (CometBFT flushes its stores), a bounded wait, then SIGKILL so that
# nothing is ever left behind. With a process group given (the node is its session's leader,
# pgid = pid), the whole group gets the signals. Returns once the pid is gone (or a zombie: the
# caller's own child, reaped by bash).
stop_pid() {
  local pid="$1" group="${2:-}" grace="${3:-30}" deadline
  [[ -n "$group" ]] && { kill -TERM -- "-$group" 2>/dev/null || true; }
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + grace))
  while pid_alive "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
  if pid_alive "$pid"; then
    ln_log "pid $pid ignored SIGTERM for $grace s; sending SIGKILL"
    [[ -n "$group" ]] && { kill -KILL -- "-$group" 2>/dev/null || true; }
    kill -KILL "$pid" 2>/dev/null || true
    while pid_alive "$pid"; do sleep 0.2; done
  fi
  return 0
}

# Whether something already listens on a TCP port of 127.0.0.1. Checked before the launch, so a
# taken port gives a clear message instead of a node that dies on bind.
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Latest block height from CometBFT's RPC, or nothing when it does not answer.
height() {
  curl -sf --max-time 2 "$LN_RPC/status" 2>/dev/null | jq -r '.result.sync_info.latest_block_height // empty' 2>/dev/null || true
}

# Set `key = value` inside [section] of a TOML file written by wasmd init, and fail loudly if the
# key is not there (a silent no-op would leave the node on a public address or 5 s blocks).
toml_set() {
  local file="$1" section="$2" key="$3" value="$4"
  # section "" = the top-level keys before the first [table].
  awk -v section="$section" -v key="$key" -v value="$value" '
    BEGIN { want = (section == "" ? "" : "[" section "]") }
    /^\[/ { cur = $0 }
    cur == want && $0 ~ "^" key "[[:space:]]*=" { print key " = " value; done = 1; next }
    { print }
    END { if (!done) exit 7 }
  ' "$file" >"$file.tmp" || { rm -f "$file.tmp"; ln_log "cannot set [$section] $key in $file"; return 1; }
  mv "$file.tmp" "$file"
}

# Create the chain: keys from the fixed mnemonics, funded genesis accounts, one validator.
init_chain() {
  ln_log "creating chain $LN_CHAIN_ID in $LN_HOME"
  rm -rf "$LN_HOME"
  mkdir -p "$LN_HOME"
  wasmd_cmd init poe-local-node --chain-id "$LN_CHAIN_ID" --default-denom "$LN_DENOM" --home "$LN_HOME" >/dev/null 2>&1

  local cfg="$LN_HOME/config/config.toml" app="$LN_HOME/config/app.toml"
  # 1 s blocks (the SDK writes 5 s): tests and deploys wait less for inclusion.
  toml_set "$cfg" consensus timeout_commit '"1s"'
  # Every listener on loopback only: this machine must expose nothing.
  toml_set "$cfg" rpc laddr "\"tcp://127.0.0.1:$LN_PORT_RPC\""
  toml_set "$cfg" rpc pprof_laddr "\"127.0.0.1:$LN_PORT_PPROF\""
  toml_set "$cfg" p2p laddr "\"tcp://127.0.0.1:$LN_PORT_P2P\""
  toml_set "$cfg" "" proxy_app "\"tcp://127.0.0.1:$LN_PORT_ABCI\""
  # Browser dApps call the RPC from another origin.
  toml_set "$cfg" rpc cors_allowed_origins '["*"]'
  # A lone validator has no peers to find: never dial out or gossip addresses.
  toml_set "$cfg" p2p pex false
  toml_set "$cfg" p2p seeds '""'
  toml_set "$cfg" p2p persistent_peers '""'
  toml_set "$app" api enable true
  toml_set "$app" api address "\"tcp://127.0.0.1:$LN_PORT_REST\""
  toml_set "$app" api enabled-unsafe-cors true
  toml_set "$app" grpc address "\"127.0.0.1:$LN_PORT_GRPC\""
  # Free transactions: scripts and tests pay no fees (also passed to `start`).
  toml_set "$app" "" minimum-gas-prices "\"0$LN_DENOM\""

  # Keys from the committed mnemonics; the recovered address must equal the recorded one
  # (catches a changed HD path or bech32 prefix before anything depends on the addresses).
  local n name mnemonic want got
  n="$(jq ".accounts | length" "$LN_ACCOUNTS")"
  for ((i = 0; i < n; i++)); do
    name="$(jq -r ".accounts[$i].name" "$LN_ACCOUNTS")"
    mnemonic="$(jq -r ".accounts[$i].mnemonic" "$LN_ACCOUNTS")"
    want="$(jq -r ".accounts[$i].address" "$LN_ACCOUNTS")"
    printf '%s\n' "$mnemonic" | wasmd_cmd keys add "$name" --recover --keyring-backend test --home "$LN_HOME" --output json >/dev/null 2>&1
    got="$(wasmd_cmd keys show "$name" -a --keyring-backend test --home "$LN_HOME")"
    if [[ "$got" != "$want" ]]; then
      ln_log "account $name: mnemonic gives $got, scripts/localnet-accounts.json says $want"
      return 1
    fi
    wasmd_cmd genesis add-genesis-account "$got" "$LN_FUNDS$LN_DENOM" --home "$LN_HOME"
  done

  # The single validator: a gentx by the `validator` account, collected into genesis.
  wasmd_cmd genesis gentx validator "$LN_SELF_BOND$LN_DENOM" --chain-id "$LN_CHAIN_ID" \
    --keyring-backend test --home "$LN_HOME" >/dev/null 2>&1
  wasmd_cmd genesis collect-gentxs --home "$LN_HOME" >/dev/null 2>&1
  wasmd_cmd genesis validate --home "$LN_HOME" >/dev/null
}

# A startable chain: genesis exists AND holds the collected gentx (init_chain's last step). A
# home left half-made by an interrupted init (genesis written, no validator) is created again.
chain_ready() {
  [[ -f "$LN_HOME/config/genesis.json" ]] \
    && jq -e '(.app_state.genutil.gen_txs // []) | length > 0' "$LN_HOME/config/genesis.json" >/dev/null 2>&1
}

# One start/stop/reset at a time per chain home (two concurrent starts would both launch a node
# on the same data). The lock file sits beside the home, so `reset` can wipe the home under it.
ln_lock() {
  mkdir -p "$(dirname "$LN_HOME")"
  exec 9>"$LN_HOME.lock"
  if ! flock -w 300 9; then
    ln_log "another localnet.sh start/stop/reset of $LN_HOME holds $LN_HOME.lock for 5 min; giving up"
    exit 1
  fi
}

# Set while `start` has launched a node that is not yet ready: whatever ends the start early (a
# failed check, `set -e`, Ctrl-C, SIGTERM), the EXIT trap stops that node and removes the pid file.
LN_STARTING_PID=""
# shellcheck disable=SC2317  # invoked by the trap
start_abort() {
  local rc=$?
  if [[ -n "$LN_STARTING_PID" ]]; then
    ln_log "start failed or interrupted: stopping what it started (pid $LN_STARTING_PID)"
    # Session leader after setsid: pgid = pid. stop_pid also signals the pid itself, in case the
    # launch was interrupted before setsid ran (then the group does not exist and only the pid does).
    stop_pid "$LN_STARTING_PID" "$LN_STARTING_PID" 10
    # And anything else serving our home (exact match in /proc): nothing of this start survives.
    local p
    for p in $(find_node_pids); do stop_pid "$p" "" 10; done
    rm -f "$LN_PID"
    LN_STARTING_PID=""
  fi
  exit "$rc"
}

cmd_start() {
  # Build (once, cached) before anything else: the first run takes a while.
  ensure_wasmd
  ln_lock
  local pid t0 port
  t0=$SECONDS
  pid="$(running_pid)"
  if [[ -n "$pid" ]]; then
    ln_log "already running (pid $pid), height $(height)"
    return 0
  fi
  # Another process on one of our ports would make wasmd die on bind, or the readiness poll lie.
  if curl -sf --max-time 2 "$LN_RPC/status" >/dev/null 2>&1; then
    ln_log "something else already answers on $LN_RPC (not a wasmd of $LN_HOME); stop it first"
    return 1
  fi
  for port in "$LN_PORT_RPC" "$LN_PORT_P2P" "$LN_PORT_GRPC" "$LN_PORT_REST" "$LN_PORT_PPROF"; do
    if port_taken "$port"; then
      ln_log "port 127.0.0.1:$port is already in use by another process; free it, or use POE_LOCALNET_PORT_OFFSET"
      return 1
    fi
  done
  chain_ready || init_chain

  # The launch. `&` forks a shell that execs setsid, which (not being a process-group leader:
  # this script has no job control, so the fork stays in our group) calls setsid(2) without
  # forking and execs nohup -> env -> wasmd: $! is, from its exec on, wasmd's pid, and the leader
  # of its own session and process group, so a Ctrl-C to the caller (e2e.sh, a terminal) does not
  # kill the node behind `stop`'s back. 9>&-: the node must not inherit the start lock.
  # Flags repeat the loopback addresses so they hold even with an older config.toml/app.toml.
  ln_log "starting wasmd (log: $LN_LOG)"
  trap start_abort EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap 'exit 129' HUP
  setsid nohup env -i HOME="$HOME" PATH=/usr/local/bin:/usr/bin:/bin "$POE_WASMD_BIN" start --home "$LN_HOME" \
    --minimum-gas-prices "0$LN_DENOM" \
    --rpc.laddr "tcp://127.0.0.1:$LN_PORT_RPC" --rpc.pprof_laddr "127.0.0.1:$LN_PORT_PPROF" \
    --p2p.laddr "tcp://127.0.0.1:$LN_PORT_P2P" \
    --grpc.address "127.0.0.1:$LN_PORT_GRPC" \
    --api.enable --api.address "tcp://127.0.0.1:$LN_PORT_REST" \
    --log_no_color >>"$LN_LOG" 2>&1 </dev/null 9>&- &
  pid=$!
  # Recorded before any check, so every way out below (and `stop` from another shell) knows it.
  LN_STARTING_PID="$pid"
  echo "$pid" >"$LN_PID"

  # Ready = this process produces blocks: height >= 2 (block 1 comes from genesis, 2 proves
  # consensus runs) AND above the first height the RPC reports (a restarted chain answers at once
  # with its stored height before committing anything), and the REST and gRPC servers, which
  # start a moment after the RPC, accept connections. Nothing here depends on timing: the pid is
  # only required to be alive (a slow exec on a busy machine is fine), the process identity is
  # checked once the RPC answers (which only wasmd can), and the wait is bounded by a deadline.
  local h="" h0="" deadline=$((SECONDS + LN_START_TIMEOUT))
  while :; do
    if ! pid_alive "$pid"; then
      ln_log "wasmd (pid $pid) exited during start; last log lines:"
      tail -20 "$LN_LOG" >&2
      return 1
    fi
    h="$(height)"
    if [[ -n "$h" ]]; then
      [[ -n "$h0" ]] || h0="$h"
      if (( h >= 2 && h > h0 )) \
        && curl -sf --max-time 2 "$LN_REST/cosmos/base/tendermint/v1beta1/node_info" >/dev/null 2>&1 \
        && port_taken "$LN_PORT_GRPC"; then
        if ! is_our_node "$pid"; then
          ln_log "the RPC answers but pid $pid is not 'wasmd start --home $LN_HOME'; stopping"
          return 1
        fi
        LN_STARTING_PID=""
        trap - EXIT INT TERM HUP
        ln_log "up (pid $pid): height $h after $(( SECONDS - t0 )) s; RPC $LN_RPC, REST $LN_REST, gRPC 127.0.0.1:$LN_PORT_GRPC"
        return 0
      fi
    fi
    if ((SECONDS >= deadline)); then
      ln_log "not producing blocks after $LN_START_TIMEOUT s (POE_LOCALNET_START_TIMEOUT); last log lines:"
      tail -20 "$LN_LOG" >&2
      return 1
    fi
    sleep 0.5
  done
}

cmd_stop() {
  ln_lock
  local pid pids
  mapfile -t pids < <(
    pid="$(running_pid)"
    [[ -n "$pid" ]] && echo "$pid"
    find_node_pids
  )
  if ((${#pids[@]} == 0)); then
    rm -f "$LN_PID"
    ln_log "not running"
    return 0
  fi
  # The node is not our child in a later invocation: stop_pid waits by polling, bounded, and
  # ends with SIGKILL so no process is ever left behind.
  local done_pids=" "
  for pid in "${pids[@]}"; do
    [[ "$done_pids" == *" $pid "* ]] && continue
    # The node leads its own process group (setsid): signal the group, so nothing it may have
    # started survives it; a pid that is not a group leader gets the signals alone.
    if [[ "$(pgid_of "$pid")" == "$pid" ]]; then stop_pid "$pid" "$pid"; else stop_pid "$pid"; fi
    done_pids+="$pid "
  done
  rm -f "$LN_PID"
  ln_log "stopped (pid${done_pids% })"
}

cmd_status() {
  local pid h
  pid="$(running_pid)"
  h="$(height)"
  if [[ -n "$pid" && -n "$h" ]]; then
    echo "$h"
  else
    echo stopped
    return 3
  fi
}

cmd_reset() {
  cmd_stop
  # Only our own folder: a mistyped POE_LOCALNET_HOME must not wipe anything else.
  if [[ -d "$LN_HOME" && ! -f "$LN_HOME/config/genesis.json" && -n "$(ls -A "$LN_HOME")" ]]; then
    ln_log "$LN_HOME does not look like a localnet home; not deleting it"
    return 1
  fi
  rm -rf "$LN_HOME"
  ln_log "wiped $LN_HOME"
}

cmd_endpoints() {
  printf 'rpc\t%s\nrest\t%s\ngrpc\t127.0.0.1:%s\nhome\t%s\n' "$LN_RPC" "$LN_REST" "$LN_PORT_GRPC" "$LN_HOME"
}

cmd_accounts() {
  jq -r '.accounts[] | "\(.name)\t\(.address)"' "$LN_ACCOUNTS"
}

# Upload a wasm and print its code_id. Transactions are async (-b sync returns after CheckTx):
# poll the tx by hash, then read the code id from the events (not `logs`, empty since SDK 0.50).
cmd_store() {
  local file="${1:?usage: localnet.sh store FILE.wasm [ACCOUNT]}" from="${2:-deployer}" out hash code tx
  [[ -n "$(running_pid)" ]] || { ln_log "not running: scripts/localnet.sh start"; return 1; }
  out="$(wasmd_cmd tx wasm store "$file" --from "$from" --keyring-backend test --home "$LN_HOME" \
    --chain-id "$LN_CHAIN_ID" --node "tcp://127.0.0.1:$LN_PORT_RPC" --gas auto --gas-adjustment 1.3 \
    --gas-prices "0$LN_DENOM" -b sync -y --output json)"
  if [[ "$(jq -r .code <<<"$out")" != 0 ]]; then
    ln_log "store rejected by CheckTx: $(jq -r .raw_log <<<"$out")"; return 1
  fi
  hash="$(jq -r .txhash <<<"$out")"
  for ((i = 0; i < 30; i++)); do
    if tx="$(wasmd_cmd q tx "$hash" --node "tcp://127.0.0.1:$LN_PORT_RPC" --output json 2>/dev/null)"; then
      if [[ "$(jq -r .code <<<"$tx")" != 0 ]]; then
        ln_log "store failed in block: $(jq -r .raw_log <<<"$tx")"; return 1
      fi
      code="$(jq -r '[.events[] | select(.type == "store_code") | .attributes[] | select(.key == "code_id") | .value][0]' <<<"$tx")"
      ln_log "stored $(basename "$file") as code $code (tx $hash, gas used $(jq -r .gas_used <<<"$tx"))"
      echo "$code"
      return 0
    fi
    sleep 1
  done
  ln_log "tx $hash not included after 30 s"
  return 1
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  reset) cmd_reset ;;
  accounts) cmd_accounts ;;
  endpoints) cmd_endpoints ;;
  store) shift; cmd_store "$@" ;;
  install) ensure_wasmd; echo "$POE_WASMD_BIN" ;;
  *) sed -n '2,13p' "$0" >&2; exit 2 ;;
esac
