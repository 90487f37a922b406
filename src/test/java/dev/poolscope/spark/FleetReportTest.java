package dev.poolscope.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.cli.PoolscopeCommand;
import dev.poolscope.sample.FleetSamples;
import dev.poolscope.sample.Truth;
import dev.poolscope.sample.WeekSamples;
import dev.poolscope.testing.Cli;
import dev.poolscope.testing.MiniJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #19: FleetReport on Spark (local[2], one context for the class) against {@code poolscope report}
 * over the same files on one machine, byte for byte in JSON, and against the generator's own truth.
 * The fleet: three pods with a rotated week each (plain and gzip segments; pod 0 has the incident) and
 * a fourth pod whose log is empty.
 */
class FleetReportTest {
    static final String[] WEEK = {"--from", "2026-01-05", "--to", "2026-01-11", "--format", "json"};

    @TempDir
    static Path dir;
    static Path fleet;
    static List<List<Truth>> truths;
    static JavaSparkContext sc;

    @BeforeAll
    static void setUp() throws IOException {
        fleet = dir.resolve("fleet");
        truths = FleetSamples.write(fleet, 3, 60, false);
        Files.createDirectories(fleet.resolve("pod-03"));
        Files.createFile(fleet.resolve("pod-03/app.jsonl"));   // a pod that wrote nothing
        sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("FleetReportTest")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1"));
    }

    @AfterAll
    static void tearDown() {
        if (sc != null) {
            sc.stop();
        }
    }

    static Cli spark(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PoolscopeCommand.standalone(new FleetReport(sc), new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    static String[] args(String first, String... rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        all.addAll(List.of(WEEK));
        return all.toArray(String[]::new);
    }

    static String[] cliArgs(String... inputsAndOptions) {
        return args("report", inputsAndOptions);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String out) throws IOException {
        return (Map<String, Object>) MiniJson.parse(out);
    }

    /**
     * The report without what the fleet report does not have yet: each day's own findings (the streams are not
     * split by day on the executors) and the note saying so. The period's findings are compared in full.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withoutDayFindings(String out) throws IOException {
        Map<String, Object> m = new java.util.HashMap<>(json(out));
        List<Map<String, Object>> days = new ArrayList<>();
        for (Object d : (List<Object>) m.get("days")) {
            Map<String, Object> day = new java.util.HashMap<>((Map<String, Object>) d);
            day.remove("findings");
            days.add(day);
        }
        m.put("days", days);
        m.put("notes", ((List<String>) m.get("notes")).stream().filter(n -> !n.contains("no findings of their own"))
                .toList());
        return m;
    }

    /** The fleet report's days have no findings of their own, and it says so. */
    @SuppressWarnings("unchecked")
    static void noDayFindings(String out) throws IOException {
        Map<String, Object> m = json(out);
        for (Object d : (List<Object>) m.get("days")) {
            assertThat(((Map<String, Object>) d).get("findings")).isNull();
        }
        assertThat(String.valueOf(m.get("notes"))).contains("the fleet report does not split its streams by day yet");
        assertThat((List<Object>) m.get("findings")).isNotEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFleetsReportIsTheCommandLinesAndMatchesTheTruth() throws IOException {
        Cli cli = Cli.run(cliArgs(fleet.toString()));
        Cli onSpark = spark(args(fleet.toString()));
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(onSpark.code()).as(onSpark.err()).isZero();
        assertThat(withoutDayFindings(onSpark.out())).isEqualTo(withoutDayFindings(cli.out()));
        noDayFindings(onSpark.out());

        Map<String, Object> report = json(onSpark.out());
        List<Map<String, Object>> days = (List<Map<String, Object>>) report.get("days");
        assertThat(days).hasSize(7);
        for (int i = 0; i < 7; i++) {
            Map<String, Object> d = days.get(i);
            String day = WeekSamples.WEEK.get(i).date().toString();
            assertThat(d.get("date")).isEqualTo(day);
            assertThat(d.get("getconn")).as(day).isEqualTo(sum(i, Truth::getconn));
            assertThat(d.get("putconn")).as(day).isEqualTo(sum(i, Truth::putconn));
            assertThat(d.get("leaked_checkouts")).as(day).isEqualTo(sum(i, Truth::leakedCheckouts));
            assertThat(d.get("requests_without_close")).as(day).isEqualTo(sum(i, Truth::requestsWithoutClose));
            assertThat(d.get("getconn_failed")).as(day).isEqualTo(sum(i, Truth::getconnFailed));
            assertThat(d.get("statement_timeouts")).as(day).isEqualTo(sum(i, Truth::statementTimeoutEvents));
        }
        assertThat(report.get("worst_day")).isEqualTo("2026-01-07");   // pod 0's incident
        assertThat((List<String>) report.get("inputs")).hasSize(3 * 7 + 1)
                .endsWith(fleet.resolve("pod-03/app.jsonl").toString());   // no timestamp: read last, as files are
        assertThat(onSpark.err()).contains("stream " + fleet.resolve("pod-03/app.jsonl") + ": no lines");
    }

    /** Every pod's truth for day {@code i}, added up: the fleet's figure for that day. */
    static long sum(int i, ToLongFunction<Truth> figure) {
        return truths.stream().mapToLong(pod -> figure.applyAsLong(pod.get(i))).sum();
    }

    @Test
    void aTruncatedGzipInOnePodIsCountedAndReportedNotFatalUnlessStrict() throws IOException {
        Path broken = copy(fleet, dir.resolve("broken"));
        Path gz = broken.resolve("pod-01/app.jsonl.4.gz");
        byte[] bytes = Files.readAllBytes(gz);
        Files.write(gz, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        Cli cli = Cli.run(cliArgs(broken.toString()));
        Cli onSpark = spark(args(broken.toString()));
        assertThat(onSpark.code()).as(onSpark.err()).isZero();
        assertThat(withoutDayFindings(onSpark.out())).isEqualTo(withoutDayFindings(cli.out()));
        noDayFindings(onSpark.out());
        assertThat(onSpark.err()).contains("stream " + broken.resolve("pod-01/app.jsonl") + ": 1 file not read to the end: "
                + gz + ": gzip data ends unexpectedly").contains("1 of 4 streams not read cleanly");
        // app.jsonl.4.gz is Wednesday's: pod 1 lost part of that day, the other days are whole
        Map<String, Object> report = json(onSpark.out());
        assertThat((Long) day(report, 2).get("getconn")).isLessThan(sum(2, Truth::getconn)).isPositive();
        assertThat(day(report, 3).get("getconn")).isEqualTo(sum(3, Truth::getconn));

        Cli strict = spark(args(broken.toString(), "--strict"));
        assertThat(strict.code()).isEqualTo(3);
        assertThat(strict.out()).isEmpty();
        assertThat(strict.err()).contains("(--strict); no report written");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> day(Map<String, Object> report, int i) {
        return ((List<Map<String, Object>>) report.get("days")).get(i);
    }

    /**
     * logs/POD/WEEKDAY.jsonl[.gz]: listed alphabetically (friday, monday, saturday, …), so every stream's
     * segments arrive out of time order; --stream-by makes one stream per pod, read in time order.
     */
    @Test
    void segmentsListedOutOfOrderAreReadInTimeOrderAndSummariesKeptPerStream() throws IOException {
        Path logs = dir.resolve("by-day/logs");
        String[] names = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
        for (int pod = 0; pod < 3; pod++) {
            Path from = fleet.resolve(FleetSamples.podName(pod));
            Path to = Files.createDirectories(logs.resolve(FleetSamples.podName(pod)));
            for (int i = 0; i < 7; i++) {
                String rotated = WeekSamples.WEEK.get(i).fileName();
                Files.copy(from.resolve(rotated), to.resolve(names[i] + ".jsonl" + (rotated.endsWith(".gz") ? ".gz" : "")));
            }
        }
        Path psums = dir.resolve("psums");
        Cli cli = Cli.run(cliArgs(logs.toString()));
        Cli onSpark = spark(args(logs.toString(), "--stream-by", "logs/([^/]+)/", "--summaries", psums.toString()));
        assertThat(onSpark.code()).as(onSpark.err()).isZero();
        assertThat(withoutDayFindings(onSpark.out())).isEqualTo(withoutDayFindings(cli.out()));
        noDayFindings(onSpark.out());

        try (Stream<Path> files = Files.list(psums)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .hasSize(3).allMatch(n -> n.endsWith(".psum")).anyMatch(n -> n.startsWith("pod-00-"));
        }
        Cli resumed = Cli.run(cliArgs(psums.toString()));
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(json(resumed.out()).get("days")).isEqualTo(json(onSpark.out()).get("days"));
        assertThat(json(resumed.out()).get("totals")).isEqualTo(json(onSpark.out()).get("totals"));

        Cli again = spark(args(logs.toString(), "--stream-by", "logs/([^/]+)/", "--summaries", psums.toString()));
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("already holds summaries");
    }

    @Test
    void usageErrorsAreOneLine() {
        Cli noGroup = spark(args(fleet.toString(), "--stream-by", "pod-\\d+"));
        assertThat(noGroup.code()).isEqualTo(2);
        assertThat(noGroup.err()).contains("has no group");
        Cli missing = spark(args(dir.resolve("nowhere").toString()));
        assertThat(missing.code()).isEqualTo(3);
        assertThat(missing.err().strip()).isEqualTo("poolscope: no such file: " + dir.resolve("nowhere"));
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }
}
