#!/usr/bin/env python3
"""Seeds a month of tickets through the real bot and prints what 统计 says.

Usage: scripts/seed-month.py [--db PATH] [--month 2026-11] [--per-day 12] [--seed 7]

Each day of the month runs `guanlan --now <that day>` once, piping that day's
commands: new 报事 at random buildings of data/grid.csv with problems of every
category, and the loop moves for earlier tickets (受理, 派单, 化解, 确认,
回访 满意/不满意, 升级) — some late, so some tickets go overdue. The figures
are the bot's own `统计` at the end of the month.
"""
import argparse, calendar, csv, os, random, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROBLEMS = ["电梯坏了", "楼道灯不亮", "楼下垃圾很多没人清理", "下水道堵塞", "路灯坏了", "楼上装修噪音太大",
            "邻居养狗扰民", "拖欠工资三个月", "孩子入学学位问题", "低保申请咨询", "有人违章搭建", "井盖破损",
            "电梯困人", "燃气泄漏", "门禁坏了", "外墙渗水", "小区违停严重", "独居老人需要帮助"]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="/tmp/guanlan-month.db")
    ap.add_argument("--month", default="2026-11")
    ap.add_argument("--per-day", type=int, default=12)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build/debug/guanlan"))
    a = ap.parse_args()
    random.seed(a.seed)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(a.db + suffix): os.remove(a.db + suffix)
    rows = list(csv.DictReader(open(os.path.join(ROOT, "data/grid.csv"), encoding="utf-8")))
    year, month = map(int, a.month.split("-"))
    days = calendar.monthrange(year, month)[1]
    open_tickets = []  # (id, stage)
    for day in range(1, days + 1):
        stamp = f"{year:04d}{month:02d}{day:02d}"
        lines = []
        # Moves on earlier tickets first (operators work the queue in the morning).
        still = []
        for tid, stage in open_tickets:
            r = random.random()
            if stage == 0 and r < 0.8: lines.append(f"受理 {tid}"); stage = 1
            elif stage == 1 and r < 0.6: lines.append(f"派单 {tid}"); stage = 2
            elif stage == 2 and r < 0.6:
                lines.append(f"化解 {tid} 已处理"); stage = 3
            elif stage == 2 and r < 0.65: lines.append(f"升级 {tid}")
            elif stage == 3 and r < 0.7: lines.append(f"确认 {tid}"); stage = 4
            elif stage == 4 and r < 0.8:
                lines.append(f"回访 {tid} {'不满意' if random.random() < 0.1 else '满意'}"); stage = 5
            if stage < 5: still.append((tid, stage))
        open_tickets = still
        for n in range(a.per_day):
            row = random.choice(rows)
            phone = f"139{random.randint(10000000, 99999999)}"
            lines.append(f"报事 {row['community']}{row['estate']}{row['building']}{random.choice(PROBLEMS)} 电话{phone}")
            open_tickets.append((f"GL{stamp}-{n + 1:04d}", 0))
        now = f"{year:04d}-{month:02d}-{day:02d}T09:00:00+08:00"
        out = subprocess.run([a.bin, "--db", a.db, "--now", now], input="\n".join(lines) + "\n",
                             capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit(f"day {day}: {out.stderr}")
    end = f"{year:04d}-{month:02d}-{days:02d}T18:00:00+08:00"
    out = subprocess.run([a.bin, "--db", a.db, "--now", end], input="统计\n", capture_output=True, text=True)
    print(out.stdout)

if __name__ == "__main__":
    main()
