package dev.poolscope.testing.rigapp;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A second leaking origin: the early return skips the close. */
public final class InventoryService {
    private static final Logger LOG = LoggerFactory.getLogger(InventoryService.class);
    private final Db db;
    private final List<Db.Lease> forgotten = new CopyOnWriteArrayList<>();

    public InventoryService(Db db) {
        this.db = db;
    }

    public void sync(long warehouse) throws SQLException {
        Db.Lease lease = db.acquire();
        forgotten.add(lease);
        try (Statement st = lease.connection().createStatement()) {
            st.execute("SELECT 1");
        }
        LOG.info("warehouse {} already in sync, nothing to do", warehouse);
        // the bug: returns here without lease.close()
    }
}
