package dev.poolscope.report.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolscope.analysis.Analysis;
import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.InputSummary;
import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.gate.Figures;
import dev.poolscope.gate.GateResult;
import dev.poolscope.report.json.BaselineReader;
import dev.poolscope.report.json.JsonReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineReaderTest {
    private static Figures read(String json) throws Exception {
        return BaselineReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static PoolEvent event(EventKind kind, long second, String request, String conn, int used, boolean timeout) {
        return new PoolEvent(kind, second * 1_000_000, "7", request, conn, used, PoolEvent.NO_COUNT, "GET /x", timeout,
                false, "app.jsonl", second);
    }

    /**
     * A run with figures counted by hand: peak used 3, three getconn and one putconn (delta 2),
     * requests a and b end holding a connection (2 leaked requests), one statement timeout, one failed getconn.
     */
    private static Diagnosis diagnosis() {
        Analysis a = new Analysis(AnalysisOptions.defaults());
        a.accept(event(EventKind.CHECKOUT, 1, "a", "c1", 1, false));
        a.accept(event(EventKind.CHECKOUT, 2, "b", "c2", 2, false));
        a.accept(event(EventKind.CHECKOUT, 3, "c", "c3", 3, false));
        a.accept(event(EventKind.CHECKIN, 4, "c", "c3", 2, false));
        a.accept(event(EventKind.OTHER, 5, "c", null, PoolEvent.NO_COUNT, true));
        a.accept(event(EventKind.CHECKOUT_FAILED, 6, "d", null, 2, false));
        a.accept(event(EventKind.REQUEST_END, 7, "a", null, PoolEvent.NO_COUNT, false));
        a.accept(event(EventKind.REQUEST_END, 8, "b", null, PoolEvent.NO_COUNT, false));
        return a.finish(new InputSummary(List.of("app.jsonl"), 8, 0, 0, List.of()));
    }

    @Test
    void readsTheFiguresOfAnAnalyzeReportUnchanged() throws Exception {
        StringWriter json = new StringWriter();
        JsonReport.write(diagnosis(), json);

        assertThat(read(json.toString())).isEqualTo(new Figures(3, 2, 2, 1, 1));
    }

    @Test
    void takesEachFigureOnlyFromItsOwnSection() throws Exception {
        // "events" and "peak_used" also occur elsewhere in a report (input.events, windows[].peak_used)
        Figures f = read("""
                {"input": {"events": 999, "peak_used": 998},
                 "near_exhaustion_windows": [{"peak_used": 997}],
                 "pool": {"peak_used": 1, "extra": {"peak_used": 996}},
                 "leak_delta": 2, "leaks": {"items": [{"requests_without_close": 995}], "requests_without_close": 3},
                 "statement_timeouts": {"events": 4}, "counts": {"getconn_failed": 5},
                 "schema": "poolscope/1", "future_field": [1, {"a": 2}]}
                """);

        assertThat(f).isEqualTo(new Figures(1, 2, 3, 4, 5));
    }

    @Test
    void rejectsWhatIsNotAReport() {
        assertThatThrownBy(() -> read("LEAK: 5")).isInstanceOf(BaselineReader.NotAReportException.class)
                .hasMessageStartingWith("not valid JSON");
        assertThatThrownBy(() -> read("[1, 2]")).hasMessage("not a JSON object");
        assertThatThrownBy(() -> read("")).hasMessage("not a JSON object");
        assertThatThrownBy(() -> read("{\"schema\": \"poolscope/1\", \"leak_delta\": ")).hasMessageStartingWith(
                "not valid JSON");
        assertThatThrownBy(() -> read("{\"event\": \"pool.getconn.success\"}")).hasMessageContaining("no \"schema\"");
    }

    @Test
    void rejectsAReportWithoutAFigure() {
        assertThatThrownBy(() -> read("""
                {"schema": "poolscope/1", "pool": {"peak_used": 1}, "leak_delta": 2,
                 "leaks": {"requests_without_close": 3}, "statement_timeouts": {"events": "4"},
                 "counts": {"getconn_failed": 5}}
                """)).hasMessage("no whole number (or null) at statement_timeouts.events");
    }

    /** A figure the baseline's log could not give (null in its JSON) is n/a, not missing and not 0. */
    @Test
    void readsNullFiguresAsNotAvailable() throws Exception {
        Figures f = read("""
                {"schema": "poolscope/1", "pool": {"peak_used": null}, "leak_delta": null,
                 "leaks": {"requests_without_close": 3}, "statement_timeouts": {"events": 4},
                 "counts": {"getconn_failed": 5}}
                """);

        assertThat(f).isEqualTo(new Figures(GateResult.NOT_AVAILABLE, GateResult.NOT_AVAILABLE, 3, 4, 5));
    }

    @Test
    void skipsLongListsToFindTheFigures() throws IOException, BaselineReader.NotAReportException {
        StringBuilder json = new StringBuilder("{\"schema\": \"poolscope/1\", \"leaks\": {\"items\": [");
        for (int i = 0; i < 100_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"request_id\": \"r").append(i).append("\", \"line\": ").append(i)
                    .append('}');
        }
        json.append("], \"requests_without_close\": 100000}, \"pool\": {\"peak_used\": 80}, \"leak_delta\": 100000,"
                + " \"statement_timeouts\": {\"events\": 0}, \"counts\": {\"getconn_failed\": 7}}");

        assertThat(BaselineReader.read(new ByteArrayInputStream(json.toString().getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(new Figures(80, 100_000, 100_000, 0, 7));
    }
}
