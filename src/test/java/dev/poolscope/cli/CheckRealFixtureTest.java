package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.poolscope.testing.CheckRun;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} on the real structlog + psycopg2 capture. The expected figures come from
 * {@code app.truth.json}, recorded inside the service while it ran, not from poolscope.
 */
class CheckRealFixtureTest {
    static Path log;
    static long truthLeakDelta;
    static long truthLeakedRequests;
    static long truthPoolUsedMax;
    static Map<String, Long> truthLeaksByRoute = new HashMap<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void readTruth() throws IOException, URISyntaxException {
        log = Path.of(CheckRealFixtureTest.class.getResource("/fixtures/real-structlog/app.jsonl").toURI());
        Path truth = log.resolveSibling("app.truth.json");
        try (JsonParser p = new JsonFactory().createParser(truth.toFile())) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "counts" -> readObject(p, (k, q) -> {
                        if (k.equals("leak_delta")) {
                            truthLeakDelta = q.getLongValue();
                        }
                    });
                    case "leaks" -> readObject(p, (k, q) -> {
                        if (k.equals("leaked_requests")) {
                            truthLeakedRequests = q.getLongValue();
                        } else if (k.equals("by_route")) {
                            readObject(q, (route, r) -> truthLeaksByRoute.put(route, r.getLongValue()));
                        }
                    });
                    case "pool_used_max" -> readObject(p, (pid, q) ->
                            truthPoolUsedMax = Math.max(truthPoolUsedMax, q.getLongValue()));
                    default -> p.skipChildren();
                }
            }
        }
    }

    interface FieldReader {
        void read(String name, JsonParser p) throws IOException;
    }

    private static void readObject(JsonParser p, FieldReader reader) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            reader.read(name, p);
            p.skipChildren();
        }
    }

    @Test
    void truthImpliesACriticalVerdict() {
        // the truth's figures against the documented thresholds: used > 70, delta > 10, any leaked request
        assertThat(truthPoolUsedMax).isGreaterThan(70);
        assertThat(truthLeakDelta).isGreaterThan(10);
        assertThat(truthLeakedRequests).isGreaterThan(0);

        CheckRun r = CheckRun.run("check", log.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.row("pool used (peak)")).containsExactly(Long.toString(truthPoolUsedMax), "70", "FAIL");
        assertThat(r.row("getconn - putconn")).containsExactly(Long.toString(truthLeakDelta), "10", "FAIL");
        assertThat(r.row("requests without close")).containsExactly(Long.toString(truthLeakedRequests), "0", "FAIL");
        assertThat(r.out()).contains("by " + truthLeakedRequests + " requests");
        // the service names its path parameters ({project_id}); poolscope groups ids as {id}
        truthLeaksByRoute.forEach((route, n) ->
                assertThat(r.out()).contains(route.replaceAll("\\{[^}]*}", "{id}") + " (" + n + ")"));
    }

    @Test
    void analyzeReportOfTheSameRunIsAPassingBaseline() {
        Path report = dir.resolve("main-report.json");
        assertThat(CheckRun.run("analyze", "-f", "json", "-o", report.toString(), log.toString()).exit()).isEqualTo(0);

        CheckRun r = CheckRun.run("check", log.toString(), "--baseline", report.toString());

        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.row("getconn - putconn")).containsExactly(Long.toString(truthLeakDelta),
                Long.toString(truthLeakDelta), "PASS");
    }
}
