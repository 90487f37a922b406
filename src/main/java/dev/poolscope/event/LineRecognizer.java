package dev.poolscope.event;

/**
 * Turns a line of a pool library's log into pool events (issue #16; the recognisers live in
 * {@code dev.poolscope.dialect}). Called by the dialect decoder for every line, on decoding threads:
 * implementations keep no state between lines.
 */
public interface LineRecognizer {
    /**
     * @param base the event as the structlog rules decoded it (its kind, request id, time, fields)
     * @return {@code base}, or a copy that says more
     */
    PoolEvent recognise(PoolEvent base, LineText text);
}
