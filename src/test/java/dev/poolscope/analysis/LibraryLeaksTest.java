package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.event.PoolEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * HikariCP's leaks joined to the paired ones (docs/report-schema.md, `leaks`): `leaked_checkouts` is the
 * paired leaks plus the warnings never followed by "unleaked", `items` both kinds oldest first and capped;
 * a returned-late item takes its request and endpoint from the "unleaked" line, else from the warning it
 * closes, and its origin from that warning's trace (`returned_late_items`).
 */
class LibraryLeaksTest {
    private static final long S = 1_000_000L;
    private static final String ORDERS = "com.acme.Orders.load(Orders.java:10)";

    private static LeakItem leak(long second, String request, String endpoint) {
        return new LeakItem("p", request, "c-" + request, endpoint, second * S, 5 * S, true, "a.log", second, null,
                null);
    }

    private static LibraryResult hikari(List<LeakItem> trueLeaks, long count, long requests) {
        return new LibraryResult(Map.of(), Map.of(), count, 0, trueLeaks, count, requests, List.of(), List.of(),
                List.of(), null, Map.of(), -1, false, List.of());
    }

    @Test
    void hikariTrueLeaksAddToThePairedLeaksAndAreListedOldestFirstUpToMaxItems() {
        // paired: 5 leaked checkouts in 3 requests, two of them listed (at 20 s and 40 s), all on GET /a
        CheckoutResult paired = new CheckoutResult(List.of(leak(20, "r2", "GET /a"), leak(40, "r4", "GET /a")), 5,
                Map.of("GET /a", 5L), List.of(), 0, 0, List.of(), 0, null, Map.of(), 3, 0);
        // HikariCP: 2 true leaks in 2 requests, borrowed at 10 s (GET /a) and 30 s (no endpoint)
        LibraryResult library = hikari(List.of(leak(10, "h1", "GET /a"), leak(30, "h3", null)), 2, 2);
        CheckoutResult joined = LibraryLeaks.join(paired, library, 3);
        assertThat(joined.leakedCheckouts()).isEqualTo(5 + 2);
        assertThat(joined.requestsWithoutClose()).isEqualTo(3 + 2);
        assertThat(joined.leaks()).extracting(LeakItem::requestId).containsExactly("h1", "r2", "h3");   // 40 s cut
        assertThat(joined.leaksByEndpoint()).containsExactlyInAnyOrderEntriesOf(
                Map.of("GET /a", 6L, "(unknown)", 1L));
    }

    @Test
    void withoutHikariTrueLeaksThePairedResultIsKept() {
        CheckoutResult paired = new CheckoutResult(List.of(leak(20, "r2", "GET /a")), 1, Map.of("GET /a", 1L),
                List.of(), 0, 0, List.of(), 0, null, Map.of(), 1, 0);
        assertThat(LibraryLeaks.join(paired, LibraryResult.none(), 3)).isSameAs(paired);
    }

    private static LeakWarning warning() {
        // warned at 100 s with a 60 000 ms threshold: borrowed at 40 s, by request r9 on GET /w
        return new LeakWarning("p", "conn-1", "http-1", 100 * S, 60_000, "r9", "GET /w", List.of(ORDERS), "a.log", 3,
                List.of());
    }

    @Test
    void aReturnWithoutItsOwnRequestOrEndpointTakesTheWarningsAndItsOrigin() {
        LeakReturn r = new LeakReturn("p", "conn-1", "http-2", 130 * S, null, null, "b.log", 7, warning());
        LeakItem item = r.toItem(new LeakOrigins(null));
        assertThat(item.requestId()).isEqualTo("r9");
        assertThat(item.endpoint()).isEqualTo("GET /w");
        assertThat(item.origin()).isEqualTo(ORDERS);           // the warning's only application frame
        assertThat(item.acquiredAt()).isEqualTo(40 * S);
        assertThat(item.ageMicros()).isEqualTo(130 * S - 40 * S);
        assertThat(item.thread()).isEqualTo("http-2");
    }

    @Test
    void aReturnKeepsItsOwnRequestAndEndpoint() {
        LeakReturn r = new LeakReturn("p", "conn-1", "http-2", 130 * S, "r1", "POST /own", "b.log", 7, warning());
        LeakItem item = r.toItem(new LeakOrigins(null));
        assertThat(item.requestId()).isEqualTo("r1");
        assertThat(item.endpoint()).isEqualTo("POST /own");
        assertThat(item.origin()).isEqualTo(ORDERS);
    }

    @Test
    void aReturnWhoseWarningIsNotInTheLogHasOnlyItsOwnFigures() {
        LeakReturn r = new LeakReturn("p", "conn-1", "http-2", 130 * S, null, "POST /own", "b.log", 7, null);
        LeakItem item = r.toItem(new LeakOrigins(null));
        assertThat(item.requestId()).isNull();
        assertThat(item.endpoint()).isEqualTo("POST /own");
        assertThat(item.origin()).isNull();
        assertThat(item.acquiredAt()).isEqualTo(PoolEvent.NO_TIME);
        assertThat(item.ageMicros()).isEqualTo(LeakItem.UNKNOWN_AGE);
    }
}
