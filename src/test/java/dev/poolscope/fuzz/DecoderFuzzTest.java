package dev.poolscope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of line splitting, decoding and salvage. A normal build replays the inputs
 * in {@code src/test/resources/dev/poolscope/fuzz/DecoderFuzzTestInputs/lineDecoder}; {@code bench/fuzz.sh}
 * fuzzes for real (docs/robustness.md).
 */
class DecoderFuzzTest {
    @FuzzTest(maxDuration = "12m")
    void lineDecoder(byte[] data) {
        FuzzTargets.lineDecoder(data);
    }
}
