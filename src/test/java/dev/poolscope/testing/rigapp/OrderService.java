package dev.poolscope.testing.rigapp;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Borrows, reads one order, returns: the normal case. */
public final class OrderService {
    private static final Logger LOG = LoggerFactory.getLogger(OrderService.class);
    private final Db db;

    public OrderService(Db db) {
        this.db = db;
    }

    public boolean find(long id) throws SQLException {
        try (Db.Lease lease = db.acquire();
                PreparedStatement st = lease.connection().prepareStatement("SELECT total FROM orders WHERE id = ?")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                boolean found = rs.next();
                LOG.info("order {} {}", id, found ? "found" : "not found");
                return found;
            }
        }
    }
}
