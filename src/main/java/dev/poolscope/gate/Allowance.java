package dev.poolscope.gate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How much is allowed on top of nothing or of a base figure: a count ({@code 5}) or a percentage of the
 * base ({@code 1%}). Used for {@code --max-malformed} (of the lines read) and {@code --tolerance} (of the
 * baseline). Exact decimal arithmetic, so {@code 0.57%} of 10 000 is 57, not 56.
 */
public record Allowance(BigDecimal amount, boolean percent) {

    public Allowance {
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("must not be negative: " + amount);
        }
        if (!percent && amount.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("a count must be a whole number: " + amount);
        }
    }

    /** Reads {@code N} (a count) or {@code P%} (a percentage). */
    public static Allowance parse(String text) {
        String t = text.strip();
        boolean percent = t.endsWith("%");
        String number = percent ? t.substring(0, t.length() - 1).strip() : t;
        try {
            return new Allowance(new BigDecimal(number), percent);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is neither a count (5) nor a percentage (1%)");
        }
    }

    public static Allowance count(long n) {
        return new Allowance(BigDecimal.valueOf(n), false);
    }

    /** The allowed amount for a base figure, rounded down to a whole count. */
    public long of(long base) {
        BigDecimal allowed = percent
                ? BigDecimal.valueOf(base).multiply(amount).divide(BigDecimal.valueOf(100), 0, RoundingMode.FLOOR)
                : amount;
        return allowed.min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue();
    }

    @Override
    public String toString() {
        return amount.toPlainString() + (percent ? "%" : "");
    }
}
