package dev.poolscope.report.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.testing.LiveSamples;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{log=\"((?:[^\"\\\\]|\\\\.)*)\"} (\\S+)");
    private final LiveSamples sample = new LiveSamples("req-1");

    /** Parses the exposition text strictly: every sample after its own HELP and TYPE lines. */
    private static Map<String, String> samples(String text, String expectedLabel) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).startsWith("# poolscope watch metrics");
        for (int i = 1; i < lines.size(); i += 3) {
            String help = lines.get(i);
            String type = lines.get(i + 1);
            Matcher m = SAMPLE.matcher(lines.get(i + 2));
            assertThat(m.matches()).as(lines.get(i + 2)).isTrue();
            String name = m.group(1);
            assertThat(help).startsWith("# HELP " + name + " ");
            assertThat(type).isIn("# TYPE " + name + " gauge", "# TYPE " + name + " counter");
            assertThat(type.endsWith("counter")).isEqualTo(name.endsWith("_total"));
            assertThat(m.group(2)).isEqualTo(expectedLabel);
            Double.parseDouble(m.group(3));
            values.put(name, m.group(3));
        }
        return values;
    }

    @Test
    void writesGaugesAndCountersOfTheLiveFigures() {
        String text = PrometheusText.format(sample.first, "/var/log/app.jsonl", 3, 0, 1);
        Map<String, String> v = samples(text, "/var/log/app.jsonl");
        assertThat(v).containsEntry("poolscope_level", "2")
                .containsEntry("poolscope_pool_used", "75")
                .containsEntry("poolscope_pool_used_peak", "75")
                .containsEntry("poolscope_pool_max", "80")
                .containsEntry("poolscope_open_checkouts", "1")
                .containsEntry("poolscope_leak_delta", "1")
                .containsEntry("poolscope_requests_without_close", "1")
                .containsEntry("poolscope_leak_suspects", "1")
                .containsEntry("poolscope_oldest_checkout_age_seconds", "95.000000")
                .containsEntry("poolscope_last_event_timestamp_seconds", "1767225603.000000")
                .containsEntry("poolscope_lines_total", "3")
                .containsEntry("poolscope_getconn_total", "1")
                .containsEntry("poolscope_putconn_total", "0")
                .containsEntry("poolscope_statement_timeouts_total", "1")
                .containsEntry("poolscope_leak_suspicions_total", "1")
                .containsEntry("poolscope_alerts_total", "1");
        assertThat(text).endsWith("\n");
    }

    @Test
    void escapesTheLogLabel() {
        String text = PrometheusText.format(sample.second, "C:\\logs\\\"odd\"\nname", 0, 0, 0);
        samples(text, "C:\\\\logs\\\\\\\"odd\\\"\\nname");
    }
}
