package dev.poolscope.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in log strings before a report echoes them ({@code --redact}). Every writer calls
 * {@link #redact} on each string that came from a log: the text and JSON reports do, and so must
 * CSV and HTML. A pattern with a group named {@code secret} masks only that group (so
 * {@code password=***} keeps its key); any other pattern masks its whole match.
 */
public final class Redactor {
    public static final String MASK = "***";

    /** Key names whose values are secrets, as in {@code password=…}, {@code "api_key": "…"}, {@code X-Auth-Token: …}. */
    private static final String SECRET_KEYS =
            "[\\w.-]*(?:passw(?:or)?d|pwd|secret|token|api[_-]?key|apikey|credentials?|session[_-]?id|private[_-]?key)";

    /** The defaults of {@code --redact}, documented in docs/robustness.md. */
    public static final List<String> DEFAULT_PATTERNS = List.of(
            // DSN with credentials: postgresql://user:PASSWORD@host/db
            "(?i)\\b[a-z][a-z0-9+.-]*://[^/\\s:@]*:(?<secret>[^@/\\s]+)@",
            // Authorization: Bearer abc / Basic abc / plain value
            "(?i)\\bauthorization[\"']?\\s*[:=]\\s*[\"']?(?<secret>(?:(?:bearer|basic|digest|token)\\s+)?[^\\s\"',;]+)",
            "(?i)\\bbearer\\s+(?<secret>[\\w.~+/=-]{8,})",
            // key=value, key: value, "key": "value"
            "(?i)" + SECRET_KEYS + "[\"']?\\s*[:=]\\s*(?<secret>\"[^\"]*\"|'[^']*'|[^\\s&;,\"'}]+)",
            // command lines: --password secret
            "(?i)--?(?:password|passwd|token|secret|api-key)\\s+(?<secret>[^\\s-]\\S*)");

    private static final Redactor NONE = new Redactor(List.of());

    private final List<Pattern> patterns;

    private Redactor(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** Masks nothing: the default without {@code --redact}. */
    public static Redactor none() {
        return NONE;
    }

    public static Redactor defaults() {
        return of(DEFAULT_PATTERNS);
    }

    /** @throws java.util.regex.PatternSyntaxException for a pattern that does not compile */
    public static Redactor of(List<String> regexes) {
        List<Pattern> compiled = new ArrayList<>();
        for (String r : regexes) {
            compiled.add(Pattern.compile(r));
        }
        return new Redactor(compiled);
    }

    /** This redactor with more patterns. */
    public Redactor and(List<String> regexes) {
        List<Pattern> all = new ArrayList<>(patterns);
        all.addAll(of(regexes).patterns);
        return new Redactor(all);
    }

    public boolean active() {
        return !patterns.isEmpty();
    }

    /** The string with every match masked; null stays null. */
    public String redact(String s) {
        if (s == null || patterns.isEmpty()) {
            return s;
        }
        String out = s;
        for (Pattern p : patterns) {
            out = mask(p, out);
        }
        return out;
    }

    private static String mask(Pattern p, String s) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            return s;
        }
        boolean group = p.pattern().contains("(?<secret>");
        StringBuilder b = new StringBuilder(s.length());
        int last = 0;
        do {
            int from = group ? m.start("secret") : m.start();
            int to = group ? m.end("secret") : m.end();
            if (from < 0) {
                continue;   // the named group did not take part in this match
            }
            b.append(s, last, from).append(MASK);
            last = to;
        } while (m.find());
        return b.append(s, last, s.length()).toString();
    }
}
