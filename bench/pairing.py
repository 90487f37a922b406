#!/usr/bin/env python3
"""The Python way: json.loads every line and pair checkouts with checkins (issue #8's comparison).

Does what an engineer's script would: counts getconn/putconn/FAILED, pairs checkouts and checkins by
(pid, request_id, conn_id) (falling back to (pid, conn_id) for checkins without a request), keeps the
peak pool_used, counts lines quoting "connection pool exhausted" or a statement timeout, and reports
what is still open at the end. Far less than poolscope does (no windows, routes, holds, histograms).

usage: bench/pairing.py LOG
"""
import json
import sys


def main(path):
    counts = {"lines": 0, "malformed": 0, "getconn": 0, "putconn": 0, "failed": 0,
              "exhaustion_text": 0, "timeout_text": 0, "orphans": 0}
    open_by_req = {}
    open_by_conn = {}
    peak = 0
    with open(path, "rb") as f:
        for raw in f:
            counts["lines"] += 1
            try:
                e = json.loads(raw)
            except ValueError:
                counts["malformed"] += 1
                continue
            if not isinstance(e, dict):
                counts["malformed"] += 1
                continue
            name = e.get("event")
            pid, rid, cid = e.get("pid"), e.get("request_id"), e.get("conn_id")
            used = e.get("pool_used")
            if isinstance(used, int) and used > peak:
                peak = used
            if name == "pool.getconn.success":
                counts["getconn"] += 1
                key = (pid, rid, cid)
                open_by_req[key] = e.get("timestamp")
                open_by_conn.setdefault((pid, cid), []).append(key)
            elif name == "pool.putconn.success":
                counts["putconn"] += 1
                key = (pid, rid, cid)
                if key not in open_by_req:
                    keys = open_by_conn.get((pid, cid))
                    key = keys[-1] if keys else None
                if key is None or key not in open_by_req:
                    counts["orphans"] += 1
                    continue
                del open_by_req[key]
                keys = open_by_conn[(pid, cid)]
                keys.remove(key)
                if not keys:
                    del open_by_conn[(pid, cid)]
            elif name == "pool.getconn.FAILED":
                counts["failed"] += 1
            if b"connection pool exhausted" in raw:
                counts["exhaustion_text"] += 1
            if b"canceling statement due to statement timeout" in raw:
                counts["timeout_text"] += 1
    counts["peak_used"] = peak
    counts["open_at_end"] = len(open_by_req)
    counts["requests_with_open"] = len({(k[0], k[1]) for k in open_by_req if k[1] is not None})
    json.dump(counts, sys.stdout, indent=1, sort_keys=True)
    print()


if __name__ == "__main__":
    main(sys.argv[1])
