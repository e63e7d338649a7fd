#!/bin/sh
# Several guanlan processes over one SQLite file, each booking the same 20-seat
# session for many phones at once. Capacity must hold and no booking be lost.
# Usage: Tests/scripts/concurrent-processes.sh [PROCESSES] [BOOKERS_PER_PROCESS]
set -eu
BIN=${GUANLAN:-.build/debug/guanlan}
P=${1:-5}; N=${2:-10}
DIR=$(mktemp -d); DB=$DIR/shared.db
NOW=2026-11-29T09:00:00+08:00
echo '查询活动 HD-002 12月6日' | "$BIN" --db "$DB" --now $NOW >/dev/null   # create and seed once
i=0
while [ $i -lt "$P" ]; do
  j=0; : > "$DIR/in$i"
  while [ $j -lt "$N" ]; do printf '预约 HD-002 12月6日 1人 电话139%04d%04d\n' $i $j >> "$DIR/in$i"; j=$((j+1)); done
  "$BIN" --db "$DB" --now $NOW < "$DIR/in$i" > "$DIR/out$i" 2>&1 &
  i=$((i+1))
done
wait
cat "$DIR"/out* > "$DIR/all"
confirmed=$(grep -c '^预约成功' "$DIR/all" || true)
waiting=$(grep -c '^该场次已满' "$DIR/all" || true)
other=$(grep -v -e '^预约成功' -e '^该场次已满' -e '^书法\|^技能' -e '^取消请说' -e '^有人取消' "$DIR/all" | grep -c . || true)
echo "processes=$P bookers=$((P*N)) confirmed=$confirmed waitlisted=$waiting other_lines=$other"
echo '查询活动 HD-002 12月6日' | "$BIN" --db "$DB" --now $NOW | head -2
[ "$confirmed" -eq 20 ] && [ $((confirmed + waiting)) -eq $((P*N)) ] && [ "$other" -eq 0 ] && echo PASS || { echo FAIL; grep -v -e '^预约成功' -e '^该场次已满' -e '^取消请说' -e '^有人取消' -e '^技能' "$DIR/all" | head; exit 1; }
