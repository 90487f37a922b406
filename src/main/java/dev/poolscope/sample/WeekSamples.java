package dev.poolscope.sample;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;

/**
 * A week of one service's logs, rotated daily the way logrotate leaves them with {@code delaycompress}:
 * {@code app.jsonl} (Sunday), {@code app.jsonl.1} (Saturday, plain), {@code app.jsonl.2.gz} … {@code
 * app.jsonl.6.gz} (Friday back to Monday). Monday 2026-01-05 to Sunday 2026-01-11; Wednesday is the seed
 * incident (leaky routers until exhaustion), Thursday a statement-timeout storm, Friday three workers.
 * The service restarts every night (the generator numbers its workers the same each run, so each day's
 * pids get the day's number in front: 26680 becomes 126680 on Monday). Each day's truth is written beside
 * it ({@code day-<date>.expected.json}; its {@code pool_used_max} keys keep the generator's pids).
 *
 * <p>{@code java -cp target/poolscope.jar dev.poolscope.sample.WeekSamples DIR [REQUESTS_PER_DAY]}
 */
public final class WeekSamples {
    public static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

    /** One day: what happens, and how busy it is relative to the requested size. */
    public record Day(LocalDate date, Scenario scenario, long seed, double load) {
        public GeneratorConfig config(int requestsPerDay) {
            Instant start = date.atTime(9, 0).toInstant(ZoneOffset.UTC);
            return GeneratorConfig.ofRequests(scenario, seed, Math.max(50, (int) (requestsPerDay * load)))
                    .withStart(start);
        }

        /** The rotated name of this day's file, counted back from Sunday. */
        public String fileName() {
            int age = (int) (MONDAY.plusDays(6).toEpochDay() - date.toEpochDay());
            return age == 0 ? "app.jsonl" : age == 1 ? "app.jsonl.1" : "app.jsonl." + age + ".gz";
        }
    }

    public static final List<Day> WEEK = List.of(
            new Day(MONDAY, Scenario.HEALTHY, 105, 1.0),
            new Day(MONDAY.plusDays(1), Scenario.HEALTHY, 106, 1.0),
            new Day(MONDAY.plusDays(2), Scenario.LEAKY_ROUTERS, 107, 1.5),
            new Day(MONDAY.plusDays(3), Scenario.TIMEOUT_STORM, 108, 0.6),
            new Day(MONDAY.plusDays(4), Scenario.MIXED_PROCESSES, 109, 1.0),
            new Day(MONDAY.plusDays(5), Scenario.HEALTHY, 110, 0.4),
            new Day(MONDAY.plusDays(6), Scenario.HEALTHY, 111, 0.4));

    private WeekSamples() {}

    /** Requests of a normal day in {@code poolscope generate --week}; the days scale it. */
    public static final int REQUESTS_PER_DAY = 1500;

    /** The files {@link #write} writes into {@code dir}. */
    public static List<Path> files(Path dir) {
        List<Path> out = new ArrayList<>();
        for (Day day : WEEK) {
            out.add(dir.resolve(day.fileName()));
            out.add(dir.resolve("day-" + day.date() + ".expected.json"));
        }
        return out;
    }

    /** Writes the week into {@code dir} (created) and returns each day's truth, Monday first. */
    public static List<Truth> write(Path dir, int requestsPerDay) throws IOException {
        Files.createDirectories(dir);
        List<Truth> truths = new ArrayList<>();
        for (int i = 0; i < WEEK.size(); i++) {
            truths.add(writeDay(dir, WEEK.get(i).fileName(), WEEK.get(i), i, requestsPerDay, UnaryOperator.identity()));
        }
        return truths;
    }

    /**
     * Writes one day as {@code fileName} (gzipped when it ends in .gz), its pids restarted with the day's
     * number ({@code index} 0 is Monday), each line through {@code tag}, and its truth beside it.
     */
    static Truth writeDay(Path dir, String fileName, Day day, int index, int requestsPerDay,
                          UnaryOperator<OutputStream> tag) throws IOException {
        Truth truth;
        try (OutputStream raw = Files.newOutputStream(dir.resolve(fileName));
             OutputStream out = new BufferedOutputStream(
                     fileName.endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw, 1 << 16)) {
            OutputStream restarted = new PidPrefix(tag.apply(out), index + 1);
            truth = LogGenerator.generate(day.config(requestsPerDay), restarted);
            restarted.flush();
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve("day-" + day.date() + ".expected.json"))) {
            TruthJson.write(truth, out);
        }
        return truth;
    }

    /** Puts a digit in front of every {@code "pid": N} value, line by line. */
    static final class PidPrefix extends java.io.FilterOutputStream {
        private static final byte[] KEY = "\"pid\": ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(512);
        private final byte digit;

        PidPrefix(OutputStream out, int day) {
            super(out);
            this.digit = (byte) ('0' + day);
        }

        @Override
        public void write(int b) throws IOException {
            line.write(b);
            if (b == '\n') {
                flushLine();
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public void flush() throws IOException {
            flushLine();
            out.flush();
        }

        private void flushLine() throws IOException {
            byte[] b = line.toByteArray();
            line.reset();
            int from = 0;
            for (int i = 0; i + KEY.length <= b.length; i++) {
                if (java.util.Arrays.equals(b, i, i + KEY.length, KEY, 0, KEY.length)) {
                    out.write(b, from, i + KEY.length - from);
                    out.write(digit);
                    from = i + KEY.length;
                }
            }
            out.write(b, from, b.length - from);
        }
    }
}
