package dev.poolscope.sample;

import java.util.regex.Pattern;

/** Normalizes a method and concrete path to the endpoint key used in {@link Truth#leaksByEndpoint()}. */
public final class Endpoints {
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Endpoints() {}

    /** {@code ("GET", "/api/projects/42/interviews?x=1")} becomes {@code "GET /api/projects/{id}/interviews"}. */
    public static String normalize(String method, String path) {
        int q = path.indexOf('?');
        String bare = q < 0 ? path : path.substring(0, q);
        StringBuilder sb = new StringBuilder(method.length() + bare.length() + 8).append(method).append(' ');
        String[] segments = bare.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                sb.append('/');
            }
            String s = segments[i];
            sb.append(isId(s) ? "{id}" : s);
        }
        return sb.toString();
    }

    private static boolean isId(String segment) {
        if (segment.isEmpty()) {
            return false;
        }
        return segment.chars().allMatch(Character::isDigit) || UUID.matcher(segment).matches();
    }
}
