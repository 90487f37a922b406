package dev.poolscope.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.poolscope.Poolscope;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.Summary;
import dev.poolscope.findings.Findings;
import dev.poolscope.report.Redactor;
import dev.poolscope.report.json.JsonReport;
import dev.poolscope.testing.MiniJson;
import dev.poolscope.testing.PropertyCases;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issues #16-#18: real captured logs (HikariCP with leak warnings, configuration and stack traces; SQLAlchemy
 * with error texts; PostgreSQL's jsonlog and stderr logs with sessions, kills and refusals) cut into time
 * windows at random points, as daily directories are; each window summarised (written to .psum and read back),
 * the summaries merged in time order. Findings, library, server and join in the JSON report equal one pass over
 * all the windows' files.
 */
class SummaryCarryPropertyTest {
    private static final Pattern TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2})[.,](\\d{3})");

    @TempDir
    Path dir;

    // the last column: whether the case runs under mutation testing too (PropertyCases), one of each pair of logs
    @ParameterizedTest(name = "{0} + {1}, seed {2}")
    @CsvSource({
        "hikaricp/hikaricp.jsonl, postgres-jsonlog/during-hikaricp.json, 1, true",
        "hikaricp/hikaricp.jsonl, postgres-jsonlog/during-hikaricp.json, 2, false",
        "hikaricp/hikaricp.jsonl, postgres-jsonlog/during-hikaricp.json, 3, false",
        "hikaricp/hikaricp.jsonl, postgres-jsonlog/during-hikaricp.json, 4, false",
        "sqlalchemy/sqlalchemy.jsonl, postgres-jsonlog/during-sqlalchemy.json, 5, true",
        "sqlalchemy/sqlalchemy.jsonl, postgres-jsonlog/during-sqlalchemy.json, 6, false",
        "sqlalchemy/sqlalchemy.jsonl, postgres-jsonlog/during-sqlalchemy.json, 7, false",
        "sqlalchemy/sqlalchemy.jsonl, postgres-jsonlog/during-sqlalchemy.json, 8, false",
        "hikaricp-5/hikaricp5.jsonl, postgres/default-prefix/postgresql.log, 9, true",
        "hikaricp-log4j2/hikaricp7-ecs.jsonl, postgres/rich-prefix/postgresql.csv, 10, true",
    })
    void windowsSummarisedAndMergedEqualOnePass(String app, String server, long seed, boolean underMutation) throws Exception {
        assumeTrue(underMutation || PropertyCases.all());
        List<String> appLines = lines(app);
        List<String> serverLines = lines(server);
        Random rnd = new Random(seed);
        TreeSet<Integer> cuts = new TreeSet<>();
        int n = 1 + rnd.nextInt(4);
        while (cuts.size() < n) {
            cuts.add(1 + rnd.nextInt(appLines.size() - 1));
        }
        List<List<Path>> windows = new ArrayList<>();
        int from = 0;
        int serverFrom = 0;
        int w = cuts.size();
        for (int cut : append(cuts, appLines.size())) {
            String until = cut < appLines.size() ? time(appLines.get(cut)) : null;
            int serverCut = serverFrom;
            while (serverCut < serverLines.size() && (until == null || !after(serverLines.get(serverCut), until))) {
                serverCut++;
            }
            List<Path> files = new ArrayList<>();
            files.add(write("app.jsonl" + suffix(w), appLines.subList(from, cut)));
            if (serverCut > serverFrom) {
                files.add(write("postgresql.log" + suffix(w), serverLines.subList(serverFrom, serverCut)));
            }
            windows.add(files);
            from = cut;
            serverFrom = serverCut;
            w--;
        }
        Poolscope p = Poolscope.defaults();
        List<Path> all = windows.stream().flatMap(List::stream).toList();
        Diagnosis whole = p.analyze(all);
        List<Summary> parts = new ArrayList<>();
        for (List<Path> files : windows) {
            parts.add(throughFile(p.summarize(files)));
        }
        parts.sort(Comparator.comparingLong(s -> s.counts().firstTime()));
        Diagnosis merged = Poolscope.merge(parts).finish().diagnosis();
        String context = "cuts " + cuts;
        assertThat(carried(merged)).as(context).isEqualTo(carried(whole));
        assertThat(merged.server()).as(context).isNotNull();
    }

    private static List<Integer> append(TreeSet<Integer> cuts, int end) {
        List<Integer> out = new ArrayList<>(cuts);
        out.add(end);
        return out;
    }

    private static String suffix(int w) {
        return w == 0 ? "" : "." + w;
    }

    private Path write(String name, List<String> lines) throws IOException {
        return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
    }

    private static List<String> lines(String fixture) throws IOException {
        try (var in = SummaryCarryPropertyTest.class.getResourceAsStream("/fixtures/" + fixture)) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    private static String time(String line) {
        Matcher m = TIME.matcher(line);
        return m.find() ? m.group(1) + " " + m.group(2) + "." + m.group(3) : null;
    }

    /** A server line stamped at or after {@code until} (continuation lines follow their record). */
    private static boolean after(String line, String until) {
        String t = time(line);
        return t != null && t.compareTo(until) >= 0 && !line.startsWith("\t") && !line.startsWith(" ");
    }

    static Summary throughFile(Summary s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SummaryWriter.write(s, out);
        try {
            return SummaryReader.read(new ByteArrayInputStream(out.toByteArray()));
        } catch (SummaryFormatException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * What summaries now carry, from the JSON report: the findings (ids and evidence figures), the library's
     * leak fields and pool configuration, the server's figures (but its concurrency series, re-bucketed by a
     * merge) and the join. The app's own pool-usage windows across a seam are the older part's concern
     * (SummaryMergePropertyTest) and differ for library dialects' logs, so they are not compared here.
     */
    @SuppressWarnings("unchecked")
    static String carried(Diagnosis d) throws IOException {
        Map<String, Object> r = (Map<String, Object>) MiniJson.parse(json(d));
        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> ids = new ArrayList<>();
        for (Object f : (List<Object>) r.get("findings")) {
            ids.add(((Map<String, Object>) f).get("id"));
        }
        out.put("findings", ids);
        Map<String, Object> leaks = new LinkedHashMap<>((Map<String, Object>) r.get("leaks"));
        leaks.keySet().retainAll(List.of("suspected", "returned_late", "by_origin", "origin_helpers_skipped",
                "returned_late_items", "notes"));
        out.put("leaks", leaks);
        Map<String, Object> pool = new LinkedHashMap<>((Map<String, Object>) r.get("pool"));
        pool.keySet().retainAll(List.of("max_source", "configuration", "peak_waiting"));
        out.put("pool", pool);
        Map<String, Object> server = new LinkedHashMap<>((Map<String, Object>) r.get("server"));
        server.keySet().removeIf(k -> k.startsWith("concurrency"));
        out.put("server", server);
        out.put("join", r.get("join"));
        return out.toString();
    }

    /** The report with findings, without the input list and the clock notes (one pass only, docs/robustness.md). */
    static String json(Diagnosis d) throws IOException {
        StringWriter w = new StringWriter();
        JsonReport.write(d, Findings.evaluate(d), w, Redactor.none());
        return w.toString().replaceAll("(?s)\"input\" : \\{.*?\n  },", "")
                .replaceAll("(?s),\\s*\"clock\" : \\{.*?\"same_time_reorders\" : \\d+\\s*}", "");
    }
}
