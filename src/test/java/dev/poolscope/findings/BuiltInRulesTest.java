package dev.poolscope.findings;

import static dev.poolscope.findings.FindingLog.figure;
import static dev.poolscope.findings.FindingLog.ids;
import static dev.poolscope.findings.FindingLog.one;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each built-in rule on a hand-built log that makes it fire and on a near miss that must not. Every
 * expected figure is counted from the log the test writes (times in ms after the start).
 */
class BuiltInRulesTest {

    /** 20 healthy GET /api/items requests, 1 s apart, each holding its connection 10 ms. */
    private static FindingLog healthy(FindingLog log, int n) {
        for (int i = 0; i < n; i++) {
            log.request("ok-" + i, "GET", "/api/items", i * 1000L, 10);
        }
        return log;
    }

    @Test
    void leakingRouteIsNamedWithLeakedAgainstTotalCheckouts() {
        FindingLog log = healthy(new FindingLog(), 20);
        for (int i = 0; i < 4; i++) {   // 4 POST /api/projects requests end without returning their connection
            log.leak("leak-" + i, "POST", "/api/projects", 500 + i * 1000L, 600 + i * 1000L);
        }
        Finding f = one(log.findings(), "route-leaks-connections");
        assertThat(f.endpoints()).containsExactly("POST /api/projects");
        assertThat(figure(f, "leaked_checkouts")).isEqualTo(4L);
        assertThat(figure(f, "requests_without_close")).isEqualTo(4L);
        List<?> rows = (List<?>) figure(f, "by_endpoint");
        assertThat(((Figure.Row) rows.get(0)).cells()).containsEntry("leaked", 4L).containsEntry("checkouts", 4L);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);   // 4 < 10 critical-leaks
        assertThat(f.examples()).hasSize(4).allSatisfy(e -> assertThat(e.requestId()).startsWith("leak-"));
        assertThat(f.examples().get(0).line()).isEqualTo(4 * 20 + 2);   // 80 healthy lines, leak-0's start, its getconn
    }

    @Test
    void twoLeaksAreBelowTheMinimum() {
        FindingLog log = healthy(new FindingLog(), 20);
        log.leak("leak-0", "POST", "/api/projects", 500, 600).leak("leak-1", "POST", "/api/projects", 1500, 1600);
        assertThat(ids(log.findings())).doesNotContain("route-leaks-connections");
    }

    /** Pool of 5: five requests leak their connection, then three checkouts are refused. */
    @Test
    void poolDrainedByLeakedConnectionsIsExhaustedByLeaks() {
        FindingLog log = new FindingLog();
        for (int i = 0; i < 5; i++) {
            log.leak("leak-" + i, "DELETE", "/api/projects/" + i, i * 100L, i * 100L + 50);
        }
        log.at(1000).start("late-0", "GET", "/api/items").failed("late-0").end("late-0");
        log.at(2100).start("late-1", "GET", "/api/items").failed("late-1").end("late-1");
        log.at(2200).start("late-2", "GET", "/api/items").failed("late-2").end("late-2");
        List<Finding> findings = log.findings();
        assertThat(ids(findings)).contains("pool-exhausted-by-leaks").doesNotContain("pool-exhausted-by-load");
        Finding f = one(findings, "pool-exhausted-by-leaks");
        assertThat(figure(f, "getconn_failed")).isEqualTo(3L);
        assertThat(figure(f, "held_at_first_failure")).isEqualTo(5L);
        assertThat(figure(f, "never_returned_at_first_failure")).isEqualTo(5L);
        assertThat(figure(f, "never_returned_share")).isEqualTo(1.0);   // looks at 1000 and 2100 ms: 10 of 10
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aFullPoolThatRefusedNothingIsNotExhausted() {
        FindingLog log = new FindingLog();
        for (int i = 0; i < 5; i++) {
            log.leak("leak-" + i, "DELETE", "/api/projects/" + i, i * 100L, i * 100L + 50);
        }
        assertThat(ids(log.findings())).doesNotContain("pool-exhausted-by-leaks", "pool-exhausted-by-load");
    }

    /**
     * A statement-timeout storm without a leak: five slow requests hold all 5 connections, checkouts are
     * refused meanwhile, the slow ones time out and give their connections back.
     */
    @Test
    void poolDrainedBySlowRequestsIsExhaustedByLoad() {
        List<Finding> findings = storm(0).findings();
        assertThat(ids(findings)).contains("pool-exhausted-by-load")
                .doesNotContain("pool-exhausted-by-leaks", "route-leaks-connections", "timeout-left-connection-open");
        Finding f = one(findings, "pool-exhausted-by-load");
        assertThat(figure(f, "held_at_first_failure")).isEqualTo(5L);
        assertThat(figure(f, "never_returned_at_first_failure")).isEqualTo(0L);
        assertThat(figure(f, "statement_timeouts")).isEqualTo(5L);
        assertThat(figure(f, "leaked_checkouts")).isEqualTo(0L);
    }

    /** The leak-share threshold (0.5): 2 of 5 connections held by ended requests is load, 3 of 5 is leaks. */
    @Test
    void theLeakShareDecidesBetweenLeaksAndLoad() {
        assertThat(ids(storm(2).findings())).contains("pool-exhausted-by-load").doesNotContain("pool-exhausted-by-leaks");
        assertThat(ids(storm(3).findings())).contains("pool-exhausted-by-leaks").doesNotContain("pool-exhausted-by-load");
    }

    /** {@code leaked} of the 5 connections belong to requests that ended without returning them. */
    private static FindingLog storm(int leaked) {
        FindingLog log = new FindingLog();
        for (int i = 0; i < 5; i++) {
            if (i < leaked) {
                log.leak("leak-" + i, "POST", "/api/ingest", i * 10L, i * 10L + 5);
            } else {
                log.at(i * 10L).start("slow-" + i, "GET", "/api/stats").get("slow-" + i, "slow-" + i + "-c", i + 1);
            }
        }
        for (int i = 0; i < 3; i++) {
            log.at(200 + i * 100L).start("refused-" + i, "GET", "/api/items").failed("refused-" + i).end("refused-" + i);
        }
        for (int i = leaked; i < 5; i++) {
            log.at(800 + i).timeout("slow-" + i).put("slow-" + i, "slow-" + i + "-c", 4 - i).end("slow-" + i);
        }
        return log;
    }

    @Test
    void timedOutRequestThatKeptItsConnectionIsNamed() {
        FindingLog log = healthy(new FindingLog(), 10);
        log.at(20_000).start("t-1", "GET", "/api/coding/stats").get("t-1", "t-1-c", 1)
                .at(20_800).timeout("t-1").at(20_810).end("t-1");   // never putconn
        Finding f = one(log.findings(), "timeout-left-connection-open");
        assertThat(figure(f, "left_open")).isEqualTo(1L);
        assertThat(figure(f, "timed_out_requests")).isEqualTo(1L);
        assertThat(f.endpoints()).containsExactly("GET /api/coding/stats");
        assertThat(f.examples()).singleElement().satisfies(e -> assertThat(e.requestId()).isEqualTo("t-1"));
    }

    @Test
    void timedOutRequestThatReturnedItsConnectionIsFine() {
        FindingLog log = healthy(new FindingLog(), 10);
        log.at(20_000).start("t-1", "GET", "/api/coding/stats").get("t-1", "t-1-c", 1)
                .at(20_800).timeout("t-1").put("t-1", "t-1-c", 0).end("t-1");
        assertThat(ids(log.findings())).doesNotContain("timeout-left-connection-open", "route-leaks-connections");
    }

    /** 30 checkouts each: GET /api/stats holds 900 ms, GET /api/items 10 ms (p95 900 ≥ 5 × 10 and ≥ 500). */
    @Test
    void slowEndpointFarAboveTheRestIsNamed() {
        Finding f = one(slowAndFast(900, 10).findings(), "slow-endpoint-holds-connections");
        assertThat(f.endpoints()).containsExactly("GET /api/stats");
        assertThat((Double) figure(f, "hold_p95_ms")).isBetween(890.0, 910.0);   // histogram precision
        assertThat((Double) figure(f, "others_p95_ms")).isBetween(9.0, 11.0);
        assertThat(f.severity()).isEqualTo(Severity.INFO);   // no statement timeout on it
    }

    @Test
    void slowEndpointNearMisses() {
        assertThat(ids(slowAndFast(400, 10).findings())).doesNotContain("slow-endpoint-holds-connections");   // < 500 ms
        assertThat(ids(slowAndFast(900, 300).findings())).doesNotContain("slow-endpoint-holds-connections");  // 3x < 5x
    }

    private static FindingLog slowAndFast(long slowMs, long fastMs) {
        FindingLog log = new FindingLog();
        for (int i = 0; i < 30; i++) {
            log.request("s-" + i, "GET", "/api/stats", i * 2000L, slowMs);
            log.request("f-" + i, "GET", "/api/items", i * 2000L + 1000, fastMs);
        }
        return log;
    }

    @Test
    void unpairedReturnsAreCounted() {
        FindingLog log = healthy(new FindingLog(), 10);
        for (int i = 0; i < 4; i++) {   // 4 returns of connections never seen taken
            log.at(30_000 + i).put("ghost-" + i, "g-" + i, 0);
        }
        Finding f = one(log.findings(), "unpaired-returns");
        assertThat(figure(f, "orphan_putconn")).isEqualTo(4L);
        assertThat(figure(f, "putconn")).isEqualTo(14L);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);   // 4 of 14 returns, above 1 %
        FindingLog two = healthy(new FindingLog(), 10);
        two.at(30_000).put("ghost-0", "g-0", 0).at(30_001).put("ghost-1", "g-1", 0);
        assertThat(ids(two.findings())).doesNotContain("unpaired-returns");   // 2 < 3
    }

    @Test
    void aHealthyLogFiresNothing() {
        assertThat(healthy(new FindingLog(), 50).findings()).isEmpty();
    }
}
