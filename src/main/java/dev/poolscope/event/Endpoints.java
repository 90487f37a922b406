package dev.poolscope.event;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Groups raw request paths into routes: {@code /api/projects/5062610?x=1} and {@code /api/projects/17}
 * are both {@code /api/projects/{id}}. Query strings, fragments and scheme/host are dropped; numeric,
 * UUID and long hexadecimal segments become {@code {id}}.
 */
public final class Endpoints {
    public static final String ID = "{id}";
    static final int MAX_LENGTH = 200;
    private static final int CACHE_SIZE = 4096;

    /** Paths repeat constantly; a small LRU saves re-normalising them. Not thread-safe: one per decoder. */
    private final Map<String, Route> cache = new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Route> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** Routes by their normalised text, so that paths differing only in ids share one Route and its names. */
    private final Map<String, Route> routes = new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Route> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private final String[] recentPaths = new String[256];
    private final Route[] recentRoutes = new Route[256];

    /** A path's route, and its full endpoint for the last few methods it was seen with (GET, POST, ...). */
    private static final class Route {
        final String route;
        final String[] methods = new String[4];
        final String[] fulls = new String[4];
        int next;

        Route(String route) {
            this.route = route;
        }
    }

    /** The grouped endpoint, e.g. {@code "GET /api/projects/{id}"}; null when there is no path. */
    public String endpoint(String method, String path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        // The decoder hands out one String per repeated path: its route is remembered by identity first.
        int slot = path.hashCode() & (recentPaths.length - 1);
        Route r = recentPaths[slot] == path ? recentRoutes[slot] : cache.get(path);
        if (r == null) {
            r = routes.computeIfAbsent(normalizePath(path), Route::new);
            cache.put(path, r);
        }
        recentPaths[slot] = path;
        recentRoutes[slot] = r;
        if (method == null || method.isEmpty()) {
            return cut(r.route);
        }
        for (int i = 0; i < r.methods.length; i++) {
            if (method.equals(r.methods[i])) {
                return r.fulls[i];
            }
        }
        String full = method.toUpperCase(java.util.Locale.ROOT) + " " + r.route;
        full = cut(full);
        r.methods[r.next] = method;
        r.fulls[r.next] = full;
        r.next = (r.next + 1) % r.methods.length;
        return full;
    }

    static String normalizePath(String raw) {
        String path = raw;
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        int scheme = path.indexOf("://");
        if (scheme > 0) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path.substring(slash);   // slash is -1 or past "://": "<= 0" would be the same
        }
        path = cut(path);
        StringBuilder out = new StringBuilder(path.length());
        int start = 0;
        while (true) {   // ends at the last segment, the one no slash follows
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            String segment = path.substring(start, end);
            out.append(isIdentifier(segment) ? ID : segment);
            if (slash < 0) {
                break;
            }
            out.append('/');
            start = slash + 1;
        }
        return out.toString();
    }

    /** Grouped text longer than {@link #MAX_LENGTH} is cut (ids can make a route longer than its path). */
    private static String cut(String s) {
        return s.substring(0, Math.min(s.length(), MAX_LENGTH));
    }

    static boolean isIdentifier(String s) {
        if (s.isEmpty()) {
            return false;
        }
        boolean allDigits = true;
        boolean allHex = true;
        boolean anyDigit = false;
        int dashes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            boolean hex = digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            anyDigit |= digit;
            allDigits &= digit;
            if (c == '-') {
                dashes++;
            } else {
                allHex &= hex;
            }
        }
        if (allDigits) {
            return true;
        }
        boolean uuid = s.length() == 36 && dashes == 4 && allHex;
        boolean longHex = dashes == 0 && allHex && anyDigit && s.length() >= 16;
        return uuid || longHex;
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return -1;
    }
}
