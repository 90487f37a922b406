package dev.poolscope.testing.rigapp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Holds its connection longer than the leak threshold, then returns it: a warning, then "unleaked". */
public final class ReportService {
    private static final Logger LOG = LoggerFactory.getLogger(ReportService.class);
    private final Db db;

    public ReportService(Db db) {
        this.db = db;
    }

    public void monthly(long holdMs) throws SQLException, InterruptedException {
        try (Db.Lease lease = db.acquire(); Statement st = lease.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*), SUM(total) FROM orders")) {
            rs.next();
            Thread.sleep(holdMs); // the slow part of the report, connection held
            LOG.info("monthly report: {} orders", rs.getLong(1));
        }
    }
}
