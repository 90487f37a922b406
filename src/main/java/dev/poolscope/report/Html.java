package dev.poolscope.report;

/**
 * Escapes text for HTML element content and double- or single-quoted attribute values. The five
 * characters that can end a text node or an attribute become character references; control
 * characters, which HTML forbids and some terminals act on, become U+FFFD.
 */
public final class Html {
    private Html() {}

    public static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = replacement(c);
            if (rep != null && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (rep != null) {
                out.append(rep);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    private static String replacement(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            case '\t', '\n', '\r' -> null;
            default -> c < 0x20 || (c >= 0x7f && c <= 0x9f) ? "\uFFFD" : null;
        };
    }
}
