#!/usr/bin/env bash
# Understanding speed (issue 3), release build: `guanlan bench-understanding` parses COUNT
# utterances (Tests/UnderstandingTests/Fixtures/*.jsonl, repeated) and, in the same run and on
# the same core, `jieba.lcut` segments the same utterances, in ROUNDS alternating rounds. Prints a Markdown table
# (docs/PERFORMANCE.md keeps the last one). Installs python3-jieba (Debian) when it is missing.
#
#   scripts/bench-understanding.sh               # builds release first
#   SKIP_BUILD=1 COUNT=100000 CPU=1 ROUNDS=3 scripts/bench-understanding.sh   # ROUNDS alternating runs of each
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
COUNT=${COUNT:-100000}
CPU=${CPU:-1}
export PATH="$PATH:/opt/swift/usr/bin"
# Debian's python3-jieba lives in the system Python, whatever `python3` is first on PATH.
PY=${PYTHON:-/usr/bin/python3}

if ! "$PY" -c 'import jieba' 2>/dev/null; then
    echo "bench-understanding: installing python3-jieba (apt-get)" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-jieba >/dev/null
fi
if [[ -z "${SKIP_BUILD:-}" ]]; then (cd "$ROOT" && swift build -c release --product guanlan >&2); fi
BIN="$ROOT/.build/release/guanlan"
[[ -x "$BIN" ]] || { echo "bench-understanding: $BIN missing (run without SKIP_BUILD)" >&2; exit 1; }

WORK=$(mktemp -d /tmp/gl-bench-und-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cat "$ROOT"/Tests/UnderstandingTests/Fixtures/*.jsonl > "$WORK/utterances.jsonl"

cat > "$WORK/jieba_bench.py" <<'PY'
import json, sys, time, resource
import jieba, logging
jieba.setLogLevel(logging.WARNING)
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
count = int(sys.argv[2])
jieba.initialize()                      # loads the dictionary; not measured
for t in texts: jieba.lcut(t)           # warm-up pass, as for guanlan
times = [0] * count
start = time.perf_counter_ns()
for i in range(count):
    t0 = time.perf_counter_ns()
    jieba.lcut(texts[i % len(texts)])
    times[i] = time.perf_counter_ns() - t0
total = (time.perf_counter_ns() - start) / 1e9
times.sort()
rss = int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) // 1024
print(f"utterances={count} per_second={int(count / total)} p50_us={times[count // 2] / 1000:.1f} "
      f"p99_us={times[min(count - 1, int(count * 0.99))] / 1000:.1f} rss_after_mib={rss}")
PY
# Rounds alternate (guanlan, jieba, guanlan, jieba …) so that both see the same moments of a
# shared machine: one run of each gave ratios from 6.2× to 9.8× on the same binary within a day,
# as either side caught a busier minute. Each round's figures are printed; the ratio reported
# is the median of the rounds' own ratios.
ROUNDS=${ROUNDS:-3}
ours_runs=(); theirs_runs=()
for ((r = 1; r <= ROUNDS; r++)); do
    ours_runs+=("$(cd "$ROOT" && taskset -c "$CPU" "$BIN" bench-understanding --count "$COUNT" --now 2026-11-29T09:00:00+08:00 "$WORK/utterances.jsonl")")
    theirs_runs+=("$(taskset -c "$CPU" "$PY" "$WORK/jieba_bench.py" "$WORK/utterances.jsonl" "$COUNT")")
done
get() { tr ' ' '\n' <<<"$1" | awk -F= -v k="$2" '$1 == k {print $2}'; }
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
cpu=$(lscpu | awk -F: '/Model name/ {gsub(/^ +/,"",$2); print $2; exit}')
ours=${ours_runs[0]}
echo "Machine: $(nproc) cores ($cpu), $(uname -sr); load average $(cut -d' ' -f1-3 /proc/loadavg); both pinned to CPU $CPU;"
echo "$COUNT utterances ($(get "$ours" distinct) distinct, repeated) per run, one thread, $ROUNDS alternating rounds; jieba $("$PY" -c "import jieba; print(jieba.__version__)")."
echo
echo "| round | guanlan utt/s | p50 µs | p99 µs | jieba.lcut lines/s | p50 µs | p99 µs | ratio |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
ratios=()
for ((r = 0; r < ROUNDS; r++)); do
    o=${ours_runs[r]}; t=${theirs_runs[r]}
    ratio=$(awk -v a="$(get "$o" per_second)" -v b="$(get "$t" per_second)" 'BEGIN{printf "%.2f", a/b}')
    ratios+=("$ratio")
    echo "| $((r + 1)) | $(get "$o" per_second) | $(get "$o" p50_us) | $(get "$o" p99_us) | $(get "$t" per_second) | $(get "$t" p50_us) | $(get "$t" p99_us) | ${ratio}× |"
done
echo
echo "guanlan understands (intent, slots, entities, places); jieba only segments. Memory: guanlan $(get "$ours" rss_loaded_mib) MiB"
echo "after loading the gazetteer ($(get "$ours" rss_before_mib) MiB before); jieba $(get "${theirs_runs[0]}" rss_after_mib) MiB."
echo
echo "guanlan/jieba: $(printf '%s\n' "${ratios[@]}" | median)× (median of $ROUNDS rounds)"
