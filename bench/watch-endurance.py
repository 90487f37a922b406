#!/usr/bin/env python3
"""Writes N lines of churning traffic for the watch endurance check (bench/watch-endurance.sh).

Every request gets a fresh id; the process id changes every 10,000 requests (worker recycling);
1 request in 100 leaks its connection (its request ends without putconn); 1 in 1,000 hits a
statement timeout. Timestamps advance 1 ms per request, so processes go silent and are forgotten.
"""
import datetime, sys

n = int(sys.argv[1])
out = open(sys.argv[2], "a")
t0 = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
i = 0
lines = 0
while lines < n:
    ts = (t0 + datetime.timedelta(milliseconds=i)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    pid = 1000 + i // 10000
    rid = "req-%d" % i
    base = '"timestamp": "%s", "pid": %d, "request_id": "%s", "method": "GET", "path": "/api/items/%d"' % (ts, pid, rid, i)
    out.write('{"event": "pool.getconn.success", %s, "conn_id": %d, "pool_used": 3, "pool_max": 80}\n' % (base, i % 80))
    if i % 1000 == 7:
        out.write('{"event": "api.timeout", "error": "canceling statement due to statement timeout", %s}\n' % base)
        lines += 1
    if i % 100 != 3:
        out.write('{"event": "pool.putconn.success", %s, "conn_id": %d, "pool_used": 2, "pool_max": 80}\n' % (base, i % 80))
        lines += 1
    out.write('{"event": "http.request.finished", %s, "status": 200}\n' % base)
    lines += 2
    i += 1
out.close()
