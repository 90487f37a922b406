package dev.poolscope.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;

/**
 * Turns one line of bytes into a {@link PoolEvent} with jackson's streaming parser: each line is its own
 * small document, so a broken line costs only that line. Only mapped top-level keys are kept; every
 * string value, nested ones included, is scanned (without copying) for the exhaustion and
 * statement-timeout texts, since applications put them in {@code error}, {@code exception} or deeper.
 * One decoder per thread: it reuses per-line scratch arrays.
 */
public final class EventDecoder {
    private static final int REASON_MAX = 120;

    private final JsonFactory factory;
    private final FieldMapping mapping;
    private final EventNames names;
    private final Endpoints endpoints = new Endpoints();
    private final LinePrefilter prefilter;
    private final String[] values = new String[Field.values().length];
    private final int[] ranks = new int[Field.values().length];
    private final TimestampTally timestamps = new TimestampTally();
    private final String[] classified = new String[64];
    private final EventKind[] kinds = new EventKind[64];
    private boolean timeoutText;
    private boolean exhaustedText;
    private Signal signal;
    /** Event texts are handed on ({@link PoolEvent#name()}) only for user signatures, whole. */
    private boolean keepMessages;
    private String defaultProcess = "";
    /** Null on the structlog path; else every line's message also goes through a library dialect. */
    private final LineRecognizer recognizer;
    /** logback JsonEncoder's nested members; only the library path's mapping has keys that lead here. */
    private final NestedValues nested;

    public EventDecoder(JsonFactory factory, FieldMapping mapping, EventNames names) {
        this(factory, mapping, names, true);
    }

    /** {@code prefilter} false sends every line through jackson: the reference the pre-filter is tested against. */
    public EventDecoder(JsonFactory factory, FieldMapping mapping, EventNames names, boolean prefilter) {
        this(factory, mapping, names, prefilter, null);
    }

    /**
     * A decoder for pool libraries' logs (issue #16): it also reads the logger, thread, stack trace and level
     * keys, keeps whole messages, and hands each line to {@code recognizer}. The structlog decoder above is
     * another instance, untouched by this one.
     */
    public EventDecoder(JsonFactory factory, FieldMapping mapping, EventNames names, boolean prefilter,
                        LineRecognizer recognizer) {
        this.factory = factory;
        this.mapping = recognizer == null ? mapping : mapping.withDialectFields();
        this.names = names;
        this.recognizer = recognizer;
        this.prefilter = prefilter ? new LinePrefilter(this.mapping, names, recognizer != null) : null;
        this.nested = new NestedValues(this.mapping, new NestedSink());
    }

    /**
     * The process key of events that name neither a process nor a host, e.g. the file's stream name:
     * pairing is then per file, so request ids need only be unique within it.
     */
    public void defaultProcess(String process) {
        this.defaultProcess = process == null ? "" : process;
    }

    public PoolEvent decode(byte[] buf, int off, int len, String source, long line) throws MalformedLineException {
        Arrays.fill(values, null);
        timeoutText = false;
        exhaustedText = false;
        signal = null;
        nested.clear();
        if (prefilter != null && prefilter.scan(buf, off, len, values)) {
            exhaustedText = prefilter.exhaustedText();
            timeoutText = prefilter.timeoutText();
            signal = prefilter.signal();
            return toEvent(source, line);
        }
        // What the pre-filter read before refusing, jackson reads again from the same keys: clearing is a
        // safeguard, not a result (PIT's "removed call" mutant here is equivalent)
        Arrays.fill(values, null);
        Arrays.fill(ranks, Integer.MAX_VALUE);
        try (JsonParser p = factory.createParser(buf, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedLineException(len == 0 ? "blank line" : "not a JSON object");
            }
            readObject(p);
            if (p.nextToken() != null) {
                throw new MalformedLineException("trailing content after the JSON object");
            }
        } catch (JsonProcessingException e) {
            throw new MalformedLineException(shorten(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new MalformedLineException(shorten(String.valueOf(e.getMessage())));
        }
        return toEvent(source, line);
    }

    private void readObject(JsonParser p) throws IOException, MalformedLineException {
        int depth = 1;
        FieldMapping.Slot slot = null;
        while (depth > 0) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new MalformedLineException("truncated JSON object");
            }
            switch (t) {
                case FIELD_NAME -> slot = depth == 1 ? mapping.slot(p.currentName()) : null;
                case START_OBJECT, START_ARRAY -> {
                    if (slot != null && slot.field().structured()) {
                        nested.read(slot, p);   // through its end: depth is unchanged
                    } else {
                        depth++;
                    }
                    slot = null;
                }
                case END_OBJECT, END_ARRAY -> depth--;
                case VALUE_STRING -> {
                    scan(p);
                    take(slot, p);
                    slot = null;
                }
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    take(slot, p);
                    slot = null;
                }
                default -> slot = null;
            }
        }
    }

    private void take(FieldMapping.Slot slot, JsonParser p) throws IOException {
        if (slot != null) {
            take(slot, p.getText());
        }
    }

    private void take(FieldMapping.Slot slot, String text) {
        int i = slot.field().ordinal();
        // Duplicate keys: the last one wins, as in Python's json module and structlog's own dicts.
        if (slot.rank() <= ranks[i]) {
            ranks[i] = slot.rank();
            values[i] = text;
        }
    }

    /** What {@link NestedValues} finds goes where a top-level value would. */
    private final class NestedSink implements NestedValues.Sink {
        @Override
        public void scan(JsonParser p) throws IOException {
            EventDecoder.this.scan(p);
        }

        @Override
        public void member(FieldMapping.Slot slot, JsonParser p) throws IOException {
            take(slot, p);
        }

        @Override
        public void stack(FieldMapping.Slot slot, String text) {
            take(slot, text);
        }
    }

    private void scan(JsonParser p) throws IOException {
        char[] chars = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        if (len >= EventNames.EXHAUSTED_TEXT.length()) {
            exhaustedText |= TextScan.contains(chars, off, len, EventNames.EXHAUSTED_TEXT);
            timeoutText |= TextScan.contains(chars, off, len, EventNames.STATEMENT_TIMEOUT_TEXT);
        }
        if (signal == null && len >= ErrorSignals.MIN_LENGTH) {
            signal = ErrorSignals.find(chars, off, len);   // kept or dropped by the line's level in toEvent
        }
    }

    private PoolEvent toEvent(String source, long line) {
        String event = recognizer == null ? value(Field.EVENT) : message();
        EventKind kind = classify(event);
        boolean timeout = timeoutText || EventNames.STATEMENT_TIMEOUT_SQLSTATE.equals(value(Field.SQLSTATE));
        String endpoint = endpoints.endpoint(value(Field.METHOD), value(Field.ENDPOINT));
        String timeText = value(Field.TIME);
        long time;
        if (timeText == LinePrefilter.UTC_TIME) {
            time = prefilter.utcMicros();
            timestamps.noteUtc();
        } else {
            time = Timestamps.parse(timeText);
            if (timeText != null) {
                timestamps.note(timeText, time);
            }
            if (recognizer != null) {
                time = Timestamps.withNanos(time, value(Field.NANOS));
            }
        }
        PoolEvent e = new PoolEvent(kind, time, process(), value(Field.REQUEST_ID),
                value(Field.CONN_ID), count(Field.POOL_USED), count(Field.POOL_MAX), endpoint, timeout,
                exhaustedText && kind != EventKind.CHECKOUT_FAILED, source, line, keepMessages ? event : null,
                value(Field.LOGGER), value(Field.SQLSTATE), signal(), null);
        if (recognizer == null) {
            return e;
        }
        return recognizer.recognise(e, new LineText(event, value(Field.LOGGER), value(Field.THREAD),
                value(Field.STACK), value(Field.LEVEL)));
    }

    /**
     * The library path's message: logback JsonEncoder's {@code formattedMessage}, else its template with the
     * {@code arguments} filled in, else the message as logged.
     */
    private String message() {
        String formatted = value(Field.FORMATTED_MESSAGE);
        if (formatted != null) {
            return formatted;
        }
        String event = value(Field.EVENT);
        return nested.hasArguments() ? MessageTemplate.fill(event, nested.arguments()) : event;
    }

    /** The line's signal, searched the same way on both paths: only severe lines or lines with a SQLSTATE. */
    private Signal signal() {
        String sqlstate = value(Field.SQLSTATE);
        Signal found = signal != null && (sqlstate != null || ErrorSignals.severe(value(Field.LEVEL))) ? signal : null;
        if (found == null && ErrorSignals.UNDEFINED_TABLE.equals(sqlstate)) {
            return new Signal(Signal.Kind.SCHEMA_MISSING, ErrorSignals.UNDEFINED_TABLE, null);
        }
        return found;
    }

    /**
     * Hands every event text on, of any length, in {@link PoolEvent#name()} (user signatures match them);
     * by default names are not handed on and a text longer than every pool event name is not even read.
     */
    public void keepMessages() {
        keepMessages = true;
        if (prefilter != null) {
            prefilter.keepMessages();
        }
    }

    /** Zones and unreadable values of the timestamps decoded so far. */
    public TimestampNotes timestamps() {
        return timestamps.snapshot();
    }

    private EventKind classify(String event) {
        if (event == null) {
            return EventKind.OTHER;
        }
        // The pre-filter hands out one String per repeated event name: remember its kind by identity.
        int slot = event.hashCode() & (classified.length - 1);
        if (classified[slot] == event) {
            return kinds[slot];
        }
        EventKind kind = kindOf(event);
        classified[slot] = event;
        kinds[slot] = kind;
        return kind;
    }

    private EventKind kindOf(String event) {
        if (event.equals(names.checkout())) {
            return EventKind.CHECKOUT;
        } else if (event.equals(names.checkin())) {
            return EventKind.CHECKIN;
        } else if (event.equals(names.checkoutFailed())) {
            return EventKind.CHECKOUT_FAILED;
        } else if (event.equals(names.nearlyExhausted())) {
            return EventKind.NEARLY_EXHAUSTED;
        } else if (names.requestEnd().contains(event)) {
            return EventKind.REQUEST_END;
        }
        return EventKind.OTHER;
    }

    private String process() {
        String pid = value(Field.PROCESS);
        String host = value(Field.HOST);
        if (host == null) {
            return pid == null ? defaultProcess : pid;
        }
        return pid == null ? host : host + "/" + pid;
    }

    private int count(Field field) {
        String text = value(field);
        if (text == null) {
            return PoolEvent.NO_COUNT;
        }
        int small = smallNatural(text);
        if (small >= 0) {
            return small;
        }
        try {
            double d = Double.parseDouble(text);
            long v = (long) d;   // Python's json writes NaN and Infinity: neither is a count
            return Double.isNaN(d) || v < 0 || v > Integer.MAX_VALUE ? PoolEvent.NO_COUNT : (int) v;
        } catch (NumberFormatException e) {
            return PoolEvent.NO_COUNT;
        }
    }

    /**
     * Up to nine plain digits, the usual case, without the cost of parsing a double; else -1. A twin of the
     * double path in {@link #count}: which texts take it changes no count, so PIT's mutants of its bounds
     * (nine digits, '0' and '9', the sum's sign) are equivalent.
     */
    private static int smallNatural(String text) {
        int n = text.length();
        if (n > 9) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private String value(Field field) {
        String v = values[field.ordinal()];
        return v == null || v.isEmpty() ? null : v;
    }

    static String shorten(String reason) {
        String oneLine = reason == null ? "unreadable JSON" : reason.replaceAll("\\s+", " ").strip();
        return oneLine.length() > REASON_MAX ? oneLine.substring(0, REASON_MAX) + "…" : oneLine;
    }
}
