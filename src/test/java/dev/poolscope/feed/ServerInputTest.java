package dev.poolscope.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.event.EventNames;
import dev.poolscope.event.FieldMapping;
import dev.poolscope.report.json.JsonReport;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which reader gets an input's lines, decided per input; a server log is a valid input of its own. */
class ServerInputTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final Path TINY = FIXTURES.resolve("tiny/tiny.jsonl");
    private static final Path CSV = FIXTURES.resolve("postgres/default-prefix/postgresql.csv");
    private static final Path STDERR = FIXTURES.resolve("postgres/rich-prefix/postgresql.log");

    private static Diagnosis run(Path... inputs) throws Exception {
        return new Pipeline(FieldMapping.defaults(), EventNames.defaults(), AnalysisOptions.defaults(), 1 << 20)
                .run(java.util.Arrays.stream(inputs).map(Path::toString).toList(), System.in);
    }

    @Test
    void anAppLogAloneHasNoServerFiguresAtAll() throws Exception {
        Diagnosis d = run(TINY);
        assertThat(d.server()).isNull();
        StringWriter json = new StringWriter();
        JsonReport.write(d, json);
        assertThat(json.toString()).doesNotContain("\"server\"").doesNotContain("\"join\"");
    }

    @Test
    void aServerLogAloneIsValidAndItsTimeoutsAreTheReportsTimeouts() throws Exception {
        Diagnosis d = run(STDERR);
        assertThat(InputProblems.of(d)).isEmpty();
        assertThat(d.input().malformedLines()).isZero();
        assertThat(d.server().result().idleInTransactionKills()).isEqualTo(3);
        assertThat(d.server().join()).isNull();
        // 3 statement timeouts in the fixture's truth; the user cancel (also 57014) is not one.
        assertThat(d.timeouts().events()).isEqualTo(3);
    }

    @Test
    void appAndServerLogsGoToTheirOwnReadersWithoutMalformedLines(@TempDir Path dir) throws Exception {
        Files.copy(TINY, dir.resolve("app.jsonl"));
        Files.copy(CSV, dir.resolve("postgresql-2026-12-05.csv"));
        Files.copy(STDERR, dir.resolve("postgresql-2026-12-05.log"));
        Diagnosis d = new Pipeline(FieldMapping.defaults(), EventNames.defaults(), AnalysisOptions.defaults(), 1 << 20)
                .run(List.of(dir.toString()), System.in);
        Diagnosis app = run(TINY);
        assertThat(d.input().files()).hasSize(3);
        assertThat(d.input().malformedLines()).isZero();
        assertThat(d.counts()).isEqualTo(app.counts());   // the server's timeouts stay the server's with an app log
        assertThat(d.timeouts().events()).isEqualTo(app.timeouts().events());
        assertThat(d.server().result().formats().values()).containsExactlyInAnyOrder("csvlog", "stderr");
        assertThat(d.server().result().idleInTransactionKills()).isEqualTo(6);   // 3 in each run's log
        assertThat(d.server().join()).isNotNull();
    }

    @Test
    void parallelDecodingSeesTheSameSplit(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("app.jsonl");
        try (var out = Files.newBufferedWriter(big)) {
            for (int i = 0; i < 2000; i++) {
                out.write(Files.readString(TINY));
            }
        }
        Pipeline one = new Pipeline(FieldMapping.defaults(), EventNames.defaults(), AnalysisOptions.defaults(), 1 << 20,
                new ReadOptions(1, true, Progress.Display.OFF));
        Pipeline four = new Pipeline(FieldMapping.defaults(), EventNames.defaults(), AnalysisOptions.defaults(), 1 << 20,
                new ReadOptions(4, true, Progress.Display.OFF));
        List<String> inputs = List.of(big.toString(), STDERR.toString());
        Diagnosis a = one.run(inputs, System.in);
        Diagnosis b = four.run(inputs, System.in);
        assertThat(b.counts()).isEqualTo(a.counts());
        assertThat(b.server().result().records()).isEqualTo(a.server().result().records());
        assertThat(a.input().malformedLines()).isZero();
    }
}
