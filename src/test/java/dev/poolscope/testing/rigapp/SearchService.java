package dev.poolscope.testing.rigapp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The burst's endpoint: holds its connection while the scenario's gate says so, then returns it. */
public final class SearchService {
    private static final Logger LOG = LoggerFactory.getLogger(SearchService.class);
    private final Db db;

    public SearchService(Db db) {
        this.db = db;
    }

    public void search(Runnable whileHeld) throws SQLException {
        try (Db.Lease lease = db.acquire(); Statement st = lease.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM orders")) {
            rs.next();
            whileHeld.run();
            LOG.info("search matched {} products", rs.getLong(1));
        }
    }
}
