package dev.poolscope.report;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Locale;

/**
 * JSON escapes for log strings beyond the standard ones: DEL, the C1 controls (U+0080–U+009F, which
 * some terminals obey) and the characters {@link Terminal} also neutralises, so {@code cat report.json}
 * or {@code jq} on a terminal cannot be hijacked either. The JSON stays equal in meaning.
 */
public final class JsonEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii;

    public JsonEscapes() {
        ascii = standardAsciiEscapesForJSON();
        ascii[0x7f] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        boolean unsafe = (ch >= 0x80 && ch <= 0x9f) || ch == 0x2028 || ch == 0x2029 || Terminal.isBidiControl((char) ch);
        return unsafe ? new SerializedString(String.format(Locale.ROOT, "\\u%04X", ch)) : null;
    }
}
