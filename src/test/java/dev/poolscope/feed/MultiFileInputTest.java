package dev.poolscope.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.LeakItem;
import dev.poolscope.cli.PoolscopeCommand;
import dev.poolscope.event.EventNames;
import dev.poolscope.event.FieldMapping;
import dev.poolscope.testing.LogLines;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotated, compressed, per-pod and directory inputs read as one stream (issue #5). */
class MultiFileInputTest {
    private static final Pipeline PIPELINE = new Pipeline(FieldMapping.defaults(), EventNames.defaults(),
            AnalysisOptions.defaults(), 1 << 20);

    private static Diagnosis run(List<String> inputs) throws Exception {
        return PIPELINE.run(inputs, InputStream.nullInputStream());
    }

    /** Oldest segment gzipped, newer ones plain, as logrotate leaves them; named newest first, as `ls` sorts them. */
    private static void writeRotated(Path dir) throws Exception {
        new LogLines()
                .getconn("2026-01-05T10:00:00Z", "r1", "1", 1)
                .putconn("2026-01-05T10:00:01Z", "r1", "1", 0)
                .getconn("2026-01-05T10:00:02Z", "r2", "2", 1)   // returned only in the next segment
                .writeGzip(dir.resolve("app.jsonl.2.gz"));
        new LogLines()
                .putconn("2026-01-05T10:00:05Z", "r2", "2", 0)
                .getconn("2026-01-05T10:00:06Z", "r3", "3", 1)
                .finished("2026-01-05T10:00:07Z", "r3")         // ended without giving it back: a leak
                .write(dir.resolve("app.jsonl.1"));
        new LogLines()
                .getconn("2026-01-05T10:00:08Z", "r4", "4", 2)
                .putconn("2026-01-05T10:00:09Z", "r4", "4", 1)
                .write(dir.resolve("app.jsonl"));
    }

    @Test
    void rotatedSegmentsJoinSoACheckoutSpanningARotationIsNoLeak(@TempDir Path dir) throws Exception {
        writeRotated(dir);
        Diagnosis d = run(List.of(dir.resolve("app.jsonl").toString(), dir.resolve("app.jsonl.1").toString(),
                dir.resolve("app.jsonl.2.gz").toString()));

        assertThat(d.input().files()).containsExactly(dir.resolve("app.jsonl.2.gz").toString(),
                dir.resolve("app.jsonl.1").toString(), dir.resolve("app.jsonl").toString());
        assertThat(d.counts().getconn()).isEqualTo(4);
        assertThat(d.counts().putconn()).isEqualTo(3);
        assertThat(d.checkouts().orphanPutconn()).isZero();
        assertThat(d.checkouts().leaks()).extracting(LeakItem::requestId).containsExactly("r3");
        // r2 was held from 10:00:02 to 10:00:05 across the rotation: 3 s, the longest hold
        assertThat(d.checkouts().holdTimes().percentiles().max()).isCloseTo(3000.0, org.assertj.core.data.Offset.offset(3.0));
    }

    @Test
    void aDirectoryIsItsLogFilesInTimeOrder(@TempDir Path dir) throws Exception {
        writeRotated(dir.resolve("logs"));
        Files.writeString(dir.resolve("logs/README.md"), "not a log\n");
        Diagnosis d = run(List.of(dir.resolve("logs").toString()));

        assertThat(d.input().files()).hasSize(3);
        assertThat(d.checkouts().orphanPutconn()).isZero();
        assertThat(d.checkouts().leakedCheckouts()).isEqualTo(1);
    }

    @Test
    void podsInterleavedInTimePairPerProcessEvenWithTheSameRequestIds(@TempDir Path dir) throws Exception {
        new LogLines().host("pod-a").pid(7)
                .getconn("2026-01-05T10:00:00Z", "r1", "1", 1)
                .putconn("2026-01-05T10:00:02Z", "r1", "1", 0)
                .write(dir.resolve("pod-a.jsonl"));
        new LogLines().host("pod-b").pid(7)
                .getconn("2026-01-05T10:00:01Z", "r1", "1", 1)
                .finished("2026-01-05T10:00:03Z", "r1")
                .write(dir.resolve("pod-b.jsonl"));
        Diagnosis d = run(List.of(dir.resolve("pod-b.jsonl").toString(), dir.resolve("pod-a.jsonl").toString()));

        assertThat(d.checkouts().orphanPutconn()).isZero();
        assertThat(d.checkouts().leaks()).extracting(LeakItem::process).containsExactly("pod-b/7");
        assertThat(d.requestsWithoutClose()).isEqualTo(1);
    }

    @Test
    void logsWithoutProcessFieldsPairWithinTheirFileButAcrossItsRotations(@TempDir Path dir) throws Exception {
        new LogLines().pid(null).getconn("2026-01-05T10:00:00Z", "r1", "1", 1).write(dir.resolve("a.jsonl.1"));
        new LogLines().pid(null).putconn("2026-01-05T10:00:01Z", "r1", "1", 0).write(dir.resolve("a.jsonl"));
        new LogLines().pid(null).getconn("2026-01-05T10:00:00Z", "r9", "1", 1).write(dir.resolve("b.jsonl"));
        new LogLines().pid(null)
                .putconn("2026-01-05T10:00:01Z", "r9", "1", 0)
                .raw("{\"event\": \"tick\", \"timestamp\": \"2026-01-05T10:10:00Z\"}")
                .write(dir.resolve("c.jsonl"));
        Diagnosis d = run(List.of(dir.toString()));

        // a.jsonl.1 → a.jsonl pairs (one stream); b's checkout is not c's: c's putconn is an orphan, b's a leak
        assertThat(d.checkouts().orphanPutconn()).isEqualTo(1);
        assertThat(d.checkouts().leaks()).extracting(LeakItem::requestId).containsExactly("r9");
        assertThat(d.checkouts().leaks()).extracting(LeakItem::process).containsExactly(dir.resolve("b.jsonl").toString());
    }

    @Test
    void theRealCaptureGivesTheSameReportThroughASummary(@TempDir Path dir) throws Exception {
        String fixture = "src/test/resources/fixtures/real-structlog/app.jsonl";
        java.io.StringWriter plain = new java.io.StringWriter();
        java.io.StringWriter viaSummary = new java.io.StringWriter();
        java.io.PrintWriter err = new java.io.PrintWriter(new java.io.StringWriter());
        assertThat(PoolscopeCommand.commandLine(new java.io.PrintWriter(plain), err)
                .execute("analyze", fixture, "--format", "json")).isZero();
        Path psum = dir.resolve("app.psum");
        assertThat(PoolscopeCommand.commandLine(new java.io.PrintWriter(viaSummary), err)
                .execute("analyze", fixture, "--format", "json", "--summary", psum.toString())).isZero();
        assertThat(viaSummary.toString()).isEqualTo(plain.toString());
        // split in two halves, summarised apart and reported together: the figures of app.truth.json
        List<String> lines = Files.readAllLines(Path.of(fixture));
        Files.write(dir.resolve("app.jsonl.1"), lines.subList(0, lines.size() / 2));
        Files.write(dir.resolve("app.jsonl"), lines.subList(lines.size() / 2, lines.size()));
        for (String part : List.of("app.jsonl.1", "app.jsonl")) {
            assertThat(PoolscopeCommand.commandLine(new java.io.PrintWriter(new java.io.StringWriter()), err)
                    .execute("analyze", dir.resolve(part).toString(), "--summary", dir.resolve("parts/" + part + ".psum")
                            .toString())).isZero();
        }
        java.io.StringWriter week = new java.io.StringWriter();
        assertThat(PoolscopeCommand.commandLine(new java.io.PrintWriter(week), err)
                .execute("report", dir.resolve("parts").toString(), "--format", "json")).isZero();
        String totals = week.toString().substring(week.toString().indexOf("\"totals\""));
        assertThat(totals).contains("\"getconn\" : 1974").contains("\"putconn\" : 1894")
                .contains("\"leaked_checkouts\" : 80").contains("\"requests_without_close\" : 51")
                .contains("\"getconn_failed\" : 867");   // app.truth.json
    }

    @Test
    void anEmptyDirectoryIsAnInputError(@TempDir Path dir) {
        assertThatThrownBy(() -> run(List.of(dir.toString())))
                .isInstanceOf(InputException.class).hasMessageContaining("has no log files");
    }
}
