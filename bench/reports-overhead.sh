#!/usr/bin/env bash
# Issue #3's budget: all report files (--csv, --charts, --chart, --html) on a large log must cost
# less than 10 % more wall time than `--format json` alone. Runs both side by side, alternating,
# and prints the wall and CPU (user + sys) time of each and the ratios of the medians. On a shared
# machine wall time swings with other load; CPU time is the steadier figure.
#   usage: bench/reports-overhead.sh LOG [RUNS]    (build first: mvn -B -q package -DskipTests)
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
jw=() jc=() aw=() ac=()
for i in $(seq "$runs"); do
    read -r w c < <(measure bin/poolscope analyze "$log" --format json)
    jw+=("$w") jc+=("$c")
    read -r w2 c2 < <(measure bin/poolscope analyze "$log" --format json --force --csv "$out/csv" \
        --charts "$out/charts" --chart "$out/pool.svg" --html "$out/report.html")
    aw+=("$w2") ac+=("$c2")
    echo "run $i: json wall ${w}s cpu ${c}s | json + all reports wall ${w2}s cpu ${c2}s"
done
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a / b}'; }
echo "median wall: json $(median "${jw[@]}")s, all $(median "${aw[@]}")s, ratio $(ratio "$(median "${aw[@]}")" "$(median "${jw[@]}")")"
echo "median cpu:  json $(median "${jc[@]}")s, all $(median "${ac[@]}")s, ratio $(ratio "$(median "${ac[@]}")" "$(median "${jc[@]}")")"
