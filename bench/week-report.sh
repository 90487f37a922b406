#!/usr/bin/env sh
# Memory and time of the weekly report over a generated week of rotated logs, at two sizes, and of
# merging seven daily summaries. Usage: bench/week-report.sh [SMALL_PER_DAY] [LARGE_PER_DAY] [DIR]
# (sizes as `poolscope generate --bytes` takes them; defaults 50M and 500M a day, i.e. 0.35 and 3.5 GB).
# SCENARIOS="healthy ..." (seven names) changes the days. Needs: mvn -B -q package -DskipTests; GNU time.
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
ps="$here/bin/poolscope"
small=${1:-50M}
large=${2:-500M}
dir=${3:-/tmp/poolscope-week-bench}
scenarios=${SCENARIOS:-"healthy healthy leaky-routers timeout-storm mixed-processes healthy healthy"}

week() { # $1 = per-day size, $2 = directory
    rm -rf "$2"; mkdir -p "$2"
    n=6; day=5
    for s in $scenarios; do
        case $n in 0) name=app.jsonl ;; 1) name=app.jsonl.1 ;; *) name=app.jsonl.$n ;; esac
        "$ps" generate --scenario "$s" --seed "$day" --bytes "$1" --start "$(printf "2026-01-%02dT00:05:00Z" "$day")" -o "$2/$name"
        [ "$n" -ge 2 ] && gzip -1 "$2/$name"
        n=$((n - 1)); day=$((day + 1))
    done
}

measure() { # $1 = label, rest = command; CPU time too, since wall time depends on the machine's load
    label=$1; shift
    /usr/bin/time -v "$@" > /dev/null 2> "$dir.time"
    rss=$(grep 'Maximum resident' "$dir.time" | awk '{print $NF}')
    wall=$(grep 'Elapsed (wall' "$dir.time" | awk '{print $NF}')
    cpu=$(grep -E 'User time|System time' "$dir.time" | awk '{s+=$NF} END {printf "%.2f", s}')
    printf '%-44s peak RSS %7d KiB   wall %8s   cpu %6s s\n' "$label" "$rss" "$wall" "$cpu"
}

for size in "$small" "$large"; do
    week "$size" "$dir/$size"
    raw=$(for f in "$dir/$size"/*; do case $f in *.gz) gzip -dc "$f" ;; *) cat "$f" ;; esac; done | wc -c)
    measure "report, $size/day ($raw bytes of log)" "$ps" report "$dir/$size" --format json
done

# seven daily summaries of the large week, then merge them
mkdir -p "$dir/psum"; rm -f "$dir/psum"/*.psum
for f in "$dir/$large"/*; do
    "$ps" analyze "$f" --summary "$dir/psum/$(basename "$f").psum" --format json > /dev/null
done
ls -l "$dir/psum" | awk 'NR>1 {s+=$5} END {print "7 daily summaries: " s " bytes"}'
measure "JVM start only (poolscope --version)" "$ps" --version
measure "merge 7 daily summaries" "$ps" merge "$dir/psum" -o "$dir/week.psum" --force
measure "report from the 7 summaries" "$ps" report "$dir/psum" --format json
javac -d "$dir" -cp "$here/target/poolscope.jar" "$here/bench/MergeTime.java"
echo "in-process, three rounds (the first includes JIT warm-up):"
java -XX:+UseSerialGC -cp "$here/target/poolscope.jar:$dir" MergeTime "$dir/psum"
uptime
