package dev.poolscope.analysis;

/**
 * How the pool-used thresholds follow the pool's size (issue #16). The seed's table (normal up to 10,
 * critical above 70) is for a pool of 80: when the log states another maximum, {@link #SEED} scales it to
 * the same shares, normal up to 12.5 % and critical above 87.5 % of the maximum. Thresholds given as numbers
 * stay as given; given as percentages they apply to the maximum, or fall back to the numbers while it is unknown.
 *
 * @param mode        how the thresholds were set
 * @param normalPct   normal up to this share of the maximum (PERCENT), in percent
 * @param criticalPct critical above this share (PERCENT), in percent
 */
public record PoolScale(Mode mode, double normalPct, double criticalPct) {
    /** The seed table's pool. */
    public static final int SEED_POOL = 80;
    public static final PoolScale SEED = new PoolScale(Mode.SEED, 12.5, 87.5);
    public static final PoolScale ABSOLUTE = new PoolScale(Mode.ABSOLUTE, 0, 0);

    public enum Mode { SEED, ABSOLUTE, PERCENT }

    public PoolScale {
        if (normalPct < 0 || criticalPct < normalPct || criticalPct > 100) {
            throw new IllegalArgumentException("need 0 <= normal % <= critical % <= 100, got " + normalPct + " and "
                    + criticalPct);
        }
    }

    public static PoolScale percent(double normalPct, double criticalPct) {
        return new PoolScale(Mode.PERCENT, normalPct, criticalPct);
    }

    /** The pool-used bands for a pool of {@code max} ({@code -1}: unknown), from the numbers given. */
    Threshold resolve(Threshold given, int max) {
        boolean scales = mode == Mode.PERCENT || mode == Mode.SEED && max != SEED_POOL;
        if (!scales || max <= 0) {
            return given;
        }
        return new Threshold((long) Math.floor(max * normalPct / 100), (long) Math.floor(max * criticalPct / 100));
    }

    /** Which rule applied, in words, for the report. */
    String basis(Threshold given, int max) {
        String pcts = "normal <= " + pct(normalPct) + " %, critical > " + pct(criticalPct) + " % of " + max;
        return switch (mode) {
            case ABSOLUTE -> "as set (--used-normal/--used-critical)";
            case PERCENT -> max > 0 ? "as set in percent: " + pcts
                    : "percentages set but the pool's maximum is unknown: the numbers " + given.normalMax() + "/"
                            + given.criticalAbove() + " apply";
            case SEED -> max <= 0 ? "seed table (pool of " + SEED_POOL + "): the pool's maximum is unknown"
                    : max == SEED_POOL ? "seed table (pool of " + SEED_POOL + ")"
                    : "seed table scaled to the pool's maximum: " + pcts;
        };
    }

    private static String pct(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
    }
}
