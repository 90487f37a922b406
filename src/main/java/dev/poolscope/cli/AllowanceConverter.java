package dev.poolscope.cli;

import dev.poolscope.gate.Allowance;
import picocli.CommandLine;

/** Reads a count ({@code 5}) or a percentage ({@code 1%}). */
public final class AllowanceConverter implements CommandLine.ITypeConverter<Allowance> {
    @Override
    public Allowance convert(String value) {
        try {
            return Allowance.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
