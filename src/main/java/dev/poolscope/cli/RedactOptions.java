package dev.poolscope.cli;

import dev.poolscope.report.Redactor;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Option;

/** {@code --redact} and {@code --redact-pattern}: mask secrets in the log strings a report echoes. */
public final class RedactOptions {
    @Option(names = "--redact", description = "mask secrets (password=, token, Authorization, credentials in DSNs) "
            + "in every log string a report shows; see docs/robustness.md")
    boolean redact;

    @Option(names = "--redact-pattern", paramLabel = "REGEX", description = "also mask what REGEX matches "
            + "(only its group named 'secret', if it has one); repeatable; implies --redact")
    List<String> patterns;

    public Redactor redactor() throws UsageException {
        List<String> extra = patterns == null ? List.of() : patterns;
        if (!redact && extra.isEmpty()) {
            return Redactor.none();
        }
        try {
            return Redactor.defaults().and(extra);
        } catch (PatternSyntaxException e) {
            throw new UsageException("--redact-pattern: " + e.getDescription() + " in '" + e.getPattern() + "'");
        }
    }
}
