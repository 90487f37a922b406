package dev.poolscope.sample;

import java.util.random.RandomGenerator;

/**
 * The application's routes. {@code earlyStatus} is non-zero on the four leaky routers: the status of
 * the early-return path that (in the buggy build) skips putconn. {@code maxConns} bounds get_db plus
 * get_service_clients:* checkouts per request.
 */
enum Route {
    PROJECTS_LIST("GET", "/api/projects", 10, 0, 2, "api.projects.listed"),
    PROJECT_CREATE("POST", "/api/projects", 8, 409, 3, "api.projects.created"),
    PROJECT_DELETE("DELETE", "/api/projects/{id}", 5, 404, 2, "api.projects.deleted"),
    PROJECT_INTERVIEWS("GET", "/api/projects/{id}/interviews", 9, 404, 3, null),
    INTERVIEW("GET", "/api/interviews/{id}", 12, 0, 1, null),
    INTERVIEW_GRAPH("GET", "/api/interviews/{id}/graph", 6, 0, 2, null),
    INGEST("POST", "/api/ingest", 6, 422, 3, "api.ingest.accepted"),
    CODING_STATS("GET", "/api/coding/stats", 8, 0, 2, null),
    AUTH_ME("GET", "/api/auth/me", 12, 0, 1, null),
    AUTH_LOGIN("POST", "/api/auth/login", 8, 0, 1, "auth.login.succeeded"),
    ADMIN_USERS("GET", "/api/admin/users", 3, 0, 1, null),
    HEALTH("GET", "/api/health", 5, 0, 1, null);

    private static final int TOTAL_WEIGHT = java.util.Arrays.stream(values()).mapToInt(r -> r.weight).sum();

    final String method;
    final String template;
    final int weight;
    final int earlyStatus;
    final int maxConns;
    final String successEvent;
    /** The normalized endpoint key used in the truth's leaks_by_endpoint. */
    final String endpoint;

    Route(String method, String template, int weight, int earlyStatus, int maxConns, String successEvent) {
        this.method = method;
        this.template = template;
        this.weight = weight;
        this.earlyStatus = earlyStatus;
        this.maxConns = maxConns;
        this.successEvent = successEvent;
        this.endpoint = method + " " + template;
    }

    /** Picks by weight; {@code codingShare} > 0 forces that share of traffic onto coding stats. */
    static Route pick(RandomGenerator rng, double codingShare) {
        if (codingShare > 0 && rng.nextDouble() < codingShare) {
            return CODING_STATS;
        }
        int r = rng.nextInt(TOTAL_WEIGHT);
        for (Route route : values()) {
            r -= route.weight;
            if (r < 0) {
                return route;
            }
        }
        throw new AssertionError("weights");
    }

    /** A concrete path: ids filled in, coding stats with its query string. */
    String concretePath(RandomGenerator rng) {
        if (this == CODING_STATS) {
            return template + "?project_id=" + (1 + rng.nextInt(500));
        }
        int at = template.indexOf("{id}");
        if (at < 0) {
            return template;
        }
        int bound = template.startsWith("/api/interviews") ? 2000 : 900;
        return template.substring(0, at) + (1 + rng.nextInt(bound)) + template.substring(at + 4);
    }

    boolean leaky() {
        return earlyStatus != 0;
    }
}
