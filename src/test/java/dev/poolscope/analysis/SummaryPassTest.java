package dev.poolscope.analysis;

import static dev.poolscope.analysis.Ev.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.event.Signal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a summary's pass (SummaryAnalysis) must carry besides pairing and usage (docs/summaries.md): the per-minute
 * timeline, the error texts and user signatures of the findings' evidence, and the library's tally of pool events;
 * and what a merge refuses. Every expected figure is counted from the events built here.
 */
class SummaryPassTest {
    private static final long MINUTE = 60_000_000L;

    private static PoolEvent pool(EventKind kind, double s, String req, String conn) {
        return new PoolEvent(kind, at(s), "p1", req, conn, PoolEvent.NO_COUNT, PoolEvent.NO_COUNT, null, false,
                false, "t.jsonl", 1);
    }

    /** An ordinary line with a name (what user signatures read) and optionally an error signal. */
    private static PoolEvent named(double s, String name, Signal signal) {
        return new PoolEvent(EventKind.OTHER, at(s), "p1", null, null, PoolEvent.NO_COUNT, PoolEvent.NO_COUNT, null,
                false, false, "t.jsonl", 1, name, null, null, signal, null);
    }

    private static Summary summarize(AnalysisOptions options, List<PoolEvent> events) {
        SummaryAnalysis a = new SummaryAnalysis(options);
        events.forEach(a::accept);
        return a.finish(new InputSummary(List.of("t.jsonl"), events.size(), 0, 0, List.of()));
    }

    private static Diagnosis analyze(AnalysisOptions options, List<PoolEvent> events) {
        Analysis a = new Analysis(options);
        events.forEach(a::accept);
        return a.finish(new InputSummary(List.of("t.jsonl"), events.size(), 0, 0, List.of()));
    }

    /** The timeline counts each minute's getconn and putconn (docs/summaries.md: per-minute rows). */
    @Test
    void theTimelineCountsEachMinutesCheckoutsAndCheckins() {
        List<PoolEvent> events = List.of(
                pool(EventKind.CHECKOUT, 10, "r1", "A"),
                pool(EventKind.CHECKOUT, 20, "r2", "B"),
                pool(EventKind.CHECKIN, 30, "r1", "A"),
                pool(EventKind.CHECKIN, 70, "r2", "B"),
                pool(EventKind.CHECKOUT, 80, "r3", "C"));
        List<TimelineRow> rows = summarize(AnalysisOptions.defaults(), events).finish().timeline();
        long base = at(0);
        assertThat(rows).extracting(TimelineRow::start).containsExactly(base, base + MINUTE);
        assertThat(rows).extracting(TimelineRow::getconn).containsExactly(2L, 1L);
        assertThat(rows).extracting(TimelineRow::putconn).containsExactly(1L, 1L);
    }

    /** The library tallies structlog pool events per input (getconn and putconn, not other lines) in a summary too. */
    @Test
    void theLibraryTalliesStructlogPoolEvents() {
        List<PoolEvent> events = List.of(
                pool(EventKind.CHECKOUT, 1, "r1", "A"),
                pool(EventKind.CHECKIN, 2, "r1", "A"),
                pool(EventKind.CHECKOUT, 3, "r2", "B"),
                named(4, "something else", null));
        Summary s = summarize(AnalysisOptions.defaults(), events);
        assertThat(s.library().poolEvents()).isEqualTo(Map.of("t.jsonl", Map.of(LibraryTracker.STRUCTLOG, 3L)));
        assertThat(s.library().checkoutsLogged()).isTrue();
        assertThat(s.finish().diagnosis().checkoutsLogged()).isTrue();
    }

    /** Error texts reach the findings' evidence through a summary, as in one pass (docs/summaries.md, issue 17). */
    @Test
    void errorTextsReachTheEvidenceThroughASummary() {
        List<PoolEvent> events = List.of(
                named(1, "query failed", new Signal(Signal.Kind.SCHEMA_MISSING, "does not exist",
                        "relation \"orders\" does not exist")),
                named(2, "query failed", new Signal(Signal.Kind.STALE_CONNECTION, "server closed the connection",
                        "server closed the connection unexpectedly")),
                named(3, "query failed", new Signal(Signal.Kind.STALE_CONNECTION, "server closed the connection",
                        "server closed the connection unexpectedly")));
        SignalResult viaSummary = summarize(AnalysisOptions.defaults(), events).finish().diagnosis().evidence().signals();
        assertThat(viaSummary.schema().events()).isEqualTo(1);
        assertThat(viaSummary.schema().byKey()).containsOnlyKeys("orders");
        assertThat(viaSummary.stale().events()).isEqualTo(2);
        SignalResult onePass = analyze(AnalysisOptions.defaults(), events).evidence().signals();
        assertThat(onePass.schema().events()).isEqualTo(1);
        assertThat(onePass.stale().events()).isEqualTo(2);
    }

    /**
     * docs/findings.md, user signatures: matches counted per window, "windows are aligned on multiples of it". With a
     * 1-minute window, matches at 0:10, 0:20 and 2:30, 2:40, 2:50 give busiest 3 in the window starting at minute 2.
     */
    @Test
    void aSummaryCountsUserSignaturesPerWindow() {
        AnalysisOptions o = AnalysisOptions.defaults().withSignatures(List.of(
                new SignatureSpec("dberr", SignatureSpec.Match.EVENT, "db_error", Duration.ofMinutes(1))));
        List<PoolEvent> events = List.of(
                named(10, "db_error", null), named(20, "db_error", null), named(25, "other", null),
                named(150, "db_error", null), named(160, "db_error", null), named(170, "db_error", null));
        SignatureResult r = summarize(o, events).finish().diagnosis().evidence().signatures().get(0);
        assertThat(r.matches().events()).isEqualTo(5);
        assertThat(r.busiest()).isEqualTo(3);
        assertThat(r.busiestStart()).isEqualTo(at(120));
        assertThat(r.windowMicros()).isEqualTo(MINUTE);
    }

    /** Two windows with equal counts: the busiest window is the first (the tie rule SignatureResult.merge keeps). */
    @Test
    void onATieTheBusiestWindowIsTheFirst() {
        AnalysisOptions o = AnalysisOptions.defaults().withSignatures(List.of(
                new SignatureSpec("dberr", SignatureSpec.Match.EVENT, "db_error", Duration.ofMinutes(1))));
        List<PoolEvent> events = List.of(
                named(10, "db_error", null), named(20, "db_error", null),
                named(130, "db_error", null), named(140, "db_error", null));
        SignatureResult r = summarize(o, events).finish().diagnosis().evidence().signatures().get(0);
        assertThat(r.busiest()).isEqualTo(2);
        assertThat(r.busiestStart()).isEqualTo(at(0));
    }

    /** docs/summaries.md: user signatures add across summaries; the busiest window is the busier part's, ties the earlier. */
    @Test
    void mergedSummariesAddSignaturesAndKeepTheBusierWindow() {
        AnalysisOptions o = AnalysisOptions.defaults().withSignatures(List.of(
                new SignatureSpec("dberr", SignatureSpec.Match.EVENT, "db_error", Duration.ofMinutes(1))));
        Summary first = summarize(o, List.of(named(10, "db_error", null), named(20, "db_error", null)));
        Summary busier = summarize(o, List.of(named(130, "db_error", null), named(140, "db_error", null),
                named(150, "db_error", null)));
        Summary tie = summarize(o, List.of(named(130, "db_error", null), named(140, "db_error", null)));

        SignatureResult later = first.merge(busier).finish().diagnosis().evidence().signatures().get(0);
        assertThat(later.matches().events()).isEqualTo(5);
        assertThat(later.busiest()).isEqualTo(3);
        assertThat(later.busiestStart()).isEqualTo(at(120));

        SignatureResult tied = first.merge(tie).finish().diagnosis().evidence().signatures().get(0);
        assertThat(tied.matches().events()).isEqualTo(4);
        assertThat(tied.busiest()).isEqualTo(2);
        assertThat(tied.busiestStart()).isEqualTo(at(0));

        SignatureResult earlierBusier = busier.merge(summarize(o, List.of(named(200, "db_error", null))))
                .finish().diagnosis().evidence().signatures().get(0);
        assertThat(earlierBusier.busiest()).isEqualTo(3);
        assertThat(earlierBusier.busiestStart()).isEqualTo(at(120));
    }

    /** docs/summaries.md: summaries made with different settings (here the grace, or the pool-used bands) are refused. */
    @Test
    void summariesWithDifferentSettingsAreNotMerged() {
        Summary base = Summary.empty(AnalysisOptions.defaults());
        Summary otherGrace = Summary.empty(Ev.options(Duration.ofSeconds(30), Duration.ofSeconds(60),
                AnalysisOptions.defaults().mergeGap(), Thresholds.defaults()));
        assertThatThrownBy(() -> base.merge(otherGrace)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grace 60000 ms").hasMessageContaining("grace 30000 ms");
        Summary otherBands = Summary.empty(Ev.windows(AnalysisOptions.defaults().mergeGap(), 3));
        assertThatThrownBy(() -> base.merge(otherBands)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Thresholds.defaults().sameBands(Ev.windows(Duration.ZERO, 3).thresholds())).isFalse();
    }
}
