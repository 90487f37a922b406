package dev.poolscope.analysis;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A seeded stream of pool events from several processes with small pools: requests that return their
 * connection, leak it, hold it long, hit statement timeouts; background jobs paired only by connection;
 * anonymous checkouts; one process that never logs pool_used. Pool usage is computed from the simulated
 * pools, so exhaustion, refusals and windows above the critical threshold happen on their own.
 */
public final class RandomLog {
    static final int POOL_MAX = 10;

    private record Plan(EventKind kind, long time, int process, String request, String endpoint, int order, String id) {}

    private RandomLog() {}

    public static List<PoolEvent> generate(long seed, int requests) {
        Random rnd = new Random(seed);
        long base = 1_767_600_000_000_000L;   // 2026-01-05T08:00:00Z
        long span = 3600L * 1_000_000;
        List<Plan> plans = new ArrayList<>();
        String[] endpoints = {"GET /api/items/{id}", "POST /api/orders", "GET /api/report", "DELETE /api/items/{id}"};
        for (int i = 0; i < requests; i++) {
            int p = rnd.nextInt(3);
            long s = base + (long) (rnd.nextDouble() * span);
            String req = rnd.nextInt(25) == 0 ? null : "r" + i;
            String ep = endpoints[rnd.nextInt(endpoints.length)];
            long hold = rnd.nextInt(10) == 0 ? 20_000_000L + rnd.nextInt(100_000_000) : 1_000 + rnd.nextInt(3_000_000);
            boolean leak = req != null && rnd.nextInt(15) == 0;
            plans.add(new Plan(EventKind.CHECKOUT, s, p, req, ep, plans.size(), "i" + i));
            if (!leak) {
                plans.add(new Plan(EventKind.CHECKIN, s + hold, p, req, ep, plans.size(), "i" + i));
            }
            if (req != null && rnd.nextInt(8) == 0) {
                plans.add(new Plan(EventKind.OTHER, s + hold / 2, p, req, ep, plans.size(), "i" + i));   // statement timeout
            }
            if (req != null) {
                plans.add(new Plan(EventKind.REQUEST_END, s + hold + 500, p, req, ep, plans.size(), "i" + i));
            }
        }
        plans.sort(Comparator.comparingLong(Plan::time).thenComparingInt(Plan::order));
        return play(plans, rnd);
    }

    /** Runs the plans against simulated pools, assigning connections and turning checkouts of a full pool into refusals. */
    private static List<PoolEvent> play(List<Plan> plans, Random rnd) {
        List<PoolEvent> out = new ArrayList<>();
        int[] used = new int[3];
        List<ArrayDeque<String>> free = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            ArrayDeque<String> conns = new ArrayDeque<>();
            for (int c = 0; c < POOL_MAX; c++) {
                conns.push("c" + p + "-" + c);
            }
            free.add(conns);
        }
        Map<String, String> connOf = new HashMap<>();
        Set<String> refused = new HashSet<>();
        long line = 0;
        for (Plan pl : plans) {
            int p = pl.process;
            String process = "pod-" + p + "/1";
            boolean reports = p != 2;
            String key = pl.id;
            switch (pl.kind) {
                case CHECKOUT -> {
                    if (used[p] >= POOL_MAX) {
                        refused.add(key);
                        out.add(event(EventKind.CHECKOUT_FAILED, pl, process, null, reports ? used[p] : -1, ++line));
                        continue;
                    }
                    String conn = free.get(p).pop();
                    boolean anonymous = pl.request == null && rnd.nextInt(3) == 0;
                    connOf.put(key, conn);
                    used[p]++;
                    out.add(event(EventKind.CHECKOUT, pl, process, anonymous ? null : conn, reports ? used[p] : -1, ++line));
                    if (reports && used[p] == POOL_MAX - 1) {
                        out.add(event(EventKind.NEARLY_EXHAUSTED, pl, process, null, used[p], ++line));
                    }
                }
                case CHECKIN -> {
                    if (refused.contains(key)) {
                        continue;
                    }
                    String conn = connOf.remove(key);
                    used[p]--;
                    free.get(p).push(conn);
                    boolean anonymous = pl.request == null && conn != null && rnd.nextInt(3) == 0;
                    out.add(event(EventKind.CHECKIN, pl, process, anonymous ? null : conn, reports ? used[p] : -1, ++line));
                }
                case OTHER -> out.add(new PoolEvent(EventKind.OTHER, pl.time, process, pl.request, null, -1, -1,
                        pl.endpoint, true, false, "app.jsonl", ++line));
                default -> out.add(event(pl.kind, pl, process, null, -1, ++line));
            }
        }
        return out;
    }

    private static PoolEvent event(EventKind kind, Plan pl, String process, String conn, int used, long line) {
        return new PoolEvent(kind, pl.time, process, pl.request, conn, used, used < 0 ? -1 : POOL_MAX, pl.endpoint,
                false, false, "app.jsonl", line);
    }
}
