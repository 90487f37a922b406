package dev.poolscope.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LogGeneratorTest {
    record Run(String log, Truth truth) {}

    static Run run(GeneratorConfig config) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Truth truth = LogGenerator.generate(config, out);
        return new Run(out.toString(StandardCharsets.UTF_8), truth);
    }

    static Run run(Scenario s, long seed, int requests) throws IOException {
        return run(GeneratorConfig.ofRequests(s, seed, requests));
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void sameConfigGivesByteIdenticalOutput(Scenario s) throws IOException {
        Run a = run(s, 7, 400);
        Run b = run(s, 7, 400);
        assertThat(a.log()).isEqualTo(b.log());
        assertThat(a.truth()).isEqualTo(b.truth());
        assertThat(run(s, 8, 400).log()).isNotEqualTo(a.log());
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void independentCountAgreesWithTruth(Scenario s) throws IOException {
        assertAgrees(run(s, 3, 1200));
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void sizeModeStopsOnTheLineThatReachesTheTarget(Scenario s) throws IOException {
        long target = 1_500_000;
        Run r = run(GeneratorConfig.ofBytes(s, 11, target));
        byte[] bytes = r.log().getBytes(StandardCharsets.UTF_8);
        assertThat(r.truth().bytes()).isEqualTo(bytes.length);
        assertThat((long) bytes.length).isGreaterThanOrEqualTo(target);
        String[] lines = r.log().split("\n");
        long lastLine = lines[lines.length - 1].length() + 1;
        assertThat(bytes.length - lastLine).isLessThan(target);
        assertThat(r.log()).endsWith("\n");
        assertAgrees(r); // a cut mid-request is counted the same way by both
    }

    static void assertAgrees(Run r) {
        Truth t = r.truth();
        IndependentCount c = IndependentCount.of(r.log());
        assertThat(t.lines()).isEqualTo(c.lines);
        assertThat(t.getconn()).isEqualTo(c.getconn);
        assertThat(t.putconn()).isEqualTo(c.putconn);
        assertThat(t.leakDelta()).isEqualTo(c.getconn - c.putconn);
        assertThat(t.getconnFailed()).isEqualTo(c.failed);
        assertThat(t.nearlyExhausted()).isEqualTo(c.nearly);
        assertThat(t.exhaustionErrors()).isEqualTo(c.exhaustion);
        assertThat(t.leakedCheckouts()).isEqualTo(c.leakedCheckouts());
        Set<String> leaked = c.leakedRequests();
        assertThat(t.requestsWithoutClose()).isEqualTo(leaked.size());
        assertThat(t.leakedRequestIds()).containsExactlyElementsOf(
                leaked.stream().map(k -> k.split("\\|")[1]).sorted().toList());
        Map<String, Long> byEndpoint = new TreeMap<>();
        t.leaksByEndpoint().forEach((k, v) -> byEndpoint.put(k, v.checkouts()));
        assertThat(byEndpoint).isEqualTo(c.leakedByEndpoint());
        assertThat(t.statementTimeoutEvents()).isEqualTo(c.timeoutEvents);
        assertThat(t.statementTimeoutRequests()).isEqualTo(c.timeoutRequests.size());
        assertThat(t.timeoutRequestsLeftConnectionOpen())
                .isEqualTo(leaked.stream().filter(c.timeoutRequests::contains).count());
        assertThat(t.poolUsedMax()).isEqualTo(c.maxUsed);
        assertThat(t.firstTimestamp()).isEqualTo(c.first);
        assertThat(t.lastTimestamp()).isEqualTo(c.last);
        Map<Integer, List<List<String>>> intervals = new TreeMap<>();
        t.nearExhaustion().forEach((pid, l) -> intervals.put(pid,
                l.stream().map(i -> java.util.Arrays.asList(i.start(), i.lastAbove(), i.end())).toList()));
        Map<Integer, List<List<String>>> counted = new TreeMap<>();
        c.intervals.forEach((pid, l) -> counted.put(pid, l.stream().map(java.util.Arrays::asList).toList()));
        assertThat(intervals).isEqualTo(counted);
    }

    @Test
    void scenariosShowTheirShape() throws IOException {
        Truth healthy = run(Scenario.HEALTHY, 5, 1500).truth();
        assertThat(healthy.leakedCheckouts()).isZero();
        assertThat(healthy.statementTimeoutEvents()).isZero();
        assertThat(healthy.poolUsedMax().get(26680)).isLessThan(30);

        Run leaky = run(Scenario.LEAKY_ROUTERS, 5, 5000);
        assertThat(leaky.truth().getconnFailed()).isPositive();
        assertThat(leaky.truth().exhaustionErrors()).isPositive();
        assertThat(leaky.truth().leaksByEndpoint()).containsOnlyKeys("POST /api/projects",
                "DELETE /api/projects/{id}", "GET /api/projects/{id}/interviews", "POST /api/ingest");
        assertThat(leaky.truth().nearExhaustion().get(26680)).last().extracting(Truth.Interval::end).isNull();
        assertThat(leaky.log()).contains("http.request.finished\", \"method\": \"POST\"");

        Run storm = run(Scenario.TIMEOUT_STORM, 5, 1500);
        Truth st = storm.truth();
        assertThat(st.statementTimeoutEvents()).isGreaterThan(st.statementTimeoutRequests());
        assertThat(st.timeoutRequestsLeftConnectionOpen()).isEqualTo(st.requestsWithoutClose()).isPositive();
        assertThat(storm.log()).contains("\"error_type\": \"DivisionByZero\"");

        Run mixed = run(Scenario.MIXED_PROCESSES, 5, 1500);
        assertThat(mixed.truth().poolUsedMax()).hasSize(3);
        assertThat(mixed.log()).contains("\"job\": \"refresh_coding_stats\"");
        // The log opens mid-stream: some putconns have no getconn in it.
        assertThat(mixed.truth().leakDelta()).isLessThan(mixed.truth().leakedCheckouts());
    }

    @Test
    void connIdsRepeatAcrossProcesses() throws IOException {
        String log = run(Scenario.MIXED_PROCESSES, 2, 600).log();
        Map<Long, Set<Long>> pidsByConn = new TreeMap<>();
        for (String line : log.split("\n")) {
            long conn = IndependentCount.num(line, "conn_id");
            if (conn >= 0) {
                pidsByConn.computeIfAbsent(conn, k -> new java.util.TreeSet<>()).add(IndependentCount.num(line, "pid"));
            }
        }
        assertThat(pidsByConn.values()).anyMatch(pids -> pids.size() > 1);
    }
}
