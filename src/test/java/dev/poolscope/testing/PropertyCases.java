package dev.poolscope.testing;

/**
 * How many random cases a property test runs. A build runs all of them. Mutation testing (the {@code mutation}
 * profile sets {@code -Dpoolscope.test.fewerCases=true}) runs a tenth: every surviving mutant reruns every test
 * that covers its line, and the property tests were most of that time. Each case keeps its full size, so what a
 * case exercises (forgetting past a capacity, growing an index) is still exercised.
 */
public final class PropertyCases {
    private static final boolean FEWER = Boolean.getBoolean("poolscope.test.fewerCases");

    private PropertyCases() {
    }

    /** Of {@code all} cases, how many to run: all, or a tenth (at least one) under mutation testing. */
    public static int of(int all) {
        return FEWER ? Math.max(1, all / 10) : all;
    }

    /** Whether case {@code number} (1-based) of {@code all} runs. */
    public static boolean runs(int number, int all) {
        return number <= of(all);
    }

    /** Whether every case runs (false under mutation testing). */
    public static boolean all() {
        return !FEWER;
    }
}
