#!/usr/bin/env bash
# Regenerates linker/understanding-call-graph.txt, the call graph the release link lays the
# understanding's functions out by (Package.swift: `-function-sections` for the Understanding
# module, lld's `--call-graph-ordering-file`). A parse runs through about 90 KiB of code spread
# over a few hundred functions, more than the 32 KiB instruction cache; placed next to their
# callers, those functions missed that cache 5 % less often (docs/PERFORMANCE.md, "function
# layout"). The file is a profile: `perf record -g` of `guanlan bench-understanding` over the
# fixture texts, each caller → callee edge below `Understander.understand` weighed by the
# samples it was on the stack for, kept only where both ends are functions of the binary.
#
# Functions renamed or added since the last run are simply not placed (lld is told not to warn):
# a stale file costs speed, never correctness. Rerun after a large change to the understanding.
# Needs `perf` (linux-perf); the file it writes is committed, so builds do not.
#
#   scripts/make-link-order.sh            # builds release first
#   SKIP_BUILD=1 scripts/make-link-order.sh
#   MIN_WEIGHT=1 scripts/make-link-order.sh   # keep edges seen once too (default 2: they are noise)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export PATH="$PATH:/opt/swift/usr/bin"
command -v perf >/dev/null || { echo "make-link-order: needs perf (apt-get install linux-perf)" >&2; exit 1; }
if [[ -z "${SKIP_BUILD:-}" ]]; then (cd "$ROOT" && swift build -c release --product guanlan >&2); fi
BIN="$ROOT/.build/release/guanlan"
OUT="$ROOT/linker/understanding-call-graph.txt"

WORK=$(mktemp -d /tmp/gl-link-order-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cat "$ROOT"/Tests/UnderstandingTests/Fixtures/*.jsonl > "$WORK/utterances.jsonl"
# cpu-clock: this VM has no hardware counters. About 30,000 samples.
(cd "$ROOT" && perf record -q -F 5000 -g -e cpu-clock -o "$WORK/perf.data" \
    "$BIN" bench-understanding --count 300000 --now 2026-11-29T09:00:00+08:00 "$WORK/utterances.jsonl" >/dev/null)
perf script -i "$WORK/perf.data" -F ip,sym --no-demangle 2>/dev/null > "$WORK/stacks.txt"
"${LLVM_NM:-llvm-nm}" --defined-only "$BIN" | awk '$2 == "t" || $2 == "T" {print $3}' > "$WORK/functions.txt"

python3 - "$WORK/stacks.txt" "$WORK/functions.txt" "$OUT" <<'PY'
import collections, os, sys
stacks, functions, out = sys.argv[1:]
known = set(open(functions).read().split())
ROOT_FRAME = "UnderstanderV10understand"
edges = collections.Counter()

def take(stack):
    # stack[0] is the sampled function, then its callers outward.
    if not any(ROOT_FRAME in f for f in stack):
        return
    seen = set()
    for callee, caller in zip(stack, stack[1:]):
        if caller != callee and caller in known and callee in known and (caller, callee) not in seen:
            seen.add((caller, callee))
            edges[(caller, callee)] += 1
        if ROOT_FRAME in caller:
            break

stack = []
for line in open(stacks):
    line = line.strip()
    if not line:
        take(stack)
        stack = []
        continue
    parts = line.split(None, 1)
    stack.append(parts[1] if len(parts) > 1 else "?")
take(stack)

# An edge seen once is noise at this sampling rate; the file stays a few hundred KiB.
kept = sorted(((w, a, b) for (a, b), w in edges.items() if w >= int(os.environ.get("MIN_WEIGHT", "2"))), reverse=True)
with open(out, "w") as f:
    for w, a, b in kept:
        f.write(f"{a} {b} {w}\n")
print(f"make-link-order: {len(kept)} edges between {len({x for _, a, b in kept for x in (a, b)})} functions -> {out}",
      file=sys.stderr)
PY
