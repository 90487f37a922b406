#!/usr/bin/env bash
# Issue #19: FleetReport on Spark in local mode against the single-process 'poolscope report', on a
# generated fleet of at least 2 GB of gzip logs.
#
#   bench/spark-local.sh [DIR]        (default bench/data/spark-fleet; PODS, DISTINCT, PER_DAY override)
#
# The fleet: DISTINCT pods generated (FleetSamples, a rotated week each, every segment gzipped as a log
# shipper stores them), hard-linked into PODS pod directories. The copies repeat their hostnames and pids,
# so every run is told --field-process/--field-host keys no line has: each pod's file stream is then its
# process (docs/summaries.md), the copies stay apart, and the three reports must be identical, which
# this script checks. Times one run each of: poolscope report (bin/poolscope, its automatic threads),
# FleetReport local[1], FleetReport local[2] (Spark's launcher, bench/spark-submit.sh). Prints wall and
# CPU seconds, throughput per core, the speed-up, and what N executor cores would need for 500 GB a week.
set -euo pipefail
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$here"
dir=${1:-bench/data/spark-fleet}
pods=${PODS:-144}
distinct=${DISTINCT:-8}
per_day=${PER_DAY:-15000}
jar=target/poolscope.jar
[ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 3; }

if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir"
    echo "generating $distinct pods ($per_day requests a day) into $dir/distinct ..." >&2
    java -cp "$jar" dev.poolscope.sample.FleetSamples "$dir/distinct" "$distinct" "$per_day" --gzip-all
    for i in $(seq 0 $((pods - 1))); do
        src=$(printf 'pod-%02d' $((i % distinct)))
        dst="$dir/fleet/$(printf 'pod-%03d' "$i")"
        mkdir -p "$dst"
        ln "$dir/distinct/$src"/app.jsonl* "$dst/"
    done
    touch "$dir/.complete"
fi
fleet="$dir/fleet"
out="$dir/out"
mkdir -p "$out"
files=$(find "$fleet" -type f -name 'app.jsonl*' | wc -l)
stored=$(find "$fleet" -type f -name 'app.jsonl*' -printf '%s\n' | awk '{s += $1} END {print s}')
plain=0
for i in $(seq 0 $((distinct - 1))); do
    copies=$(( (pods - i + distinct - 1) / distinct ))
    bytes=0
    for f in "$dir/distinct/$(printf 'pod-%02d' "$i")"/app.jsonl*; do
        bytes=$((bytes + $(gzip -dcf "$f" | wc -c)))
    done
    plain=$((plain + copies * bytes))
done
echo "fleet: $pods pods, $files files, $(awk -v b="$stored" 'BEGIN {printf "%.2f GB", b / 1e9}') of gzip files, $(awk -v b="$plain" 'BEGIN {printf "%.2f GB", b / 1e9}') of log lines"

opts=(--field-process no_such_key --field-host no_such_key --format json --force)
run() {   # name, command...
    local name=$1
    shift
    /usr/bin/time -o "$out/$name.time" -f "%e %U %S %M" "$@" -o "$out/$name.json" > "$out/$name.log" 2>&1 \
        || { echo "$name failed:" >&2; tail -5 "$out/$name.log" >&2; exit 4; }
    read -r wall user sys rss < "$out/$name.time"
    printf '%-22s wall %7.1f s   cpu %7.1f s   peak RSS %5d MB\n' "$name" "$wall" "$(echo "$user + $sys" | bc)" $((rss / 1024))
}
submit=(bench/spark-submit.sh --conf spark.log.level=WARN --conf spark.ui.enabled=false --driver-memory 2g
        --class dev.poolscope.spark.FleetReport "$jar")
# Spark's fixed cost (launcher, JVM, context, one tiny job), to tell it from the per-core rate
if [ ! -d "$dir/tiny" ]; then
    java -cp "$jar" dev.poolscope.sample.FleetSamples "$dir/tiny" 1 50 > /dev/null
fi
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
run spark-tiny "${submit[@]:0:1}" --master 'local[1]' "${submit[@]:1}" "$dir/tiny" "${opts[@]}"
run cli bin/poolscope report "$fleet" "${opts[@]}"
run spark-local1 "${submit[@]:0:1}" --master 'local[1]' "${submit[@]:1}" "$fleet" "${opts[@]}"
run spark-local2 "${submit[@]:0:1}" --master 'local[2]' "${submit[@]:1}" "$fleet" "${opts[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for name in spark-local1 spark-local2; do
    if cmp -s "$out/cli.json" "$out/$name.json"; then
        echo "$name report: identical to poolscope report"
    else
        echo "$name report: DIFFERS from poolscope report ($out/$name.json)"
    fi
done
awk -v stored="$stored" -v plain="$plain" -v t1="$(cut -d' ' -f1 "$out/spark-local1.time")" \
    -v t2="$(cut -d' ' -f1 "$out/spark-local2.time")" -v tc="$(cut -d' ' -f1 "$out/cli.time")" \
    -v t0="$(cut -d' ' -f1 "$out/spark-tiny.time")" -v c1="$(awk '{print $2 + $3}' "$out/spark-local1.time")" \
    -v c0="$(awk '{print $2 + $3}' "$out/spark-tiny.time")" -v cc="$(awk '{print $2 + $3}' "$out/cli.time")" 'BEGIN {
    core = stored / (t1 - t0)
    printf "per core (local[1] less the %.1f s a tiny fleet takes): %.1f MB/s stored, %.1f MB/s of log lines\n", t0, core / 1e6, plain / (t1 - t0) / 1e6
    printf "per core, start-up included: %.1f MB/s stored\n", stored / t1 / 1e6
    printf "speed-up local[2] over local[1]: %.2fx; local[2] against poolscope report: %.2fx\n", t1 / t2, tc / t2
    printf "500 GB stored a week at %.1f MB/s per executor core:", core / 1e6
    n = split("10 50 100 200", cores, " ")
    for (i = 1; i <= n; i++) printf "  %d cores %.1f min", cores[i], 500e9 / (cores[i] * core) / 60
    printf "\n"
    # on a shared machine wall time measures the neighbours too; CPU seconds are what a dedicated core gives
    cpu = stored / (c1 - c0)
    printf "per CPU-second (local[1] less the tiny run): %.1f MB/s stored, %.1f MB/s of log lines; poolscope report %.1f MB/s of log lines\n", cpu / 1e6, plain / (c1 - c0) / 1e6, plain / cc / 1e6
    printf "500 GB stored a week at %.1f MB/s per dedicated core:", cpu / 1e6
    for (i = 1; i <= n; i++) printf "  %d cores %.1f min", cores[i], 500e9 / (cores[i] * cpu) / 60
    printf "\n"
}'
