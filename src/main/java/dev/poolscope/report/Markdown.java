package dev.poolscope.report;

/** Makes log-supplied text inert in GitHub/GitLab Markdown, table cells included. */
public final class Markdown {
    private static final String SPECIAL = "\\`*_{}[]<>()#+-.!|~&";

    private Markdown() {}

    public static String text(String s) {
        String clean = Terminal.clean(s);
        StringBuilder out = new StringBuilder(clean.length() + 8);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
