#!/usr/bin/env bash
# Co-building benchmark (release build): requests per second of the three lists, matching and
# shared-resource booking, through the engine in stdin line mode (one process, one SQLite file).
# Prints a Markdown table; docs/CO-BUILDING.md keeps the last one. Not part of `make test`.
#
#   scripts/bench-cobuild-lists.sh              # builds release, N=2000 lines per row
#   SKIP_BUILD=1 N=500 scripts/bench-cobuild-lists.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
N=${N:-2000}
export PATH="$PATH:/opt/swift/usr/bin"
if [[ -z "${SKIP_BUILD:-}" ]]; then (cd "$ROOT" && swift build -c release --product guanlan >&2); fi
BIN="$ROOT/.build/release/guanlan"
WORK=$(mktemp -d /tmp/gl-cobench-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
NOW=2026-11-29T09:00:00+08:00
"$BIN" --db "$WORK/g.db" --now "$NOW" <<<"帮助" >/dev/null   # create and seed the database

# row LABEL GENERATOR: GENERATOR prints N request lines; the time covers reading, answering and writing them.
row() {
    local label=$1; shift
    "$@" > "$WORK/in.txt"
    local start end
    start=$(date +%s.%N)
    "$BIN" --db "$WORK/g.db" --now "$NOW" < "$WORK/in.txt" > "$WORK/out.txt"
    end=$(date +%s.%N)
    local refused empty
    refused=$(grep -c -E "不能|失败|请核对" "$WORK/out.txt" || true)
    empty=$(grep -c "没有找到符合条件" "$WORK/out.txt" || true)
    awk -v l="$label" -v n="$N" -v s="$start" -v e="$end" -v err="$refused" -v none="$empty" \
        'BEGIN { t = e - s; printf "| %s | %d | %.2f | %.0f | %.2f | %s | %s |\n", l, n, t, n / t, t * 1000 / n, none, err }'
}
communities=(大富社区 桂花社区 广培社区 新澜社区 黎光社区 君子布社区 库坑社区 牛湖社区 大水田社区 桂香社区)
kinds=(车位 场地 会议室 物资 设备)
search()   { for ((i = 0; i < N; i++)); do echo "查资源 ${communities[i % 10]} ${kinds[i % 5]} 晚上"; done; }
needs()    { for ((i = 0; i < N; i++)); do echo "登记需求 ${communities[i % 10]} 缺少${kinds[i % 5]} 周末 09:00-12:00"; done; }
rank()     { for ((i = 1; i <= N; i++)); do printf '匹配需求 XQ20261129-%04d\n' "$i"; done; }
record()   { for ((i = 1; i <= N; i++)); do printf '匹配需求 XQ20261129-%04d ZY20261024-0002\n' "$i"; done; }
book()     { for ((i = 0; i < N; i++)); do echo "登记资源 DW-003 车位 1个 工作日 19:00-次日08:00"; done; }
booking()  { for ((i = 1; i <= N; i++)); do printf '预约车位 ZY20261129-%04d 12月1日 电话%d\n' "$i" $((13900000000 + i)); done; }

echo "| request (release, one process, SQLite, synchronous=FULL) | lines | seconds | per second | ms each | empty lists | refused |"
echo "|---|---|---|---|---|---|---|"
row "查资源 (search, 111 resources)" search
row "登记需求 (write: need + history)" needs
row "匹配需求 XQ… (rank 111 resources + 63 services)" rank
row "匹配需求 XQ… ZY… (record: move + match + history)" record
row "登记资源 (write)" book
row "预约车位 (capacity ledger write)" booking
