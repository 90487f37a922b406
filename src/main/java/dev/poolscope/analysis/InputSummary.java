package dev.poolscope.analysis;

import java.util.List;

/** What was read: {@code lines} counts every line, blank and malformed ones included. */
public record InputSummary(List<String> files, long lines, long blankLines, long malformedLines,
                           List<MalformedLine> malformedSamples) {

    public InputSummary {
        files = List.copyOf(files);
        malformedSamples = List.copyOf(malformedSamples);
    }

    public static InputSummary empty() {
        return new InputSummary(List.of(), 0, 0, 0, List.of());
    }

    /** Inputs read one after the other; a file named twice (read in two parts) is listed once. */
    public InputSummary merge(InputSummary later) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(files);
        names.addAll(later.files);
        List<MalformedLine> samples = new java.util.ArrayList<>(malformedSamples);
        for (MalformedLine m : later.malformedSamples) {
            if (samples.size() < InputTally.SAMPLE_LIMIT) {
                samples.add(m);
            }
        }
        return new InputSummary(List.copyOf(names), lines + later.lines, blankLines + later.blankLines,
                malformedLines + later.malformedLines, samples);
    }
}
