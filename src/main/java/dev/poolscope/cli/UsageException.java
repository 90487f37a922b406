package dev.poolscope.cli;

/** Options that parse but do not make sense together; reported in one line with exit code 2. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message, null, false, false);
    }
}
