package dev.poolscope.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.EventNames;
import dev.poolscope.event.LineText;
import dev.poolscope.event.PoolEvent;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SQLAlchemy's and psycopg_pool's messages (docs/dialects-reference.md §2 and §3). */
class PythonMessagesTest {
    private static final DialectRecognizer ALL = DialectRecognizer.all(EventNames.defaults());

    private static PoolEvent read(String message, String logger, String requestId, String stack) {
        PoolEvent base = new PoolEvent(EventKind.OTHER, 1, "p", requestId, null, PoolEvent.NO_COUNT,
                PoolEvent.NO_COUNT, null, false, false, "log", 1);
        return ALL.recognise(base, new LineText(message, logger, "worker_1", stack, "DEBUG"));
    }

    @Test
    void sqlalchemyCheckoutAndReturnPairOnTheAddress() {
        String psycopg2 = "<connection object at 0x7f2928aee480; dsn: 'host=127.0.0.1 dbname=catalog', closed: 0>";
        PoolEvent out = read("Connection " + psycopg2 + " checked out from pool", "sqlalchemy.pool.impl.QueuePool", "r1",
                null);
        assertThat(out.kind()).isEqualTo(EventKind.CHECKOUT);
        assertThat(out.connId()).isEqualTo("0x7f2928aee480");
        assertThat(out.requestId()).isEqualTo("r1");
        PoolEvent back = read("Connection " + psycopg2 + " being returned to pool", "sqlalchemy.pool.impl.QueuePool",
                "r2", null);
        assertThat(back.kind()).isEqualTo(EventKind.CHECKIN);
        assertThat(back.connId()).isEqualTo("0x7f2928aee480");
        assertThat(back.requestId()).as("a GC return runs under another request: pair by connection").isNull();
    }

    @Test
    void psycopg3ReprChangesStateButNotAddress() {
        String idle = "<psycopg.Connection [IDLE] (host=h port=5432 user=u database=d) at 0x7f3d81661690>";
        String intrans = "<psycopg.Connection [INTRANS] (host=h port=5432 user=u database=d) at 0x7f3d81661690>";
        assertThat(read("Connection " + idle + " checked out from pool", "sqlalchemy.pool.impl.QueuePool", null, null)
                .connId()).isEqualTo(read("Connection " + intrans + " being returned to pool",
                "sqlalchemy.pool.impl.QueuePool", null, null).connId());
    }

    @Test
    void queuePoolLimitIsAFailedCheckoutAndGivesTheCapacity() {
        PoolEvent e = read("database connection unavailable: QueuePool limit of size 10 overflow 5 reached, connection"
                + " timed out, timeout 1.00 (Background on this error at: https://sqlalche.me/e/14/3o7r)",
                "catalog_api.http", "r1", null);
        assertThat(e.kind()).isEqualTo(EventKind.CHECKOUT_FAILED);
        assertThat(e.poolMax()).isEqualTo(15);
    }

    @Test
    void anotherLoggersLineIsNotASqlalchemyCheckout() {
        PoolEvent e = read("Connection <x at 0x1> checked out from pool", "app.quotes", "r1", null);
        assertThat(e.kind()).isEqualTo(EventKind.OTHER);
    }

    @Test
    void psycopgPoolPairsPerRequestOrElsePerThread() {
        PoolEvent given = read("connection given by 'inventory-db'", "psycopg.pool", "r1", null);
        assertThat(given.kind()).isEqualTo(EventKind.CHECKOUT);
        assertThat(given.connId()).isNull();
        PoolEvent anonymous = read("returning connection to 'inventory-db'", "psycopg.pool", null, null);
        assertThat(anonymous.kind()).isEqualTo(EventKind.CHECKIN);
        assertThat(anonymous.connId()).isEqualTo("thread worker_1");
        assertThat(read("connection requested from 'inventory-db'", "psycopg.pool", "r1", null).kind())
                .isEqualTo(EventKind.OTHER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"couldn't get a connection after 1 sec", "couldn't get a connection after 1.0 sec",
        "couldn't get a connection after 1.00 sec"})
    void poolTimeoutInEveryVersionsForm(String text) {
        assertThat(read("database connection unavailable: " + text, "inventory_api.http", "r1", null).kind())
                .isEqualTo(EventKind.CHECKOUT_FAILED);
        assertThat(read("failed", "inventory_api.http", "r1", "Traceback…\npsycopg_pool.PoolTimeout: " + text).kind())
                .isEqualTo(EventKind.CHECKOUT_FAILED);
    }

    @Test
    void requestFinishedMessagesEndTheirRequest() {
        assertThat(read("request finished", "app.http", "r1", null).kind()).isEqualTo(EventKind.REQUEST_END);
        assertThat(read("Request completed: GET /x -> 200 in 2 ms", "c.a.Web", "r1", null).kind())
                .isEqualTo(EventKind.REQUEST_END);
        assertThat(read("request started", "app.http", "r1", null).kind()).isEqualTo(EventKind.OTHER);
    }

    @Test
    void forcedDialectReadsOnlyItsOwnMessages() {
        DialectRecognizer hikariOnly = new DialectRecognizer(EnumSet.of(Dialect.HIKARICP), EventNames.defaults());
        PoolEvent base = new PoolEvent(EventKind.OTHER, 1, "p", "r", null, -1, -1, null, false, false, "log", 1);
        assertThat(hikariOnly.recognise(base, new LineText("connection given by 'x'", "psycopg.pool", "t", null, null))
                .kind()).isEqualTo(EventKind.OTHER);
    }
}
