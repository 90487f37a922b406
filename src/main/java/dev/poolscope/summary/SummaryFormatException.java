package dev.poolscope.summary;

/** A summary file that is not one, is damaged, or was written by a newer poolscope; the message says which. */
public final class SummaryFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public SummaryFormatException(String message) {
        super(message, null, false, false);
    }
}
