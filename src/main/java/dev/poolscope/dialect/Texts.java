package dev.poolscope.dialect;

/** Small text helpers of the recognisers. */
final class Texts {
    private Texts() {}

    /** Runs of whitespace as one space: HikariCP's stats prefixes moved their double spaces between versions. */
    static String squeeze(String s) {
        if (s.indexOf("  ") < 0 && s.indexOf('\t') < 0) {
            return s;
        }
        return s.replaceAll("\\s+", " ");
    }

    /** The first of the texts that contains {@code needle}, or null. */
    static String containing(String needle, String... texts) {
        for (String t : texts) {
            if (t != null && t.contains(needle)) {
                return t;
            }
        }
        return null;
    }

    /** A non-negative decimal of at most nine digits, or -1. */
    static int natural(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
