package dev.poolscope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The import table of docs/architecture.md: io → event → feed → analysis → report, cli on top. Reads every
 * import (and fully qualified {@code dev.poolscope.*} reference) under src/main/java, no dependency needed.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src", "main", "java", "dev", "poolscope");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\bdev\\.poolscope\\.([a-z][\\w.]*?)\\.[A-Z]");
    private static final List<String> JDK = List.of("java.", "javax.");

    private static final String JACKSON = "com.fasterxml.jackson.core.";
    private static final String HDR = "org.HdrHistogram.";
    /** The root package (Main, the Poolscope facade), for the rooms that build on the facade. */
    private static final String ROOT = "(root)";

    /**
     * What each package may import besides the JDK and itself: poolscope packages by their short name,
     * libraries by prefix. A package missing here fails the test, so a new room must say what it uses.
     * The root package (Main, the library facade) and cli (the picocli commands) may import anything.
     */
    private static final Map<String, List<String>> ALLOWED = Map.ofEntries(
            Map.entry("io", List.of("io.airlift.compress.zstd.")),
            Map.entry("event", List.of("io", JACKSON)),
            Map.entry("dialect", List.of("event", JACKSON)),
            Map.entry("analysis", List.of("event", "server", HDR)),
            Map.entry("server", List.of("event", JACKSON, HDR, "org.apache.commons.csv.")),
            Map.entry("gate", List.of("analysis", "event", "server")),
            Map.entry("findings", List.of("report", "analysis", "event")),
            Map.entry("weekly", List.of("analysis", "event", "findings", "server")),
            Map.entry("summary", List.of("analysis", "event", "server", JACKSON, HDR)),
            Map.entry("feed", List.of("io", "event", "dialect", "analysis", "server", JACKSON)),
            Map.entry("watch", List.of("io", "event", "analysis", "gate", "findings", "report", "report.watch")),
            Map.entry("report", List.of("analysis", "event", "server", JACKSON)),
            Map.entry("report.json", List.of("report", "gate", "findings", "analysis", "event", "server", JACKSON)),
            Map.entry("report.text", List.of("report", "report.json", "findings", "analysis", "event", "server")),
            Map.entry("report.csv", List.of("report", "findings", "analysis", "event", "server", "org.apache.commons.csv.")),
            // the charts are drawn on a Surface: SVG text here, pixels only in report.chart.png (issue 15.4)
            Map.entry("report.chart", List.of("report", "analysis", "event", HDR)),
            Map.entry("report.chart.png", List.of("report.chart", "analysis")),
            // the page inlines report.chart's SVG: no report.chart.png, so no java.awt
            Map.entry("report.html", List.of("report", "report.chart", "report.text", "findings", "analysis", "event",
                    "server")),
            Map.entry("report.check", List.of("report", "report.json", "report.text", "gate", "findings", "analysis",
                    "event", "server",
                    JACKSON)),
            Map.entry("report.watch", List.of("report", "report.json", "gate", "findings", "analysis", "event", JACKSON)),
            Map.entry("report.weekly", List.of("report", "report.chart", "report.json", "weekly", "findings", "analysis",
                    "event", "server", JACKSON,
                    "org.jfree.")),
            Map.entry("sample", List.of(JACKSON)),
            // the Spark application: the facade, the cli's option mixins, and Spark and Hadoop themselves
            Map.entry("spark", List.of(ROOT, "cli", "feed", "io", "analysis", "event", "summary", "report", "weekly",
                    "findings",
                    "org.apache.spark.", "org.apache.hadoop.", "scala.", "picocli.")));
    private static final List<String> ANYTHING = List.of("", "cli");

    @Test
    void noForbiddenEdge() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path rel = MAIN.relativize(file);
                String pkg = rel.getParent() == null ? "" : rel.getParent().toString().replace('/', '.');
                for (String dep : dependencies(Files.readString(file))) {
                    if (!allowed(pkg, dep)) {
                        violations.add(rel + " -> " + dep);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    static List<String> dependencies(String source) {
        List<String> deps = new ArrayList<>();
        Matcher m = IMPORT.matcher(source);
        while (m.find()) {
            deps.add(m.group(1));
        }
        Matcher q = QUALIFIED.matcher(source.replaceAll("(?m)^(package|import) .*$", ""));
        while (q.find()) {
            deps.add("dev.poolscope." + q.group(1) + ".");
        }
        return deps;
    }

    private static boolean allowed(String pkg, String dep) {
        if (dep.startsWith("dev.poolscope." + pkg + ".") && !subpackage(dep.substring(14 + pkg.length() + 1))) {
            return true;
        }
        if (JDK.stream().anyMatch(dep::startsWith) || ANYTHING.contains(pkg)) {
            return true;
        }
        List<String> allow = ALLOWED.get(pkg);
        if (allow == null) {
            return false;
        }
        for (String a : allow) {
            if (a.equals(ROOT)) {
                if (dep.startsWith("dev.poolscope.") && packageOf(dep).isEmpty()) {
                    return true;
                }
                continue;
            }
            boolean library = a.endsWith(".");
            if (library ? dep.startsWith(a) : packageOf(dep).equals(a)) {
                return true;
            }
        }
        return false;
    }

    /** The short package of a dependency: "dev.poolscope.report.json.JsonReport" gives "report.json". */
    private static String packageOf(String dep) {
        if (!dep.startsWith("dev.poolscope.")) {
            return "";
        }
        String rest = dep.substring("dev.poolscope.".length());
        StringBuilder pkg = new StringBuilder();
        for (String part : rest.split("\\.")) {
            if (part.isEmpty() || Character.isUpperCase(part.charAt(0))) {
                break;
            }
            pkg.append(pkg.length() == 0 ? "" : ".").append(part);
        }
        return pkg.toString();
    }

    private static boolean subpackage(String rest) {
        return !rest.isEmpty() && Character.isLowerCase(rest.charAt(0));
    }

    @Test
    void everyPackageIsInTheTable() throws IOException {
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            List<String> packages = dirs.filter(Files::isDirectory).map(d -> MAIN.relativize(d).toString().replace('/', '.'))
                    .filter(p -> !ANYTHING.contains(p)).toList();
            assertThat(ALLOWED.keySet()).containsAll(packages);
        }
    }

    @Test
    void theCheckSeesBothImportsAndQualifiedNames() {
        List<String> deps = dependencies("package dev.poolscope.io;\nimport dev.poolscope.feed.Pipeline;\n"
                + "class X { Object o = dev.poolscope.report.json.JsonReport.SCHEMA; }");
        assertThat(deps).containsExactly("dev.poolscope.feed.Pipeline", "dev.poolscope.report.json.");
        assertThat(allowed("io", "dev.poolscope.event.PoolEvent")).isFalse();
        assertThat(allowed("analysis", "com.fasterxml.jackson.core.JsonParser")).isFalse();
        assertThat(allowed("report", "dev.poolscope.cli.ExitCode")).isFalse();
        assertThat(allowed("report", "dev.poolscope.report.json.JsonReport")).isFalse();
        assertThat(allowed("report.json", "dev.poolscope.report.Redactor")).isTrue();
        assertThat(allowed("report.json", "dev.poolscope.report.chart.ChartKind")).isFalse();
        assertThat(allowed("sample", "dev.poolscope.cli.ExitCode")).isFalse();
        assertThat(allowed("", "dev.poolscope.cli.PoolscopeCommand")).isTrue();
        assertThat(allowed("report.chart", "org.jfree.chart.JFreeChart")).isFalse();
        assertThat(allowed("report.weekly", "org.jfree.chart.JFreeChart")).isTrue();
        assertThat(allowed("report.html", "dev.poolscope.report.chart.ChartKind")).isTrue();
        assertThat(allowed("report.html", "dev.poolscope.report.chart.png.ChartImages")).isFalse();
        assertThat(allowed("report.csv", "org.jfree.chart.JFreeChart")).isFalse();
        assertThat(allowed("nowhere", "java.util.List")).isTrue();
        assertThat(allowed("spark", "dev.poolscope.Poolscope")).isTrue();
        assertThat(allowed("spark", "org.apache.spark.SparkConf")).isTrue();
        assertThat(allowed("spark", "org.jfree.chart.JFreeChart")).isFalse();
        assertThat(allowed("spark", "dev.poolscope.watch.Watcher")).isFalse();
    }

    /**
     * The HTML page and the SVG files are SVG text: nothing in report.html or report.chart may reach Java2D
     * (issue 15.4); only report.chart.png paints pixels.
     */
    @Test
    void theSvgChartsAndThePageNeedNoJava2d() throws IOException {
        for (Path dir : List.of(MAIN.resolve(Path.of("report", "html")), MAIN.resolve(Path.of("report", "chart")))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    assertThat(dependencies(Files.readString(file))).as(file.toString())
                            .noneMatch(d -> d.startsWith("java.awt.") || d.startsWith("javax.imageio.")
                                    || d.startsWith("javax.swing.") || d.startsWith("org.jfree."));
                }
            }
        }
    }
}
