package dev.poolscope.fuzz;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.event.EventDecoder;
import dev.poolscope.event.EventNames;
import dev.poolscope.event.FieldMapping;
import dev.poolscope.event.LineSalvage;
import dev.poolscope.event.MalformedLineException;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.feed.InputException;
import dev.poolscope.feed.Pipeline;
import dev.poolscope.io.LineConsumer;
import dev.poolscope.io.LineReader;
import dev.poolscope.report.json.JsonReport;
import dev.poolscope.report.text.TextReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The fuzz targets: each takes arbitrary bytes and checks invariants that must hold for any input.
 * Any exception or failed check is a finding. Jazzer drives them ({@link DecoderFuzzTest},
 * {@link PipelineFuzzTest}), and so does the seeded {@link FuzzSmokeTest} in every build.
 */
public final class FuzzTargets {
    /** Small, so that fuzzer-sized inputs also reach the overlong-line path. */
    static final int MAX_LINE_BYTES = 512;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private FuzzTargets() {}

    /** Line splitting, decoding and salvage of every line. */
    public static void lineDecoder(byte[] data) {
        EventDecoder decoder = new EventDecoder(FACTORY, FieldMapping.defaults(), EventNames.defaults());
        LineSalvage salvage = new LineSalvage(decoder, FACTORY);
        long[] seen = {0};
        LineConsumer consumer = new LineConsumer() {
            @Override
            public void line(byte[] buf, int off, int len, long lineNumber) {
                check(lineNumber == ++seen[0], "line numbers run 1, 2, 3…");
                check(len <= MAX_LINE_BYTES, "no line longer than the limit is handed out");
                try {
                    checkEvent(decoder.decode(buf, off, len, "fuzz", lineNumber), lineNumber);
                } catch (MalformedLineException e) {
                    LineSalvage.Result r = salvage.salvage(buf, off, len, "fuzz", lineNumber, e.getMessage());
                    r.events().forEach(ev -> checkEvent(ev, lineNumber));
                    check(r.malformed() != null || !r.events().isEmpty(), "a salvaged line yields events or a reason");
                    if (r.malformed() != null) {
                        check(r.malformed().length() <= 200, "reasons stay short");
                    }
                }
            }

            @Override
            public void overlong(long lineNumber, long length) {
                check(lineNumber == ++seen[0], "line numbers run 1, 2, 3…");
                check(length > MAX_LINE_BYTES, "only lines over the limit are overlong");
            }
        };
        try {
            long lines = new LineReader(MAX_LINE_BYTES).read(new ByteArrayInputStream(data), consumer);
            check(lines == seen[0], "the returned count is the lines handed out");
            check(lines == expectedLines(data), "one line per newline, plus an unterminated last line");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole pipeline on the bytes as standard input, then both reports. */
    public static void pipeline(byte[] data) {
        Diagnosis d;
        try {
            d = new Pipeline(FieldMapping.defaults(), EventNames.defaults(), AnalysisOptions.defaults(),
                    MAX_LINE_BYTES).run(List.of("-"), new ByteArrayInputStream(data));
        } catch (InputException e) {
            throw new AssertionError("standard input is always there", e);
        }
        var in = d.input();
        var c = d.counts();
        var k = d.checkouts();
        check(in.blankLines() + in.malformedLines() <= in.lines(), "blank and malformed lines are lines");
        check(c.events() >= in.lines() - in.blankLines() - in.malformedLines(), "every other line gave an event");
        check(c.getconn() - k.leakedCheckouts() - k.inFlightCount() == c.putconn() - k.orphanPutconn(),
                "every checkout is closed, leaked or in flight; every checkin closes one or is an orphan");
        check(k.leaks().size() <= AnalysisOptions.defaults().maxItems(), "lists are capped");
        check(d.requestsWithoutClose() <= k.leakedCheckouts(), "a leaking request leaks a checkout");
        String json = render(w -> JsonReport.write(d, w));
        checkJson(json);
        String text = render(w -> new TextReport(new PrintWriter(w), false).write(d));
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            check(ch == '\n' || (ch >= 0x20 && ch != 0x7f && (ch < 0x80 || ch > 0x9f)),
                    "no control character reaches the terminal");
        }
    }

    private static void checkEvent(PoolEvent e, long lineNumber) {
        check(e.line() == lineNumber, "events keep their line number");
        check(e.endpoint() == null || e.endpoint().length() <= 200, "endpoints are capped");
    }

    private static long expectedLines(byte[] data) {
        int start = data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB && (data[2] & 0xFF) == 0xBF
                ? 3 : 0;
        long n = 0;
        int lastNewline = start - 1;
        for (int i = start; i < data.length; i++) {
            if (data[i] == '\n') {
                n++;
                lastNewline = i;
            }
        }
        return lastNewline < data.length - 1 ? n + 1 : n;
    }

    private static void checkJson(String json) {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            p.nextToken();
            p.skipChildren();
            check(p.nextToken() == null, "the JSON report is one document");
        } catch (IOException e) {
            throw new AssertionError("the JSON report is valid JSON", e);
        }
    }

    private interface Writing {
        void to(StringWriter w) throws IOException;
    }

    private static String render(Writing writing) {
        StringWriter w = new StringWriter();
        try {
            writing.to(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    static void check(boolean ok, String invariant) {
        if (!ok) {
            throw new AssertionError("invariant broken: " + invariant);
        }
    }
}
