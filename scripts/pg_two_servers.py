#!/usr/bin/env python3
"""Two `guanlan serve` processes on one PostgreSQL (run under scripts/with-postgres.sh).

1. Both start at once on an empty database: it is migrated and filled once.
2. 60 clients, half on each server, book HD-001 on 12月2日 (capacity 30, 2 each)
   at once: exactly 15 confirmed, 45 wait-listed, session booked = 30.
3. Filings flow to both servers while PostgreSQL is restarted: requests in
   flight fail with a Chinese message, every acknowledged ticket is in the
   database, ids are unique, and service resumes by itself.
Usage: scripts/pg_two_servers.py PATH/TO/guanlan
"""
import json, os, functools, socket, subprocess, sys, tempfile, threading, time

print = functools.partial(print, flush=True)
binary = sys.argv[1]
base = os.environ["GUANLAN_TEST_POSTGRES_URL"]
pgbin, pgdata = os.environ["GUANLAN_TEST_POSTGRES_BIN"], os.environ["GUANLAN_TEST_POSTGRES_DATA"]
as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
url = base.replace("/postgres?", "/guanlan_multi?")
now = "2026-11-29T09:00:00+08:00"

def psql(sql, database_url=base):
    return subprocess.run(["psql", database_url, "-tAc", sql], check=True, capture_output=True, text=True).stdout.strip()

def request(path, text, rid, session=None):
    with socket.socket(socket.AF_UNIX) as s:
        s.settimeout(float(os.environ.get("GL_CLIENT_TIMEOUT", "60")))
        s.connect(path)
        body = {"id": rid, "text": text}
        if session: body["session"] = session
        s.sendall((json.dumps(body, ensure_ascii=False) + "\n").encode())
        data = b""
        while not data.endswith(b"\n"):
            chunk = s.recv(65536)
            if not chunk: break
            data += chunk
    return json.loads(data)

def fail(message):
    print("FAIL: " + message); sys.exit(1)

psql("CREATE DATABASE guanlan_multi")
folder = tempfile.mkdtemp(prefix="gl-multi-")
sockets = [os.path.join(folder, n + ".sock") for n in ("a", "b")]
logs = [open(p + ".log", "w") for p in sockets]  # a file, not a pipe: the servers log every connection
servers = [subprocess.Popen([binary, "serve", "--socket", p, "--database", url, "--now", now, "--threads", "8"],
                            stdin=subprocess.DEVNULL, stdout=log, stderr=log) for p, log in zip(sockets, logs)]
try:
    deadline = time.time() + 120
    while not all(os.path.exists(p) for p in sockets):
        if time.time() > deadline or any(s.poll() is not None for s in servers):
            fail("servers did not start: " + " | ".join(open(p + ".log").read()[-2000:] for p in sockets))
        time.sleep(0.2)
    if psql("SELECT COUNT(*) FROM grid_buildings", url) != "3002": fail("sample data not imported exactly once")

    # 2. Booking capacity across the two servers.
    replies = [None] * 60
    def book(i):
        replies[i] = request(sockets[i % 2], f"预约 HD-001 12月2日 2人 电话{13900000000 + i}", i)
    threads = [threading.Thread(target=book, args=(i,)) for i in range(60)]
    start = time.time()
    for t in threads: t.start()
    for t in threads: t.join()
    elapsed = time.time() - start
    statuses = [r.get("data", {}).get("booking", {}).get("status") for r in replies]
    confirmed, waitlisted = statuses.count("confirmed"), statuses.count("waitlisted")
    booked = psql("SELECT booked FROM activity_sessions WHERE activity_code = 'HD-001'", url)
    print(f"booking: {confirmed} confirmed, {waitlisted} wait-listed, session booked {booked} ({elapsed:.2f}s for 60 over two servers)")
    if (confirmed, waitlisted, booked) != (15, 45, "30"): fail(f"capacity not exact: {statuses}")

    # 3. PostgreSQL restarted under load.
    acknowledged, errors, lock = [], [], threading.Lock()
    stop = threading.Event()
    def file_tickets(k):
        n = 0
        while not stop.is_set():
            n += 1
            try:
                session = f"w{k}-{n}"
                r = request(sockets[k % 2], f"报事 大富社区香榭郦景3栋电梯坏了 电话138{k:04d}{n:04d}", n, session)
                if r.get("state") == "clarify":  # same place, same problem: the bot offers to merge; file anyway
                    r = request(sockets[k % 2], "仍然新建工单", n, session)
            except Exception as e:  # connection-level trouble would be a server bug
                with lock: errors.append("client: " + repr(e))
                continue
            with lock:
                if r.get("ok") and "ticket" in r.get("data", {}): acknowledged.append((time.time(), r["data"]["ticket"]["id"]))
                elif r.get("ok"): errors.append("unexpected reply: " + r.get("text", ""))
                else: errors.append(r["error"]["message"])
    workers = [threading.Thread(target=file_tickets, args=(k,), daemon=True) for k in range(8)]
    for w in workers: w.start()
    time.sleep(2)
    restart_at = time.time()
    # -l: the new server must not inherit our pipes (pg_ctl would never seem to finish).
    subprocess.run(as_pg + [os.path.join(pgbin, "pg_ctl"), "-D", pgdata, "-m", "fast", "-w", "-l",
                            os.path.join(os.path.dirname(pgdata), "log", "server.log"), "restart"],
                   check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    back_at = time.time()
    time.sleep(3)
    stop.set()
    for w in workers: w.join()
    ids = [i for _, i in acknowledged]
    after = [i for t, i in acknowledged if t > back_at]
    stored = set(psql("SELECT id FROM tickets", url).split())
    print(f"restart: {len(ids)} filings acknowledged ({len(after)} after PostgreSQL was back, {back_at - restart_at:.1f}s down), "
          f"{len(errors)} failed with: {sorted(set(errors))[:3]}")
    if len(set(ids)) != len(ids): fail("duplicate ticket ids")
    if not set(ids) <= stored: fail(f"acknowledged but lost: {sorted(set(ids) - stored)[:5]}")
    if not after: fail("service did not resume after the restart")
    if any(e.startswith("client:") for e in errors): fail("a client connection failed: " + str(errors[:3]))
    if any(not any('\u4e00' <= c <= '\u9fff' for c in e) for e in errors): fail("an error without a Chinese message")
    print("two servers on one PostgreSQL: passed")
finally:
    for s in servers:
        s.terminate()
        try: s.wait(timeout=20)
        except subprocess.TimeoutExpired: s.kill()
