package dev.poolscope.report;

/**
 * Makes log-supplied text safe to print on a terminal: control characters (ANSI escapes among them)
 * would let a log line recolour, move or clear the engineer's screen, and bidirectional controls
 * would let it show text in another order than it has. Each becomes {@code ?}.
 */
public final class Terminal {
    private Terminal() {}

    public static String clean(String s) {
        if (s == null) {
            return "-";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                    || isBidiControl(c);
            if (control && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                out.append(control ? '?' : c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** Direction overrides and isolates reorder what follows them on screen ("Trojan Source", CVE-2021-42574). */
    static boolean isBidiControl(char c) {
        return c == '\u061c' || c == '\u200e' || c == '\u200f' || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
