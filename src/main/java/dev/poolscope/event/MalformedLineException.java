package dev.poolscope.event;

/** A line that is not a JSON object. Expected data, not a bug: it carries no stack trace. */
public final class MalformedLineException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedLineException(String reason) {
        super(reason, null, false, false);
    }
}
