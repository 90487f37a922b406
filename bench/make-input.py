#!/usr/bin/env python3
"""Makes a large, deterministic structlog log for the benchmark by repeating the real fixture.

Copy k of the fixture is shifted k * 100 s later in time and gets its own request ids
(the first 8 hex digits of every request_id become k in hex; the other 28 are unique within
the fixture), so requests never collide across copies. Same arguments, same bytes.

usage: bench/make-input.py --bytes N OUT            (stops after the first copy reaching N bytes)
       bench/make-input.py --leaks N OUT            (N never-returned checkouts, unique ids)
"""
import argparse
import datetime
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "src", "test", "resources", "fixtures", "real-structlog", "app.jsonl")
TS_KEY = b'"timestamp": "'
RID_KEY = b'"request_id": "'
SHIFT_SECONDS = 100
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def parse_fixture():
    """Each line as (prefix, seconds, '.ffffffZ"...' suffix, request-id offset in prefix or -1)."""
    lines = []
    with open(FIXTURE, "rb") as f:
        for raw in f:
            t = raw.index(TS_KEY) + len(TS_KEY)
            stamp = raw[t:t + 19].decode()
            dt = datetime.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=datetime.timezone.utc)
            r = raw.find(RID_KEY)
            rid = r + len(RID_KEY) if 0 <= r < t else -1
            if r > t:
                raise SystemExit("request_id after timestamp: unexpected fixture layout")
            lines.append((raw[:t], int((dt - EPOCH).total_seconds()), raw[t + 19:], rid))
    return lines


def stamp(seconds, cache):
    s = cache.get(seconds)
    if s is None:
        s = datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S").encode()
        cache[seconds] = s
    return s


def write_copies(out, target):
    lines = parse_fixture()
    written = 0
    copy = 0
    while written < target:
        cache = {}
        prefix_id = b"%08x" % copy
        chunk = []
        for prefix, seconds, suffix, rid in lines:
            if rid >= 0:
                prefix = prefix[:rid] + prefix_id + prefix[rid + 8:]
            chunk.append(prefix + stamp(seconds + copy * SHIFT_SECONDS, cache) + suffix)
        data = b"".join(chunk)
        out.write(data)
        written += len(data)
        copy += 1
    return written, copy


def write_leaks(out, count):
    """count getconn lines shaped like the fixture's, each with a new request and connection, never returned."""
    base = 1795791347   # 2026-11-27T15:15:47Z
    routes = [b"/api/projects", b"/api/projects/%d/interviews", b"/api/ingest", b"/api/coding/stats"]
    buf = []
    for i in range(count):
        sec, micros = divmod(i * 37, 1_000_000)
        route = routes[i % 4]
        if b"%d" in route:
            route = route % (i % 9973)
        buf.append(b'{"logger": "app.db.pool", "conn_id": %d, "backend_pid": %d, "caller": "get_db", '
                   b'"pool_used": %d, "pool_max": 80, "wait_ms": 0.04, "event": "pool.getconn.success", '
                   b'"method": "GET", "request_id": "%08x-%04x-4%03x-a%03x-%012x", "path": "%s", "pid": %d, '
                   b'"level": "info", "timestamp": "%s.%06dZ"}\n'
                   % (139700565699584 + i * 64, 20000 + i % 30000, 1 + i % 80, i, i % 65536, i % 4096, i % 4096,
                      i * 7919, route, 26680 + i % 8, stamp(base + sec, {}), micros))
        if len(buf) == 10000:
            out.write(b"".join(buf))
            buf = []
    out.write(b"".join(buf))


def main():
    ap = argparse.ArgumentParser()
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--bytes", type=int)
    mode.add_argument("--leaks", type=int)
    ap.add_argument("out")
    args = ap.parse_args()
    with open(args.out, "wb", buffering=1 << 20) as out:
        if args.bytes is not None:
            written, copies = write_copies(out, args.bytes)
            print(f"{args.out}: {written} bytes, {copies} copies of the fixture", file=sys.stderr)
        else:
            write_leaks(out, args.leaks)
            print(f"{args.out}: {args.leaks} never-returned checkouts", file=sys.stderr)


if __name__ == "__main__":
    main()
