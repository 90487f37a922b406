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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
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
    @Tag("slow")   // a child JVM on real time: left out of mutation runs (docs/testing.md)
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

    /** Ctrl-C is SIGINT: the same clean stop, 130 as --help and docs/watch.md say. */
    @Test
    @Tag("slow")   // a child JVM on real time: left out of mutation runs (docs/testing.md)
    void stopsCleanlyOnSigintWith130() throws IOException, InterruptedException {
        // A shell without job control starts background commands with SIGINT ignored, and a child keeps
        // that: the JVM then installs no handler and Ctrl-C cannot reach it (so it is for any program).
        Assumptions.assumeFalse(sigintIgnored(), "SIGINT is ignored in this process (a background job of a "
                + "shell without job control), and so in the child: run the build in the foreground");
        Path log = dir.resolve("app.jsonl");
        Path prom = dir.resolve("poolscope.prom");
        Files.createFile(log);
        Process p = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"), "dev.poolscope.Main",
                "watch", log.toString(), "--interval", "200ms", "--prometheus", prom.toString())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        try {
            awaitContent(prom, "poolscope_level");
            assertThat(new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor()).isZero();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).isEqualTo(130);           // 128 + SIGINT
        assertThat(Files.readString(dir.resolve("stdout.txt"))).contains("poolscope watch stopped after");
    }

    /** Whether this process ignores SIGINT: bit 2 of the SigIgn mask in /proc/self/status (Linux). */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseLong(line.substring(7).trim(), 16) & 2) != 0;
            }
        }
        return false;
    }

    /** The exit codes a stop by signal gives are in the same table as the others. */
    @Test
    void helpListsTheSignalExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).containsPattern("130\\s+stopped by Ctrl-C").containsPattern("143\\s+stopped by SIGTERM")
                .containsPattern("0\\s+standard input ended");
    }

    /** {@code kubectl logs -f pod | poolscope watch -}: follows standard input, and its end is a clean stop, exit 0. */
    @Test
    @Tag("slow")   // a child JVM on real time: left out of mutation runs (docs/testing.md)
    void followsStandardInputUntilItEnds() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"), "dev.poolscope.Main",
                "watch", "-", "--interval", "200ms")
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        try {
            var stdin = p.getOutputStream();
            stdin.write((getconn(1, "r1", "c1", 1) + "\n" + finished(2, "r1") + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            awaitContent(dir.resolve("stderr.txt"), "ALERT critical");   // read while the pipe is still open
            stdin.write(getconn(3, "r2", "c2", 2).getBytes(StandardCharsets.UTF_8));   // a last line without newline
            stdin.close();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).isZero();
        assertThat(Files.readString(dir.resolve("stderr.txt"))).contains("watching standard input",
                "leak suspected: request r1", "standard input ended; stopping");
        assertThat(Files.readString(dir.resolve("stdout.txt"))).contains("poolscope watch stopped after",
                "  read 3 lines (0 malformed), 3 events", "  getconn 2, putconn 0");
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
