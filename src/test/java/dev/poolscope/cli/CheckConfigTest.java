package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.testing.CheckRun;
import dev.poolscope.testing.LogLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --config}: a properties file of option values; the command line wins. */
class CheckConfigTest {
    @TempDir
    Path dir;
    /** One background checkout open at the end (getconn − putconn 1); peak pool used 1. */
    Path log;

    @BeforeEach
    void writeLog() throws IOException {
        log = new LogLines().request("a", "/api/things", 1).get(null, "bg", 1).write(dir.resolve("app.jsonl"));
    }

    private Path config(String text) throws IOException {
        return Files.writeString(dir.resolve("poolscope.properties"), text);
    }

    @Test
    void configSetsGatesAndThresholds() throws IOException {
        Path config = config("""
                # CI gate for the orders service
                max-leak-delta = 0
                used-normal = 0
                used-critical: 0
                fail-on=WARNING
                """);

        CheckRun r = CheckRun.run("check", log.toString(), "--config", config.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.row("getconn - putconn")).containsExactly("1", "0", "FAIL");
        assertThat(r.out()).contains("--max-leak-delta");
        assertThat(r.row("pool used (peak)")).containsExactly("1", "0", "FAIL");
        assertThat(r.out()).contains("health table: normal up to 0");
    }

    @Test
    void commandLineWinsOverConfig() throws IOException {
        Path config = config("max-leak-delta=0\n");

        CheckRun r = CheckRun.run("check", "--max-leak-delta", "1", log.toString(), "--config", config.toString());

        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.row("getconn - putconn")).containsExactly("1", "1", "PASS");
    }

    @Test
    void unknownKeyIsAUsageErrorNamingFileAndKey() throws IOException {
        Path config = config("max-leak-delta=0\nmax-leaks=3\n");

        CheckRun r = CheckRun.run("check", log.toString(), "--config", config.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("poolscope: " + config + ": unknown setting 'max-leaks'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void tomlWrittenByMistakeIsRejected() throws IOException {
        Path config = config("[check]\nmax-leak-delta = 0\n");

        CheckRun r = CheckRun.run("check", log.toString(), "--config", config.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown setting '[check]'");
    }

    @Test
    void badValueIsAUsageErrorNamingFileAndKey() throws IOException {
        CheckRun number = CheckRun.run("check", log.toString(), "--config", config("max-leak-delta = lots\n").toString());
        CheckRun level = CheckRun.run("check", log.toString(), "--config", config("fail-on = sometimes\n").toString());
        CheckRun duration = CheckRun.run("check", log.toString(), "--config", config("grace = soon\n").toString());

        assertThat(number.exit()).isEqualTo(2);
        assertThat(number.err()).contains(": max-leak-delta = 'lots': not a whole number");
        assertThat(level.exit()).isEqualTo(2);
        assertThat(level.err()).contains("fail-on = 'sometimes': expected one of [warning, critical]");
        assertThat(duration.exit()).isEqualTo(2);
        assertThat(duration.err()).contains("grace = 'soon': 'soon' is not a duration");
    }

    @Test
    void configCannotNameAnotherConfig() throws IOException {
        CheckRun r = CheckRun.run("check", log.toString(), "--config", config("config = other.properties\n").toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown setting 'config'");
    }

    @Test
    void missingOrBinaryConfigIsAUsageError() throws IOException {
        CheckRun missing = CheckRun.run("check", log.toString(), "--config", dir.resolve("nope.properties").toString());
        Path binary = Files.write(dir.resolve("binary.properties"), new byte[] {(byte) 0x1f, (byte) 0x8b, (byte) 0xff, 0});
        CheckRun notText = CheckRun.run("check", log.toString(), "--config", binary.toString());

        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no such config file: " + dir.resolve("nope.properties"));
        assertThat(notText.exit()).isEqualTo(2);
        assertThat(notText.err()).contains("is not UTF-8 text");
    }
}
