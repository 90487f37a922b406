#!/usr/bin/env bash
# End-to-end benchmark (issue #8): times poolscope against the two-grep count and the Python json
# pairing script on the same file, alternating the order of the methods every round, and prints
# medians, ratios, MB/s and lines/s. Whole processes are timed: JVM start included.
#
# usage: bench/run.sh [--rounds N] [--no-python] [--smoke] [--java PATH] [--baseline DIR] [FILE]
#   FILE defaults to bench/data/1g.jsonl, made by bench/make-input.py when missing.
#   --smoke: one round on the small real fixture; checks the benchmark still works (CI runs this).
#   --java PATH: also time poolscope run by this java (row poolscope-alt), e.g. a newer JDK.
#   --baseline DIR: also time another build, DIR/bin/poolscope (row poolscope-base), e.g. a worktree of the
#     commit before a change built with mvn package; its report must be identical, and the paired ratio is printed.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=5
python=1
smoke=0
alt_java=""
baseline=""
file=bench/data/1g.jsonl
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) rounds=$2; shift 2 ;;
        --no-python) python=0; shift ;;
        --java) alt_java=$2; shift 2 ;;
        --baseline) baseline=$2; shift 2 ;;
        --smoke) smoke=1; rounds=1; file=src/test/resources/fixtures/real-structlog/app.jsonl; shift ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) file=$1; shift ;;
    esac
done

[ -f target/poolscope.jar ] || mvn -B -q package -DskipTests
if [ ! -f "$file" ]; then
    mkdir -p "$(dirname "$file")"
    python3 bench/make-input.py --bytes 1000000000 "$file"
fi
cat "$file" > /dev/null   # into the page cache: every method reads from memory

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bytes=$(stat -c %s "$file")
lines=$(wc -l < "$file")

# Each method writes to a file: GNU grep stops at the first match when its output is /dev/null.
declare -A cmd=(
    [grep2]="grep -c -F pool.getconn.success '$file' > '$work/grep.out'; grep -c -F pool.putconn.success '$file' >> '$work/grep.out'"
    [wc-l]="wc -l '$file' > '$work/wc.out'"
    [poolscope]="bin/poolscope analyze --format json --quiet '$file' > '$work/poolscope.json'"
    [poolscope-1t]="bin/poolscope analyze --format json --quiet --threads 1 '$file' > '$work/poolscope-1t.json'"
)
methods=(grep2 poolscope wc-l poolscope-1t)
if [ -n "$alt_java" ]; then
    cmd[poolscope-alt]="POOLSCOPE_JAVA='$alt_java' bin/poolscope analyze --format json --quiet '$file' > '$work/poolscope-alt.json'"
    methods+=(poolscope-alt)
fi
if [ -n "$baseline" ]; then
    cmd[poolscope-base]="'$baseline/bin/poolscope' analyze --format json --quiet '$file' > '$work/poolscope-base.json'"
    methods+=(poolscope-base)
fi
if [ "$python" = 1 ]; then
    cmd[python]="python3 bench/pairing.py '$file' > '$work/python.json'"
    methods+=(python)
fi

echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(uname -n) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "# $(java -version 2>&1 | head -1); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $file: $bytes bytes, $lines lines; $rounds rounds, method order rotated every round"
n=${#methods[@]}
for ((r = 0; r < rounds; r++)); do
    for ((k = 0; k < n; k++)); do
        m=${methods[$(( (k + r) % n ))]}
        /usr/bin/time -f "%e %M" -o "$work/time" bash -c "${cmd[$m]}"
        echo "$r $m $(cat "$work/time")" >> "$work/times"
    done
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$smoke" = 1 ]; then
    echo "# smoke run: checks that the script and every method work; on a 6 MB file the times mean nothing"
fi

# Sanity: poolscope counted what grep counted (on these inputs every matching line is such an event).
getconn=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['counts']['getconn'])" "$work/poolscope.json")
grep_getconn=$(head -1 "$work/grep.out")
if [ "$getconn" != "$grep_getconn" ]; then
    echo "MISMATCH: poolscope getconn=$getconn, grep=$grep_getconn" >&2
    exit 1
fi
cmp -s "$work/poolscope.json" "$work/poolscope-1t.json" || { echo "MISMATCH: 1 thread vs default" >&2; exit 1; }
if [ -n "$alt_java" ]; then
    cmp -s "$work/poolscope.json" "$work/poolscope-alt.json" || { echo "MISMATCH: $alt_java vs default" >&2; exit 1; }
    echo "# poolscope-alt: $("$alt_java" -version 2>&1 | head -1)"
fi
if [ -n "$baseline" ]; then
    cmp -s "$work/poolscope.json" "$work/poolscope-base.json" || { echo "MISMATCH: $baseline's report differs" >&2; exit 1; }
    echo "# poolscope-base: $baseline ($(git -C "$baseline" rev-parse --short HEAD 2>/dev/null || echo '?')), same report"
fi

python3 - "$work/times" "$bytes" "$lines" <<'PY'
import statistics, sys
times, size, lines = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
runs = {}
by_round = {}
for row in open(times):
    r, m, wall, rss = row.split()
    runs.setdefault(m, []).append((float(wall), int(rss)))
    by_round.setdefault(int(r), {})[m] = float(wall)
med = {m: statistics.median(w for w, _ in r) for m, r in runs.items()}
print(f"{'method':<14}{'median s':>9}{'min s':>8}{'max s':>8}{'peak RSS MB':>12}{'MB/s':>8}{'Mlines/s':>9}{'x grep2':>9}")
for m, r in runs.items():
    walls = [w for w, _ in r]
    t = max(med[m], 0.01)
    print(f"{m:<14}{med[m]:>9.2f}{min(walls):>8.2f}{max(walls):>8.2f}{max(x for _, x in r) / 1024:>12.0f}"
          f"{size / 1e6 / t:>8.0f}{lines / 1e6 / t:>9.2f}{med[m] / max(med['grep2'], 0.01):>9.2f}")
if "python" in med:
    print(f"python / poolscope: {med['python'] / max(med['poolscope'], 0.01):.1f}x   "
          f"(target >= 8x)   poolscope / grep2: {med['poolscope'] / max(med['grep2'], 0.01):.2f}x (target <= 2x)")
else:
    print(f"poolscope / grep2: {med['poolscope'] / max(med['grep2'], 0.01):.2f}x (target <= 2x)")


def paired(num, den):
    """Each round's ratio of two methods timed minutes apart: steadier than a ratio of medians on a
    machine whose speed drifts from minute to minute."""
    rs = sorted(t[num] / max(t[den], 0.01) for t in by_round.values() if num in t and den in t)
    return f"median {statistics.median(rs):.2f}x, range {rs[0]:.2f}-{rs[-1]:.2f}x" if rs else "n/a"


print(f"per round: poolscope / grep2 {paired('poolscope', 'grep2')}"
      + (f";  python / poolscope {paired('python', 'poolscope')}" if "python" in med else "")
      + (f";  poolscope / poolscope-base {paired('poolscope', 'poolscope-base')}" if "poolscope-base" in med else ""))
PY
