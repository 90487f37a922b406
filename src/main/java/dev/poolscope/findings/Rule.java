package dev.poolscope.findings;

import dev.poolscope.analysis.Diagnosis;
import java.util.List;
import java.util.Map;

/** A pure rule over an analysis: no I/O, no clock; the same diagnosis always gives the same findings. */
interface Rule {

    /** The prefix of this rule's settings, {@code finding.<settingsId>.<key>}. */
    String settingsId();

    /** Each threshold's default value, by key. */
    Map<String, Double> defaults();

    /** The findings this rule sees in the diagnosis; usually none or one. */
    List<Finding> apply(Diagnosis d, FindingSettings s);
}
