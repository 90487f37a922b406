package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #16: never "OK" on a log whose pool poolscope cannot see. */
class NoPoolEventsTest {
    @TempDir
    Path dir;

    private Path logbackWithoutPoolLines() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.add("{\"@timestamp\":\"2026-01-01T00:00:" + (10 + i) + ".000Z\",\"@version\":\"1\",\"message\":"
                    + "\"Request completed: GET /x -> 200\",\"logger_name\":\"com.acme.Web\",\"thread_name\":\"http-1\","
                    + "\"level\":\"INFO\",\"request_id\":\"r" + i + "\"}");
        }
        return Files.write(dir.resolve("app.jsonl"), lines);
    }

    @Test
    void analyzeGivesNoVerdictSaysWhatItLookedForAndExits3() throws Exception {
        Cli r = Cli.run("analyze", logbackWithoutPoolLines().toString());
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertThat(r.out()).doesNotContain("verdict:").doesNotContain("OK")
                .contains("HikariCP (com.zaxxer.hikari)", "SQLAlchemy (sqlalchemy.pool)", "psycopg_pool (psycopg.pool)")
                .contains("JSON lines from logback (logstash-logback-encoder)", "no HikariCP pool logger at DEBUG")
                .contains("com.zaxxer.hikari to DEBUG");
        assertThat(r.err()).contains("no pool events");
    }

    @Test
    void jsonFormatWritesNoReportEither() throws Exception {
        Cli r = Cli.run("analyze", "--format", "json", logbackWithoutPoolLines().toString());
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("looked for");
    }

    @Test
    void allowEmptyReportsAnyway() throws Exception {
        Cli r = Cli.run("analyze", "--allow-empty", logbackWithoutPoolLines().toString());
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("verdict:");
    }

    @Test
    void pythonLogsAreToldAboutTheirLibraries() throws Exception {
        Path log = Files.write(dir.resolve("py.jsonl"), List.of("{\"asctime\":\"2026-12-05 03:05:55,973\","
                + "\"levelname\":\"INFO\",\"name\":\"catalog_api.main\",\"threadName\":\"MainThread\",\"message\":\"hi\"}"));
        Cli r = Cli.run("analyze", log.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertThat(r.out()).contains("python-json-logger", "echo_pool=\"debug\"", "psycopg.pool");
    }
}
