package dev.poolscope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the whole pipeline and both reports. A normal build replays the inputs in
 * {@code src/test/resources/dev/poolscope/fuzz/PipelineFuzzTestInputs/pipeline}; {@code bench/fuzz.sh}
 * fuzzes for real (docs/robustness.md).
 */
class PipelineFuzzTest {
    @FuzzTest(maxDuration = "12m")
    void pipeline(byte[] data) {
        FuzzTargets.pipeline(data);
    }
}
