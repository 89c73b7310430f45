#!/usr/bin/env bash
# Times `poakg push` of one store into OpenLink Virtuoso 7 and into
# `oxigraph serve`, in one run, each server started here on a fresh database
# and stopped after (issue 23: the 1,000-plan corpus pushed to both).
#
#   benches/push_servers.sh STORE [POAKG]
#
# STORE is a built store folder (the corpus benchmark keeps its stores with
# POAKG_CORPUS_KEEP=DIR: DIR/corpus-1000/store). POAKG defaults to the
# release binary. Needs virtuoso-t (apt virtuoso-opensource) and oxigraph
# (.ci/run installs it into ~/.cache/poakg/tools/bin). Prints one line per
# server: graphs pushed, seconds, and the ratio Virtuoso / oxigraph serve.
set -euo pipefail
store=${1:?usage: push_servers.sh STORE [POAKG]}
poakg=${2:-${CARGO_TARGET_DIR:-$HOME/.cache/poakg/target}/release/poakg}
oxigraph=${OXIGRAPH:-$(command -v oxigraph || echo "$HOME/.cache/poakg/tools/bin/oxigraph")}
virtuoso=${POAKG_VIRTUOSO:-/usr/bin/virtuoso-t}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 600); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.2; done; echo "no server on $1" >&2; exit 1; }

# Virtuoso: the same settings as tests/it/virtuoso.rs, more buffers for a large load
sql=$(free_port); http=$(free_port); d="$work/virtuoso"; mkdir -p "$d"
cat > "$d/virtuoso.ini" <<INI
[Database]
DatabaseFile = $d/v.db
ErrorLogFile = $d/v.log
LockFile = $d/v.lck
TransactionFile = $d/v.trx
xa_persistent_file = $d/v.pxa
[TempDatabase]
DatabaseFile = $d/v-temp.db
TransactionFile = $d/v-temp.trx
[Parameters]
ServerPort = 127.0.0.1:$sql
DisableUnixSocket = 1
NumberOfBuffers = 170000
MaxDirtyBuffers = 130000
DirsAllowed = ., /usr/share/virtuoso-opensource-7/vad
[HTTPServer]
ServerPort = 127.0.0.1:$http
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
ServerThreads = 10
MaxClientConnections = 10
[SPARQL]
ResultSetMaxRows = 1000000
INI
(cd "$d" && exec "$virtuoso" +foreground +configfile "$d/virtuoso.ini" >/dev/null 2>&1) & pids+=($!)
oxport=$(free_port)
"$oxigraph" serve --location "$work/oxigraph" --bind "127.0.0.1:$oxport" >/dev/null 2>&1 & pids+=($!)
wait_port "$http"; wait_port "$oxport"

time_push() { # label endpoint [auth...]
  local label=$1 endpoint=$2; shift 2
  local start end out
  start=$(date +%s.%N)
  out=$("$poakg" --store "$store" push --endpoint "$endpoint" "$@")
  end=$(date +%s.%N)
  local graphs; graphs=$(grep -c '^pushed' <<<"$out" || true)
  local secs; secs=$(python3 -c "print(f'{$end - $start:.2f}')")
  echo "$label	$graphs graphs	$secs s" >&2
  echo "$secs"
}
v=$(time_push "virtuoso 7" "http://127.0.0.1:$http/sparql-graph-crud-auth" --user dba --password dba)
o=$(time_push "oxigraph serve" "http://127.0.0.1:$oxport/store")
python3 -c "print(f'virtuoso / oxigraph serve: {$v / $o:.2f}x')" >&2
