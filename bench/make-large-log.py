#!/usr/bin/env python3
"""Writes a large log by replaying a real capture back to back, each copy shifted in time and with its
request ids suffixed, so pairing, leaks and the timeline see one long, realistic run.

usage: bench/make-large-log.py SOURCE.jsonl OUT.jsonl SIZE_MB
"""
import datetime as dt
import re
import sys

TS = re.compile(r'"timestamp": "([^"]+)"')
RID = re.compile(r'"request_id": "([^"]+)"')


def parse(ts):
    return dt.datetime.strptime(ts.replace("Z", "+0000"), "%Y-%m-%dT%H:%M:%S.%f%z")


def main(src, out, size_mb):
    lines = open(src, encoding="utf-8").read().splitlines()
    times = [TS.search(l) for l in lines]
    first = parse(times[0].group(1))
    last = parse(times[-1].group(1))
    period = last - first + dt.timedelta(seconds=1)
    target = size_mb * 1024 * 1024
    written = 0
    copy = 0
    with open(out, "w", encoding="utf-8") as f:
        while written < target:
            shift = period * copy
            for line, m in zip(lines, times):
                t = (parse(m.group(1)) + shift).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
                line = line[:m.start(1)] + t + line[m.end(1):]
                line = RID.sub(lambda r: '"request_id": "%s-%d"' % (r.group(1), copy), line, count=1)
                f.write(line)
                f.write("\n")
                written += len(line) + 1
            copy += 1
    print("%s: %d copies, %.0f MB" % (out, copy, written / 1048576))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
