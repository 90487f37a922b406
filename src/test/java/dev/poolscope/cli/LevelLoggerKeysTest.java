package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolscope.testing.CheckRun;
import dev.poolscope.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #17: the level and logger keys are overridable like the other {@code --field-*} options. The log names
 * them {@code severity} and {@code logger}, and also carries keys the defaults prefer that mean something else
 * here: a pino-style numeric {@code level} of 30 (quiet) on every line, and the service's name in
 * {@code logger_name}. Only with the overrides does the ERROR line count as severe (an error signal, the
 * schema-missing finding) and do the HikariCP loggers drive detection and the configuration dump.
 */
class LevelLoggerKeysTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG = "com.zaxxer.hikari.HikariConfig";
    private static final String POOL = "com.zaxxer.hikari.pool.HikariPool";
    @TempDir
    static Path dir;
    static Path log;

    @BeforeAll
    static void writeLog() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(line("00.100", "DEBUG", CONFIG, "HikariPool-1 - configuration:", null));
        lines.add(line("00.101", "DEBUG", CONFIG, "maximumPoolSize.................12", null));
        // HikariCP 5's stats form: no maximum in it, so the pool max comes only from the dump
        lines.add(line("01.000", "DEBUG", POOL, "HikariPool-1 - Pool stats (total=12, active=7, idle=5, waiting=0)", null));
        lines.add(line("02.000", "ERROR", "com.acme.orders.Repository", "query failed",
                "org.postgresql.util.PSQLException: ERROR: relation \\\"orders_archive\\\" does not exist"));
        lines.add(line("03.000", "DEBUG", POOL, "HikariPool-1 - Pool stats (total=12, active=9, idle=3, waiting=0)", null));
        log = Files.write(dir.resolve("gcp.jsonl"), lines);
    }

    private static String line(String seconds, String severity, String logger, String message, String error) {
        return "{\"time\":\"2026-01-06T10:00:" + seconds + "Z\",\"severity\":\"" + severity + "\",\"level\":30,"
                + "\"logger\":\"" + logger + "\",\"logger_name\":\"orders-service\",\"message\":\"" + message + "\""
                + (error == null ? "" : ",\"error\":\"" + error + "\"") + "}";
    }

    private static JsonNode analyze(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("analyze", "--format", "json"));
        args.addAll(List.of(options));
        args.add(log.toString());
        Cli r = Cli.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        return JSON.readTree(r.out());
    }

    private static List<String> findings(JsonNode report) {
        List<String> ids = new ArrayList<>();
        report.at("/findings").forEach(f -> ids.add(f.get("id").asText()));
        return ids;
    }

    @Test
    void withTheOverridesTheSeverityAndLoggerKeysAreRead() throws Exception {
        JsonNode r = analyze("--field-level", "severity", "--field-logger", "logger");
        assertThat(r.at("/input/dialects/0/dialect").asText()).isEqualTo("hikaricp");
        assertThat(r.at("/input/dialects/0/evidence").asText()).isEqualTo("logger " + CONFIG);
        assertThat(r.at("/pool/max").asInt()).isEqualTo(12);
        assertThat(r.at("/pool/max_source").asText()).isEqualTo("HikariCP configuration dump (maximumPoolSize)");
        assertThat(r.at("/pool/peak_used").asInt()).isEqualTo(9);
        assertThat(findings(r)).contains("schema-missing");
    }

    @Test
    void withoutThemTheDefaultsReadOtherKeys() throws Exception {
        JsonNode r = analyze();
        // logger_name beats logger by default: the stats text alone says HikariCP, and no dump is recognised
        assertThat(r.at("/input/dialects/0/evidence").asText()).startsWith("message ");
        assertThat(r.at("/pool/max").isNull()).isTrue();
        // level 30 (pino's info) beats severity by default: the ERROR line is quiet, no error signal
        assertThat(findings(r)).doesNotContain("schema-missing");
    }

    /** {@code check --config}: the pool used band is the pool of 12's only when the dump was read. */
    @Test
    void checksConfigFileTakesTheSameKeys() throws Exception {
        CheckRun without = CheckRun.run("check", log.toString());
        assertThat(without.row("pool used (peak)")).containsExactly("9", "70", "PASS");
        assertThat(without.out()).doesNotContain("schema-missing");
        Path config = Files.writeString(dir.resolve("poolscope.properties"), "field-level = severity\nfield-logger = logger\n");
        CheckRun with = CheckRun.run("check", "--config", config.toString(), log.toString());
        assertThat(with.row("pool used (peak)")).containsExactly("9", "10", "PASS");
        assertThat(with.out()).contains("schema-missing");
    }
}
