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
#   scripts/count-understanding-instructions.sh [BINARY ...]   # default .build/release/guanlan
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
    collected() {
        GUANLAN_HOME="$ROOT" SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool=callgrind --callgrind-out-file="$WORK/out.$1" --toggle-collect='*UnderstanderV10understand_7context*' \
            "$WORK/guanlan" bench-understanding --count "$1" --now 2026-11-29T09:00:00+08:00 "$WORK/texts.jsonl" 2>&1 \
            | awk '/Collected :/ {print $4}'
    }
    low=$(collected 3000); high=$(collected 9000)
    [[ -n "$low" && -n "$high" ]] || { echo "count-understanding-instructions: callgrind collected nothing for $BIN" >&2; exit 1; }
    echo "$BIN: instructions_per_understand=$(( (high - low) / 6000 ))"
done
