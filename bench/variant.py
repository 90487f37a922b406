#!/usr/bin/env python3
"""Rewrites a log so that speed can be compared on the same content in another shape: keys in reverse
order, compact separators (no spaces) and non-default event names (db.acquire, db.release, ...).
Read it with: poolscope analyze --event-checkout db.acquire --event-checkin db.release
              --event-failed db.acquire_failed --event-nearly-exhausted db.pool_low FILE

usage: bench/variant.py IN OUT
"""
import json
import sys

NAMES = {"pool.getconn.success": "db.acquire", "pool.putconn.success": "db.release",
         "pool.getconn.FAILED": "db.acquire_failed", "pool.nearly_exhausted": "db.pool_low"}

with open(sys.argv[1], "rb") as src, open(sys.argv[2], "w", encoding="utf-8") as out:
    for raw in src:
        e = json.loads(raw)
        if e.get("event") in NAMES:
            e["event"] = NAMES[e["event"]]
        out.write(json.dumps(dict(reversed(list(e.items()))), separators=(",", ":")) + "\n")
