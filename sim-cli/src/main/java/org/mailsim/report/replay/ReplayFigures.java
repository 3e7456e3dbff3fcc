package org.mailsim.report.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mailsim.report.Milestone;
import org.mailsim.report.RunReport;
import org.mailsim.run.Incident;
import org.mailsim.run.Metric;

/**
 * What one variant of a replay did, in the terms of a postmortem. A replication's clock for the timeline starts at
 * its first incident (the failure that cut users off): service is restored when the last incident of the
 * replication has service back, and recovery is full when the last one closes; a replication without incidents
 * counts 0 for both (nobody was cut off). Other figures are the run's means per replication.
 *
 * @param replications             replications run
 * @param replicationsWithIncident replications that had at least one incident
 * @param hoursToRestoreService    mean, min and max over replications
 * @param hoursToFullRecovery      mean, min and max over replications
 * @param usersAffected            mean users of the groups hit (users cut off from their mail)
 * @param mailsFailedToSend        mean mails users tried to send while they could not
 * @param incidentsPerReplication  mean incidents per replication
 */
public record ReplayFigures(long replications, long replicationsWithIncident, Range hoursToRestoreService,
                            Range hoursToFullRecovery, double mailsLost, double usersAffected, double usersWithLoss,
                            double mailsDeferred, double mailsBounced, double mailsFailedToSend,
                            double userHoursUnavailable, double totalCost,
                            double incidentsPerReplication) {

    /** Mean, smallest and largest value over replications. */
    public record Range(double mean, double min, double max) {
        static Range of(List<Double> values) {
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            return values.isEmpty() ? new Range(Double.NaN, Double.NaN, Double.NaN)
                    : new Range(sum / values.size(), min, max);
        }
    }

    /**
     * The figures of a run.
     *
     * @throws IllegalArgumentException if the run kept fewer incidents than it had (a replay must see them all)
     */
    public static ReplayFigures of(RunReport report) {
        requireAllIncidents(report);
        Map<Integer, List<Incident>> byReplication = byReplication(report);
        List<Double> service = new ArrayList<>();
        List<Double> full = new ArrayList<>();
        double users = 0;
        for (int r = 0; r < report.replications(); r++) {
            List<Incident> incidents = byReplication.getOrDefault(r, List.of());
            service.add(lastEnd(incidents, Metric.HOURS_TO_RESTORE_SERVICE.key()));
            full.add(lastEnd(incidents, Metric.HOURS_TO_FULL_RECOVERY.key()));
            for (Incident i : incidents) {
                users += i.usersAffected();
            }
        }
        long n = report.replications();
        return new ReplayFigures(n, byReplication.size(), Range.of(service), Range.of(full),
                mean(report, Metric.MAILS_LOST), users / n, mean(report, Metric.USERS_WITH_LOSS),
                mean(report, Metric.MAILS_DEFERRED), mean(report, Metric.MAILS_BOUNCED),
                mean(report, Metric.MAILS_FAILED_TO_SEND), mean(report, Metric.USER_HOURS_UNAVAILABLE),
                mean(report, Metric.TOTAL_COST), (double) report.incidentCount() / n);
    }

    /**
     * The simulated hours of a reported milestone: the mean over replications of when its measure (service back,
     * full recovery, or the end of the named phase) was reached by the last incident of the replication; NaN when
     * the milestone names no measure or no replication had one.
     */
    public static double simulatedHours(RunReport report, Milestone milestone) {
        if (milestone.simulatedBy() == null) {
            return Double.NaN;
        }
        requireAllIncidents(report);
        Map<Integer, List<Incident>> byReplication = byReplication(report);
        double sum = 0;
        for (int r = 0; r < report.replications(); r++) {
            sum += lastEnd(byReplication.getOrDefault(r, List.of()), milestone.simulatedBy());
        }
        return sum / report.replications();
    }

    /** The incident of replication 0 that ends last (the one that sets full recovery), or null. */
    public static Incident shownIncident(RunReport report) {
        Incident shown = null;
        for (Incident i : report.incidents()) {
            if (i.replication() == 0 && (shown == null || end(i, Metric.HOURS_TO_FULL_RECOVERY.key())
                    > end(shown, Metric.HOURS_TO_FULL_RECOVERY.key()))) {
                shown = i;
            }
        }
        return shown;
    }

    private static void requireAllIncidents(RunReport report) {
        if (report.incidents().size() != report.incidentCount()) {
            throw new IllegalArgumentException("the run of " + report.scenario() + " kept " + report.incidents().size()
                    + " of its " + report.incidentCount() + " incidents; a replay needs them all (fewer"
                    + " replications or groups hit)");
        }
    }

    private static Map<Integer, List<Incident>> byReplication(RunReport report) {
        Map<Integer, List<Incident>> out = new TreeMap<>();
        for (Incident i : report.incidents()) {
            out.computeIfAbsent(i.replication(), k -> new ArrayList<>()).add(i);
        }
        return out;
    }

    /** Hours from the first incident's start until the last incident reached {@code measure}; 0 without incidents. */
    private static double lastEnd(List<Incident> incidents, String measure) {
        if (incidents.isEmpty()) {
            return 0;
        }
        double origin = Double.POSITIVE_INFINITY;
        for (Incident i : incidents) {
            origin = Math.min(origin, i.startHours());
        }
        double last = Double.NEGATIVE_INFINITY;
        for (Incident i : incidents) {
            double end = end(i, measure);
            if (!Double.isNaN(end)) {
                last = Math.max(last, end);
            }
        }
        return last == Double.NEGATIVE_INFINITY ? 0 : last - origin;
    }

    /** Absolute hours at which an incident reached a measure; NaN when it has no such phase. */
    private static double end(Incident i, String measure) {
        if (measure.equals(Metric.HOURS_TO_RESTORE_SERVICE.key())) {
            return i.startHours() + i.hoursToRestoreService();
        }
        if (measure.equals(Metric.HOURS_TO_FULL_RECOVERY.key())) {
            return i.startHours() + i.hoursToFullRecovery();
        }
        double end = Double.NaN;
        for (Incident.Phase p : i.phases()) {
            if (p.name().equals(measure)) {
                end = p.endHours();
            }
        }
        return end;
    }

    private static double mean(RunReport report, Metric metric) {
        return report.summary(metric).mean();
    }
}
