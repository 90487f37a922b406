package dev.poolscope.server;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code log_line_prefix} turned into a pattern that reads stderr lines written with it: the prefix,
 * then {@code SEVERITY:  text}. Escapes that carry something the analysis needs become named groups
 * (time, pid, user, database, application, host, session id, SQLSTATE); the others are skipped.
 * {@code %q} makes the rest of the prefix optional, as the server stops it there for non-session processes.
 */
public final class LogLinePrefix {
    /** The server's default since PostgreSQL 10. */
    public static final String DEFAULT = "%m [%p] ";
    private static final String SEVERITY =
            "(?<sev>LOG|ERROR|FATAL|PANIC|WARNING|NOTICE|INFO|DEBUG[1-5]?|STATEMENT|DETAIL|HINT|CONTEXT|QUERY|LOCATION):  ";
    private static final String STAMP = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";

    private final String text;
    /** Made on first use: most runs read only JSON logs, which never reach a prefix (start-up). */
    private volatile Compiled compiled;

    private record Compiled(Pattern pattern, int escapes, java.util.Set<String> groups) {
    }

    private LogLinePrefix(String text) {
        this.text = text;
    }

    /** A prefix as written in postgresql.conf (without the quotes). */
    public static LogLinePrefix of(String prefix) {
        return new LogLinePrefix(prefix);
    }

    private Compiled compiled() {
        Compiled c = compiled;
        if (c == null) {
            c = compile(text);
            compiled = c;
        }
        return c;
    }

    private static Compiled compile(String prefix) {
        StringBuilder re = new StringBuilder("^");
        int optional = 0;
        int escapes = 0;
        java.util.Set<String> named = new java.util.HashSet<>();
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c != '%' || i + 1 == prefix.length()) {
                re.append(Pattern.quote(String.valueOf(c)));
                continue;
            }
            int j = i + 1;
            boolean padded = false;
            while (j < prefix.length() && (prefix.charAt(j) == '-' || Character.isDigit(prefix.charAt(j)))) {
                padded = true;
                j++;
            }
            if (j == prefix.length()) {
                break;
            }
            char e = prefix.charAt(j);
            i = j;
            if (e == 'q') {
                re.append("(?:");
                optional++;
                continue;
            }
            String part = escape(e, named);
            if (part == null) {
                re.append(Pattern.quote(e == '%' ? "%" : "%" + e));
                continue;
            }
            escapes++;
            re.append(padded ? " *" + part + " *" : part);
        }
        re.append(")?".repeat(optional)).append(SEVERITY).append("(?<text>.*)$");
        return new Compiled(Pattern.compile(re.toString(), Pattern.DOTALL), escapes, java.util.Set.copyOf(named));
    }

    /** The regex of one escape; a group only the first time a name appears (a prefix may repeat one). */
    private static String escape(char e, java.util.Set<String> named) {
        String name = switch (e) {
            case 'm', 't', 'n' -> "time";
            case 'p' -> "pid";
            case 'u' -> "user";
            case 'd' -> "db";
            case 'a' -> "app";
            case 'h', 'r' -> "host";
            case 'c' -> "session";
            case 'e' -> "state";
            default -> null;
        };
        String body = switch (e) {
            case 'm' -> STAMP + "\\.\\d{3} \\S+";
            case 't', 's' -> STAMP + " \\S+";
            case 'n' -> "\\d+\\.\\d{3}";
            case 'p', 'l', 'x' -> "\\d+";
            case 'P' -> "\\d*";
            case 'Q' -> "-?\\d+";
            case 'c' -> "[0-9a-f]+\\.[0-9a-f]+";
            case 'e' -> "[0-9A-Z]{5}";
            case 'v' -> "[0-9/]*";
            case 'h' -> "[^\\s(]*";
            case 'r' -> "[^\\s(]*(?:\\(\\d+\\))?";
            case 'u', 'd', 'a', 'i', 'b' -> ".*?";
            default -> null;
        };
        if (body == null) {
            return null;
        }
        if (name == null || !named.add(name)) {
            return "(?:" + body + ")";
        }
        if (e == 'r') {
            return "(?<host>[^\\s(]*)(?:\\(\\d+\\))?";
        }
        return "(?<" + name + ">" + body + ")";
    }

    /** The prefix as given. */
    public String text() {
        return text;
    }

    /** How many escapes it has: among prefixes matching the same line, the one with more says more. */
    int escapes() {
        return compiled().escapes();
    }

    /** The line read with this prefix, or null when it was not written with it. */
    Matcher match(String line) {
        Matcher m = compiled().pattern().matcher(line);
        return m.matches() ? m : null;
    }

    /** Whether the compiled pattern has a group of that name. */
    boolean has(String group) {
        return compiled().groups().contains(group);
    }

    /**
     * Prefixes tried when none is given, most specific first: Debian's and the docs' examples, pgBadger's
     * documented ones, the default (docs/postgres-reference.md §3).
     */
    public static List<LogLinePrefix> common() {
        return List.of(
                of("%t [%p]: [%l-1] user=%u,db=%d,app=%a,client=%h "),
                of("%t [%p]: [%l-1] db=%d,user=%u,app=%a,client=%h "),
                of("%t [%p]: user=%u,db=%d,app=%a,client=%h "),
                of("%t [%p]: db=%d,user=%u,app=%a,client=%h "),
                of("%m [%p] %q%u@%d/%a "),
                of("%m [%p] %q%u@%d "),
                of("%t [%p]: [%l-1] "),
                of("%t [%p]: "),
                of("%m [%p] "),
                of("%t [%p] "));
    }
}
