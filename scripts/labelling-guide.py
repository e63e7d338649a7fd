#!/usr/bin/env python3
"""The labelling guide for a held-out round's author (docs/UNDERSTANDING.md, "Independent rounds"):
intent names, labels and summaries, slot names, types and keyword value names, two examples per intent,
the value forms and the category names — never triggers, patterns, cues or fallback words.

    python3 scripts/labelling-guide.py . > /path/to/round/intents-and-slots.md
"""
import sys, glob, yaml, os
root = sys.argv[1]
out = []
out.append("# Intents and slots (labelling guide)\n")
out.append("Label each utterance with `intent` (one of the names below, or null when the bot does not offer what is asked) and `slots` (only slots whose value is said or clearly implied in the text).\n")
out.append("Value forms: community = full name with 社区 (大富社区); estate = name as in grid.csv; building = label as in grid.csv (3栋, 8号); phone = digits only; time/time_end = ISO 8601 with +08:00, resolved against now = 2026-11-29T09:00:00+08:00 (a Sunday); ids upper case (GL20261129-0001, YY…, QF…, HD-001); party_size/headcount/amount/area = JSON numbers (amount in yuan); keyword slots take one of the listed values; activity = the activity's name or kind as the text says it (书法班 → 书法, 瑜伽课 → 瑜伽, 电工入门课 → 电工入门, 篮球友谊赛 → 篮球友谊赛), not the catalogue name; grid = the grid code (DF-01-01); term = months as a number (三年期 → 36); quantity = as said with its unit (40个, 2间); a part of the day with no clock starts at its first hour (早上 06:00, 上午 08:00, 中午 12:00, 下午 12:00, 晚上 18:00, 凌晨 00:00) and an end time is exclusive (下周末 ends at the following Monday 00:00).\n")
for f in sorted(glob.glob(os.path.join(root, "intents/*.yaml"))):
    d = yaml.safe_load(open(f))
    out.append(f"\n## `{d['intent']}` — {d.get('label','')}\n{d.get('summary','')}\n")
    for s in d.get('slots') or []:
        line = f"- `{s['name']}` ({s.get('type')})" + (" required" if s.get('required') else "")
        if s.get('type') == 'keyword' and s.get('values') and s['name'] != 'category':
            line += ": values " + ", ".join(f"`{k}`" for k in s['values'].keys())
        out.append(line)
    ex = d.get('examples') or []
    for e in ex[:2]:
        if isinstance(e, dict):
            out.append(f"  - example: {e.get('text')} → {e.get('slots')}")
cats = []
for line in open(os.path.join(root, "data/grievance_categories.csv")).read().splitlines()[1:]:
    c = line.split(',')[0]
    if c not in cats: cats.append(c)
out.append("\n## grievance categories (slot `category` of grievance.file)\n" + "、".join(cats))
print("\n".join(out))
