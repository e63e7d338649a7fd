#!/usr/bin/env bash
# Bounded time on long input (issue 3, "Bad input"): every text up to `Understander.maximumCharacters`
# (2,000) is analysed, and no extractor may run away on it. This times, in a release build, one
# line at a time, lines of 2,000 characters made by repeating a piece: 527 pieces of one to three
# characters (numerals, time words, units, markers, place names; seeded, so the same each run),
# 150 fixture texts and 239 fixture fragments. It prints the slowest lines, µs per parse (the median
# of COUNT parses), with their first characters. The run of 2026-12-03 is in docs/UNDERSTANDING.md.
#
#   scripts/slowest-long-lines.sh [BINARY]     # default .build/release/guanlan; TOP=10 COUNT=2
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(realpath "${1:-$ROOT/.build/release/guanlan}")
[[ -x "$BIN" ]] || { echo "slowest-long-lines: $BIN missing (swift build -c release --product guanlan)" >&2; exit 1; }
WORK=$(mktemp -d /tmp/gl-long-lines-XXXXXX)
trap 'rm -rf "$WORK"' EXIT

python3 - "$ROOT" "$BIN" "${TOP:-10}" "${COUNT:-2}" "$WORK" <<'PY'
import glob, json, random, subprocess, sys
root, binary, top, count, work = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
limit = 2000
base = list("一二三四五六七八九十百千万亿两零点半到至号日月年周星期礼拜下上这个人位口栋座幢楼网格社区电话我和跟了的"
            "明后今晚早中午凌晨元块钱港币美金多几左右大小家兄弟俩去来报名约事投诉查询取消预约书法瑜伽香榭郦景大富观澜，。、：:-/.~ ")
base += ["0", "1", "9", "GL", "YY", "QF", "138", "十二", "三点", "五百", "1.5", "80w", "第", "初", "廿", "卅", "幺"]
rng = random.Random(3)
pieces = set(base)
for _ in range(250): pieces.add(rng.choice(base) + rng.choice(base))
for _ in range(150): pieces.add(rng.choice(base) + rng.choice(base) + rng.choice(base))
pieces = sorted(pieces)
texts = [json.loads(l)["text"] for f in sorted(glob.glob(f"{root}/Tests/UnderstandingTests/Fixtures/*.jsonl"))
         for l in open(f, encoding="utf-8") if l.strip()]
rng = random.Random(5)
pieces += rng.sample(texts, 150)
for t in rng.sample(texts, 250):
    if len(t) > 6:
        a = rng.randrange(len(t) - 3)
        pieces.append(t[a:a + rng.randint(2, 6)])
timed = []
one = f"{work}/one.jsonl"
for piece in pieces:
    line = (piece * (limit // len(piece) + 1))[:limit]
    with open(one, "w", encoding="utf-8") as f:
        f.write(json.dumps({"text": line}, ensure_ascii=False) + "\n")
    out = subprocess.run([binary, "bench-understanding", "--count", count, "--now", "2026-11-29T09:00:00+08:00", one],
                         capture_output=True, text=True, env={"GUANLAN_HOME": root}, check=True).stdout
    p50 = next(float(w.split("=")[1]) for w in out.split() if w.startswith("p50_us="))
    timed.append((p50, line[:12]))
timed.sort(reverse=True)
print(f"{len(timed)} lines of {limit} characters; the slowest (µs per parse, median of {count}):")
for us, head in timed[:top]:
    print(f"{us:>12.1f}  {head}…")
PY
