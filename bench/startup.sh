#!/bin/bash
# 10 kB start-up of several builds side by side (issue 14): runs `analyze --format json` on a small log with
# each build's own jar and class-data archive (as bin/poolscope does for a small input: C1 only), RUNS rounds
# interleaved, and prints each build's median CPU (user+sys) and wall. Ratios mean something on a busy
# machine; single times do not.
#   usage: bench/startup.sh RUNS DIR...   (DIR: a checkout with target/poolscope.jar and poolscope.jsa built)
#   LOG=FILE to use another log (default: the first 10 kB of samples/healthy.jsonl)
set -euo pipefail
runs=${1:?usage: bench/startup.sh RUNS DIR...}; shift
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log=${LOG:-$work/small.jsonl}
[ -n "${LOG:-}" ] || head -c 10240 "$here/samples/healthy.jsonl" | head -n -1 > "$log"
declare -A cpu wall
for _ in $(seq "$runs"); do
    for d in "$@"; do
        /usr/bin/time -o "$work/t" -f "%e %U %S" java -XX:+UseSerialGC -Xms48m -Xmn24m -XX:TieredStopAtLevel=1 \
            -XX:SharedArchiveFile="$d/target/poolscope.jsa" -Xshare:auto -Xlog:disable -Djava.awt.headless=true \
            -jar "$d/target/poolscope.jar" analyze "$log" --format json -o "$work/out.json" --force >/dev/null 2>&1
        read -r w u s < "$work/t"
        cpu[$d]+="$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}') "
        wall[$d]+="$w "
    done
done
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
for d in "$@"; do
    # shellcheck disable=SC2086
    echo "$d: median CPU $(median ${cpu[$d]}) s, wall $(median ${wall[$d]}) s"
done
