package dev.poolscope.cli;

import static dev.poolscope.testing.WatchRig.finished;
import static dev.poolscope.testing.WatchRig.getconn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.testing.MiniJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("watch"));
        all.addAll(List.of(args));
        return PoolscopeCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(all.toArray(String[]::new));
    }

    @Test
    void refusesOptionsThatCannotWork() throws IOException {
        Path log = dir.resolve("app.jsonl");
        assertThat(run(log.toString(), "--interval", "10ms")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--interval must be at least 100ms");
        assertThat(run(log.toString(), "--prometheus", dir.resolve("nowhere/x.prom").toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("does not exist");
        assertThat(run(log.toString(), "--alert-cmd", " ")).isEqualTo(ExitCode.USAGE);
        assertThat(run(dir.toString())).isEqualTo(ExitCode.INPUT);
        assertThat(err.toString()).contains("is a directory");
    }

    @Test
    void neverReplacesAMetricsFileItDidNotWrite() throws IOException {
        Path prom = Files.writeString(dir.resolve("node.prom"), "my_metric 1\n");
        assertThat(run(dir.resolve("app.jsonl").toString(), "--prometheus", prom.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("was not written by poolscope watch; pass --force");
        assertThat(Files.readString(prom)).isEqualTo("my_metric 1\n");
    }

    /**
     * The real thing in a child JVM: follows a log, alerts through a command, keeps the metrics file, and on
     * SIGTERM runs its shutdown hook to print the summary. Waits only as long as each step takes.
     */
    @Test
    void stopsCleanlyOnSigtermWithASummary() throws IOException, InterruptedException {
        Path log = dir.resolve("app.jsonl");
        Path prom = dir.resolve("poolscope.prom");
        Path alert = dir.resolve("alert.json");
        Files.createFile(log);
        Process p = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"), "dev.poolscope.Main",
                "watch", log.toString(), "--interval", "200ms", "--prometheus", prom.toString(),
                "--alert-cmd", "cat > '" + alert + "'")
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        try {
            awaitContent(prom, "poolscope_level");          // running and past its first status
            Files.writeString(log, getconn(1, "r1", "c1", 1) + "\n" + finished(2, "r1") + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            awaitContent(alert, "\n");                      // the alert command has received the whole alert
            Map<String, String> json = MiniJson.flatten(Files.readAllBytes(alert));
            assertThat(json).containsEntry("level", "critical").containsEntry("oldest_open.0.request_id", "r1");
            assertThat(Files.readString(prom)).contains("poolscope_level{log=\"" + log + "\"} 2");
            p.destroy();                                     // SIGTERM
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).isEqualTo(143);           // 128 + SIGTERM, as the JVM reports it
        String stdout = Files.readString(dir.resolve("stdout.txt"));
        assertThat(stdout).contains("CRITICAL used 1", "poolscope watch stopped after",
                "  getconn 1, putconn 0, failed getconn 0, statement timeouts 0");
        assertThat(Files.readString(dir.resolve("stderr.txt"))).contains("leak suspected: request r1",
                "ALERT critical (was ok)");
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void awaitContent(Path file, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!(Files.exists(file) && Files.readString(file).contains(text))) {
            assertThat(System.nanoTime()).as("waiting for %s in %s", text, file).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
