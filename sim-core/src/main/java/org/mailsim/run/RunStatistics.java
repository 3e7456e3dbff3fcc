package org.mailsim.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.mailsim.stats.CountHistogram;
import org.mailsim.stats.Estimate;
import org.mailsim.stats.MetricAccumulator;
import org.mailsim.stats.MetricSummary;
import org.mailsim.stats.MttdlMethod;
import org.mailsim.stats.Proportions;

/**
 * Merges replication results, in replication order, into the run's statistics without keeping the results:
 * every metric's summary, P(data loss within the horizon) and P(at least one incident of each {@link Severity}),
 * MTTDL and losses by cause. Incidents are kept by severity up to a cap: the {@link #INCIDENTS_KEPT} worst (array
 * losses first, then outages, then sector losses; within a class more users affected, then longer to full
 * recovery, then more mails lost, then the earlier), so a run with thousands of sector losses still keeps every
 * array loss for its report. All incidents count in the statistics, and those not kept are counted by severity.
 */
public final class RunStatistics {
    /** Incidents kept verbatim for reports; the rest are only counted. */
    public static final int INCIDENTS_KEPT = 200;
    /**
     * Worst first: severity class, users affected, hours to full recovery, mails lost, then arrival order (so no
     * two incidents tie).
     */
    private static int worstFirst(Kept a, Kept b) {
        Incident x = a.incident;
        Incident y = b.incident;
        int c = Integer.compare(x.severity().ordinal(), y.severity().ordinal());
        if (c == 0) {
            c = Long.compare(-x.usersAffected(), -y.usersAffected());
        }
        if (c == 0) {
            c = Double.compare(-x.hoursToFullRecovery(), -y.hoursToFullRecovery());
        }
        if (c == 0) {
            c = Double.compare(-x.mailsLost(), -y.mailsLost());
        }
        return c != 0 ? c : Long.compare(a.order, b.order);
    }
    /** Data-loss events per replication are counted exactly up to this many; more fall in the last bin. */
    public static final int LOSS_EVENT_BINS = 32;

    private static final Metric[] METRICS = Metric.values();
    /** By {@link Metric#ordinal()}. */
    private final MetricAccumulator[] metrics = new MetricAccumulator[METRICS.length];
    private final Map<String, Long> lossByCause = new TreeMap<>();
    /** The kept incidents, the least severe first, so it is the one dropped when a worse one comes. */
    private final PriorityQueue<Kept> kept = new PriorityQueue<>((a, b) -> worstFirst(b, a));
    private final long[] incidentsBySeverity = new long[Severity.values().length];
    private final long[] notKeptBySeverity = new long[Severity.values().length];
    private final long[] replicationsWith = new long[Severity.values().length];
    private long replications;
    private long replicationsWithLoss;
    private long incidentCount;
    private double exposureHours;
    private double censoredAtHours; // where replications without a loss stopped: the horizon (or its cap)
    private final MetricAccumulator timeToFirstLoss = new MetricAccumulator();
    private final CountHistogram dataLossEvents = new CountHistogram(LOSS_EVENT_BINS);
    private final ReplicationTable table = new ReplicationTable();

    public RunStatistics() {
        for (Metric metric : METRICS) {
            metrics[metric.ordinal()] = new MetricAccumulator();
        }
    }

    public void add(ReplicationResult result) {
        replications++;
        table.add(result);
        for (Metric metric : METRICS) {
            if (metric != Metric.HOURS_TO_RESTORE_SERVICE && metric != Metric.HOURS_TO_FULL_RECOVERY) {
                metrics[metric.ordinal()].add(result.metric(metric));
            }
        }
        for (Incident incident : result.incidents()) {
            incidentCount++;
            // Recovery times describe outages: an incident that never cut anyone off (bad sectors restored in
            // place) would only pull the averages towards zero.
            if (incident.hoursToRestoreService() > 0) {
                metrics[Metric.HOURS_TO_RESTORE_SERVICE.ordinal()].add(incident.hoursToRestoreService());
                metrics[Metric.HOURS_TO_FULL_RECOVERY.ordinal()].add(incident.hoursToFullRecovery());
            }
            incidentsBySeverity[incident.severity().ordinal()]++;
            Kept candidate = new Kept(incident, incidentCount);
            if (kept.size() == INCIDENTS_KEPT && worstFirst(candidate, kept.peek()) > 0) {
                // Milder than the mildest kept: adding it would drop it again at once.
                notKeptBySeverity[incident.severity().ordinal()]++;
                continue;
            }
            kept.add(candidate);
            if (kept.size() > INCIDENTS_KEPT) {
                notKeptBySeverity[kept.poll().incident.severity().ordinal()]++;
            }
        }
        if (result.metric(Metric.ARRAY_LOSS_EVENTS) > 0) {
            replicationsWith[Severity.ARRAY_LOSS.ordinal()]++;
        }
        if (result.metric(Metric.SECTOR_LOSS_EVENTS) > 0) {
            replicationsWith[Severity.SECTOR_LOSS.ordinal()]++;
        }
        if (result.metric(Metric.OUTAGES_WITHOUT_LOSS) > 0) {
            replicationsWith[Severity.OUTAGE.ordinal()]++;
        }
        dataLossEvents.add(result.metric(Metric.DATA_LOSS_EVENTS));
        result.lossByCause().forEach((cause, count) -> lossByCause.merge(cause, count, Long::sum));
        exposureHours += result.observedHours();
        if (result.lostData()) {
            replicationsWithLoss++;
            timeToFirstLoss.add(result.observedHours());
        } else {
            censoredAtHours = Math.max(censoredAtHours, result.observedHours());
        }
    }

    public long replications() {
        return replications;
    }

    /** Each replication's values in replication order, as far as kept ({@link ReplicationTable}); live, not a copy. */
    public ReplicationTable table() {
        return table;
    }

    public long replicationsWithLoss() {
        return replicationsWithLoss;
    }

    public long incidentCount() {
        return incidentCount;
    }

    /**
     * The metric's summary. Every metric counts or measures something non-negative, so the lower end of its 95%
     * interval is clipped at zero (the Student-t interval of a skewed count can dip below it; clipping keeps the
     * coverage and drops impossible values).
     */
    public MetricSummary summary(Metric metric) {
        MetricSummary s = metrics[metric.ordinal()].summary();
        return s.ci95Low() >= 0 ? s : new MetricSummary(s.count(), s.mean(), 0, s.ci95High(), s.p50(), s.p95(),
                s.p99(), s.max());
    }

    /** The q-quantile of a metric over replications (over incidents for the per-incident hours); NaN if empty. */
    public double quantile(Metric metric, double q) {
        return metrics[metric.ordinal()].quantile(q);
    }

    /**
     * Replications by number of data-loss events: element k counts those with exactly k events, the last those
     * with {@code LOSS_EVENT_BINS - 1} or more.
     */
    public long[] dataLossEventCounts() {
        return dataLossEvents.counts();
    }

    public Map<String, Long> lossByCause() {
        return new TreeMap<>(lossByCause);
    }

    /** The kept incidents (see the class comment), in the order they were added. */
    public List<Incident> incidents() {
        List<Kept> order = new ArrayList<>(kept);
        order.sort(Comparator.comparingLong(k -> k.order));
        List<Incident> out = new ArrayList<>(order.size());
        for (Kept k : order) {
            out.add(k.incident);
        }
        return out;
    }

    /** Incidents of each severity, kept or not. */
    public Map<Severity, Long> incidentsBySeverity() {
        return bySeverity(incidentsBySeverity);
    }

    /** Incidents of each severity left out of {@link #incidents()} by the cap. */
    public Map<Severity, Long> incidentsNotKept() {
        return bySeverity(notKeptBySeverity);
    }

    private static Map<Severity, Long> bySeverity(long[] counts) {
        Map<Severity, Long> out = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            out.put(s, counts[s.ordinal()]);
        }
        return out;
    }

    /**
     * P(at least one incident of this severity within the horizon), Clopper–Pearson; an upper bound when none was
     * seen. For the loss classes, a replication counts when the storage lost data of that class (array losses
     * joining one incident count once).
     */
    public Estimate probability(Severity severity) {
        return Proportions.probability(replicationsWith[severity.ordinal()], replications);
    }

    /** These statistics as the source of {@link DecisionMetric}s, for a run of the given extent. */
    public DecisionMetric.Source decisionSource(RunExtent extent) {
        return new DecisionMetric.Source() {
            @Override
            public MetricSummary summary(Metric metric) {
                return RunStatistics.this.summary(metric);
            }

            @Override
            public Estimate probability(Severity severity) {
                return RunStatistics.this.probability(severity);
            }

            @Override
            public RunExtent extent() {
                return extent;
            }
        };
    }

    private record Kept(Incident incident, long order) {
    }

    /** P(at least one data loss within the horizon), Clopper–Pearson; an upper bound when none was seen. */
    public Estimate probabilityOfDataLoss() {
        return Proportions.probability(replicationsWithLoss, replications);
    }

    /**
     * Mean time to (first) data loss. When every replication ran to its first loss, the sample mean with a
     * Student-t interval; otherwise exposure over losses with the chi-square interval (censored observation), the
     * exponential approximation: {@link #mttdlMethod()} says which, and whether the losses contradict it.
     */
    public Estimate mttdlHours() {
        if (replications > 0 && replicationsWithLoss == replications) {
            return Proportions.meanTimeFromSample(timeToFirstLoss.count(), timeToFirstLoss.mean(),
                    timeToFirstLoss.variance());
        }
        return Proportions.meanTimeFromExposure(exposureHours, replicationsWithLoss);
    }

    /** How {@link #mttdlHours()} was estimated, with the test of a constant hazard of first loss. */
    public MttdlMethod mttdlMethod() {
        return MttdlMethod.of(replications, replicationsWithLoss, timeToFirstLoss.mean(), exposureHours,
                censoredAtHours);
    }
}
