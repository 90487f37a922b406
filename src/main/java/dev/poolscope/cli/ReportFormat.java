package dev.poolscope.cli;

/** Formats of the main report on standard output (or {@code --output}). */
public enum ReportFormat {
    TEXT, JSON
}
