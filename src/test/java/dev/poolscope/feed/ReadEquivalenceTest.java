package dev.poolscope.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.cli.SummaryFiles;
import dev.poolscope.event.EventNames;
import dev.poolscope.event.FieldMapping;
import dev.poolscope.report.json.JsonReport;
import dev.poolscope.sample.GeneratorConfig;
import dev.poolscope.sample.LogGenerator;
import dev.poolscope.sample.Scenario;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threads and the pre-filter change speed, never results (issue #8): every fixture and sample gives a
 * byte-identical JSON report with 1, 2 and 3 decoding threads, with the pre-filter off, and by default.
 */
class ReadEquivalenceTest {
    private static final List<ReadOptions> WAYS = List.of(
            new ReadOptions(1, false, Progress.Display.OFF),
            new ReadOptions(1, true, Progress.Display.OFF),
            new ReadOptions(2, true, Progress.Display.OFF),
            new ReadOptions(3, true, Progress.Display.OFF),
            new ReadOptions(2, false, Progress.Display.OFF),
            ReadOptions.defaults());

    @TempDir
    Path tmp;

    @Test
    void everyFixtureAndSampleGivesTheSameReportEveryWay() throws Exception {
        List<Path> inputs = logs();
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(5);
        for (Path input : inputs) {
            assertSameEveryWay(List.of(input.toString()), 16 << 20);
        }
    }

    @Test
    void awkwardLinesAndSeveralFilesGiveTheSameReportEveryWay() throws Exception {
        StringBuilder log = new StringBuilder("\uFEFF");
        String real = Files.readAllLines(Path.of("src/test/resources/fixtures/real-structlog/app.jsonl")).get(7);
        for (int i = 0; i < 12_000; i++) {
            switch (i % 7) {
                case 0 -> log.append("\n");
                case 1 -> log.append("   \t\r\n");
                case 2 -> log.append("not json ").append(i).append('\n');
                case 3 -> log.append("{\"event\": \"x\", \"pad\": \"").append("y".repeat(3000)).append("\"}\n");
                case 4 -> log.append(real, 0, real.length() - 1).append(", \"n\": ").append(i).append("}\r\n");
                default -> log.append(real.replace("2b5bd688", String.format("%08x", i))).append('\n');
            }
        }
        log.append("{\"event\": \"pool.getconn.success\", \"conn_id\": 1");   // cut off: no newline
        Path a = tmp.resolve("a.jsonl");
        Path b = tmp.resolve("b.jsonl");
        Files.writeString(a, log, StandardCharsets.UTF_8);
        Files.writeString(b, real + "\n" + real.replace("getconn", "putconn") + "\n", StandardCharsets.UTF_8);
        // 2 KiB lines: every padded line is overlong, and batches fill with few lines.
        assertSameEveryWay(List.of(a.toString(), b.toString(), a.toString()), 2048);
    }

    /** Rejected lines get a second look on the reading thread; the outcome must not depend on threads. */
    @Test
    void salvagedLinesAndATruncatedGzipGiveTheSameReportEveryWay() throws Exception {
        List<String> real = Files.readAllLines(Path.of("src/test/resources/fixtures/real-structlog/app.jsonl"));
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < 6_000; i++) {
            String line = real.get(i);
            if (i % 50 == 3) {
                line = line.substring(0, line.length() / 2) + real.get(i + 1);   // cut by a crash, next line glued on
            }
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            if (i % 61 == 5) {
                bytes[bytes.length / 3] = (byte) 0xFF;   // an invalid UTF-8 byte
            }
            log.write(bytes);
            log.write('\n');
        }
        Path broken = tmp.resolve("broken.jsonl");
        Files.write(broken, log.toByteArray());
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(zipped)) {
            gz.write(log.toByteArray());
        }
        Path truncated = tmp.resolve("cut.jsonl.gz");
        Files.write(truncated, java.util.Arrays.copyOf(zipped.toByteArray(), zipped.size() / 2));
        assertSameEveryWay(List.of(broken.toString()), 16 << 20);
        assertSameEveryWay(List.of(truncated.toString()), 16 << 20);
    }

    @Test
    void summariesAreTheSameEveryWay() throws Exception {
        Path summary = tmp.resolve("reference.psum");
        byte[] reference = null;
        for (ReadOptions way : WAYS) {
            Pipeline pipeline = new Pipeline(FieldMapping.defaults(), EventNames.defaults(), AnalysisOptions.defaults(),
                    16 << 20, way);
            SummaryFiles.write(pipeline.summarise(List.of("src/test/resources/fixtures/real-structlog/app.jsonl"),
                    new ByteArrayInputStream(new byte[0])), summary, true);
            byte[] bytes = Files.readAllBytes(summary);
            if (reference == null) {
                reference = bytes;
            } else {
                assertThat(bytes).as("summary read with %s", way).isEqualTo(reference);
            }
        }
    }

    /**
     * Many batches, decoded and replayed by whichever thread gets there first: the analysis must still see
     * every line once, in input order (rejected lines sprinkled in are replayed with their batch).
     */
    @Test
    void manyBatchesGiveTheSameReportWithEveryThreadCountRepeatedly() throws Exception {
        Path log = tmp.resolve("many.jsonl");
        ByteArrayOutputStream generated = new ByteArrayOutputStream();
        LogGenerator.generate(GeneratorConfig.ofRequests(Scenario.MIXED_PROCESSES, 17, 9_000), generated);
        List<String> lines = new ArrayList<>(List.of(generated.toString(StandardCharsets.UTF_8).split("\n")));
        for (int i = 997; i < lines.size(); i += 997) {
            lines.add(i, i % 2 == 0 ? "{\"event\": \"pool.getconn.success\", broken" : "");
        }
        Files.write(log, lines);
        assertThat(lines).hasSizeGreaterThan(20 * LineBatch.LINES);
        String reference = report(List.of(log.toString()), 16 << 20, new ReadOptions(1, true, Progress.Display.OFF));
        assertThat(reference).contains("\"malformed_lines\" : " + (lines.size() / 997) / 2);
        for (int round = 0; round < 3; round++) {
            for (int threads = 2; threads <= 4; threads++) {
                String report = report(List.of(log.toString()), 16 << 20,
                        new ReadOptions(threads, true, Progress.Display.OFF));
                assertThat(report).as("%d threads, round %d", threads, round).isEqualTo(reference);
            }
        }
    }

    private static void assertSameEveryWay(List<String> inputs, int maxLineBytes) throws Exception {
        String reference = null;
        for (ReadOptions way : WAYS) {
            String report = report(inputs, maxLineBytes, way);
            if (reference == null) {
                reference = report;
                assertThat(report).contains("\"lines\"");
            } else {
                assertThat(report).as("%s read with %s", inputs, way).isEqualTo(reference);
            }
        }
    }

    static String report(List<String> inputs, int maxLineBytes, ReadOptions way) throws Exception {
        Pipeline pipeline = new Pipeline(FieldMapping.defaults(), EventNames.defaults(), AnalysisOptions.defaults(),
                maxLineBytes, way);
        StringWriter out = new StringWriter();
        try (PrintWriter w = new PrintWriter(out)) {
            JsonReport.write(pipeline.run(inputs, new ByteArrayInputStream(new byte[0])), w);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toString();
    }

    static List<Path> logs() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(Path.of("src/test/resources/fixtures"), Path.of("samples"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.filter(p -> p.toString().endsWith(".jsonl")).sorted().forEach(files::add);
                }
            }
        }
        return files;
    }
}
