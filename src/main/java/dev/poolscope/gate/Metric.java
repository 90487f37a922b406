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
    GETCONN_FAILED("getconn_failed", "failed getconn", "max-failed-getconn");

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
        };
    }

    /** The health-table band of this figure, or null when the table does not rate it. */
    Threshold band(Thresholds t) {
        return switch (this) {
            case POOL_USED -> t.poolUsed();
            case LEAK_DELTA -> t.leakDelta();
            case REQUESTS_WITHOUT_CLOSE -> t.requestsWithoutClose();
            case STATEMENT_TIMEOUTS, GETCONN_FAILED -> null;
        };
    }

    /** The figures whose failure is explained by listing the leaked requests. */
    public boolean isLeak() {
        return this == LEAK_DELTA || this == REQUESTS_WITHOUT_CLOSE;
    }
}
