#!/usr/bin/env bash
# Runs two builds of poolscope on every sample and fixture, through every command and output format,
# and compares what they write byte for byte. For refactorings that must not change any output:
#   bench/compare-outputs.sh OLD.jar NEW.jar      (e.g. a jar built from the commit before the change)
# Prints one line per difference and "N outputs compared, M differ"; exits 1 when any differs.
set -euo pipefail
cd "$(dirname "$0")/.."
old=$(realpath "${1:?usage: bench/compare-outputs.sh OLD.jar NEW.jar}")
new=$(realpath "${2:?usage: bench/compare-outputs.sh OLD.jar NEW.jar}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
logs=(samples/*.jsonl src/test/resources/fixtures/real-structlog/app.jsonl
      src/test/resources/fixtures/hostile/hostile.jsonl src/test/resources/fixtures/tiny/tiny.jsonl)
# A generated week (incident on Wednesday), made once with the old build so both read the same files.
java -jar "$old" generate --week "$work/week" >/dev/null 2>&1 \
    || java -cp "$old" dev.poolscope.sample.WeekSamples "$work/week" >/dev/null 2>&1   # builds before generate --week
# run SIDE NAME ARGS...: runs one command with one build, keeping stdout, stderr and the exit code.
run() {
    local side=$1 name=$2; shift 2
    local jar=$old; [ "$side" = new ] && jar=$new
    local dir="$work/$side/$name"
    mkdir -p "$dir"
    (cd "$dir" && GITHUB_ACTIONS=true NO_COLOR=1 java -jar "$jar" "$@" >stdout 2>stderr; echo $? >exit) || true
}
both() { run old "$@"; run new "$@"; }
for log in "${logs[@]}"; do
    n=$(basename "$(dirname "$log")")-$(basename "$log" .jsonl)
    abs=$PWD/$log
    both "$n-text" analyze "$abs"
    both "$n-json" analyze "$abs" --format json
    both "$n-redact" analyze "$abs" --format json --redact
    both "$n-files" analyze "$abs" --format json -o report.json --csv csv --charts png --chart pool.svg --html report.html --summary s.psum
    both "$n-svg" analyze "$abs" --charts svg --chart-format svg
    both "$n-check" check "$abs" --junit junit.xml
    both "$n-check-max" check "$abs" --max-peak-used 5 --max-leak-delta 0 --junit junit.xml
    both "$n-report" report "$abs" -o week.md --html week.html
    both "$n-report-json" report "$abs" --format json
done
both week-md report "$work/week" --from 2026-01-05 --to 2026-01-11 -o week.md --html week.html
both week-json report "$work/week" --from 2026-01-05 --to 2026-01-11 --format json
both week-day-psum analyze "$work/week/app.jsonl.4.gz" --summary wed.psum --format json
for side in old new; do
    mkdir -p "$work/$side/merge"
    cp "$work/$side/week-day-psum/wed.psum" "$work/$side/merge/wed.psum"
done
run old merge merge "$work/old/merge/wed.psum" "$work/old/week-day-psum/wed.psum" -o merged.psum
run new merge merge "$work/new/merge/wed.psum" "$work/new/week-day-psum/wed.psum" -o merged.psum
both help --help
both analyze-help analyze --help
both missing analyze /nonexistent.jsonl
both usage analyze --no-such-option
compared=0 differ=0
while IFS= read -r f; do
    rel=${f#"$work/old/"}
    compared=$((compared + 1))
    if ! cmp -s "$f" "$work/new/$rel"; then
        differ=$((differ + 1))
        echo "DIFFERS: $rel"
    fi
done < <(find "$work/old" -type f | sort)
extra=$(comm -13 <(cd "$work/old" && find . -type f | sort) <(cd "$work/new" && find . -type f | sort))
[ -z "$extra" ] || { echo "only in the new build: $extra"; differ=$((differ + 1)); }
echo "$compared outputs compared, $differ differ"
[ "$differ" -eq 0 ]
