package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain {@code analyze} must not pay for the report-file libraries: runs poolscope in a fresh JVM
 * with class loading logged and looks at what was loaded.
 */
class LazyLoadingTest {
    private static final String LOG = "src/test/resources/fixtures/tiny/tiny.jsonl";

    @TempDir
    Path dir;

    private String loadedClasses(String... args) throws IOException, InterruptedException {
        Path log = dir.resolve("classes-" + args.length + ".log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-Djava.awt.headless=true", "-Xlog:class+load=info:file=" + log,
                "-cp", System.getProperty("java.class.path"), "dev.poolscope.Main", "analyze", LOG));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile())
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("out.txt"))).isZero();
        return Files.readString(log);
    }

    @Test
    void plainAnalyzeLoadsNoChartCsvOrAwtCode() throws Exception {
        String loaded = loadedClasses("--format", "json");
        assertThat(loaded).contains("dev.poolscope.report.json.JsonReport")
                .doesNotContain("org.jfree", "org.apache.commons.csv", "java.awt.", "dev.poolscope.cli.ReportFiles",
                        "dev.poolscope.report.csv.", "dev.poolscope.report.chart.", "io.airlift", "ZstdInput");
    }

    @Test
    void analyzeBuildsNoOtherSubcommand() throws Exception {
        String loaded = loadedClasses("--format", "json");
        assertThat(loaded).contains("dev.poolscope.cli.AnalyzeCommand")
                .doesNotContain("dev.poolscope.cli.CheckCommand", "dev.poolscope.cli.WatchCommand",
                        "dev.poolscope.cli.MergeCommand", "dev.poolscope.cli.ReportCommand",
                        "dev.poolscope.cli.GenerateCommand", "dev.poolscope.cli.CompletionCommand", "picocli.AutoComplete");
    }

    @Test
    void csvAloneLoadsNoChartCode() throws Exception {
        String loaded = loadedClasses("--csv", dir.resolve("csv").toString());
        assertThat(loaded).contains("org.apache.commons.csv.CSVPrinter").doesNotContain("org.jfree", "java.awt.");
    }

    /** The page draws its charts as SVG text (issue 15.4): nothing to warm up, nothing of Java2D loaded. */
    @Test
    void htmlAloneLoadsNoChartOrAwtCode() throws Exception {
        Path html = dir.resolve("report.html");
        String loaded = loadedClasses("--html", html.toString());
        assertThat(html).content().contains("<svg ");
        assertThat(loaded).contains("dev.poolscope.report.chart.PoolUsageChart")
                .doesNotContain("org.jfree", "java.awt.", "javax.imageio.", "sun.java2d.", "sun.font.",
                        "dev.poolscope.report.chart.png.");
    }

    /** SVG chart files are the page's SVG text too: drawing them loads nothing of Java2D. */
    @Test
    void svgChartFilesLoadNoChartOrAwtCode() throws Exception {
        Path charts = dir.resolve("charts");
        String loaded = loadedClasses("--charts", charts.toString(), "--chart-format", "svg", "--chart",
                dir.resolve("pool.svg").toString());
        assertThat(charts.resolve("hold-times.svg")).content().contains("<svg ");
        assertThat(dir.resolve("pool.svg")).content().startsWith("<?xml");
        assertThat(loaded).contains("dev.poolscope.report.chart.PoolUsageChart")
                .doesNotContain("org.jfree", "java.awt.", "sun.java2d.", "sun.font.",
                        "dev.poolscope.report.chart.png.");
    }

    /** PNG charts paint the same drawing with Java2D: JFreeChart is the weekly report's alone. */
    @Test
    void pngChartsLoadJava2dButNoJFreeChart() throws Exception {
        Path charts = dir.resolve("png");
        String loaded = loadedClasses("--charts", charts.toString());
        assertThat(charts.resolve("pool-usage.png")).isNotEmptyFile();
        assertThat(loaded).contains("dev.poolscope.report.chart.png.RasterSurface", "java.awt.Graphics2D")
                .doesNotContain("org.jfree");
    }
}
