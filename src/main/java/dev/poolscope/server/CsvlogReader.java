package dev.poolscope.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code log_destination = 'csvlog'}: one CSV record per event, 26 columns in 14-17, 24 in 13, 23 in 12. A
 * quoted field may hold newlines (a multi-line statement), so lines are gathered until their quotes
 * balance and the record is then read by commons-csv.
 */
final class CsvlogReader implements ServerLogReader {
    /** A record longer than this is dropped (counted as unparsed lines) rather than held. */
    static final int MAX_RECORD_CHARS = 4 << 20;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;
    private static final int MIN_COLUMNS = 23;

    private final String source;
    private final Consumer<ServerRecord> sink;
    private final ServerTime times = new ServerTime();
    private final StringBuilder pending = new StringBuilder();
    private long pendingLines;
    private long firstLine;
    private boolean openQuote;
    private long unparsed;

    CsvlogReader(String source, Consumer<ServerRecord> sink) {
        this.source = source;
        this.sink = sink;
    }

    @Override
    public void line(byte[] buf, int off, int len, long lineNumber) {
        String text = new String(buf, off, len, StandardCharsets.UTF_8);
        if (pendingLines == 0) {
            firstLine = lineNumber;
        } else {
            pending.append('\n');
        }
        pending.append(text);
        pendingLines++;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                openQuote = !openQuote;
            }
        }
        if (!openQuote) {
            flush();
        } else if (pending.length() > MAX_RECORD_CHARS) {
            drop();
        }
    }

    @Override
    public void finish() {
        if (pendingLines > 0) {
            drop();   // a record cut by the end of the file (or an unbalanced quote)
        }
    }

    @Override
    public long unparsed() {
        return unparsed;
    }

    @Override
    public long unknownZones() {
        return times.unknownZones();
    }

    private void flush() {
        CSVRecord r = parse(pending.toString());
        if (r == null || r.size() < MIN_COLUMNS) {
            unparsed += pendingLines;
        } else {
            sink.accept(toRecord(r));
        }
        reset();
    }

    private void drop() {
        unparsed += pendingLines;
        reset();
    }

    private void reset() {
        pending.setLength(0);
        pendingLines = 0;
        openQuote = false;
        if (pending.capacity() > 1 << 16) {
            pending.trimToSize();
        }
    }

    private static CSVRecord parse(String text) {
        try (CSVParser p = CSVParser.parse(text, FORMAT)) {
            var it = p.iterator();
            return it.hasNext() ? it.next() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private ServerRecord toRecord(CSVRecord r) {
        String from = r.get(4);
        int colon = from.lastIndexOf(':');
        String host = colon > 0 ? from.substring(0, colon) : from;
        String backendType = r.size() > 23 ? r.get(23) : null;
        return new ServerRecord(times.parse(r.get(0)), Pids.parse(r.get(3)), r.get(5), r.get(11),
                ServerRecord.known(r.get(12)), r.get(13), ServerRecord.known(r.get(19)), ServerRecord.known(r.get(1)),
                ServerRecord.known(r.get(2)), ServerRecord.known(r.get(22)), ServerRecord.known(host), backendType,
                source, firstLine);
    }
}
