package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.poolscope.event.PoolEvent;
import dev.poolscope.report.json.JsonReport;
import dev.poolscope.testing.PropertyCases;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The property that lets work be split (issue #5): summarise the parts of a log split anywhere, merge them
 * in order, and every figure equals one pass over the whole. Compared through the full JSON report, the
 * per-minute timeline and the uncapped leak list.
 */
public class SummaryMergePropertyTest {
    /** Critical above 6 of 10 connections, so the random pools cross it often. */
    public static final AnalysisOptions OPTIONS = new AnalysisOptions(Duration.ofSeconds(60), Duration.ofSeconds(5),
            Duration.ofSeconds(5), 100_000, new Thresholds(new Threshold(2, 6), new Threshold(2, 10), new Threshold(0, 0)));

    @RepeatedTest(40)
    void mergingSummariesOfRandomPartsEqualsOnePass(RepetitionInfo rep) throws IOException {
        assumeTrue(PropertyCases.runs(rep.getCurrentRepetition(), rep.getTotalRepetitions()));
        long seed = 0x5EED_0000L + rep.getCurrentRepetition();
        Random rnd = new Random(seed);
        List<PoolEvent> events = RandomLog.generate(seed, 300 + rnd.nextInt(400));
        List<Integer> cuts = randomCuts(rnd, events.size());

        Analysis whole = new Analysis(OPTIONS);
        events.forEach(whole::accept);
        Diagnosis expected = whole.finish(input(events.size()));
        Summary.Finished expectedSummary = summarise(events).finish();
        assertThat(json(expectedSummary.diagnosis())).isEqualTo(json(expected));   // a summary alone is one pass

        List<Summary> parts = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            parts.add(summarise(events.subList(from, cut)));
            from = cut;
        }
        Summary leftFold = Summary.empty(OPTIONS);
        for (Summary s : parts) {
            leftFold = leftFold.merge(s);
        }
        Summary rightFold = Summary.empty(OPTIONS);
        for (int i = parts.size() - 1; i >= 0; i--) {
            rightFold = parts.get(i).merge(rightFold);
        }

        String context = "seed " + seed + ", cuts " + cuts;
        Summary inOneGo = Summary.mergeAll(parts);
        for (Summary merged : List.of(leftFold, rightFold, inOneGo)) {
            Summary.Finished f = merged.finish();
            assertThat(withoutEndFlags(json(f.diagnosis()))).as(context).isEqualTo(withoutEndFlags(json(expected)));
            assertThat(f.timeline()).as(context).isEqualTo(expectedSummary.timeline());
            assertThat(withoutEndFlags(f.leaks())).as(context).isEqualTo(withoutEndFlags(expectedSummary.leaks()));
            assertEndFlagsAreTrueOnlyWhereOnePassSaysSo(f.leaks(), expectedSummary.leaks(), context);
            assertThat(f.notes()).as(context).isEmpty();
        }
    }

    /**
     * The one documented difference (docs/summaries.md): a leak's {@code request_ended} reads false when its
     * request ended more than --grace into a later summary. Which checkouts leak is exact; the flag may only
     * be missing, never invented.
     */
    private static void assertEndFlagsAreTrueOnlyWhereOnePassSaysSo(List<LeakItem> merged, List<LeakItem> whole,
                                                                    String context) {
        for (int i = 0; i < merged.size(); i++) {
            if (merged.get(i).requestEnded()) {
                assertThat(whole.get(i).requestEnded()).as(context + ", leak " + i).isTrue();
            }
        }
    }

    private static String withoutEndFlags(String json) {
        return json.replaceAll("\"request_ended\" : (true|false)", "\"request_ended\" : ?");
    }

    private static List<LeakItem> withoutEndFlags(List<LeakItem> leaks) {
        return leaks.stream().map(l -> new LeakItem(l.process(), l.requestId(), l.connId(), l.endpoint(),
                l.acquiredAt(), l.ageMicros(), false, l.source(), l.line())).toList();
    }

    @Test
    void theRandomLogsExerciseWhatMergingMustCarry() {
        // Guards the property above against testing an easy case: leaks, orphans across the seams,
        // windows above critical, refusals and timeouts must all occur.
        List<PoolEvent> events = RandomLog.generate(0x5EED_0001L, 500);
        Analysis a = new Analysis(OPTIONS);
        events.forEach(a::accept);
        Diagnosis d = a.finish(input(events.size()));
        assertThat(d.checkouts().leakedCheckouts()).isPositive();
        assertThat(d.checkouts().longHoldCount()).isPositive();
        assertThat(d.pool().windowCount()).isGreaterThan(1);
        assertThat(d.pool().microsAboveCritical()).isPositive();
        assertThat(d.counts().getconnFailed()).isPositive();
        assertThat(d.timeouts().events()).isPositive();
        // a split in the middle leaves open checkouts that the second half returns
        Summary first = summarise(events.subList(0, events.size() / 2));
        Summary second = summarise(events.subList(events.size() / 2, events.size()));
        assertThat(first.pairing().open()).isNotEmpty();
        assertThat(second.pairing().boundary()).isNotEmpty();
        assertThat(first.merge(second).pairing().orphans()).isLessThan(second.pairing().orphans());
    }

    @Test
    void emptyIsTheIdentity() throws IOException {
        List<PoolEvent> events = RandomLog.generate(7, 300);
        Summary s = summarise(events);
        String alone = json(s.finish().diagnosis());
        assertThat(json(Summary.empty(OPTIONS).merge(s).finish().diagnosis())).isEqualTo(alone);
        assertThat(json(s.merge(Summary.empty(OPTIONS)).finish().diagnosis())).isEqualTo(alone);
    }

    public static Summary summarise(List<PoolEvent> events) {
        SummaryAnalysis a = new SummaryAnalysis(OPTIONS);
        events.forEach(a::accept);
        return a.finish(input(events.size()));
    }

    private static InputSummary input(long lines) {
        return new InputSummary(List.of("app.jsonl"), lines, 0, 0, List.of());
    }

    private static List<Integer> randomCuts(Random rnd, int size) {
        TreeSet<Integer> cuts = new TreeSet<>();
        int n = 1 + rnd.nextInt(5);
        while (cuts.size() < n) {
            cuts.add(1 + rnd.nextInt(size - 1));
        }
        cuts.add(size);
        return new ArrayList<>(cuts);
    }

    /**
     * The JSON report without its clock notes, which describe one pass over the lines and are not carried
     * by summaries (docs/robustness.md).
     */
    public static String json(Diagnosis d) throws IOException {
        StringWriter w = new StringWriter();
        JsonReport.write(d, w);
        return w.toString().replaceAll("(?s),\\s*\"clock\" : \\{.*?\"same_time_reorders\" : \\d+\\s*}", "");
    }
}
