package dev.poolscope.gate;

import dev.poolscope.analysis.Health;
import dev.poolscope.analysis.Threshold;
import dev.poolscope.analysis.Thresholds;

/** A figure {@code check} gates on; higher is always worse. */
public enum Metric {
    POOL_USED(Health.POOL_USED, "pool used (peak)", "max-peak-used"),
    LEAK_DELTA(Health.LEAK_DELTA, "getconn - putconn", "max-leak-delta"),
    REQUESTS_WITHOUT_CLOSE(Health.REQUESTS_WITHOUT_CLOSE, "requests without close", "max-leaked-requests"),
    STATEMENT_TIMEOUTS("statement_timeouts", "statement timeouts", "max-statement-timeouts"),
    GETCONN_FAILED("getconn_failed", "failed getconn", "max-failed-getconn"),
    /** The server's log: connections it killed idle in a transaction (the server-side leak signal). */
    SERVER_IDLE_IN_TRANSACTION_KILLS("server.idle_in_transaction_kills", "server idle-tx kills",
            "max-idle-in-transaction-kills"),
    /** The server's log: connects refused with 53300. */
    SERVER_TOO_MANY_CLIENTS("server.too_many_clients", "server too many clients", "max-too-many-clients");

    private final String id;
    private final String label;
    private final String limitSetting;

    Metric(String id, String label, String limitSetting) {
        this.id = id;
        this.label = label;
        this.limitSetting = limitSetting;
    }

    /** Stable machine name, as in the JSON report's health table. */
    public String id() {
        return id;
    }

    /** Human name, as in the text report. */
    public String label() {
        return label;
    }

    /** Name of the setting (command-line option without dashes, or config key) that sets a hard limit. */
    public String limitSetting() {
        return limitSetting;
    }

    public long of(Figures f) {
        return switch (this) {
            case POOL_USED -> f.peakUsed();
            case LEAK_DELTA -> f.leakDelta();
            case REQUESTS_WITHOUT_CLOSE -> f.leakedRequests();
            case STATEMENT_TIMEOUTS -> f.statementTimeouts();
            case GETCONN_FAILED -> f.failedGetconn();
            case SERVER_IDLE_IN_TRANSACTION_KILLS -> f.idleInTransactionKills();
            case SERVER_TOO_MANY_CLIENTS -> f.tooManyClients();
        };
    }

    /** The health-table band of this figure, or null when the table does not rate it. */
    Threshold band(Thresholds t) {
        return switch (this) {
            case POOL_USED -> t.poolUsed();
            case LEAK_DELTA -> t.leakDelta();
            case REQUESTS_WITHOUT_CLOSE -> t.requestsWithoutClose();
            case STATEMENT_TIMEOUTS, GETCONN_FAILED, SERVER_IDLE_IN_TRANSACTION_KILLS, SERVER_TOO_MANY_CLIENTS -> null;
        };
    }

    /** The figures whose failure is explained by listing the leaked requests. */
    public boolean isLeak() {
        return this == LEAK_DELTA || this == REQUESTS_WITHOUT_CLOSE;
    }
}
