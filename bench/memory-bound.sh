#!/bin/sh
# Issue 15.1: memory stays bounded at any number of open checkouts, on the default launcher.
# For each N (default: 16 and 50 million), writes N never-returned checkouts (bench/LeakLog.java, the
# same lines as make-input.py --leaks), runs `bin/poolscope analyze FILE --format json` under
# /usr/bin/time -v, and prints exit code, wall time, peak RSS and the leak figures, settled_by_limit
# included. Long: about 1 minute per 10 million lines on an idle 2-core machine, plus the input.
#   bench/memory-bound.sh [N ...]        env: DIR (default /tmp/poolscope-memory), KEEP=1 keeps inputs,
#                                        POOLSCOPE_HEAP as for bin/poolscope (default 512m)
set -eu
cd "$(dirname "$0")/.."
dir=${DIR:-/tmp/poolscope-memory}
mkdir -p "$dir"
[ -f target/poolscope.jar ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }
[ $# -gt 0 ] || set -- 16000000 50000000
printf '%-10s %-5s %-9s %-10s %-12s %-12s %-10s %s\n' lines exit wall peak_rss leaked in_flight by_limit heap
for n in "$@"; do
    log="$dir/leaks-$n.jsonl"
    [ -s "$log" ] || java bench/LeakLog.java "$n" "$log"
    set +e
    /usr/bin/time -v -o "$dir/time-$n.txt" bin/poolscope analyze "$log" --format json --quiet \
        -o "$dir/report-$n.json" --force 2> "$dir/stderr-$n.txt"
    code=$?
    set -e
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%d MB", $2 / 1024}' "$dir/time-$n.txt")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$dir/time-$n.txt")
    figures=$(python3 -c 'import json,sys; l=json.load(open(sys.argv[1]))["leaks"]; print(l["leaked_checkouts"], l["in_flight_at_end"], l["settled_by_limit"])' "$dir/report-$n.json" 2>/dev/null || echo "- - -")
    set -- $figures
    printf '%-10s %-5s %-9s %-10s %-12s %-12s %-10s %s\n' "$n" "$code" "$wall" "$rss" "$1" "$2" "$3" "${POOLSCOPE_HEAP:-512m}"
    [ "$code" = 0 ] || sed 's/^/    /' "$dir/stderr-$n.txt" >&2
    [ "${KEEP:-0}" = 1 ] || rm -f "$log"
done
