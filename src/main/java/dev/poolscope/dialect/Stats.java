package dev.poolscope.dialect;

import dev.poolscope.event.PoolEvent;

/**
 * The numbers of HikariCP's stats text, both forms: 5.x "(total=10, active=4, idle=6, waiting=0)" and 6.0+
 * "(total=12/20, idle=3/12, active=9, waiting=0)". Only {@code total}'s denominator is maximumPoolSize;
 * {@code idle}'s is minimumIdle and is ignored.
 */
record Stats(int total, int active, int idle, int waiting, int max) {

    /** The stats in the first parentheses of {@code text}, or null unless total, active, idle and waiting are all there. */
    static Stats parse(String text) {
        int open = text.indexOf('(');
        int close = text.indexOf(')', open + 1);
        if (open < 0 || close < 0) {
            return null;
        }
        int total = -1;
        int active = -1;
        int idle = -1;
        int waiting = -1;
        int max = PoolEvent.NO_COUNT;
        for (String part : text.substring(open + 1, close).split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                return null;
            }
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            int slash = value.indexOf('/');
            int n = Texts.natural(slash < 0 ? value : value.substring(0, slash));
            switch (key) {
                case "total" -> {
                    total = n;
                    max = slash < 0 ? PoolEvent.NO_COUNT : Texts.natural(value.substring(slash + 1));
                }
                case "active" -> active = n;
                case "idle" -> idle = n;
                case "waiting" -> waiting = n;
                default -> { }
            }
        }
        return total < 0 || active < 0 || idle < 0 || waiting < 0 ? null : new Stats(total, active, idle, waiting, max);
    }
}
