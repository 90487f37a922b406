package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import org.junit.jupiter.api.Test;

/**
 * The request memory's rules at the edges the random model test rarely reaches (docs/metrics.md: a checkout's
 * endpoint may be "the one an earlier event of the same request named (the last 65,536 requests are
 * remembered)"; RequestContext: looking a request up or storing its endpoint makes it the most recent, the least
 * recent is forgotten first, a request forgets itself when it ends). The first request stored takes the
 * table's first entry, so each case is also run on that entry.
 */
class RequestMemoryTest {
    private static final int N = RequestContext.REMEMBERED_REQUESTS;

    private final RequestContext context = new RequestContext();
    private long line;

    private String endpointOf(String process, String request, String endpoint) {
        return enrich(EventKind.OTHER, process, request, endpoint).endpoint();
    }

    private String endpointOf(String request) {
        return endpointOf("p", request, null);
    }

    private void name(String request, String endpoint) {
        endpointOf("p", request, endpoint);
    }

    private PoolEvent enrich(EventKind kind, String process, String request, String endpoint) {
        line++;
        return context.enrich(new PoolEvent(kind, line, process, request, null, PoolEvent.NO_COUNT,
                PoolEvent.NO_COUNT, endpoint, false, false, "log", line));
    }

    @Test
    void aLaterNameReplacesTheEarlierOneWithoutASecondEntry() {
        name("r1", "GET /a");
        name("r1", "GET /b");
        assertThat(endpointOf("r1")).isEqualTo("GET /b");
        assertThat(context.size()).isEqualTo(1);
    }

    @Test
    void aRequestForgetsItselfWhenItEnds() {
        name("r1", "GET /a");
        assertThat(enrich(EventKind.REQUEST_END, "p", "r1", null).endpoint()).isEqualTo("GET /a");
        assertThat(context.size()).isZero();
        assertThat(endpointOf("r1")).isNull();
    }

    @Test
    void aRequestIsKnownInItsOwnProcessOnlyAndAnEventWithoutProcessHasItsOwn() {
        endpointOf(null, "r1", "GET /none");
        endpointOf("p", "r1", "GET /p");
        assertThat(endpointOf(null, "r1", null)).isEqualTo("GET /none");
        assertThat(endpointOf("p", "r1", null)).isEqualTo("GET /p");
        assertThat(endpointOf("q", "r1", null)).isNull();
        assertThat(context.size()).isEqualTo(2);
    }

    @Test
    void aLookedUpRequestIsTheMostRecentAndTheLeastRecentIsForgottenFirst() {
        name("first", "GET /first");                 // the table's first entry
        for (int i = 1; i < N; i++) {
            name("r" + i, "GET /r" + i);
        }
        assertThat(context.size()).isEqualTo(N);     // full, nothing forgotten yet
        assertThat(endpointOf("first")).isEqualTo("GET /first");   // now the most recent
        name("new", "GET /new");                     // one too many: the least recent, r1, goes
        assertThat(context.size()).isEqualTo(N);
        assertThat(endpointOf("r1")).isNull();
        assertThat(endpointOf("first")).isEqualTo("GET /first");
        assertThat(endpointOf("r2")).isEqualTo("GET /r2");
    }

    @Test
    void aRequestLookedUpJustBeforeTheNewestMovesBehindIt() {
        // "first" is made the newest, then the one before it (r{N-1}) is looked up and so moves behind "first":
        // from then on "first" is the least recent but r2 .. r{N-1}, and N - 1 new requests forget it
        name("first", "GET /first");
        for (int i = 1; i < N; i++) {
            name("r" + i, "GET /r" + i);
        }
        endpointOf("first");
        assertThat(endpointOf("r" + (N - 1))).isEqualTo("GET /r" + (N - 1));
        for (int i = 0; i < N - 1; i++) {
            name("n" + i, "GET /n" + i);
        }
        // forgotten: r1 .. r{N-2} (N - 2 of them) and then "first"; kept: r{N-1} and the new ones
        assertThat(endpointOf("r" + (N - 2))).isNull();
        assertThat(endpointOf("first")).isNull();
        assertThat(endpointOf("r" + (N - 1))).isEqualTo("GET /r" + (N - 1));
        assertThat(context.size()).isEqualTo(N);
    }

    /**
     * Memory follows the requests remembered now, not every name ever seen: the names of forgotten requests and
     * replaced endpoints are released, and the interner forgets released names once more than 1,024 are idle
     * (Interner), so 10,000 distinct names never pile up.
     */
    @Test
    void namesOfEndedRequestsAndReplacedEndpointsAreLetGo() {
        int many = 10_000;
        int bound = 1024 + 3;   // idle names before a sweep, plus the few in use
        for (int i = 0; i < many; i++) {
            endpointOf("p" + i, "r" + i, "GET /e" + i);
            enrich(EventKind.REQUEST_END, "p" + i, "r" + i, null);
        }
        assertThat(context.size()).isZero();
        assertThat(context.namesKnown()).isLessThanOrEqualTo(bound);
        for (int i = 0; i < many; i++) {
            name("renamed", "GET /v" + i);   // one request, a new endpoint each time
        }
        assertThat(context.size()).isEqualTo(1);
        assertThat(endpointOf("renamed")).isEqualTo("GET /v" + (many - 1));
        assertThat(context.namesKnown()).isBetween(2, bound);   // at least "p" and the last endpoint
    }

    /** docs/robustness.md, missing timestamps: "the event takes the previous event's time". */
    @Test
    void anEventWithoutTimeTakesThePreviousTime() {
        assertThat(timeOf(PoolEvent.NO_TIME)).isEqualTo(PoolEvent.NO_TIME);   // none before it
        assertThat(timeOf(5)).isEqualTo(5);
        assertThat(timeOf(PoolEvent.NO_TIME)).isEqualTo(5);
        assertThat(timeOf(PoolEvent.NO_TIME)).isEqualTo(5);
        assertThat(timeOf(7)).isEqualTo(7);
        assertThat(timeOf(PoolEvent.NO_TIME)).isEqualTo(7);
    }

    private long timeOf(long time) {
        line++;
        return context.enrich(new PoolEvent(EventKind.OTHER, time, "p", null, null, PoolEvent.NO_COUNT,
                PoolEvent.NO_COUNT, null, false, false, "log", line)).time();
    }
}
