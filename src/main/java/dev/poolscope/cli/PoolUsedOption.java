package dev.poolscope.cli;

import dev.poolscope.analysis.PoolScale;
import dev.poolscope.analysis.Threshold;

/**
 * {@code --used-normal}/{@code --used-critical} (alias {@code --pool-normal}/{@code --pool-critical}): numbers,
 * or percentages of the pool's maximum such as {@code 90%} (issue #16). Not given, the seed table applies,
 * scaled to the pool's maximum when the log states one other than 80.
 */
record PoolUsedOption(Threshold threshold, PoolScale scale) {
    static final long SEED_NORMAL = 10;
    static final long SEED_CRITICAL = 70;

    static PoolUsedOption of(String normal, String critical) {
        if (normal == null && critical == null) {
            return new PoolUsedOption(new Threshold(SEED_NORMAL, SEED_CRITICAL), PoolScale.SEED);
        }
        boolean pct = isPercent(normal) || isPercent(critical);
        if (pct && !(isPercent(normal) || normal == null) || pct && !(isPercent(critical) || critical == null)) {
            throw new IllegalArgumentException("give --used-normal and --used-critical both as numbers or both as"
                    + " percentages");
        }
        if (pct) {
            double n = normal == null ? PoolScale.SEED.normalPct() : percent(normal);
            double c = critical == null ? PoolScale.SEED.criticalPct() : percent(critical);
            return new PoolUsedOption(new Threshold(SEED_NORMAL, SEED_CRITICAL), PoolScale.percent(n, c));
        }
        return new PoolUsedOption(new Threshold(number(normal, SEED_NORMAL), number(critical, SEED_CRITICAL)),
                PoolScale.ABSOLUTE);
    }

    private static boolean isPercent(String s) {
        return s != null && s.strip().endsWith("%");
    }

    private static double percent(String s) {
        String n = s.strip();
        try {
            return Double.parseDouble(n.substring(0, n.length() - 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a percentage: " + s);
        }
    }

    private static long number(String s, long otherwise) {
        if (s == null) {
            return otherwise;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number or a percentage: " + s);
        }
    }
}
