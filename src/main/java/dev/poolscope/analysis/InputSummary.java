package dev.poolscope.analysis;

import java.util.List;

/** What was read: {@code lines} counts every line, blank and malformed ones included. */
public record InputSummary(List<String> files, long lines, long blankLines, long malformedLines,
                           List<MalformedLine> malformedSamples) {

    public InputSummary {
        files = List.copyOf(files);
        malformedSamples = List.copyOf(malformedSamples);
    }
}
