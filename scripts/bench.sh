#!/usr/bin/env bash
# Benchmark (release build): guanlan serve vs redis-server, both on Unix sockets, driven by
# ../shared/tools/loadgen.c. Prints a Markdown table (docs/PERFORMANCE.md keeps the last one).
#
#   scripts/bench.sh                 # builds release, runs everything (~5 min)
#   SKIP_BUILD=1 scripts/bench.sh    # reuse .build/release/guanlan
#   REQUESTS=200000 MILLION=1000000 scripts/bench.sh
#   FLOOR=0 scripts/bench.sh         # without the fixed-reply floor row (GUANLAN_BENCH_FIXED_REPLY)
#
# Pinning: the servers run on CPU $SERVER_CPU, loadgen (one thread) on CPU $CLIENT_CPU
# (taskset -c), so client and server never share a core.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LOADGEN_SRC="$ROOT/../shared/tools/loadgen.c"
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
REQUESTS=${REQUESTS:-100000}      # measured requests per read run
TICKETS=${TICKETS:-40000}         # measured tickets in the filing run
MILLION=${MILLION:-1000000}       # requests before the "after many requests" memory figure
THREADS=${THREADS:-64}            # guanlan --threads (each write waiting for its group commit holds one)
export PATH="$PATH:/opt/swift/usr/bin"

[[ -f "$LOADGEN_SRC" ]] || { echo "bench: $LOADGEN_SRC is missing (shared/tools must sit beside the project)" >&2; exit 1; }
command -v taskset >/dev/null || { echo "bench: taskset (util-linux) is required" >&2; exit 1; }
if ! command -v redis-server >/dev/null; then
    echo "bench: installing redis-server (apt-get)" >&2
    apt-get update -qq && apt-get install -y -qq redis-server >/dev/null
fi

WORK=$(mktemp -d /tmp/gl-bench-XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
ulimit -n 8192

gcc -O2 -Wall -pthread -o "$WORK/loadgen" "$LOADGEN_SRC"
if [[ -z "${SKIP_BUILD:-}" && -z "${BIN:-}" ]]; then (cd "$ROOT" && swift build -c release --product guanlan >&2); fi
BIN="${BIN:-$ROOT/.build/release/guanlan}"   # BIN=… compares another build in the same conditions
[[ -x "$BIN" ]] || { echo "bench: $BIN missing (run without SKIP_BUILD)" >&2; exit 1; }

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
# CPU time (user + system, clock ticks) the server has used so far: per-request CPU is
# the figure a busy machine distorts least (others' builds slow the rates, not the work).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TICK=$(getconf CLK_TCK)
wait_socket() { for _ in $(seq 600); do [[ -S "$1" ]] && return 0; sleep 0.1; done; echo "bench: no socket $1" >&2; exit 1; }
# loadgen at CONNS against server SPID: prints "rps p50_ms p99_ms errors cpu_us_per_request"
run_load() { # sock conns reqs msg-or-@file prefix [max seconds]
    local out before after source
    if [[ "$4" == @* ]]; then source=(-f "${4#@}"); else source=(-m "$4"); fi
    before=$(cpu_ticks "$SPID")
    out=$(taskset -c "$CLIENT_CPU" "$WORK/loadgen" -s "$1" -c "$2" -n "$3" -w $(( $3 / 10 )) "${source[@]}" -x "$5" -T "${6:-300}" --csv -q | tail -1)
    after=$(cpu_ticks "$SPID")
    awk -F, -v n=$(( $3 + $3 / 10 )) -v d=$(( after - before )) -v t="$TICK" \
        '{printf "%.0f %.3f %.3f %d %.1f\n", $5, $6/1000, $8/1000, $11, d / t * 1e6 / n}' <<<"$out"
}
# Holds N idle connections open until killed.
hold_idle() { # sock n
    python3 - "$1" "$2" <<'PY' &
import socket, sys, time
socks = []
for _ in range(int(sys.argv[2])):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM); s.connect(sys.argv[1]); socks.append(s)
time.sleep(600)
PY
    PIDS+=($!)
}

GRID='{"id":1,"text":"查询网格 香榭郦景3栋"}'
# Varied lines: 查询网格 for every building of data/grid.csv (≈3,000 distinct texts, sent in order and
# again), more than the engine's understanding cache holds (1,024), so that a cycle through them
# misses it: the row that shows what a lookup costs when understanding runs every time.
VARIED="$WORK/varied.txt"
python3 - "$ROOT/data/grid.csv" "$VARIED" <<'PY'
import csv, json, sys
seen, out = set(), open(sys.argv[2], "w")
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    text = f"查询网格 {r['estate']}{r['building']}"
    if text not in seen:
        seen.add(text)
        out.write(json.dumps({"id": 1, "text": text}, ensure_ascii=False) + "\n")
PY
TICKET='{"id":1,"text":"报事 香榭郦景3栋电梯坏了 电话13800138000"}'

# --- redis ---
taskset -c "$SERVER_CPU" redis-server --port 0 --unixsocket "$WORK/redis.sock" --save '' --appendonly no \
    --maxclients 4000 --logfile "$WORK/redis.log" &
RPID=$!; SPID=$RPID; PIDS+=($RPID); wait_socket "$WORK/redis.sock"; sleep 0.3
declare -A R
R[idle]=$(rss_kb $RPID)
for c in 1 16 100; do R[$c]=$(run_load "$WORK/redis.sock" $c "$REQUESTS" 'PING\r\n' '+PONG'); done
hold_idle "$WORK/redis.sock" 1000; HP=$!; sleep 3; R[idle1000]=$(rss_kb $RPID); kill $HP
run_load "$WORK/redis.sock" 16 "$MILLION" 'PING\r\n' '+PONG' 7200 >/dev/null; R[after]=$(rss_kb $RPID)
kill $RPID

# --- the floor: the same NIO pipeline answering every line with a fixed reply, no engine ---
# (GUANLAN_BENCH_FIXED_REPLY, benchmark only): what any lookup costs at least on this server loop.
if [[ "${FLOOR:-1}" != 0 ]]; then
    mkdir -p "$WORK/floor" && cp -r "$ROOT/intents" "$ROOT/data" "$WORK/floor/"
    GUANLAN_HOME="$WORK/floor" GUANLAN_BENCH_FIXED_REPLY='{"data":{"matches":[]},"ok":true}' taskset -c "$SERVER_CPU" \
        "$BIN" serve --db "$WORK/floor.db" --socket "$WORK/floor.sock" --max-connections 4000 2>/dev/null &
    FPID=$!; SPID=$FPID; PIDS+=($FPID); wait_socket "$WORK/floor.sock"; sleep 0.5
    FLOOR16=$(run_load "$WORK/floor.sock" 16 "$REQUESTS" "$GRID" '{"data":{"matches"')
    kill -TERM $FPID; wait $FPID || true
fi

# --- guanlan ---
# Duplicate detection off in a copy of data/: the filing run sends the same report over and over,
# which would otherwise get the "same place, same problem" prompt instead of a ticket.
mkdir -p "$WORK/home" && cp -r "$ROOT/intents" "$ROOT/data" "$WORK/home/"
sed -i 's/^duplicate_window_hours,72,/duplicate_window_hours,0,/' "$WORK/home/data/grievance_settings.csv"
export GUANLAN_HOME="$WORK/home"
GL_ARGS=(serve --db "$WORK/guanlan.db" --socket "$WORK/gl.sock" --threads "$THREADS" --max-connections 4000 --now 2026-11-29T09:00:00+08:00)
taskset -c "$SERVER_CPU" "$BIN" "${GL_ARGS[@]}" 2>"$WORK/guanlan.log" &
GPID=$!; SPID=$GPID; PIDS+=($GPID); wait_socket "$WORK/gl.sock"; sleep 0.5
declare -A G
G[idle]=$(rss_kb $GPID)
for c in 1 16 100; do G[$c]=$(run_load "$WORK/gl.sock" $c "$REQUESTS" "$GRID" '{"data":{"matches"'); done
# Every reply is a JSON envelope ({"data":…); a few buildings' names ask which community is meant.
G[varied]=$(run_load "$WORK/gl.sock" 16 "$REQUESTS" "@$VARIED" '{"data":')
G[tickets]=$(run_load "$WORK/gl.sock" 64 "$TICKETS" "$TICKET" '{"data":{"ticket"')
hold_idle "$WORK/gl.sock" 1000; HP=$!; sleep 3; G[idle1000]=$(rss_kb $GPID)
G[p99idle]=$(run_load "$WORK/gl.sock" 1 20000 "$GRID" '{"data":{"matches"'); kill $HP
# The long run may take many minutes on a busy machine: no 300-second cap.
G[million]=$(run_load "$WORK/gl.sock" 16 "$MILLION" "$GRID" '{"data":{"matches"' 7200); G[after]=$(rss_kb $GPID)
kill -TERM $GPID; wait $GPID || true

# --- varied filings: a different text per report (≈3,000, more than the understanding cache holds),
# on the same database, by a second server whose log gives this run's own group commits. What a
# filing costs when its text was never seen (the run above files one text, understood once).
VARIED_TICKETS="$WORK/varied-tickets.txt"
python3 - "$ROOT/data/grid.csv" "$VARIED_TICKETS" <<'PY'
import csv, json, sys
problems = ["电梯坏了", "楼道灯不亮", "垃圾没人清", "水管漏水", "噪音扰民"]
out = open(sys.argv[2], "w")
for i, r in enumerate(csv.DictReader(open(sys.argv[1], encoding="utf-8"))):
    text = f"报事 {r['estate']}{r['building']}{problems[i % 5]} 电话1380013{i % 10000:04d}"
    out.write(json.dumps({"id": 1, "text": text}, ensure_ascii=False) + "\n")
PY
GL_ARGS=(serve --db "$WORK/guanlan.db" --socket "$WORK/gl2.sock" --threads "$THREADS" --max-connections 4000 --now 2026-11-29T09:00:00+08:00)
taskset -c "$SERVER_CPU" "$BIN" "${GL_ARGS[@]}" 2>"$WORK/guanlan2.log" &
GPID=$!; SPID=$GPID; PIDS+=($GPID); wait_socket "$WORK/gl2.sock"; sleep 0.5
# A few estate names ask which community is meant: every reply is a JSON envelope ({"data":…).
G[vtickets]=$(run_load "$WORK/gl2.sock" 64 "$TICKETS" "@$VARIED_TICKETS" '{"data":')
kill -TERM $GPID; wait $GPID || true

f() { awk -v i="$2" '{print $i}' <<<"$1"; }
cpu=$(lscpu | awk -F: '/Model name/ {gsub(/^ +/,"",$2); print $2; exit}')
echo "Machine: $(nproc) cores ($cpu), $(free -g | awk '/Mem/ {print $2}') GiB, $(uname -sr); redis $(redis-server --version | awk '{print $3}' | cut -d= -f2)."
echo "Servers pinned to CPU $SERVER_CPU, loadgen (1 thread) to CPU $CLIENT_CPU; guanlan --threads $THREADS; $REQUESTS measured requests per read run."
echo "CPU µs/req: the server's user+system time over the run (warm-up included) per request."
echo
echo "| run | guanlan req/s | p50 ms | p99 ms | CPU µs/req | redis req/s | p50 ms | p99 ms | CPU µs/req | guanlan/redis |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for c in 1 16 100; do
    g=${G[$c]}; r=${R[$c]}
    echo "| 查询网格 vs PING, $c conn | $(f "$g" 1) | $(f "$g" 2) | $(f "$g" 3) | $(f "$g" 5) | $(f "$r" 1) | $(f "$r" 2) | $(f "$r" 3) | $(f "$r" 5) | $(awk -v a="$(f "$g" 1)" -v b="$(f "$r" 1)" 'BEGIN{printf "%.2f", a/b}') |"
done
g=${G[varied]}; r=${R[16]}
echo "| 查询网格, $(wc -l <"$VARIED") different buildings (cache misses) vs PING, 16 conn | $(f "$g" 1) | $(f "$g" 2) | $(f "$g" 3) | $(f "$g" 5) | $(f "$r" 1) | $(f "$r" 2) | $(f "$r" 3) | $(f "$r" 5) | $(awk -v a="$(f "$g" 1)" -v b="$(f "$r" 1)" 'BEGIN{printf "%.2f", a/b}') |"
if [[ -n "${FLOOR16:-}" ]]; then
    g=$FLOOR16; r=${R[16]}
    echo "| fixed reply, no engine (the server loop's floor) vs PING, 16 conn | $(f "$g" 1) | $(f "$g" 2) | $(f "$g" 3) | $(f "$g" 5) | $(f "$r" 1) | $(f "$r" 2) | $(f "$r" 3) | $(f "$r" 5) | $(awk -v a="$(f "$g" 1)" -v b="$(f "$r" 1)" 'BEGIN{printf "%.2f", a/b}') |"
fi
t=${G[tickets]}
echo
echo "| durable ticket filing, 64 conn | tickets/s | p50 ms | p99 ms | errors | CPU µs/ticket |"
echo "|---|---:|---:|---:|---:|---:|"
echo "| guanlan (WAL, synchronous=FULL, group commit) | $(f "$t" 1) | $(f "$t" 2) | $(f "$t" 3) | $(f "$t" 4) | $(f "$t" 5) |"
# `guanlan serve` logs its group commits at exit; every write of this run is a filing (plus the sample import at start).
commits=$(grep -o 'batches=[0-9]* writes=[0-9]*' "$WORK/guanlan.log" | tail -1 || true)
if [[ -n "$commits" ]]; then
    awk -v c="$commits" 'BEGIN { split(c, p, /[= ]/); printf "\nGroup commit: %d writes in %d batches, %.1f writes per fsync.\n", p[4], p[2], p[4] / p[2] }'
fi
t=${G[vtickets]}
vcommits=$(grep -o 'batches=[0-9]* writes=[0-9]*' "$WORK/guanlan2.log" | tail -1 || true)
echo
echo "| filing, $(wc -l <"$VARIED_TICKETS") different texts (understanding cache misses), 64 conn | requests/s | p50 ms | p99 ms | errors | CPU µs/request | group commit |"
echo "|---|---:|---:|---:|---:|---:|---|"
echo "| guanlan (same server settings, a second process on the same database) | $(f "$t" 1) | $(f "$t" 2) | $(f "$t" 3) | $(f "$t" 4) | $(f "$t" 5) | $(awk -v c="$vcommits" 'BEGIN { split(c, p, /[= ]/); if (p[2] > 0) printf "%d writes in %d batches, %.1f per fsync", p[4], p[2], p[4] / p[2] }') |"
echo
echo "| memory (RSS) | guanlan | redis |"
echo "|---|---:|---:|"
echo "| idle | $((G[idle]/1024)) MiB | $((R[idle]/1024)) MiB |"
echo "| 1,000 idle connections | $((G[idle1000]/1024)) MiB | $((R[idle1000]/1024)) MiB |"
echo "| after $MILLION more requests | $((G[after]/1024)) MiB | $((R[after]/1024)) MiB |"
echo
echo "With 1,000 idle connections open, one client's 查询网格: p50 $(f "${G[p99idle]}" 2) ms, p99 $(f "${G[p99idle]}" 3) ms."
echo "The $MILLION-request run: $(f "${G[million]}" 1) req/s, p99 $(f "${G[million]}" 3) ms, $(f "${G[million]}" 4) errors."
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
