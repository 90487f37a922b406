#!/usr/bin/env bash
# Issue 15.4's second budget: `analyze --html` on a small log (10 kB) within 0.5 s wall. Runs
# `--format json` and `--format json --html` side by side, alternating, RUNS pairs, and prints each
# pair's wall and CPU, the medians and the median of the paired ratios. With BASELINE=DIR (another
# build: DIR/bin/poolscope, e.g. a copy of main's), each round also runs that build's `--html` right
# after this one's, and prints the medians of both and the median paired ratio this/baseline. The
# machine may be shared: CPU time (user + sys) is the steadier figure.
#   usage: [BASELINE=DIR] bench/html-small.sh [LOG] [RUNS]   (LOG default: the first 10 kB of samples/healthy.jsonl)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
log=${1:-}
if [ -z "$log" ]; then
    log="$out/small.jsonl"
    head -c 10240 samples/healthy.jsonl | head -n -1 > "$log"
fi
runs=${2:-10}
base=${BASELINE:-}
measure() {
    /usr/bin/time -o "$out/time" -f "%e %U %S" "$@" >/dev/null
    awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$out/time"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a / b}'; }
jw=() hw=() rw=() jc=() hc=() bw=() bc=() brw=() brc=()
for i in $(seq "$runs"); do
    read -r w c < <(measure bin/poolscope analyze "$log" --format json -o "$out/a.json" --force)
    read -r w2 c2 < <(measure bin/poolscope analyze "$log" --format json -o "$out/b.json" --force --html "$out/r.html")
    jw+=("$w") jc+=("$c") hw+=("$w2") hc+=("$c2")
    rw+=("$(ratio "$w2" "$w")")
    line="pair $i: json wall ${w}s cpu ${c}s | json + --html wall ${w2}s cpu ${c2}s | ratio ${rw[-1]}"
    if [ -n "$base" ]; then
        read -r w3 c3 < <(measure "$base/bin/poolscope" analyze "$log" --format json -o "$out/c.json" --force \
            --html "$out/s.html")
        bw+=("$w3") bc+=("$c3") brw+=("$(ratio "$w2" "$w3")") brc+=("$(ratio "$c2" "$c3")")
        line="$line | baseline --html wall ${w3}s cpu ${c3}s"
    fi
    echo "$line"
done
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
echo "median wall: json $(median "${jw[@]}")s, with --html $(median "${hw[@]}")s; median paired ratio $(median "${rw[@]}")"
echo "median cpu:  json $(median "${jc[@]}")s, with --html $(median "${hc[@]}")s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "$base" ]; then
    echo "baseline --html: median wall $(median "${bw[@]}")s, cpu $(median "${bc[@]}")s; median paired ratio" \
        "this/baseline: wall $(median "${brw[@]}"), cpu $(median "${brc[@]}")"
fi
