package org.mailsim.run;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mailsim.stats.CountHistogram;
import org.mailsim.stats.Estimate;
import org.mailsim.stats.MetricAccumulator;
import org.mailsim.stats.MetricSummary;
import org.mailsim.stats.MttdlMethod;
import org.mailsim.stats.Proportions;

/**
 * Merges replication results, in replication order, into the run's statistics without keeping the results:
 * every metric's summary, P(data loss within the horizon), MTTDL and losses by cause. Incidents are kept up to
 * a cap (enough for a replay's timeline and a report's examples); all of them still count in the statistics.
 */
public final class RunStatistics {
    /** Incidents kept verbatim for reports; the rest are only counted. */
    public static final int INCIDENTS_KEPT = 200;
    /** Data-loss events per replication are counted exactly up to this many; more fall in the last bin. */
    public static final int LOSS_EVENT_BINS = 32;

    private final Map<Metric, MetricAccumulator> metrics = new EnumMap<>(Metric.class);
    private final Map<String, Long> lossByCause = new TreeMap<>();
    private final List<Incident> incidents = new ArrayList<>();
    private long replications;
    private long replicationsWithLoss;
    private long incidentCount;
    private double exposureHours;
    private double censoredAtHours; // where replications without a loss stopped: the horizon (or its cap)
    private final MetricAccumulator timeToFirstLoss = new MetricAccumulator();
    private final CountHistogram dataLossEvents = new CountHistogram(LOSS_EVENT_BINS);

    public RunStatistics() {
        for (Metric metric : Metric.values()) {
            metrics.put(metric, new MetricAccumulator());
        }
    }

    public void add(ReplicationResult result) {
        replications++;
        for (Metric metric : Metric.values()) {
            if (metric != Metric.HOURS_TO_RESTORE_SERVICE && metric != Metric.HOURS_TO_FULL_RECOVERY) {
                metrics.get(metric).add(result.metric(metric));
            }
        }
        for (Incident incident : result.incidents()) {
            incidentCount++;
            // Recovery times describe outages: an incident that never cut anyone off (bad sectors restored in
            // place) would only pull the averages towards zero.
            if (incident.hoursToRestoreService() > 0) {
                metrics.get(Metric.HOURS_TO_RESTORE_SERVICE).add(incident.hoursToRestoreService());
                metrics.get(Metric.HOURS_TO_FULL_RECOVERY).add(incident.hoursToFullRecovery());
            }
            if (incidents.size() < INCIDENTS_KEPT) {
                incidents.add(incident);
            }
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
        MetricSummary s = metrics.get(metric).summary();
        return s.ci95Low() >= 0 ? s : new MetricSummary(s.count(), s.mean(), 0, s.ci95High(), s.p50(), s.p95(),
                s.p99(), s.max());
    }

    /** The q-quantile of a metric over replications (over incidents for the per-incident hours); NaN if empty. */
    public double quantile(Metric metric, double q) {
        return metrics.get(metric).quantile(q);
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

    public List<Incident> incidents() {
        return List.copyOf(incidents);
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
