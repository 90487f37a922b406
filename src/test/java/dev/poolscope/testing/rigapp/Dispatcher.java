package dev.poolscope.testing.rigapp;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Serves one request on the calling thread with MDC {@code request_id} and {@code path}, as a web framework would. */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private final Ledger ledger;
    private final OrderService orders;
    private final ReportService reports;
    private final ExportService exports;
    private final InventoryService inventory;
    private final SearchService search;

    public Dispatcher(Db db, Ledger ledger) {
        this.ledger = ledger;
        this.orders = new OrderService(db);
        this.reports = new ReportService(db);
        this.exports = new ExportService(db);
        this.inventory = new InventoryService(db);
        this.search = new SearchService(db);
    }

    public void handle(Request r) {
        Instant start = Instant.now();
        MDC.put("request_id", r.id());
        MDC.put("path", r.path());
        Db.serving(r);
        int status = 500;
        try {
            LOG.info("{} {} started", r.kind().method, r.path());
            status = route(r);
        } catch (SQLTransientConnectionException e) {
            LOG.error("Could not open JDBC Connection: " + e.getMessage(), e);
            status = 503;
        } catch (SQLException e) {
            LOG.error("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Instant end = Instant.now();
            LOG.info("{} {} completed {} in {} ms", r.kind().method, r.path(), status, Duration.between(start, end).toMillis());
            ledger.served(r, start, end, status);
            Db.serving(null);
            MDC.clear();
        }
    }

    private int route(Request r) throws SQLException, InterruptedException {
        switch (r.kind()) {
            case ORDER:
                return orders.find(r.param()) ? 200 : 404;
            case MONTHLY_REPORT:
                reports.monthly(r.param());
                return 200;
            case EXPORT:
                exports.export(r.param());
                return 200;
            case INVENTORY_SYNC:
                inventory.sync(r.param());
                return 204;
            case SEARCH:
                search.search(r.whileHeld());
                return 200;
            default:
                throw new IllegalStateException(r.kind().name());
        }
    }
}
