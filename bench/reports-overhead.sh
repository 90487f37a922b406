#!/usr/bin/env bash
# Issue #3's budget: all report files (--csv, --charts, --chart, --html) on a large log must cost
# less than 10 % more wall time than `--format json` alone. Runs both side by side, alternating,
# and prints the wall and CPU (user + sys) time of each and the ratios of the medians. On a shared
# machine wall time swings with other load; CPU time is the steadier figure. With BASELINE=DIR (another
# build: DIR/bin/poolscope, e.g. a copy of main's), each round also runs that build's JSON and all-reports
# commands, and its ratios are printed beside this build's.
#   usage: [BASELINE=DIR] bench/reports-overhead.sh LOG [RUNS]    (build first: mvn -B -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
log=${1:?usage: bench/reports-overhead.sh LOG [RUNS]}
runs=${2:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# Prints "WALL CPU" in seconds for one command.
measure() {
    /usr/bin/time -o "$out/time" -f "%e %U %S" "$@" >/dev/null
    awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$out/time"
}
base=${BASELINE:-}
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a / b}'; }
# One build's pair, JSON alone then JSON and every report file: a line "WALL CPU WALL2 CPU2" in $out/NAME.
pair() {
    local bin=$1 name=$2 w c w2 c2
    read -r w c < <(measure "$bin" analyze "$log" --format json)
    read -r w2 c2 < <(measure "$bin" analyze "$log" --format json --force --csv "$out/csv" \
        --charts "$out/charts" --chart "$out/pool.svg" --html "$out/report.html")
    echo "$w $c $w2 $c2" >> "$out/$name"
    echo "run $i $name: json wall ${w}s cpu ${c}s | json + all reports wall ${w2}s cpu ${c2}s"
}
# Medians of one build's columns, the ratio of the medians and the median of the paired ratios.
summary() {
    local f="$out/$1" jw jc aw ac
    jw=$(cut -d' ' -f1 "$f" | median) jc=$(cut -d' ' -f2 "$f" | median)
    aw=$(cut -d' ' -f3 "$f" | median) ac=$(cut -d' ' -f4 "$f" | median)
    echo "$1 median wall: json ${jw}s, all ${aw}s, ratio $(ratio "$aw" "$jw"), median paired ratio" \
        "$(awk '{printf "%.3f\n", $3 / $1}' "$f" | median)"
    echo "$1 median cpu:  json ${jc}s, all ${ac}s, ratio $(ratio "$ac" "$jc"), median paired ratio" \
        "$(awk '{printf "%.3f\n", $4 / $2}' "$f" | median)"
}
for i in $(seq "$runs"); do
    pair bin/poolscope this
    if [ -n "$base" ]; then
        pair "$base/bin/poolscope" baseline
    fi
done
summary this
if [ -n "$base" ]; then
    summary baseline
fi
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
