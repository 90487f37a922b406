package dev.poolscope.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.report.chart.ChartColours;
import dev.poolscope.testing.Cdp;
import dev.poolscope.testing.Scenarios;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens HTML reports in real headless chromium (Debian's package; .ci/run installs it) and checks that
 * they render without console errors, make no network request, run no injected script, sort their
 * tables, and show the charts. The screenshot is kept in target/browser/ for people to look at.
 */
@Tag("slow")   // a real browser: left out of mutation runs (docs/testing.md), run by every build
class HtmlBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getProperty("poolscope.chromium", "/usr/bin/chromium"));

    @TempDir
    Path dir;

    @Test
    void reportsRenderOfflineWithoutErrorsAndShowTheCharts() throws Exception {
        Assumptions.assumeTrue(Cdp.exists(CHROMIUM), "browser test skipped: no chromium at " + CHROMIUM
                + " (install it with: apt-get install -y chromium; .ci/run does this)");
        Path real = write("real.html", Scenarios.REAL);
        Path hostile = write("hostile.html", Scenarios.HOSTILE);
        try (Cdp cdp = Cdp.launch(CHROMIUM, Files.createDirectories(dir.resolve("profile")))) {
            cdp.openTab();
            for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
                cdp.send(domain + ".enable", Map.of());
            }
            cdp.send("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 1200, "height", 2400, "deviceScaleFactor", 1, "mobile", false));

            load(cdp, hostile);
            assertThat(eval(cdp, "document.title")).asString().startsWith("poolscope: CRITICAL");
            assertQuiet(cdp, hostile);

            load(cdp, real);
            // Every sort button once: the page's own script must run without errors.
            assertThat(eval(cdp, "(() => { const b = document.querySelectorAll('th button');"
                    + " b.forEach(x => x.click()); return b.length; })()")).isEqualTo(Integer.valueOf(34));
            assertThat(eval(cdp, "document.querySelector('#leaks th:last-child').getAttribute('aria-sort')"))
                    .isEqualTo("ascending");
            // The charts are inline SVG the browser lays out: each an SVG element, 1000 px wide on this viewport.
            assertThat(eval(cdp, "[...document.querySelectorAll('figure > svg')].filter(s => s instanceof SVGSVGElement"
                    + " && Math.round(s.getBoundingClientRect().width) === 1000).length")).isEqualTo(Integer.valueOf(4));
            assertQuiet(cdp, real);
            BufferedImage shot = screenshot(cdp);
            Rect chart = rect(cdp, "#chart-pool-usage svg");
            assertThat(countColour(shot, chart, Integer.parseInt(ChartColours.USED.substring(1), 16))).as("pool-used line pixels in the screenshot")
                    .isGreaterThan(500);
        }
    }

    private Path write(String name, Scenarios scenario) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, HtmlReportTest.render(scenario.diagnose()), StandardCharsets.UTF_8);
        return file;
    }

    private static void load(Cdp cdp, Path file) throws Exception {
        cdp.clearEvents();
        cdp.send("Page.navigate", Map.of("url", file.toUri().toString()));
        cdp.await("Page.loadEventFired");
    }

    private static Object eval(Cdp cdp, String expression) throws Exception {
        Map<String, Object> r = cdp.send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        assertThat(r).doesNotContainKey("exceptionDetails");
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) r.get("result");
        return result.get("value");
    }

    /** No console error or warning, no uncaught exception, no dialog, and no request but the file itself. */
    private static void assertQuiet(Cdp cdp, Path file) {
        List<String> problems = new ArrayList<>();
        cdp.events("Runtime.consoleAPICalled").forEach(e -> problems.add("console." + e.get("type") + " " + e.get("args")));
        cdp.events("Runtime.exceptionThrown").forEach(e -> problems.add("exception " + e.get("exceptionDetails")));
        cdp.events("Log.entryAdded").forEach(e -> problems.add("log " + e.get("entry")));
        cdp.events("Page.javascriptDialogOpening").forEach(e -> problems.add("dialog " + e.get("message")));
        assertThat(problems).as("console and dialogs of %s", file.getFileName()).isEmpty();
        for (Map<String, Object> e : cdp.events("Network.requestWillBeSent")) {
            @SuppressWarnings("unchecked")
            String url = (String) ((Map<String, Object>) e.get("request")).get("url");
            assertThat(url).as("request made by %s", file.getFileName()).isEqualTo(file.toUri().toString());
        }
    }

    private static BufferedImage screenshot(Cdp cdp) throws Exception {
        String data = (String) cdp.send("Page.captureScreenshot", Map.of("format", "png")).get("data");
        byte[] png = Base64.getDecoder().decode(data);
        Path keep = Files.createDirectories(Path.of("target", "browser")).resolve("report.png");
        Files.write(keep, png);
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private record Rect(int x, int y, int width, int height) {}

    private static Rect rect(Cdp cdp, String selector) throws Exception {
        String r = (String) eval(cdp, "(() => { const r = document.querySelector('" + selector
                + "').getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round).join(','); })()");
        String[] p = r.split(",");
        return new Rect(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]), Integer.parseInt(p[3]));
    }

    private static int countColour(BufferedImage img, Rect r, int rgb) {
        int n = 0;
        for (int y = Math.max(0, r.y()); y < Math.min(img.getHeight(), r.y() + r.height()); y++) {
            for (int x = Math.max(0, r.x()); x < Math.min(img.getWidth(), r.x() + r.width()); x++) {
                if (close(img.getRGB(x, y), rgb)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean close(int a, int b) {
        return Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff)) < 12 && Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff)) < 12
                && Math.abs((a & 0xff) - (b & 0xff)) < 12;
    }
}
