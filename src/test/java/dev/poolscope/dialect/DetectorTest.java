package dev.poolscope.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import dev.poolscope.event.EventNames;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Detection of each dialect and layout from an input's first lines. */
class DetectorTest {
    private static Detection detect(String... lines) {
        Detector d = new Detector(new JsonFactory(), EventNames.defaults());
        for (String l : lines) {
            byte[] b = l.getBytes(StandardCharsets.UTF_8);
            d.line(b, 0, b.length);
        }
        return d.finish();
    }

    @Test
    void hikaricpFromLogbackByItsLogger() {
        Detection d = detect("{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"@version\":\"1\",\"message\":\"HikariPool-1 -"
                + " configuration:\",\"logger_name\":\"com.zaxxer.hikari.HikariConfig\",\"thread_name\":\"main\",\"level\":\"DEBUG\"}");
        assertThat(d.dialect()).isEqualTo(Dialect.HIKARICP);
        assertThat(d.format()).contains("logstash-logback-encoder");
        assertThat(d.structlog()).isFalse();
    }

    @Test
    void hikaricpFromLog4j2EcsByAMessageShape() {
        Detection d = detect("{\"@timestamp\":\"2026-01-01T00:00:00.000Z\",\"log.level\":\"DEBUG\",\"message\":"
                + "\"HikariPool-1 - Pool stats (total=1/10, idle=1/10, active=0, waiting=0)\",\"log.logger\":\"x\"}");
        assertThat(d.dialect()).isEqualTo(Dialect.HIKARICP);
        assertThat(d.format()).contains("log4j2");
    }

    @Test
    void sqlalchemyAndPsycopgFromPythonJsonLogger() {
        assertThat(detect("{\"asctime\":\"2026-12-05 03:05:56,571\",\"levelname\":\"DEBUG\",\"name\":"
                + "\"sqlalchemy.pool.impl.QueuePool\",\"message\":\"Connection <c at 0x1> checked out from pool\"}")
                .dialect()).isEqualTo(Dialect.SQLALCHEMY);
        Detection p = detect("{\"asctime\":\"x\",\"levelname\":\"INFO\",\"name\":\"psycopg.pool\",\"message\":"
                + "\"connection given by 'inventory-db'\"}");
        assertThat(p.dialect()).isEqualTo(Dialect.PSYCOPG_POOL);
        assertThat(p.format()).contains("python-json-logger");
    }

    @Test
    void structlogByItsPoolEventsOrItsShape() {
        assertThat(detect("{\"event\":\"pool.getconn.success\",\"level\":\"info\",\"conn_id\":1}").dialect())
                .isEqualTo(Dialect.STRUCTLOG);
        assertThat(detect("{\"event\":\"http.request.started\",\"level\":\"info\",\"logger\":\"app.http\"}").structlog())
                .as("structlog shape, no pool library").isTrue();
    }

    @Test
    void noPoolLineMeansEveryLibraryIsLookedFor() {
        Detection d = detect("{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"@version\":\"1\",\"message\":\"hello\","
                + "\"logger_name\":\"com.acme.Web\",\"thread_name\":\"http-1\",\"level\":\"INFO\"}", "not json");
        assertThat(d.dialect()).isNull();
        assertThat(d.loggers()).containsExactly("com.acme.Web");
        assertThat(d.levels()).containsExactly("INFO");
        assertThat(detect("plain text", "more text").format()).isEqualTo("not JSON");
    }
}
