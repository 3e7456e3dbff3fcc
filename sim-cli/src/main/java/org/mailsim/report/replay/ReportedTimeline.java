package org.mailsim.report.replay;

import java.util.ArrayList;
import java.util.List;
import org.mailsim.report.Milestone;
import org.mailsim.scenario.Scenario;
import org.mailsim.scenario.Schema;
import org.mailsim.scenario.Section;

/**
 * The timeline a real outage's postmortem or press reported (a scenario's {@code reported:} list), with where each
 * milestone was reported. Hours count from the start of the (first) incident.
 *
 * @param milestones the milestones in the order written
 * @param sources    for each milestone, where it was reported ("" when not given)
 */
public record ReportedTimeline(List<Milestone> milestones, List<String> sources) {
    public static final ReportedTimeline NONE = new ReportedTimeline(List.of(), List.of());

    public ReportedTimeline {
        milestones = List.copyOf(milestones);
        sources = List.copyOf(sources);
        if (milestones.size() != sources.size()) {
            throw new IllegalArgumentException(milestones.size() + " milestones but " + sources.size() + " sources");
        }
    }

    /** The scenario's reported timeline (empty when it has none). */
    public static ReportedTimeline from(Scenario scenario) {
        List<Milestone> milestones = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Section item : scenario.items(Schema.REPORTED)) {
            milestones.add(new Milestone(item.string(Schema.REPORTED_MILESTONE), item.duration(Schema.REPORTED_HOURS),
                    item.has(Schema.REPORTED_SIMULATED_BY) ? item.string(Schema.REPORTED_SIMULATED_BY) : null));
            sources.add(item.has(Schema.REPORTED_SOURCE) ? item.string(Schema.REPORTED_SOURCE) : "");
        }
        return new ReportedTimeline(milestones, sources);
    }

    public boolean isEmpty() {
        return milestones.isEmpty();
    }
}
