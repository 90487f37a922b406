package dev.poolscope.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The two real jsonlog captures of fixtures/postgres-jsonlog; expected figures from its README (what the
 * server saw during the HikariCP and SQLAlchemy runs).
 */
class JsonlogCaptureTest {
    @Test
    void duringSqlalchemy() {
        ServerResult r = ServerLogs.analyze(ServerLogs.FIXTURES.resolve("postgres-jsonlog/during-sqlalchemy.json"));
        assertThat(r.statementTimeouts()).isEqualTo(25);
        assertThat(r.idleInTransactionKills()).isEqualTo(5);
        assertThat(r.eofInTransaction()).isEqualTo(1);
        assertThat(r.sessions().authorizations()).isEqualTo(18);
        assertThat(r.sessions().disconnections()).isEqualTo(19);
        // The first line is the disconnection of a psql session begun before the capture: 18 + 1 sessions.
        assertThat(r.sessions().beganBeforeLog()).isEqualTo(1);
        assertThat(r.sessions().count()).isEqualTo(19);
        assertThat(r.tooManyClients()).isZero();
        assertThat(r.heldInTransaction()).extracting(SessionLoss::application).containsOnly("catalog-api");
        assertThat(r.timeoutsByStatement()).hasSize(1);
        assertThat(r.timeoutsByStatement().get(0).count()).isEqualTo(25);
        assertThat(r.unparsedLines()).isZero();
    }

    @Test
    void duringHikaricp() {
        ServerResult r = ServerLogs.analyze(ServerLogs.FIXTURES.resolve("postgres-jsonlog/during-hikaricp.json"));
        assertThat(r.statementTimeouts()).isEqualTo(27);
        assertThat(r.idleInTransactionKills()).isZero();
        assertThat(r.eofInTransaction()).isZero();
        assertThat(r.sessions().authorizations()).isEqualTo(14);
        assertThat(r.sessions().disconnections()).isEqualTo(13);
        assertThat(r.tooManyClients()).isZero();
    }
}
