package dev.poolscope.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;

/**
 * A short, human reason for a line that is not a JSON object, for the report's malformed samples.
 * It re-parses the line (only rejected lines get here) to tell plain text from an array, a scalar, a
 * cut-off object or a line past jackson's limits, without quoting the line: log content is untrusted
 * and may hold secrets.
 */
final class MalformedReason {
    private static final int MAX_LENGTH = 120;

    private MalformedReason() {}

    static String of(JsonFactory factory, byte[] b, int off, int len, String decoderReason) {
        try (JsonParser p = factory.createParser(b, off, len)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return "blank line";
            }
            p.skipChildren();
            boolean more = p.nextToken() != null;
            if (first != JsonToken.START_OBJECT) {
                return more ? "plain text, not JSON" : "a JSON " + kind(first) + ", not an object";
            }
            return more ? "more after the JSON object, and no complete record in it" : shorten(decoderReason);
        } catch (JsonEOFException e) {
            return "the line ends inside the JSON (cut off)";
        } catch (StreamConstraintsException e) {
            return "beyond jackson's limits: " + shorten(e.getOriginalMessage().replaceAll(", from `[^`]*`\\)", ")"));
        } catch (JsonProcessingException e) {
            return startsLikeJson(b, off, len) ? "broken JSON at byte " + (e.getLocation().getByteOffset() + 1)
                    + ": " + shorten(e.getOriginalMessage()) : "plain text, not JSON";
        } catch (IOException e) {
            return shorten(decoderReason);
        }
    }

    private static String kind(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            default -> "literal (" + t.asString() + ")";
        };
    }

    private static boolean startsLikeJson(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r') {
                return c == '{';
            }
        }
        return false;
    }

    /** One line, no location noise, no quoted log content, at most {@value #MAX_LENGTH} characters. */
    static String shorten(String reason) {
        if (reason == null) {
            return "unreadable JSON";
        }
        String s = reason.replaceAll("\\s+", " ").replaceAll(" ?\\(start marker at .*", "")
                .replaceAll("'[^']{2,}'", "'…'").strip();
        return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) + "…" : s;
    }
}
