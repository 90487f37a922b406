package dev.poolscope.feed;

/** An input the user named cannot be used; reported in one line with exit code 3. */
public final class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message, null, false, false);
    }
}
