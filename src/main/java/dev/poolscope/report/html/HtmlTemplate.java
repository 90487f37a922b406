package dev.poolscope.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template resource with named {@code {{placeholders}}}. Every placeholder must be given a value
 * and every value must have a placeholder, so a typo fails the tests instead of shipping a hole.
 * Values are inserted as they are: callers pass HTML they escaped.
 */
final class HtmlTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private final String text;

    private HtmlTemplate(String text) {
        this.text = text;
    }

    static HtmlTemplate resource(String name) {
        return new HtmlTemplate(resourceText(name));
    }

    static String resourceText(String name) {
        try (InputStream in = HtmlTemplate.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text with every placeholder replaced by its value. Values are copied as they are, not through
     * {@code Matcher.appendReplacement}, whose quoting and expanding walk every character of a value
     * twice: most of the time of writing a page, with its inline charts, before the JIT compiles it.
     */
    String fill(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        int size = text.length();
        for (String v : values.values()) {
            size += v.length();
        }
        StringBuilder out = new StringBuilder(size);
        Set<String> used = new HashSet<>();
        int last = 0;
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for placeholder " + m.group(1));
            }
            used.add(m.group(1));
            out.append(text, last, m.start()).append(value);
            last = m.end();
        }
        out.append(text, last, text.length());
        if (!used.containsAll(values.keySet())) {
            Set<String> unused = new HashSet<>(values.keySet());
            unused.removeAll(used);
            throw new IllegalStateException("no placeholder for " + unused);
        }
        return out.toString();
    }

    /** The CSP source that allows exactly this inline script or style: {@code 'sha256-…'}. */
    static String cspHash(String inline) {
        byte[] digest = Sha256.digest(inline.getBytes(StandardCharsets.UTF_8));
        return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    }
}
