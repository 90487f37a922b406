package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.Threshold;
import dev.poolscope.analysis.Thresholds;
import dev.poolscope.feed.InputException;
import dev.poolscope.testing.Run;
import dev.poolscope.testing.TiedLog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties over random logs with many equal timestamps: the order of lines that share a timestamp
 * carries no information, and a log split in two files (as rotation does) is the same log.
 */
class OrderPropertiesTest {
    private static final Pattern TIME = Pattern.compile("\"timestamp\": \"([^\"]+)\"");
    /** Low thresholds so that the small generated pools have near-exhaustion windows too. */
    private static final AnalysisOptions OPTIONS = new AnalysisOptions(Duration.ofSeconds(60), Duration.ofMillis(1),
            Duration.ofSeconds(5), 1000, new Thresholds(new Threshold(2, 5), new Threshold(2, 10), new Threshold(0, 0)));

    @TempDir
    Path dir;

    static List<Long> seeds() {
        List<Long> seeds = new ArrayList<>();
        for (long s = 1; s <= 40; s++) {
            seeds.add(s);
        }
        return seeds;
    }

    /** Every count a report states, none of the positions. */
    record Counts(long lines, long blank, long malformed, long events, long getconn, long putconn, long failed,
                  long nearly, long exhaustion, long missingTimes, long first, long last, long leaked, long requests,
                  long inFlight, long orphans, long longHolds, long holdCount, int peak, long windows,
                  long timeouts, long timeoutRequests, long timeoutsLeftOpen, long outOfOrder) {

        static Counts of(Diagnosis d) {
            var c = d.counts();
            var k = d.checkouts();
            return new Counts(d.input().lines(), d.input().blankLines(), d.input().malformedLines(), c.events(),
                    c.getconn(), c.putconn(), c.getconnFailed(), c.nearlyExhausted(), c.exhaustionErrors(),
                    c.missingTimestamps(), c.firstTime(), c.lastTime(), k.leakedCheckouts(), d.requestsWithoutClose(),
                    k.inFlightCount(), k.orphanPutconn(), k.longHoldCount(), k.holdTimes().histogram().getTotalCount(),
                    d.pool().peakUsed(), d.pool().windowCount(), d.timeouts().events(), d.timeouts().requests().size(),
                    d.timeoutRequestsLeftOpen(), d.time().outOfOrder());
        }
    }

    private static Counts run(List<String> lines) throws InputException {
        return Counts.of(diagnose(lines));
    }

    private static Diagnosis diagnose(List<String> lines) throws InputException {
        InputStream in = new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        return Run.pipeline(List.of("-"), in, 1 << 20, OPTIONS);
    }

    /** Guards the property against being vacuous: shuffles really put checkins before their checkouts. */
    @org.junit.jupiter.api.Test
    void theShufflesReallyReorderCheckoutsAndCheckins() throws InputException {
        long reorders = 0;
        for (long seed : seeds()) {
            reorders += diagnose(shuffleTies(TiedLog.generate(seed, 150), new Random(seed))).time().sameTimeReorders();
        }
        assertThat(reorders).isGreaterThan(50);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shufflingLinesWithinOneTimestampChangesNoCount(long seed) throws InputException {
        List<String> log = TiedLog.generate(seed, 150);
        Counts expected = run(log);
        assertThat(expected.leaked()).as("the generator makes leaks").isPositive();
        Random r = new Random(seed);
        for (int round = 0; round < 5; round++) {
            assertThat(run(shuffleTies(log, r))).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void splittingALogIntoTwoFilesChangesNoCount(long seed) throws InputException, IOException {
        List<String> log = TiedLog.generate(seed, 150);
        Counts expected = run(log);
        int cut = new Random(seed).nextInt(log.size() + 1);
        Path a = Files.write(dir.resolve("app.log.1"), log.subList(0, cut), StandardCharsets.UTF_8);
        Path b = Files.write(dir.resolve("app.log"), log.subList(cut, log.size()), StandardCharsets.UTF_8);
        Diagnosis d = Run.pipeline(List.of(a.toString(), b.toString()), InputStream.nullInputStream(), 1 << 20, OPTIONS);
        assertThat(Counts.of(d)).isEqualTo(expected);
    }

    /** Shuffles each run of consecutive lines with the same timestamp; lines without one stay put. */
    static List<String> shuffleTies(List<String> lines, Random r) {
        List<String> out = new ArrayList<>(lines.size());
        List<String> run = new ArrayList<>();
        String runTime = null;
        for (String line : lines) {
            Matcher m = TIME.matcher(line);
            String time = m.find() ? m.group(1) : null;
            if (time == null || !time.equals(runTime)) {
                Collections.shuffle(run, r);
                out.addAll(run);
                run.clear();
            }
            if (time == null) {
                out.add(line);
            } else {
                run.add(line);
            }
            runTime = time;
        }
        Collections.shuffle(run, r);
        out.addAll(run);
        return out;
    }
}
