#!/usr/bin/env bash
# Benchmark of the co-building work intents (release build) over the Unix socket, driven by
# ../shared/tools/loadgen.c like scripts/bench.sh. Prints one Markdown table.
#
#   scripts/bench-cobuild.sh              # builds release, then runs (~1 min after the build)
#   SKIP_BUILD=1 scripts/bench-cobuild.sh # reuse .build/release/guanlan
#
# Rows: who is free (a read over the volunteer roster), a meeting search, 议事 steps and
# visits (writes; a visit with a need files or attaches a grievance in the same transaction),
# and 64 connections racing for the 50 places of one task (the count must stay 50).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LOADGEN_SRC="$ROOT/../shared/tools/loadgen.c"
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
READS=${READS:-20000}
WRITES=${WRITES:-4000}
export PATH="$PATH:/opt/swift/usr/bin"
[[ -f "$LOADGEN_SRC" ]] || { echo "bench: $LOADGEN_SRC is missing" >&2; exit 1; }

WORK=$(mktemp -d /tmp/gl-cobench-XXXXXX)
SPID=""
cleanup() { [[ -n "$SPID" ]] && kill "$SPID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

gcc -O2 -Wall -pthread -o "$WORK/loadgen" "$LOADGEN_SRC"
if [[ -z "${SKIP_BUILD:-}" ]]; then (cd "$ROOT" && swift build -c release --product guanlan >&2); fi
BIN="$ROOT/.build/release/guanlan"
NOW=2026-11-29T09:00:00+08:00
taskset -c "$SERVER_CPU" "$BIN" --db "$WORK/g.db" --now "$NOW" serve --socket "$WORK/s.sock" --threads 64 >/dev/null 2>&1 &
SPID=$!
for _ in $(seq 600); do [[ -S "$WORK/s.sock" ]] && break; sleep 0.1; done

# loadgen: prints "rps p50_ms p99_ms mismatches"
load() { # conns reqs prefix (-m MSG | -f FILE)
    local conns=$1 reqs=$2 prefix=$3; shift 3
    taskset -c "$CLIENT_CPU" "$WORK/loadgen" -s "$WORK/s.sock" -c "$conns" -n "$reqs" -w $(( reqs / 10 )) "$@" -x "$prefix" -T 300 --csv -q \
        | tail -1 | awk -F, '{printf "%.0f %.3f %.3f %d\n", $5, $6/1000, $8/1000, $11}'
}
send() { printf '%s\n' "$1" | "$BIN" --db "$WORK/g.db" --now "$NOW" >/dev/null; }
row() { read -r rps p50 p99 bad <<<"$2"; printf '| %s | %s | %s | %s | %s |\n' "$1" "$rps" "$p50" "$p99" "$bad"; }

# Lines for the write runs: every pairing's household, with a need; 议事 steps of many meetings.
python3 - "$ROOT" "$WORK" <<'PY'
import csv, json, sys
root, work = sys.argv[1], sys.argv[2]
pairs = list(csv.DictReader(open(f"{root}/data/cobuild_pairings.csv", encoding="utf-8")))
with open(f"{work}/visits.txt", "w") as f:
    for i, p in enumerate(pairs):
        f.write(json.dumps({"id": i, "text": f"走访 党员{p['member']} {p['estate']}{p['building']}{p['room']} 发现 楼道灯坏了"}, ensure_ascii=False) + "\n")
vols = list(csv.DictReader(open(f"{root}/data/cobuild_volunteers.csv", encoding="utf-8")))
with open(f"{work}/signups.txt", "w") as f:
    for i, v in enumerate(vols):
        f.write(json.dumps({"id": i, "text": f"报名志愿 RW20261129-0001 {v['name']}"}, ensure_ascii=False) + "\n")
PY

echo "| request (JSON over the socket) | req/s | p50 ms | p99 ms | not as expected |"
echo "|---|---|---|---|---|"
row "谁有空 下周六上午 大富社区 维修, 16 conns" "$(load 16 "$READS" '{"data":{"volunteers"' -m '{"id":1,"text":"谁有空 下周六上午 大富社区 维修"}')"
row "安排议事 (write), 16 conns" "$(load 16 "$WRITES" '{"data":{"meeting"' -m '{"id":1,"text":"安排议事 大富社区 下周三下午3点 党群服务中心 议题 香榭郦景停车难"}')"
row "查议事 大富社区 (after those meetings), 16 conns" "$(load 16 "$READS" '{"data":{"meetings"' -m '{"id":1,"text":"查议事 大富社区"}')"
row "走访 … 发现 楼道灯坏了 (visit + ticket, write), 16 conns" "$(load 16 "$WRITES" '{"data":{"tickets"' -f "$WORK/visits.txt")"
send "发布志愿任务 大富社区 下周六9:00-12:00 地点 党群服务中心 50人 内容 清洁家园"
row "报名志愿 one task, 50 places, 246 people, 64 conns" "$(load 64 246 '{"data":{"signed"' -f "$WORK/signups.txt")"
kill "$SPID"; wait "$SPID" 2>/dev/null || true; SPID=""
signed=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"select signed, (select count(*) from cobuild_task_signups) from cobuild_tasks\").fetchone())" "$WORK/g.db")
echo
echo "task after the race (signed, signup rows): $signed"
