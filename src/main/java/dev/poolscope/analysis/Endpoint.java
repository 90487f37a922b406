package dev.poolscope.analysis;

/** Names for endpoint groups that are not routes. */
public final class Endpoint {
    /** Events no request path could be found for, e.g. background jobs. */
    public static final String UNKNOWN = "(unknown)";
    /** Everything past the cap on distinct endpoints, so hostile paths cannot grow memory. */
    public static final String OTHER = "(other endpoints)";
    public static final int MAX_DISTINCT = 2000;

    private Endpoint() {}

    public static String orUnknown(String endpoint) {
        return endpoint == null ? UNKNOWN : endpoint;
    }
}
