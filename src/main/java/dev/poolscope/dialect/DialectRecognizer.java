package dev.poolscope.dialect;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.EventNames;
import dev.poolscope.event.LineRecognizer;
import dev.poolscope.event.LineText;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.event.PoolNote;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads each line of a pool library's log with the recognisers of the dialects in play, first match wins.
 * A line none of them claims keeps its structlog meaning; in addition, an application message such as
 * "request finished" or "Request completed: GET /x -> 200" ends its request, as the structlog event
 * {@code request.finished} does. Stateless, so one instance serves every decoding thread.
 */
public final class DialectRecognizer implements LineRecognizer {
    /** Message beginnings that end a request, compared in lower case. */
    private static final String[] REQUEST_END = {"request finished", "request completed", "request complete",
        "request done", "request ended"};

    private final Set<Dialect> dialects;
    private final EventNames names;

    /** @param dialects the libraries to read; structlog is the decoder's own rules and is ignored here */
    public DialectRecognizer(Set<Dialect> dialects, EventNames names) {
        this.dialects = dialects.isEmpty() ? EnumSet.noneOf(Dialect.class) : EnumSet.copyOf(dialects);
        this.names = names;
    }

    /** Every library dialect. */
    public static DialectRecognizer all(EventNames names) {
        return new DialectRecognizer(EnumSet.of(Dialect.HIKARICP, Dialect.SQLALCHEMY, Dialect.PSYCOPG_POOL), names);
    }

    @Override
    public PoolEvent recognise(PoolEvent base, LineText text) {
        if (base.kind() != EventKind.OTHER && base.kind() != EventKind.REQUEST_END) {
            return base;   // a structlog pool event: its own rules decided
        }
        PoolEvent found = null;
        if (dialects.contains(Dialect.HIKARICP)) {
            found = HikariMessages.recognise(base, text);
        }
        if (found == null && dialects.contains(Dialect.SQLALCHEMY)) {
            found = SqlAlchemyMessages.recognise(base, text);
        }
        if (found == null && dialects.contains(Dialect.PSYCOPG_POOL)) {
            found = PsycopgPoolMessages.recognise(base, text);
        }
        if (found != null) {
            return found;
        }
        EventKind kind = base.kind() == EventKind.OTHER && endsRequest(text.message()) ? EventKind.REQUEST_END
                : base.kind();
        return base.with(kind, base.requestId(), base.connId(), base.poolUsed(), base.poolMax(),
                PoolNote.line(text.thread()));
    }

    private boolean endsRequest(String message) {
        if (message == null || message.length() < 11) {
            return false;
        }
        String head = message.substring(0, Math.min(message.length(), 20)).toLowerCase(Locale.ROOT);
        for (String end : REQUEST_END) {
            if (head.startsWith(end)) {
                return true;
            }
        }
        return names.requestEnd().contains(message);
    }
}
