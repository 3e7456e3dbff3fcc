package org.mailsim.report.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mailsim.report.Milestone;
import org.mailsim.report.RunReport;
import org.mailsim.run.Incident;

/**
 * One scenario of a replay, run: the base ("as it happened") or a what-if, with its figures and how its timeline
 * compares with the reported one.
 *
 * @param whatIf      short name: "base" for the replay itself, else the what-if file's name without .yaml
 * @param description the scenario's description ("" when none)
 * @param file        the scenario file, as given
 * @param report      the run's report
 * @param figures     the postmortem figures of the run
 * @param shown       the incident drawn in the timeline (replication 0's last to close), null when none
 * @param comparisons each reported milestone beside its simulated time
 * @param failures    the scenario's scripted failures, in time order (the start of the chain the timeline draws)
 */
public record ReplayVariant(String whatIf, String description, String file, RunReport report, ReplayFigures figures,
                            Incident shown, List<Comparison> comparisons, List<Failure> failures) {

    /**
     * A scripted failure of the scenario.
     *
     * @param atHours hours from the start of the replication
     * @param group   storage group hit, -1 for every group
     * @param what    in words: "disk 1 of array 0 fails"
     */
    public record Failure(double atHours, int group, String what) {
    }

    public ReplayVariant {
        Objects.requireNonNull(whatIf, "whatIf");
        description = description == null ? "" : description;
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(figures, "figures");
        comparisons = List.copyOf(comparisons);
        failures = failures.stream().sorted(java.util.Comparator.comparingDouble(Failure::atHours)).toList();
    }

    /** A reported milestone and the simulated hours that correspond (NaN when nothing in the run does). */
    public record Comparison(Milestone milestone, double simulatedHours) {
        /** Simulated minus reported hours; NaN when not simulated. */
        public double differenceHours() {
            return simulatedHours - milestone.reportedHours();
        }
    }

    /** A run's variant, compared with {@code reported}. */
    public static ReplayVariant of(String whatIf, String description, String file, RunReport report,
                                   ReportedTimeline reported, List<Failure> failures) {
        List<Comparison> comparisons = new ArrayList<>();
        for (Milestone m : reported.milestones()) {
            comparisons.add(new Comparison(m, ReplayFigures.simulatedHours(report, m)));
        }
        return new ReplayVariant(whatIf, description, file, report, ReplayFigures.of(report),
                ReplayFigures.shownIncident(report), comparisons, failures);
    }

    /** The scenario's name. */
    public String name() {
        return report.scenario();
    }

    /** The variant's folder inside the replay report, holding its full run report. */
    public String folder() {
        return "variants/" + name();
    }

    /**
     * The failures that led to the shown incident: those on its group (or on every group) up to its start; for a
     * variant without an incident, every scripted failure of the first group hit.
     */
    public List<Failure> chain() {
        if (failures.isEmpty()) {
            return List.of();
        }
        if (shown == null) {
            int group = failures.get(0).group();
            return failures.stream().filter(f -> f.group() == group || f.group() < 0).toList();
        }
        int group = groupIndex(shown.storageGroup());
        return failures.stream().filter(f -> (f.group() == group || f.group() < 0)
                && f.atHours() <= shown.startHours() + 1e-9).toList();
    }

    private static int groupIndex(String storageGroup) {
        try {
            return Integer.parseInt(storageGroup.replaceAll("\\D+", ""));
        } catch (NumberFormatException e) {
            return -2;
        }
    }

    /** File name of the variant's timeline chart. */
    public String timelineFile() {
        return "timeline-" + name() + ".png";
    }
}
