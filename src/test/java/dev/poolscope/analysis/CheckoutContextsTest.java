package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The numbered (process, source, endpoint, thread) tuples of open checkouts: one number per distinct tuple,
 * counted by its users, forgotten (with its names) in a sweep once unused, whatever path found it (the
 * recent-tuple cache or the maps).
 */
class CheckoutContextsTest {
    private final CheckoutContexts c = new CheckoutContexts();

    @Test
    void aMissingPartIsNotAnEmptyOne() {
        // null and "" hash alike (0): the two tuples meet in the recent-tuple cache and must stay apart there
        int none = c.intern("p", "s.py", "GET /", null);
        int empty = c.intern("p", "s.py", "GET /", "");
        assertThat(empty).isNotEqualTo(none);
        assertThat(c.thread(none)).isNull();
        assertThat(c.thread(empty)).isEmpty();
        assertThat(c.intern("p", "s.py", "GET /", null)).isEqualTo(none);
        assertThat(c.intern("p", "s.py", "", null)).isNotEqualTo(none);
        assertThat(c.intern("p", "", "GET /", null)).isNotEqualTo(none);
        assertThat(c.intern(null, "s.py", "GET /", null)).isNotEqualTo(none);
        int noProcess = c.intern(null, "s.py", "GET /", null);
        assertThat(c.process(noProcess)).isNull();
        assertThat(c.intern("", "s.py", "GET /", null)).isNotEqualTo(noProcess);
    }

    @Test
    void aNewNameNeverMatchesATupleMissingThatPart() {
        // the maps' look-up: a name not known yet cannot be part of a known tuple, not even one lacking it
        for (int part = 0; part < 4; part++) {
            CheckoutContexts fresh = new CheckoutContexts();
            String[] base = {"p", "s.py", "GET /", "t1"};
            base[part] = null;
            int known = fresh.intern(base[0], base[1], base[2], base[3]);
            String[] other = base.clone();
            other[part] = "new-" + part;
            int ctx = fresh.intern(other[0], other[1], other[2], other[3]);
            assertThat(ctx).as("part %d", part).isNotEqualTo(known);
            assertThat(new String[] {fresh.process(ctx), fresh.source(ctx), fresh.endpoint(ctx), fresh.thread(ctx)})
                    .containsExactly(other);
        }
    }

    @Test
    void aTupleFoundAgainCountsItsUserWhicheverPathFoundIt() {
        int a = c.intern("p", "s.py", "GET /", null);
        assertThat(c.intern("p", "s.py", "GET /", null)).as("the cache's path").isEqualTo(a);
        c.release(a);   // one of its two users gone: still in use
        sweepUnused();
        assertThat(c.intern("p", "s.py", "GET /", null)).as("kept by its remaining user").isEqualTo(a);
        assertThat(c.endpoint(a)).isEqualTo("GET /");
    }

    @Test
    void aTupleFoundThroughTheMapsCountsItsUserToo() {
        int a = c.intern("p", "s.py", "GET /a", null);
        // another tuple taking the same cache slot is impossible to pick by name here, so empty the cache's
        // answer instead: after a sweep of other tuples the maps answer for it
        sweepUnused();
        assertThat(c.intern("p", "s.py", "GET /a", null)).isEqualTo(a);
        c.release(a);
        sweepUnused();
        assertThat(c.intern("p", "s.py", "GET /a", null)).as("one user left of two").isEqualTo(a);
    }

    @Test
    void anUnusedTupleIsForgottenWithItsNames() {
        int gone = c.intern("proc-gone", "gone.py", "GET /gone", "t-gone");
        c.release(gone);
        sweepUnused();
        sweepUnusedNames();
        // findProcess looks a name up among all the tuples' names, whatever part it was
        for (String name : new String[] {"proc-gone", "gone.py", "GET /gone", "t-gone"}) {
            assertThat(c.findProcess(name)).as("%s released and swept", name).isEqualTo(-1);
        }
        int again = c.intern("proc-gone", "gone.py", "GET /gone", "t-gone");
        assertThat(new String[] {c.process(again), c.source(again), c.endpoint(again), c.thread(again)})
                .containsExactly("proc-gone", "gone.py", "GET /gone", "t-gone");
    }

    @Test
    void aForgottenTupleInTheCacheIsNotHandedOutAgain() {
        int gone = c.intern("p", "s.py", "GET /gone", null);
        c.release(gone);
        sweepUnused();   // forgotten: its number is free again, the cache may still point at it
        int back = c.intern("p", "s.py", "GET /gone", null);
        // 1,200 new tuples take every free number: none may take the one "back" holds
        for (int i = 0; i < 1_200; i++) {
            c.intern("p", "s.py", "GET /other/" + i, null);
        }
        assertThat(c.endpoint(back)).isEqualTo("GET /gone");
        assertThat(c.intern("p", "s.py", "GET /gone", null)).isEqualTo(back);
    }

    /** More than 1,024 unused tuples, then one new one: the sweep that forgets every unused tuple runs. */
    private void sweepUnused() {
        for (int i = 0; i < 1_100; i++) {
            c.release(c.intern("p", "s.py", "GET /filler/" + i, null));
        }
        c.release(c.intern("p", "s.py", "GET /trigger/" + System.identityHashCode(this) + "/" + sweeps++, null));
    }

    /** The same for names: 1,100 unused process names, then a new one. */
    private void sweepUnusedNames() {
        for (int i = 0; i < 1_100; i++) {
            c.release(c.intern("name-filler-" + i + "-" + sweeps, null, null, null));
        }
        sweepUnused();
        c.release(c.intern("name-trigger-" + sweeps++, null, null, null));
    }

    private int sweeps;
}
