package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.testing.Cli;
import dev.poolscope.testing.MiniJson;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL log alone has no pool events, yet it is a valid input with figures of its own: the
 * "no pool events, no verdict" rule of the dialects must not refuse it. Figures from the fixture's README.
 */
class ServerOnlyLogTest {
    private static final String LOG = "src/test/resources/fixtures/postgres-jsonlog/during-sqlalchemy.json";

    @Test
    void aServerLogAloneIsReportedNotRefused() {
        Cli r = Cli.run("analyze", LOG, "--format", "json");
        assertThat(r.code()).isZero();
        Map<String, String> json = MiniJson.flatten(r.out().getBytes(StandardCharsets.UTF_8));
        assertThat(json.get("server.idle_in_transaction_kills")).isEqualTo("5");
        assertThat(json.get("statement_timeouts.events")).isEqualTo("25");
        assertThat(r.err()).doesNotContain("no pool events");
    }
}
