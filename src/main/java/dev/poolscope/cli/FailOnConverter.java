package dev.poolscope.cli;

import dev.poolscope.findings.FindingGate;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Checks {@code --fail-on} values: {@code warning}, {@code critical} or a {@code finding:…} spec; a
 * comma-separated list too (a {@code --config} value arrives whole). Gives the text back unchanged.
 */
final class FailOnConverter implements CommandLine.ITypeConverter<String> {
    @Override
    public String convert(String value) {
        for (String part : value.split(",")) {
            String p = part.strip();
            if (FindingGate.isFindingSpec(p)) {
                FindingGate.of(List.of(p));   // throws with the reason
            } else if (!p.equalsIgnoreCase("warning") && !p.equalsIgnoreCase("critical")) {
                throw new CommandLine.TypeConversionException("expected one of [warning, critical] or finding:ID,"
                        + " finding:*, finding:*:SEVERITY, got '" + p.toLowerCase(Locale.ROOT) + "'");
            }
        }
        return value;
    }
}
