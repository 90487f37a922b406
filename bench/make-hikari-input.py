#!/usr/bin/env python3
"""A big HikariCP-shaped log for timing the library-dialect path (issue #16): the real HikariCP 7.1 fixture
(src/test/resources/fixtures/hikaricp/hikaricp.jsonl) repeated, each copy shifted 200 s later, with its own
request ids and connection names (so leaks and requests stay distinct). Deterministic.

    python3 bench/make-hikari-input.py --bytes 1000000000 bench/data/hikari-1g.jsonl
"""
import argparse, datetime, os, re

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "src", "test", "resources", "fixtures", "hikaricp", "hikaricp.jsonl")
TS = re.compile(r'"@timestamp":"([^"]+)Z"')
UUID = re.compile(r'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}')
CONN = re.compile(r'PgConnection@([0-9a-f]+)')

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bytes", type=int, required=True)
    ap.add_argument("out")
    a = ap.parse_args()
    lines = open(FIXTURE, encoding="utf-8").read().splitlines()
    written, copy = 0, 0
    with open(a.out, "w", encoding="utf-8") as out:
        while written < a.bytes:
            shift = datetime.timedelta(seconds=200 * copy)
            tag = "%04x" % (copy % 65536)
            def ts(m):
                whole, _, frac = m.group(1).partition(".")
                t = datetime.datetime.fromisoformat(whole + "." + (frac + "000000")[:6]) + shift
                return '"@timestamp":"%sZ"' % t.isoformat(timespec="microseconds")
            for line in lines:
                line = TS.sub(ts, line)
                line = UUID.sub(lambda m: tag + m.group(0)[4:], line)
                line = CONN.sub(lambda m: "PgConnection@" + tag + m.group(1), line)
                out.write(line + "\n")
                written += len(line) + 1
                if written >= a.bytes:
                    break
            copy += 1

if __name__ == "__main__":
    main()
