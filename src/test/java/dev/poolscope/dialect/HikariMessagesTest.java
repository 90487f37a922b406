package dev.poolscope.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.LineText;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.event.PoolNote.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HikariCP's messages as docs/dialects-reference.md §1 gives them, one form per test (5.1, 6.0, 6.3, 7.1). */
class HikariMessagesTest {
    static final PoolEvent BASE = new PoolEvent(EventKind.OTHER, 1_000_000, "p", null, null, PoolEvent.NO_COUNT,
            PoolEvent.NO_COUNT, null, false, false, "log", 1);
    private static final String POOL = "com.zaxxer.hikari.pool.HikariPool";

    static PoolEvent read(String message, String logger, String thread, String stack) {
        return new DialectRecognizer(java.util.EnumSet.of(Dialect.HIKARICP), dev.poolscope.event.EventNames.defaults())
                .recognise(BASE, new LineText(message, logger, thread, stack, "DEBUG"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // 5.x / 6.0-era form: active before idle, no maximum
        "HikariPool-1 - Pool stats (total=10, active=4, idle=6, waiting=0)|4|-1|0",
        "reports-pool - Before cleanup stats (total=3, active=1, idle=2, waiting=0)|1|-1|0",
        "reports-pool - After cleanup  stats (total=3, active=1, idle=2, waiting=0)|1|-1|0",
        "HikariPool-1 - After shutdown stats (total=0, active=0, idle=0, waiting=0)|0|-1|0",
        // 6.0+ form: total=T/maximumPoolSize, idle=I/minimumIdle (not the maximum)
        "HikariPool-1 - Pool stats (total=12/20, idle=3/5, active=9, waiting=2)|9|20|2",
        "HikariPool-1 - After  cleanup stats (total=6/6, idle=2/6, active=4, waiting=0)|4|6|0",
        "HikariPool-1 - Timeout failure stats (total=12/12, idle=0/12, active=12, waiting=7)|12|12|7",
        "HikariPool-1 - Connection not added, stats (total=12/12, idle=0/12, active=12, waiting=1)|12|12|1",
        "HikariPool-1 - After adding stats (total=2/10, idle=1/10, active=1, waiting=0)|1|10|0",
    })
    void statsInEveryFormAndPrefix(String message, int active, int max, int waiting) {
        PoolEvent e = read(message, POOL, "HikariPool-1:housekeeper", null);
        assertThat(e.note().kind()).isEqualTo(Kind.STATS);
        assertThat(e.poolUsed()).isEqualTo(active);
        assertThat(e.poolMax()).isEqualTo(max);
        assertThat(e.note().waiting()).isEqualTo(waiting);
        assertThat(e.kind()).isEqualTo(EventKind.OTHER);
    }

    @Test
    void leakWarningSplitsOnOnThreadNotOnSpaces() {
        PoolEvent e = read("Connection leak detection triggered for conn2: url=jdbc:h2:mem:billing user=SA on thread"
                + " pool-1-thread-6, stack trace follows", "com.zaxxer.hikari.pool.ProxyLeakTask",
                "HikariPool-1 housekeeper", "java.lang.Exception: Apparent connection leak detected\n"
                        + "\tat com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:99)\n"
                        + "\tat com.acme.Db.acquire(Db.java:25)\n\tat com.acme.ExportController.export(ExportController.java:57)\n"
                        + "\tat java.base/java.lang.Thread.run(Thread.java:840)\n");
        assertThat(e.note().kind()).isEqualTo(Kind.LEAK_SUSPECTED);
        assertThat(e.note().connection()).isEqualTo("conn2: url=jdbc:h2:mem:billing user=SA");
        assertThat(e.note().subject()).isEqualTo("pool-1-thread-6");
        assertThat(e.note().frames()).containsExactly("com.acme.Db.acquire(Db.java:25)",
                "com.acme.ExportController.export(ExportController.java:57)");
    }

    @Test
    void unleaked() {
        PoolEvent e = read("Previously reported leaked connection org.postgresql.jdbc.PgConnection@7357a011 on thread"
                + " http-nio-8080-exec-28 was returned to the pool (unleaked)", "com.zaxxer.hikari.pool.ProxyLeakTask",
                "http-nio-8080-exec-28", null);
        assertThat(e.note().kind()).isEqualTo(Kind.LEAK_RETURNED);
        assertThat(e.note().connection()).isEqualTo("org.postgresql.jdbc.PgConnection@7357a011");
        assertThat(e.note().subject()).isEqualTo("http-nio-8080-exec-28");
    }

    @Test
    void timeoutInTheAppsMessageOrOnlyInItsStackIsOneFailedCheckout() {
        String text = "HikariPool-1 - Connection is not available, request timed out after 1000ms (total=12, active=12,"
                + " idle=0, waiting=22)";
        PoolEvent inMessage = read("Could not open JDBC Connection: " + text, "com.acme.Web", "http-1",
                "java.sql.SQLTransientConnectionException: " + text + "\n\tat com.zaxxer.hikari.pool.HikariPool.x(H.java:1)");
        assertThat(inMessage.kind()).isEqualTo(EventKind.CHECKOUT_FAILED);
        assertThat(inMessage.note().text()).isEqualTo(text);
        assertThat(inMessage.poolUsed()).isEqualTo(12);
        assertThat(inMessage.note().waiting()).isEqualTo(22);
        PoolEvent inStack = read("request failed", "com.acme.Web", "http-1", "java.sql.SQLTransientConnectionException: "
                + text + "\n\tat x.Y.z(Y.java:1)");
        assertThat(inStack.kind()).isEqualTo(EventKind.CHECKOUT_FAILED);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "maximumPoolSize.................12|maximumPoolSize|12|12",
        "leakDetectionThreshold..........2000|leakDetectionThreshold|2000|-1",
        "poolName........................\"HikariPool-1\"|poolName|\"HikariPool-1\"|-1",
    })
    void configurationDump(String message, String key, String value, int max) {
        PoolEvent e = read(message, "com.zaxxer.hikari.HikariConfig", "main", null);
        assertThat(e.note().kind()).isEqualTo(Kind.CONFIG);
        assertThat(e.note().subject()).isEqualTo(key);
        assertThat(e.note().text()).isEqualTo(value);
        assertThat(e.poolMax()).isEqualTo(max);
    }

    @Test
    void dumpStartNamesThePool() {
        PoolEvent e = read("HikariPool-1 - configuration:", "com.zaxxer.hikari.HikariConfig", "main", null);
        assertThat(e.note().kind()).isEqualTo(Kind.CONFIG_START);
        assertThat(e.note().subject()).isEqualTo("HikariPool-1");
    }

    @Test
    void anAppLineLookingLikeADumpIsNotOne() {
        PoolEvent e = read("loading.........done", "com.acme.Main", "main", null);
        assertThat(e.note().fromLibrary()).isFalse();
        assertThat(read("Order - stats (total=1)", "com.acme.Main", "main", null).note().fromLibrary()).isFalse();
    }

    @Test
    void otherHikariLinesAreLibraryLinesButNoPoolEvents() {
        PoolEvent e = read("HikariPool-1 - Start completed.", "com.zaxxer.hikari.HikariDataSource", "main", null);
        assertThat(e.note().fromLibrary()).isTrue();
        assertThat(e.note().kind()).isEqualTo(Kind.OTHER);
    }
}
