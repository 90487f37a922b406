package dev.poolscope.event;

import java.util.Objects;
import java.util.Set;

/**
 * Event names that mean something to the pool analysis. Defaults follow the seed incident's logs.
 *
 * @param checkout       a connection taken from the pool
 * @param checkin        a connection given back
 * @param checkoutFailed a checkout the pool refused (exhausted)
 * @param nearlyExhausted the application's own warning that the pool is close to full
 * @param requestEnd     events saying a request has finished: its still-open checkouts are leaks
 */
public record EventNames(String checkout, String checkin, String checkoutFailed, String nearlyExhausted,
                         Set<String> requestEnd) {

    public static final String EXHAUSTED_TEXT = "connection pool exhausted";
    public static final String STATEMENT_TIMEOUT_TEXT = "canceling statement due to statement timeout";
    public static final String STATEMENT_TIMEOUT_SQLSTATE = "57014";

    public EventNames {
        Objects.requireNonNull(checkout, "checkout");
        Objects.requireNonNull(checkin, "checkin");
        Objects.requireNonNull(checkoutFailed, "checkoutFailed");
        Objects.requireNonNull(nearlyExhausted, "nearlyExhausted");
        requestEnd = Set.copyOf(requestEnd);
    }

    /** The length in UTF-8 bytes of the longest name: an event text longer than this is none of them. */
    int longestUtf8() {
        int longest = 0;
        for (String name : requestEnd) {
            longest = Math.max(longest, utf8Length(name));
        }
        for (String name : new String[] {checkout, checkin, checkoutFailed, nearlyExhausted}) {
            longest = Math.max(longest, utf8Length(name));
        }
        return longest;
    }

    private static int utf8Length(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    public static EventNames defaults() {
        return new EventNames("pool.getconn.success", "pool.putconn.success", "pool.getconn.FAILED",
                "pool.nearly_exhausted",
                Set.of("http.request.finished", "http.request.completed", "request.finished",
                        "request.completed", "request_finished", "request_completed"));
    }
}
