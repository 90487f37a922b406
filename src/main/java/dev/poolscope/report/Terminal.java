package dev.poolscope.report;

/**
 * Makes log-supplied text safe to print on a terminal: control characters (ANSI escapes among them)
 * would let a log line recolour, move or clear the engineer's screen.
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
            boolean control = c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029';
            if (control && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                out.append(control ? '?' : c);
            }
        }
        return out == null ? s : out.toString();
    }
}
