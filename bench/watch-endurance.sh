#!/usr/bin/env sh
# Does a long watch stay within bounded memory? Feeds `watch --from-start` N lines of churning
# traffic (fresh request ids, recycled workers, leaks, timeouts), forces a full GC, and prints the
# live heap. Run it for two sizes and compare: bounded memory means the heap does not grow with N.
#   bench/watch-endurance.sh 1000000 && bench/watch-endurance.sh 4000000
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
n=${1:-1000000}
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
python3 "$here/bench/watch-endurance.py" "$n" "$work/app.jsonl"
POOLSCOPE_HEAP=${POOLSCOPE_HEAP:-128m} "$here/bin/poolscope" watch "$work/app.jsonl" --from-start --interval 1s \
    --forget-after 60s --prometheus "$work/w.prom" >"$work/out.txt" 2>"$work/err.txt" &
pid=$!
lines=0
while [ "$lines" -lt "$n" ]; do
    sleep 1
    lines=$(sed -n 's/^poolscope_lines_total{[^}]*} //p' "$work/w.prom" 2>/dev/null || echo 0)
    lines=${lines:-0}
done
jpid=$(pgrep -P "$pid" java || echo "$pid")
jcmd "$jpid" GC.run >/dev/null
echo "lines=$n $(jcmd "$jpid" GC.heap_info | grep -Eo 'used [0-9]+K' | head -2 | tr '\n' ' ') (young, old after full GC)"
grep -v '^#' "$work/w.prom" | grep -E 'processes|open_checkouts|getconn_total|leak_suspicions'
