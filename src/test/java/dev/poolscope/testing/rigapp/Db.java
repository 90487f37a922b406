package dev.poolscope.testing.rigapp;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/** The application's one way to a connection, as most apps have: every borrow passes through {@link #acquire()}. */
public final class Db {
    private static final ThreadLocal<Request> CURRENT = new ThreadLocal<>();
    private final DataSource dataSource;
    private final Ledger ledger;

    public Db(DataSource dataSource, Ledger ledger) {
        this.dataSource = dataSource;
        this.ledger = ledger;
    }

    static void serving(Request request) {
        if (request == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(request);
        }
    }

    /** A borrowed connection; {@link #close()} returns it to the pool and records when. */
    public static final class Lease implements AutoCloseable {
        private final Connection connection;
        private final Ledger.Borrow borrow;

        Lease(Connection connection, Ledger.Borrow borrow) {
            this.connection = connection;
            this.borrow = borrow;
        }

        public Connection connection() {
            return connection;
        }

        @Override
        public void close() throws SQLException {
            connection.close();
            borrow.returned(Instant.now());
        }
    }

    public Lease acquire() throws SQLException {
        Connection proxy;
        StackTraceElement[] here;
        try {
            // Both on one line: the stack is taken at the very frame HikariCP's leak trace shows for Db.acquire.
            here = new Throwable().getStackTrace(); proxy = dataSource.getConnection();
        } catch (SQLTransientConnectionException e) {
            ledger.timedOut(CURRENT.get(), Instant.now(), e.getMessage());
            throw e;
        }
        Instant at = Instant.now();
        // HikariCP names a connection in its log by the driver's own connection (PoolEntry.connection.toString()),
        // which the proxy hands out through unwrap.
        String name = proxy.unwrap(Connection.class).toString();
        ledger.helperFrame(here[0]);
        List<String> stack = Arrays.stream(here).map(StackTraceElement::toString).toList();
        return new Lease(proxy, ledger.borrowed(CURRENT.get(), name, here[1], stack, at));
    }
}
