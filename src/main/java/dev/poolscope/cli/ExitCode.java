package dev.poolscope.cli;

/** The process exit codes, the same for every command and listed in every {@code --help}. */
public final class ExitCode {
    /** Analysis done (for {@code check}: every check passed). */
    public static final int OK = 0;
    /** {@code check} only: a health check breached the {@code --fail-on} level. */
    public static final int FINDINGS = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** An input was missing, unreadable, empty or too malformed. */
    public static final int INPUT = 3;
    /** A bug in poolscope; never mistaken for findings. */
    public static final int INTERNAL = 4;

    static final String[] HELP_LIST = {
        "0:analysis done / all checks passed",
        "1:a check breached --fail-on (check only)",
        "2:usage error",
        "3:input missing, unreadable, empty or too malformed",
        "4:internal error",
    };

    private ExitCode() {}
}
