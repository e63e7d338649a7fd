#!/usr/bin/env bash
# Issue 8's benchmark (release build): durable filings/s and lookups/s at 64 connections on
# SQLite, on PostgreSQL with one server, and with two servers on one PostgreSQL (32 connections
# each, run at the same time, rates added). Driven by ../shared/tools/loadgen.c; the servers run
# with duplicate detection off (a copy of data/ with duplicate_window_hours = 0), since the load
# files the same 报事 line over and over.
#
#   scripts/with-postgres.sh scripts/bench-engines.sh      # needs GUANLAN_TEST_POSTGRES_URL
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN="$ROOT/.build/release/guanlan"
[[ -x "$BIN" ]] || { echo "bench-engines: build first: swift build -c release" >&2; exit 1; }
[[ -n "${GUANLAN_TEST_POSTGRES_URL:-}" ]] || { echo "bench-engines: run under scripts/with-postgres.sh" >&2; exit 1; }
N=${N:-20000}
WORK=$(mktemp -d /tmp/gl-engines-XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
gcc -O2 -pthread -o "$WORK/loadgen" "$ROOT/../shared/tools/loadgen.c"
mkdir -p "$WORK/home" && cp -r "$ROOT/intents" "$ROOT/data" "$WORK/home/"
sed -i 's/^duplicate_window_hours,72,/duplicate_window_hours,0,/' "$WORK/home/data/grievance_settings.csv"
export GUANLAN_HOME="$WORK/home"

TICKET='{"id":1,"text":"报事 香榭郦景3栋电梯坏了 电话13800138000"}'
LOOKUP='{"id":1,"text":"查询网格 香榭郦景3栋"}'
serve() { # name database-args...
    local sock="$WORK/$1.sock"; shift
    "$BIN" serve --socket "$sock" --threads 64 "$@" >"$WORK/$(basename "$sock").log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 300); do [[ -S "$sock" ]] && return 0; sleep 0.1; done
    echo "no socket $sock" >&2; exit 1
}
rate() { # sock conns msg prefix → req/s
    "$WORK/loadgen" -s "$1" -c "$2" -n "$N" -w 500 -m "$3" -x "$4" -T 300 --csv -q | tail -1 | awk -F, '{printf "%.0f", $5}'
}
pair() { # msg prefix → summed req/s of two loadgens at 32 connections each, run at once
    rate "$WORK/a.sock" 32 "$1" "$2" >"$WORK/ra" & local p1=$!
    rate "$WORK/b.sock" 32 "$1" "$2" >"$WORK/rb" & local p2=$!
    wait $p1 $p2
    echo $(( $(cat "$WORK/ra") + $(cat "$WORK/rb") ))
}

serve sqlite --db "$WORK/bench.db"
s_file=$(rate "$WORK/sqlite.sock" 64 "$TICKET" '{"data":{"ticket"'); s_look=$(rate "$WORK/sqlite.sock" 64 "$LOOKUP" '{"data":{"matches"')
serve a --database "$GUANLAN_TEST_POSTGRES_URL"
p_file=$(rate "$WORK/a.sock" 64 "$TICKET" '{"data":{"ticket"'); p_look=$(rate "$WORK/a.sock" 64 "$LOOKUP" '{"data":{"matches"')
serve b --database "$GUANLAN_TEST_POSTGRES_URL"
t_file=$(pair "$TICKET" '{"data":{"ticket"'); t_look=$(pair "$LOOKUP" '{"data":{"matches"')
echo "| engine | durable filings/s (64 conn) | lookups/s (64 conn) |"
echo "|---|---:|---:|"
echo "| SQLite, one server | $s_file | $s_look |"
echo "| PostgreSQL, one server | $p_file | $p_look |"
echo "| PostgreSQL, two servers (32 + 32 conn) | $t_file | $t_look |"
