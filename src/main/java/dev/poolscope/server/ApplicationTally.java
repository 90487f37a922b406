package dev.poolscope.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per application_name: what the server did to its connections ({@code (unknown)} when the log cannot say). */
final class ApplicationTally {
    private static final int KILLS = 0;
    private static final int EOFS = 1;
    private static final int REFUSED = 2;
    private static final int TIMEOUTS = 3;
    private static final int OTHER = 4;
    private final Map<String, long[]> counts = new LinkedHashMap<>();

    void held(String app, boolean kill) {
        bump(app, kill ? KILLS : EOFS);
    }

    void refused(String app) {
        bump(app, REFUSED);
    }

    void timeout(String app) {
        bump(app, TIMEOUTS);
    }

    void otherLoss(String app) {
        bump(app, OTHER);
    }

    private void bump(String app, int what) {
        String key = app == null ? CappedCounts.UNKNOWN : app;
        if (!counts.containsKey(key) && counts.size() >= CappedCounts.MAX_NAMES) {
            key = CappedCounts.OTHER;
        }
        counts.computeIfAbsent(key, k -> new long[5])[what]++;
    }

    /** Rows for every application with a session or an event; most sessions first. */
    List<ApplicationRow> rows(CappedCounts sessions) {
        Map<String, Long> bySessions = sessions.sorted();
        List<ApplicationRow> out = new ArrayList<>();
        java.util.Set<String> names = new java.util.LinkedHashSet<>(bySessions.keySet());
        names.addAll(counts.keySet());
        for (String name : names) {
            long[] c = counts.getOrDefault(name, new long[5]);
            out.add(new ApplicationRow(name, bySessions.getOrDefault(name, 0L), c[KILLS], c[EOFS], c[REFUSED],
                    c[TIMEOUTS], c[OTHER]));
        }
        out.sort(Comparator.comparingLong(ApplicationRow::sessions).reversed().thenComparing(ApplicationRow::application));
        return out;
    }
}
