package dev.poolscope.sample;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A fleet's week: {@code pod-00/} … one directory per pod, each holding that pod's week rotated as
 * {@link WeekSamples} rotates it ({@code app.jsonl}, {@code app.jsonl.1}, {@code app.jsonl.2.gz} …).
 * Pod 0 has {@link WeekSamples#WEEK} (Wednesday the seed incident, Thursday the timeout storm, Friday three
 * workers); the others have healthy days with a worker Friday, each pod with its own seeds. Every line
 * names its pod in {@code hostname}, as a Kubernetes pod's logs do, so pods' processes stay apart even
 * where their pids match. Each pod's per-day truth is written beside its logs, as WeekSamples does.
 *
 * <p>{@code java -cp target/poolscope.jar dev.poolscope.sample.FleetSamples DIR PODS [REQUESTS_PER_DAY] [--gzip-all]}
 * ({@code --gzip-all}: every segment gzipped, the live one as {@code app.jsonl.gz}, as a log shipper stores them)
 */
public final class FleetSamples {
    private FleetSamples() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int pods = Integer.parseInt(args[1]);
        int perDay = args.length > 2 ? Integer.parseInt(args[2]) : 1500;
        boolean gzipAll = List.of(args).contains("--gzip-all");
        write(dir, pods, perDay, gzipAll);
    }

    /** Writes {@code pods} pods' weeks under {@code dir} and returns each pod's truths, pod 0 first. */
    public static List<List<Truth>> write(Path dir, int pods, int requestsPerDay, boolean gzipAll) throws IOException {
        List<List<Truth>> all = new ArrayList<>();
        for (int pod = 0; pod < pods; pod++) {
            all.add(writePod(dir.resolve(podName(pod)), pod, requestsPerDay, gzipAll));
        }
        return all;
    }

    public static String podName(int pod) {
        return String.format("pod-%02d", pod);
    }

    /** Pod 0 has the incident week; the others are healthy with a worker Friday, seeds of their own. */
    public static List<WeekSamples.Day> week(int pod) {
        if (pod == 0) {
            return WeekSamples.WEEK;
        }
        List<WeekSamples.Day> days = new ArrayList<>();
        for (WeekSamples.Day d : WeekSamples.WEEK) {
            Scenario s = d.scenario() == Scenario.MIXED_PROCESSES ? d.scenario() : Scenario.HEALTHY;
            days.add(new WeekSamples.Day(d.date(), s, d.seed() + 1000L * pod, d.load()));
        }
        return days;
    }

    static List<Truth> writePod(Path dir, int pod, int requestsPerDay, boolean gzipAll) throws IOException {
        Files.createDirectories(dir);
        List<Truth> truths = new ArrayList<>();
        List<WeekSamples.Day> week = week(pod);
        for (int i = 0; i < week.size(); i++) {
            WeekSamples.Day day = week.get(i);
            String name = day.fileName();
            if (gzipAll && !name.endsWith(".gz")) {
                name = name + ".gz";   // app.jsonl.gz, app.jsonl.1.gz: shipped to storage compressed
            }
            String host = podName(pod);
            Truth truth = WeekSamples.writeDay(dir, name, day, i, requestsPerDay, out -> new HostTag(out, host));
            truths.add(truth);
        }
        return truths;
    }

    /** Puts {@code "hostname": POD} first in every line that is a JSON object. */
    static final class HostTag extends FilterOutputStream {
        private final byte[] tag;
        private boolean lineStart = true;

        HostTag(OutputStream out, String host) {
            super(out);
            this.tag = ("\"hostname\": \"" + host + "\", ").getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int from = off;
            for (int i = off; i < off + len; i++) {
                if (lineStart && b[i] == '{') {
                    out.write(b, from, i + 1 - from);
                    out.write(tag);
                    from = i + 1;
                }
                lineStart = b[i] == '\n';
            }
            out.write(b, from, off + len - from);
        }
    }
}
