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
        int slot = slot("p", "s.py", "GET /gone", null);
        c.release(gone);
        // forgotten: its number is free again, and the cache still points at it. The fillers miss its slot and
        // share 80 names, so no sweep of names follows and its names still read as before
        int n = 0;
        for (int i = 0; n < 1_100; i++) {
            String process = "fp-" + i % 40;
            String endpoint = "GET /fe/" + i / 40;
            if (slot(process, "s.py", endpoint, null) != slot) {
                c.release(c.intern(process, "s.py", endpoint, null));
                n++;
            }
        }
        int back = c.intern("p", "s.py", "GET /gone", null);
        // 1,200 new tuples take every free number: none may take the one "back" holds
        for (int i = 0; i < 1_200; i++) {
            c.intern("p", "s.py", "GET /other/" + i, null);
        }
        assertThat(c.endpoint(back)).isEqualTo("GET /gone");
        assertThat(c.intern("p", "s.py", "GET /gone", null)).isEqualTo(back);
    }

    @Test
    void aKnownTupleFoundAgainThroughTheMapsGivesItsNamesNoExtraUser() {
        // Memory bound (docs/robustness.md): a tuple interned twice, then released twice and swept, leaves
        // none of its names behind. The second intern must miss the cache (another tuple took its slot), and
        // each part in turn is name 0 and the tuple is number 0 (the maps' answers at their lowest).
        for (int part = 0; part < 4; part++) {
            CheckoutContexts x = new CheckoutContexts();
            String[] t = {"t-proc", "t.py", "GET /t", "t-thread"};
            for (int i = 0; i < part; i++) {
                t[i] = null;
            }
            int first = x.intern(t[0], t[1], t[2], t[3]);
            assertThat(first).as("part %d", part).isZero();
            int other = x.intern(sameSlot(slot(t[0], t[1], t[2], t[3])), null, null, null);   // takes t's slot
            x.release(other);
            assertThat(x.intern(t[0], t[1], t[2], t[3])).as("part %d, through the maps", part).isEqualTo(first);
            x.release(first);
            x.release(first);
            assertThat(other).isNotEqualTo(first);
            sweepUnusedNames(x);
            for (int i = part; i < 4; i++) {
                assertThat(x.findProcess(t[i])).as("part %d: %s released and swept", part, t[i]).isEqualTo(-1);
            }
        }
    }

    @Test
    void tuplesMeetingInACacheSlotEachReadBackTheirOwnNames() {
        // 300 tuples into 256 cache slots: some must meet there. One set differs only in the source, the
        // other only in its one part (the process); each must keep its own number and names.
        int n = 300;
        int[] bySource = new int[n];
        int[] byProcess = new int[n];
        for (int i = 0; i < n; i++) {
            bySource[i] = c.intern("p", "s" + i + ".py", "GET /", null);
            byProcess[i] = c.intern("proc-" + i, null, null, null);
        }
        for (int i = 0; i < n; i++) {
            assertThat(c.intern("p", "s" + i + ".py", "GET /", null)).isEqualTo(bySource[i]);
            assertThat(c.source(bySource[i])).isEqualTo("s" + i + ".py");
            assertThat(c.intern("proc-" + i, null, null, null)).isEqualTo(byProcess[i]);
            assertThat(c.process(byProcess[i])).isEqualTo("proc-" + i);
        }
        assertThat(java.util.stream.IntStream.of(bySource).distinct().count()).isEqualTo(n);
        assertThat(java.util.stream.IntStream.of(byProcess).distinct().count()).isEqualTo(n);
    }

    @Test
    void aTupleLackingAPartDoesNotMatchNameZeroInItsCacheSlot() {
        // the first name interned is name 0; a tuple without a process, in the same cache slot, is another tuple
        String first = null;
        for (int i = 0; first == null; i++) {
            if (slot("x" + i, "s.py", null, null) == slot(null, "s.py", null, null)) {
                first = "x" + i;
            }
        }
        int named = c.intern(first, "s.py", null, null);
        int none = c.intern(null, "s.py", null, null);
        assertThat(none).isNotEqualTo(named);
        assertThat(c.process(none)).isNull();
        assertThat(c.process(named)).isEqualTo(first);
    }

    /**
     * The slot of the recent-tuple cache (256 entries) a tuple takes, written out as CheckoutContexts.intern
     * computes it: the tests pick tuples that meet in a slot, or that miss one.
     */
    private static int slot(String process, String source, String endpoint, String thread) {
        int r = ((java.util.Objects.hashCode(process) * 31 + java.util.Objects.hashCode(source)) * 31
                + java.util.Objects.hashCode(endpoint)) * 31 + java.util.Objects.hashCode(thread);
        return (r ^ r >>> 16) & 255;
    }

    /** A process name whose tuple (name, null, null, null) takes the cache slot {@code slot}. */
    private static String sameSlot(int slot) {
        for (int i = 0; ; i++) {
            if (slot("u-proc-" + i, null, null, null) == slot) {
                return "u-proc-" + i;
            }
        }
    }

    /** More than 1,024 unused tuples, then one new one: the sweep that forgets every unused tuple runs. */
    private void sweepUnused() {
        sweepUnused(c);
    }

    private void sweepUnused(CheckoutContexts x) {
        for (int i = 0; i < 1_100; i++) {
            x.release(x.intern("p", "s.py", "GET /filler/" + i, null));
        }
        x.release(x.intern("p", "s.py", "GET /trigger/" + System.identityHashCode(this) + "/" + sweeps++, null));
    }

    /** The same for names: 1,100 unused process names, then a new one. */
    private void sweepUnusedNames() {
        sweepUnusedNames(c);
    }

    private void sweepUnusedNames(CheckoutContexts x) {
        for (int i = 0; i < 1_100; i++) {
            x.release(x.intern("name-filler-" + i + "-" + sweeps, null, null, null));
        }
        sweepUnused(x);
        x.release(x.intern("name-trigger-" + sweeps++, null, null, null));
    }

    private int sweeps;
}
