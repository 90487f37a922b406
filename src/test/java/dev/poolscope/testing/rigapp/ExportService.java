package dev.poolscope.testing.rigapp;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Never returns its connection: the true leak, borrowed from {@code ExportService.export}. */
public final class ExportService {
    private static final Logger LOG = LoggerFactory.getLogger(ExportService.class);
    private final Db db;
    /** The forgotten leases stay reachable, as a leaked connection held by a live object would. */
    private final List<Db.Lease> forgotten = new CopyOnWriteArrayList<>();

    public ExportService(Db db) {
        this.db = db;
    }

    public int export(long customer) throws SQLException {
        Db.Lease lease = db.acquire(); // the bug: never closed
        forgotten.add(lease);
        int rows = 0;
        try (PreparedStatement st = lease.connection().prepareStatement("SELECT id, total FROM orders WHERE customer = ?")) {
            st.setLong(1, customer);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
        }
        LOG.info("exported {} orders of customer {}", rows, customer);
        return rows;
    }
}
