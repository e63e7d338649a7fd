#!/usr/bin/env bash
# Instructions per `understand` call, counted rather than timed (issue 3's speed work): callgrind
# counts only inside `Understander.understand`, for the first 3,000 fixture texts parsed 6,000 and
# 12,000 times (`bench-understanding` parses each text once more to warm up); the difference over
# 6,000 calls cancels every one-time cost (lazy tables, the first call's allocations). The count
# is the same from run to run on the same binary, where utterances per second on this shared
# 2-core machine moved by ±15 % between back-to-back runs (hashing is made deterministic for it,
# SWIFT_DETERMINISTIC_HASHING): a change of 0.1 % shows. It is not a
# time: a cache miss costs more than an add. Compare binaries with it; report speed with
# scripts/bench-understanding.sh. Installs valgrind (Debian) when it is missing.
#
# CACHE=1 also simulates the caches (32 KiB L1 for code and for data, 1 MiB as the last level,
# as one core of this machine's AMD EPYC) and prints the misses per call. On this machine a parse
# is bound by them as much as by its instructions: in the run of 2026-12-03 each parse missed the
# instruction cache about 1,400 times and the data cache about 970 times (reads and writes), and a
# change that kept the instructions but moved the misses moved the time (docs/PERFORMANCE.md).
#
#   scripts/count-understanding-instructions.sh [BINARY ...]   # default .build/release/guanlan
#   CACHE=1 scripts/count-understanding-instructions.sh        # about three times as long
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v valgrind >/dev/null; then
    echo "count-understanding-instructions: installing valgrind (apt-get)" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null
fi
WORK=$(mktemp -d /tmp/gl-icount-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cat "$ROOT"/Tests/UnderstandingTests/Fixtures/*.jsonl | awk 'NR <= 3000' > "$WORK/texts.jsonl"
[[ $# -gt 0 ]] || set -- "$ROOT/.build/release/guanlan"
for BIN in "$@"; do
    # Valgrind cannot read the debug information of our release binaries: counted on a copy without it.
    objcopy --strip-debug "$BIN" "$WORK/guanlan"
    cache=()
    [[ -n "${CACHE:-}" ]] && cache=(--cache-sim=yes --I1=32768,8,64 --D1=32768,8,64 --LL=1048576,16,64)
    # Prints the events counted: Ir, then with CACHE Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw.
    collected() {
        GUANLAN_HOME="$ROOT" SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool=callgrind "${cache[@]}" --callgrind-out-file="$WORK/out.$1" --toggle-collect='*UnderstanderV10understand_7context*' \
            "$WORK/guanlan" bench-understanding --count "$1" --now 2026-11-29T09:00:00+08:00 "$WORK/texts.jsonl" 2>&1 \
            | awk '/Collected :/ {for (i = 4; i <= NF; i++) printf "%s ", $i; print ""}'
    }
    low=($(collected 3000)); high=($(collected 9000))
    [[ ${#low[@]} -gt 0 && ${#high[@]} -gt 0 ]] || { echo "count-understanding-instructions: callgrind collected nothing for $BIN" >&2; exit 1; }
    per() { echo $(( (high[$1] - low[$1]) / 6000 )); }
    if [[ -n "${CACHE:-}" ]]; then
        echo "$BIN: instructions_per_understand=$(per 0) code_cache_misses=$(per 3) data_cache_misses=$(( $(per 4) + $(per 5) )) last_level_misses=$(( $(per 6) + $(per 7) + $(per 8) ))"
    else
        echo "$BIN: instructions_per_understand=$(per 0)"
    fi
done
