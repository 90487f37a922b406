package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link LeakOrigins}, rule by rule (docs/metrics.md, "leak origins"): helpers are the top frames every borrow
 * trace shares, compared by method, skipped only once two traces differ; {@code --origin-skip} drops frames
 * first; at most {@link LeakOrigins#MAX_TRACES} traces are compared; two shares merge as one. Frames are made up
 * here, so every expected helper list and origin is read off the traces built in each test.
 */
class LeakOriginsTest {
    private static final String ACQUIRE = "com.acme.Db.acquire(Db.java:25)";
    private static final String ACQUIRE_OTHER_LINE = "com.acme.Db.acquire(Db.java:31)";
    private static final String TX = "com.acme.Tx.begin(Tx.java:8)";
    private static final String ORDERS = "com.acme.Orders.load(Orders.java:10)";
    private static final String USERS = "com.acme.Users.find(Users.java:44)";

    @SafeVarargs
    private static LeakOrigins origins(List<String>... traces) {
        LeakOrigins o = new LeakOrigins(null);
        for (List<String> t : traces) {
            o.borrow(t);
        }
        return o;
    }

    private static HikariState.OriginState state(List<String> common, boolean diverged, int traces) {
        return new HikariState.OriginState(common, diverged, traces);
    }

    @Test
    void aTraceWithNoApplicationFrameTeachesNothing() {
        // rule: an empty trace (or one whose frames are all skipped) is not a trace: no count, no shared frames
        LeakOrigins o = new LeakOrigins(Pattern.compile("Db\\.acquire"));
        o.borrow(List.of());
        o.borrow(List.of(ACQUIRE));
        assertThat(o.state()).isEqualTo(HikariState.OriginState.EMPTY);
        o.borrow(List.of(ACQUIRE, ORDERS));
        assertThat(o.state()).isEqualTo(state(List.of("com.acme.Orders.load"), false, 1));
    }

    @Test
    void everyTraceCompared() {
        // rule: traces counts the traces taken, one each
        assertThat(origins(List.of(ACQUIRE, ORDERS), List.of(ACQUIRE, USERS), List.of(ACQUIRE, ORDERS)).state().traces())
                .isEqualTo(3);
    }

    @Test
    void identicalTracesShareEverythingAndSkipNothing() {
        // rule: no two traces differed, so the one place of borrowing is its own origin (nothing is a helper)
        LeakOrigins o = origins(List.of(ACQUIRE, ORDERS), List.of(ACQUIRE_OTHER_LINE, ORDERS));
        assertThat(o.state()).isEqualTo(state(List.of("com.acme.Db.acquire", "com.acme.Orders.load"), false, 2));
        assertThat(o.helpers()).isEmpty();
        assertThat(o.origin(List.of(ACQUIRE, ORDERS))).isEqualTo(ACQUIRE);
    }

    @Test
    void theSharedTopFramesOfDifferingTracesAreHelpers() {
        // rule: Db.acquire and Tx.begin start both traces (Db.acquire at another line: compared by method), then
        // they part: the helpers are those two, the origin is the next frame, as printed
        LeakOrigins o = origins(List.of(ACQUIRE, TX, ORDERS), List.of(ACQUIRE_OTHER_LINE, TX, USERS));
        assertThat(o.state()).isEqualTo(state(List.of("com.acme.Db.acquire", "com.acme.Tx.begin"), true, 2));
        assertThat(o.helpers()).containsExactly("com.acme.Db.acquire", "com.acme.Tx.begin");
        assertThat(o.origin(List.of(ACQUIRE, TX, ORDERS))).isEqualTo(ORDERS);
        assertThat(o.origin(List.of(ACQUIRE_OTHER_LINE, TX, USERS))).isEqualTo(USERS);
    }

    @Test
    void aTraceEndingWhereAnotherGoesOnDiffers() {
        // rule: a trace that is the start of another still differs from it, whichever came first: the shorter
        // one's frames are the helpers and the longer one's origin is its next frame
        LeakOrigins shortFirst = origins(List.of(ACQUIRE), List.of(ACQUIRE, ORDERS));
        assertThat(shortFirst.state()).isEqualTo(state(List.of("com.acme.Db.acquire"), true, 2));
        LeakOrigins longFirst = origins(List.of(ACQUIRE, ORDERS), List.of(ACQUIRE));
        assertThat(longFirst.state()).isEqualTo(state(List.of("com.acme.Db.acquire"), true, 2));
        assertThat(longFirst.origin(List.of(ACQUIRE, ORDERS))).isEqualTo(ORDERS);
    }

    @Test
    void aTraceOfHelpersOnlyHasItsLastFrameForOrigin() {
        // rule: when every kept frame is a helper (here the trace is exactly the two shared frames) the origin
        // is the last frame rather than none
        LeakOrigins o = origins(List.of(ACQUIRE, TX, ORDERS), List.of(ACQUIRE, TX, USERS));
        assertThat(o.origin(List.of(ACQUIRE, TX))).isEqualTo(TX);
        assertThat(o.origin(List.of(ACQUIRE))).isEqualTo(ACQUIRE);
    }

    @Test
    void aTraceWithNoKeptFrameHasNoOrigin() {
        // rule: no application frame (or all skipped) → null, which the report prints "(no application frame)"
        LeakOrigins o = new LeakOrigins(Pattern.compile("^com\\.acme\\.Db\\."));
        assertThat(o.origin(List.of())).isNull();
        assertThat(o.origin(List.of(ACQUIRE))).isNull();
        assertThat(o.origin(List.of(ACQUIRE, ORDERS))).isEqualTo(ORDERS);
    }

    @Test
    void originSkipDropsFramesBeforeTheHelpersAreFound() {
        // rule: --origin-skip (Tx\.) drops Tx.begin from every trace; what is left shares only Db.acquire
        LeakOrigins o = new LeakOrigins(Pattern.compile("Tx\\."));
        o.borrow(List.of(ACQUIRE, TX, ORDERS));
        o.borrow(List.of(ACQUIRE, USERS));
        assertThat(o.helpers()).containsExactly("com.acme.Db.acquire");
        assertThat(o.origin(List.of(ACQUIRE, TX, ORDERS))).isEqualTo(ORDERS);
    }

    @Test
    void afterMaxTracesNoMoreAreCompared() {
        // rule: the trace that makes MAX_TRACES is compared, any after it is not (it would have split the helpers)
        LeakOrigins o = LeakOrigins.of(state(List.of("com.acme.Db.acquire"), false, LeakOrigins.MAX_TRACES - 1), null);
        o.borrow(List.of(ACQUIRE));
        assertThat(o.state()).isEqualTo(state(List.of("com.acme.Db.acquire"), false, LeakOrigins.MAX_TRACES));
        o.borrow(List.of(ORDERS));
        assertThat(o.state()).isEqualTo(state(List.of("com.acme.Db.acquire"), false, LeakOrigins.MAX_TRACES));
        assertThat(o.helpers()).isEmpty();
    }

    @Test
    void stateRoundTrips() {
        // rule: of(state) continues exactly where the state left off (a summary's origins)
        HikariState.OriginState s = state(List.of("com.acme.Db.acquire"), true, 7);
        LeakOrigins o = LeakOrigins.of(s, null);
        assertThat(o.state()).isEqualTo(s);
        assertThat(o.origin(List.of(ACQUIRE, ORDERS))).isEqualTo(ORDERS);
        assertThat(o.helpers()).containsExactly("com.acme.Db.acquire");
    }

    @Test
    void mergeWithAnEmptyShareIsTheOtherShare() {
        HikariState.OriginState a = state(List.of("com.acme.Db.acquire"), true, 3);
        assertThat(LeakOrigins.merge(HikariState.OriginState.EMPTY, a)).isEqualTo(a);
        assertThat(LeakOrigins.merge(a, HikariState.OriginState.EMPTY)).isEqualTo(a);
    }

    @Test
    void mergedSharesKeepTheirCommonStartAndAddTheirTraces() {
        // rule: [acquire, begin] and [acquire, load] share only acquire and differ; traces 2 + 3 = 5
        HikariState.OriginState a = state(List.of("com.acme.Db.acquire", "com.acme.Tx.begin"), false, 2);
        HikariState.OriginState b = state(List.of("com.acme.Db.acquire", "com.acme.Orders.load"), false, 3);
        assertThat(LeakOrigins.merge(a, b)).isEqualTo(state(List.of("com.acme.Db.acquire"), true, 5));
    }

    @Test
    void mergedSharesDifferWhenEitherDidOrOneIsTheOthersStart() {
        // rule: diverged if a did, if b did, or if the common start is shorter than either share
        List<String> one = List.of("com.acme.Db.acquire");
        List<String> two = List.of("com.acme.Db.acquire", "com.acme.Orders.load");
        assertThat(LeakOrigins.merge(state(one, false, 1), state(one, false, 1))).isEqualTo(state(one, false, 2));
        assertThat(LeakOrigins.merge(state(one, true, 1), state(one, false, 1))).isEqualTo(state(one, true, 2));
        assertThat(LeakOrigins.merge(state(one, false, 1), state(one, true, 1))).isEqualTo(state(one, true, 2));
        assertThat(LeakOrigins.merge(state(two, false, 1), state(one, false, 1))).isEqualTo(state(one, true, 2));
        assertThat(LeakOrigins.merge(state(one, false, 1), state(two, false, 1))).isEqualTo(state(one, true, 2));
    }

    @Test
    void mergeIsOnePassOverBothSharesTraces() {
        // rule: merging the states of two halves equals borrowing all traces in one LeakOrigins
        List<String> t1 = List.of(ACQUIRE, TX, ORDERS);
        List<String> t2 = List.of(ACQUIRE, TX, USERS);
        List<String> t3 = List.of(ACQUIRE, ORDERS);
        assertThat(LeakOrigins.merge(origins(t1).state(), origins(t2, t3).state()))
                .isEqualTo(origins(t1, t2, t3).state());
    }

    @Test
    void aShareAtMaxTracesTakesNothingFromALaterOne() {
        // rule: as in one pass, once MAX_TRACES were compared a later share's traces are not; one trace fewer
        // and they are, the count capped at MAX_TRACES
        List<String> one = List.of("com.acme.Db.acquire");
        List<String> other = List.of("com.acme.Orders.load");
        HikariState.OriginState full = state(one, false, LeakOrigins.MAX_TRACES);
        assertThat(LeakOrigins.merge(full, state(other, false, 4))).isEqualTo(full);
        HikariState.OriginState almost = state(one, false, LeakOrigins.MAX_TRACES - 1);
        assertThat(LeakOrigins.merge(almost, state(other, false, 4)))
                .isEqualTo(state(List.of(), true, LeakOrigins.MAX_TRACES));
    }

    @Test
    void aHelperIsTheSameMethodWhateverItsLine() {
        // rule: the method is the frame up to its first '(' (a frame without one is all method)
        assertThat(LeakOrigins.method(ACQUIRE)).isEqualTo("com.acme.Db.acquire");
        assertThat(LeakOrigins.method("com.acme.Db.acquire")).isEqualTo("com.acme.Db.acquire");
        assertThat(LeakOrigins.method("(Unknown Source)")).isEmpty();
    }
}
