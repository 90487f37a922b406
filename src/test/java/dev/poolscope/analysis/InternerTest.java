package dev.poolscope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When idle ids are swept, and what a sweep tells its owner. */
class InternerTest {
    /** Acquires v0 .. v(n-1), ids 0 .. n-1 in that order. */
    private static void acquireAll(Interner<String> in, int n) {
        for (int i = 0; i < n; i++) {
            assertEquals(i, in.acquire("v" + i));
        }
    }

    @Test
    void aSweepNeedsMoreThan1024IdleIds() {
        // 1025 values, all released: 1025 idle. v0 comes back: 1024 idle, not more than 1024, so a new
        // value sweeps nothing: 1025 + 1 = 1026 known. Release v0 again: 1025 idle, in use 1 ("new"):
        // the next new value sweeps the 1025 idle ones, leaving "new" and "new2".
        Interner<String> in = new Interner<>();
        acquireAll(in, 1025);
        for (int i = 0; i < 1025; i++) {
            in.release(i);
        }
        assertEquals(0, in.acquire("v0"));
        assertEquals(1, in.users(0));
        in.acquire("new");
        assertEquals(1026, in.size());
        in.release(0);
        in.acquire("new2");
        assertEquals(2, in.size());
        assertEquals(-1, in.find("v0"));
    }

    @Test
    void aSweepNeedsIdleIdsToOutnumberThoseInUse() {
        // 2100 values, the first 1050 released: 1050 idle = 1050 in use, not more, so "x" sweeps nothing
        // (2101 known). Releasing v1050 makes 1051 idle against 1050 in use (1049 + "x"): "y" sweeps
        // the 1051, leaving 2101 - 1051 + 1 = 1051 known.
        Interner<String> in = new Interner<>();
        acquireAll(in, 2100);
        for (int i = 0; i < 1050; i++) {
            in.release(i);
        }
        in.acquire("x");
        assertEquals(2101, in.size());
        in.release(1050);
        in.acquire("y");
        assertEquals(1051, in.size());
        assertEquals(-1, in.find("v1050"));
        assertEquals(1051, in.find("v1051"));
    }

    @Test
    void onForgetIsToldOfEachIdWhileItsValueIsStillReadable() {
        // 1025 values, all released, then a new one: all 1025 are forgotten, each reported once, and at
        // that moment get(id) is still "v" + id.
        List<String> told = new ArrayList<>();
        List<Interner<String>> holder = new ArrayList<>();
        Interner<String> in = new Interner<>(id -> told.add(id + "=" + holder.get(0).get(id)));
        holder.add(in);
        acquireAll(in, 1025);
        for (int i = 0; i < 1025; i++) {
            in.release(i);
        }
        in.acquire("new");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 1025; i++) {
            expected.add(i + "=v" + i);
        }
        assertEquals(expected, told);
        assertEquals(1, in.size());
    }
}
