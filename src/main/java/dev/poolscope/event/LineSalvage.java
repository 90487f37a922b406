package dev.poolscope.event;

import com.fasterxml.jackson.core.JsonFactory;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A second chance for a line the decoder rejected. It runs only on such lines, so intact logs never
 * pay for it. Two repairs, in order (docs/robustness.md):
 * <ol>
 *   <li>Bytes jackson refuses — invalid UTF-8, raw control characters such as the NUL padding a crash
 *       leaves in a file or a tab inside a string — are replaced (U+FFFD, a space) and the line is
 *       decoded again. Dropping the line would lose a checkout over one bad byte in a user agent.</li>
 *   <li>A line holding several records — one cut short by a crash with the next record appended to
 *       it, or records written without a newline — is split at each {@code '{'} from which a complete
 *       record runs to the end of what is left. At most one such position exists: a record nested
 *       inside another is always followed by its parent's closing brace.</li>
 * </ol>
 * What still fails is malformed, with a short reason from {@link MalformedReason}.
 */
public final class LineSalvage {
    /** Decode attempts per line: bounds the cost of a hostile line full of braces. */
    static final int MAX_ATTEMPTS = 32;

    private final EventDecoder decoder;
    private final JsonFactory factory;

    public LineSalvage(EventDecoder decoder, JsonFactory factory) {
        this.decoder = decoder;
        this.factory = factory;
    }

    /**
     * What could be read from a rejected line.
     *
     * @param events    records read from it, in line order (often none)
     * @param repair    what was replaced to read it, or null
     * @param malformed why (part of) the line stays unreadable, or null when all of it was read
     */
    public record Result(List<PoolEvent> events, String repair, String malformed) {
        public Result {
            events = List.copyOf(events);
        }

        /** Records read from a line that also held a cut-off or unreadable part, or several records. */
        public boolean split() {
            return events.size() > 1 || (!events.isEmpty() && malformed != null);
        }
    }

    public Result salvage(byte[] buf, int off, int len, String source, long line, String decoderReason) {
        byte[] bytes = buf;
        int from = off;
        int to = off + len;
        String repair = null;
        byte[] clean = sanitize(buf, off, len);
        if (clean != null) {
            repair = repairNote(buf, off, len);
            try {
                return new Result(List.of(decoder.decode(clean, 0, clean.length, source, line)), repair, null);
            } catch (MalformedLineException e) {
                if (isBlank(clean)) {
                    return new Result(List.of(), null, "only NUL or control bytes (padding left by a crash?)");
                }
                bytes = clean;
                from = 0;
                to = clean.length;
            }
        }
        ArrayDeque<PoolEvent> found = new ArrayDeque<>();
        int unread = split(bytes, from, to, source, line, found);
        if (found.isEmpty()) {
            return new Result(List.of(), null, MalformedReason.of(factory, bytes, from, to - from, decoderReason));
        }
        String cut = unread > 0 ? "cut off after " + unread + " bytes, followed by a complete record" : null;
        return new Result(List.copyOf(found), repair, cut);
    }

    /**
     * Peels complete records off the end of {@code b[from, to)} into {@code found} (line order);
     * returns how many bytes at the start stay unread (0 when everything was read).
     */
    private int split(byte[] b, int from, int to, String source, long line, ArrayDeque<PoolEvent> found) {
        int end = to;
        int attempts = 0;
        while (true) {   // ends when the rest is one record, or no record starts in it within the attempts left
            int cut = end;
            for (int i = from + 1; i < end && attempts < MAX_ATTEMPTS; i++) {
                if (b[i] != '{') {
                    continue;
                }
                attempts++;
                try {
                    found.addFirst(decoder.decode(b, i, end - i, source, line));
                    cut = i;
                    break;
                } catch (MalformedLineException e) {
                    // not the start of the last record; try the next brace
                }
            }
            if (cut == end) {
                return end - from;
            }
            end = cut;
            try {
                found.addFirst(decoder.decode(b, from, end - from, source, line));
                return 0;
            } catch (MalformedLineException e) {
                attempts++;   // the rest is not one record: look for another record boundary in it
            }
        }
    }

    /** The line with invalid UTF-8 replaced by U+FFFD and control characters by spaces; null if it has neither. */
    static byte[] sanitize(byte[] buf, int off, int len) {
        boolean control = false;
        for (int i = off; i < off + len && !control; i++) {
            control = (buf[i] & 0xFF) < 0x20;
        }
        if (!control && validUtf8(buf, off, len)) {
            return null;
        }
        char[] chars = new String(buf, off, len, StandardCharsets.UTF_8).toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] < 0x20) {   // "<= 0x20" would only replace a space by a space (an equivalent mutant)
                chars[i] = ' ';
            }
        }
        return new String(chars).getBytes(StandardCharsets.UTF_8);
    }

    private static String repairNote(byte[] buf, int off, int len) {
        boolean control = false;
        for (int i = off; i < off + len && !control; i++) {
            control = (buf[i] & 0xFF) < 0x20;
        }
        boolean invalid = !validUtf8(buf, off, len);
        if (control && invalid) {
            return "invalid UTF-8 and control characters replaced";
        }
        return invalid ? "invalid UTF-8 replaced" : "control characters replaced";
    }

    static boolean validUtf8(byte[] buf, int off, int len) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(buf, off, len));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isBlank(byte[] b) {
        for (byte x : b) {
            if (x != ' ') {
                return false;
            }
        }
        return true;
    }
}
