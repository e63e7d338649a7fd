#!/usr/bin/env python3
# A month (December 2026) of 大党委 co-building driven through the real bot, one
# `guanlan --now` run per day on one database (the sample lists of November
# loaded as on any new database): 四个万家 visits of every pairing (problems
# become tickets, wants become XQ needs), the open needs matched to the best
# resource or service the bot proposes, shared car parks booked on weekday
# nights, a 议事 meeting per community through its seven steps settling the
# visit tickets and matched needs, the other matched needs settled by 办结需求,
# a volunteer task per community each Saturday with team sign-ups and hours.
# Prints 统计 at the end. Usage: scripts/cobuild-month.py [DB] (after swift build).
import csv, subprocess, re, random, collections, datetime
random.seed(12)
import sys, os, tempfile
root=os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
exe=root+'/.build/debug/guanlan'
db=sys.argv[1] if len(sys.argv) > 1 else os.path.join(tempfile.mkdtemp(), 'month.db')
import os
for f in [db, db+'-wal', db+'-shm']:
    if os.path.exists(f): os.remove(f)
def run(now, lines):
    out=subprocess.run([exe,'--db',db,'--now',now],input='\n'.join(lines)+'\n',capture_output=True,text=True,cwd=root)
    return out.stdout
pairs=list(csv.DictReader(open(root+'/data/cobuild_pairings.csv',encoding='utf-8')))
teams=list(csv.DictReader(open(root+'/data/cobuild_volunteer_teams.csv',encoding='utf-8')))
vols=list(csv.DictReader(open(root+'/data/cobuild_volunteers.csv',encoding='utf-8')))
comms=sorted(set(p['community'] for p in pairs))
needs=['楼道灯坏了','卫生间漏水','楼下垃圾堆放','电梯异响','门禁坏了','下水道堵了','小区路灯不亮','外墙瓷砖松动']
wants=['老人需要助餐服务','双职工家庭放学后无人照看孩子，希望有托管','想参加智能手机课','独居老人希望定期量血压','缺少儿童活动场地','租房纠纷想咨询法律']
topics=['停车难','加装电梯','垃圾分类','充电桩安装','老旧小区改造','噪音扰民','长者助餐','儿童活动场地']
# 1) visits over the first week: every pairing once; ~40% find a problem, ~15% a want
tickets=collections.defaultdict(list)
wanted=collections.defaultdict(list)
for d in range(1,8):
    lines=[]
    for p in pairs[(d-1)*15:d*15]:
        n=random.random()
        room=p['room']
        place=f"{p['estate']}{p['building']}{room}"
        if n<0.4:
            lines.append(f"走访 党员{p['member']} {place} 发现 {random.choice(needs)}")
        elif n<0.55:
            lines.append(f"走访 党员{p['member']} {place} 发现 {random.choice(wants)}")
        else:
            lines.append(f"走访 党员{p['member']} {place} 情况 一切正常")
    out=run(f"2026-12-{d:02d}T16:00:00+08:00",lines)

    for block in out.split('已登记走访')[1:]:
        c=re.search(r'结对户：(\S+社区)',block).group(1)
        tickets[c]+=re.findall(r'工单 (GL\d{8}-\d{4})',block)
        wanted[c]+=re.findall(r'共建需求 (XQ\d{8}-\d{4})',block)
# 2) matching: each open need (November's and the visits') gets the first candidate the bot proposes
open_needs=[(n['community'],n['need_id']) for n in csv.DictReader(open(root+'/data/cobuild_needs.csv',encoding='utf-8')) if n['status']=='待匹配']
open_needs+=[(c,x) for c in comms for x in wanted[c]]
out=run("2026-12-09T09:00:00+08:00",[f"匹配需求 {x}" for _,x in open_needs])
confirm=re.findall(r'确认对接请说：(匹配需求 XQ\d{8}-\d{4} \S+)',out)
out=run("2026-12-09T10:00:00+08:00",confirm)
matched=collections.defaultdict(list)
community={x:c for c,x in open_needs}
for x in re.findall(r'已记录匹配 PP\d{8}-\d{4}：需求 (XQ\d{8}-\d{4})',out): matched[community[x]].append(x)
# 3) shared car parks: weekday-night spaces booked for the first two weeks (full openings wait)
parks=[r for r in csv.DictReader(open(root+'/data/cobuild_resources.csv',encoding='utf-8')) if r['kind']=='车位' and r['window'].startswith('工作日')]
days=[d for d in range(1,15) if datetime.date(2026,12,d).weekday()<5]
for d in days:
    lines=[f"预约车位 {r['resource_id']} 12月{d}日 粤B{random.randint(10000,99999)} 电话139{random.randint(10000000,99999999)}"
           for r in random.sample(parks,6) for _ in range(random.randint(1,4))]
    run(f"2026-12-{d:02d}T12:00:00+08:00",lines)
# 4) meetings: scheduled on 12-01 for 12-10, steps through the month
ms={}
out=run("2026-12-01T09:00:00+08:00",[f"安排议事 {c} 12月10日下午3点 党群服务中心 议题 {random.choice(topics)} 参会 物业 业委会 居民代表 共建单位" for c in comms])
for c,i in zip(comms,re.findall(r'(YS\d{8}-\d{4})，已保存',out)): ms[c]=i
run("2026-12-02T09:00:00+08:00",[f"议事记录 {ms[c]} 确定议题" for c in comms])
run("2026-12-05T09:00:00+08:00",[f"议事记录 {ms[c]} 会前协商 征求意见，方案公示" for c in comms[:-1]]+[f"议事记录 {ms[comms[-1]]} 取消会议 改期"])
# accept the visit tickets (the community takes them) before the meetings
run("2026-12-08T09:00:00+08:00",[f"受理 {t}" for c in comms for t in tickets[c]])
lines=[]
for c in comms[:-1]:
    lines.append(f"议事记录 {ms[c]} 召开会议 到会{random.randint(15,40)}人")
    ts=tickets[c][:2]
    lines.append(f"议事记录 {ms[c]} 形成决议 共建单位出资出力限期解决 解决 "+' '.join(ts+matched[c][:2]))
run("2026-12-10T17:00:00+08:00",lines)
run("2026-12-20T09:00:00+08:00",[f"办结需求 {x}" for c in comms for x in matched[c][2:][::2]])
run("2026-12-15T09:00:00+08:00",[f"议事记录 {ms[c]} 执行决议 已落实" for c in comms[:-1]])
run("2026-12-28T09:00:00+08:00",[f"议事记录 {ms[c]} 反馈评议 居民满意" for c in comms[:-2]])
# 5) volunteers: each Saturday, one task per community, a team signs up; hours recorded after
sats=[5,12,19,26]
for s in sats:
    lines=[]
    for c in comms:
        lines.append(f"发布志愿任务 {c} 12月{s}日9:00-12:00 地点 党群服务中心 3人 内容 邻里互助")
    out=run(f"2026-12-{s-3:02d}T09:00:00+08:00",lines)
    ids=re.findall(r'(RW\d{8}-\d{4})，已保存',out)
    lines=[]
    for c,i in zip(comms,ids):
        ct=[t for t in teams if t['community']==c]
        lines.append(f"报名志愿 {i} {random.choice(ct)['name']}")
    out2=run(f"2026-12-{s-2:02d}T09:00:00+08:00",lines)
    run(f"2026-12-{s:02d}T13:00:00+08:00",[f"记录时长 {i}" for i in ids])
print(run("2026-12-31T20:00:00+08:00",["统计"]))
