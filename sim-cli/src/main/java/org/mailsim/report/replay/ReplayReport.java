package org.mailsim.report.replay;

import java.util.List;
import java.util.Objects;

/**
 * A replay of a real outage: the base scenario (first) and its what-ifs, run and set beside the reported timeline.
 *
 * @param name     the replay's name (the base scenario's file name without .yaml, e.g. dreamwiz-2008)
 * @param version  mailsim's version
 * @param command  the command line that reproduces the replay
 * @param reported the reported timeline of the base scenario
 * @param variants the base first, then the what-ifs in file-name order
 */
public record ReplayReport(String name, String version, String command, ReportedTimeline reported,
                           List<ReplayVariant> variants) {
    public ReplayReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(reported, "reported");
        variants = List.copyOf(variants);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("a replay needs at least its base scenario");
        }
    }

    public ReplayVariant base() {
        return variants.get(0);
    }
}
