package dev.poolscope.feed;

import dev.poolscope.event.EventDecoder;
import java.util.function.Supplier;

/**
 * One thread's decoders: the structlog decoder, tuned and untouched, and the library-dialect decoder, made
 * only when an input needs it. Each input is read by one of them (issue #16).
 */
final class Decoders {
    private final EventDecoder structlog;
    private final Supplier<EventDecoder> makeLibrary;
    private EventDecoder library;

    Decoders(EventDecoder structlog, Supplier<EventDecoder> makeLibrary) {
        this.structlog = structlog;
        this.makeLibrary = makeLibrary;
    }

    EventDecoder pick(boolean structlogPath) {
        if (structlogPath) {
            return structlog;
        }
        if (library == null) {
            library = makeLibrary.get();
        }
        return library;
    }
}
