#!/usr/bin/env bash
# Coverage-guided fuzzing with Jazzer (docs/robustness.md): each target runs for the maxDuration of its
# @FuzzTest (12 minutes), one JVM per target (Jazzer fuzzes one test per run). Findings land in
# src/test/resources/dev/poolscope/fuzz/<Test>Inputs/<method>/ and are replayed by every `mvn verify`
# from then on; the growing corpus stays in .cifuzz-corpus/ (not committed).
# Usage: bench/fuzz.sh [DecoderFuzzTest] [PipelineFuzzTest]
set -euo pipefail
cd "$(dirname "$0")/.."
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(DecoderFuzzTest PipelineFuzzTest)
mkdir -p target
status=0
for t in "${targets[@]}"; do
    log="target/fuzz-$t.log"
    echo "fuzzing $t (log: $log)"
    if JAZZER_FUZZ=1 mvn -B test -Dtest="$t" >"$log" 2>&1; then result=passed; else result=FAILED; status=1; fi
    done_line=$(grep -a -E '^Done [0-9]+ runs' "$log" | tail -1 || true)
    cov=$(grep -a -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 | sed -E 's/.*(cov: [0-9]+ ft: [0-9]+ corp: [^ ]+).*/\1/' || true)
    echo "  $t: $result; ${done_line:-no libFuzzer summary (see log)}; ${cov}"
done
exit $status
