package dev.poolscope.cli;

import static dev.poolscope.testing.LogLine.at;
import static dev.poolscope.testing.LogLine.getconn;
import static dev.poolscope.testing.LogLine.putconn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.MalformedLine;
import dev.poolscope.feed.InputException;
import dev.poolscope.feed.InputProblems;
import dev.poolscope.io.ReadMode;
import dev.poolscope.testing.Run;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every broken-input case in one file, through the real pipeline, with counts worked out by hand
 * line by line (the comments). Read whole and one byte at a time.
 */
class BrokenInputPipelineTest {
    private static final int MAX_LINE = 8192;
    /** Line 15: longer than the limit; its length is the reader's to report. */
    static final String OVERLONG = getconn("r8", "c8", at(6)).with("pad", "p".repeat(MAX_LINE)).toString();

    static byte[] brokenLog() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        String get1 = getconn("r1", "c1", at(1)).toString();
        b.writeBytes(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
        ascii(b, get1 + "\r\n");                                                  // 1 getconn r1 (BOM, CRLF)
        ascii(b, putconn("r1", "c1", at(2)) + "\r\n");                            // 2 putconn r1
        ascii(b, "\n");                                                           // 3 blank
        ascii(b, "   \n");                                                        // 4 blank
        ascii(b, "Traceback (most recent call last):\n");                         // 5 malformed
        ascii(b, "  File \"app.py\", line 1, in <module>\n");                     // 6 malformed
        latin1(b, getconn("r2", "c2", at(3)).with("user_agent", "Moz\u00ff\u00fe") + "\n"); // 7 repaired getconn r2
        latin1(b, "\u0000".repeat(8) + putconn("r2", "c2", at(4)) + "\n");        // 8 repaired putconn r2
        ascii(b, getconn("r3", "c3", at(5)).toString().substring(0, 30)
                + getconn("r4", "c4", at(5)) + "\n");                             // 9 malformed cut r3 + recovered r4
        ascii(b, "[1, 2]\n");                                                     // 10 malformed array
        ascii(b, "42\n");                                                         // 11 malformed number
        ascii(b, "{\"event\": \"x\", " + getconn("r5", "c5", at(6)).toString().substring(1) + "\n"); // 12 dup key: getconn r5
        ascii(b, getconn("r6", "c6", at(6)).with("x", "@").toString()
                .replace("\"@\"", "[".repeat(2000) + "]".repeat(2000)) + "\n");  // 13 malformed: too deep
        ascii(b, getconn("r7", "c7", at(6)).with("x", "@").toString()
                .replace("\"@\"", "[".repeat(50) + "]".repeat(50)) + "\n");      // 14 getconn r7
        ascii(b, OVERLONG + "\n");                                                 // 15 malformed: overlong
        ascii(b, putconn("r4", "c4", at(7)) + "\n");                              // 16 putconn r4
        ascii(b, putconn("r5", "c5", at(8)) + "\n");                              // 17 putconn r5
        ascii(b, putconn("r7", "c7", at(9)) + "\n");                              // 18 putconn r7
        ascii(b, putconn("r9", "c9", at(9)).toString().substring(0, 40));         // 19 malformed: cut last line
        return b.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(ReadMode.class)
    void everyCaseCountedExactly(ReadMode mode) throws InputException {
        Diagnosis d = Run.pipeline(mode.stream(brokenLog()), MAX_LINE);
        var in = d.input();
        assertThat(in.lines()).isEqualTo(19);
        assertThat(in.blankLines()).isEqualTo(2);
        assertThat(in.malformedLines()).isEqualTo(8);
        assertThat(in.malformedSamples()).extracting(MalformedLine::line).containsExactly(5L, 6L, 9L, 10L, 11L, 13L, 15L, 19L);
        assertThat(in.malformedSamples()).extracting(MalformedLine::reason).containsExactly(
                "plain text, not JSON",
                "plain text, not JSON",
                "cut off after 30 bytes, followed by a complete record",
                "a JSON array, not an object",
                "a JSON number, not an object",
                "beyond jackson's limits: Document nesting depth (1001) exceeds the maximum allowed (1000)",
                "line of " + OVERLONG.length() + " bytes is longer than --max-line-bytes",
                "the line ends inside the JSON (cut off)");
        assertThat(in.repairedLines()).isEqualTo(2);
        assertThat(in.repairedSamples()).extracting(MalformedLine::line).containsExactly(7L, 8L);
        assertThat(in.recoveredRecords()).isEqualTo(1);
        assertThat(d.counts().events()).isEqualTo(10);   // lines 1, 2, 7, 8, 9, 12, 14, 16, 17, 18
        assertThat(d.counts().getconn()).isEqualTo(5);   // r1 r2 r4 r5 r7; r3 was cut, r6 too deep, r8 too long
        assertThat(d.counts().putconn()).isEqualTo(5);   // r1 r2 r4 r5 r7
        assertThat(d.checkouts().leakedCheckouts()).isZero();
        assertThat(d.checkouts().inFlightCount()).isZero();
        assertThat(d.checkouts().orphanPutconn()).isZero();
        assertThat(in.readErrors()).isEmpty();
        assertThat(InputProblems.of(d)).isEmpty();
    }

    private static void ascii(ByteArrayOutputStream b, String s) {
        b.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static void latin1(ByteArrayOutputStream b, String s) {
        b.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
