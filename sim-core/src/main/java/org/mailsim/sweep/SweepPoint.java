package org.mailsim.sweep;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.mailsim.run.DecisionMetric;
import org.mailsim.run.Metric;
import org.mailsim.run.RunExtent;
import org.mailsim.run.RunStatistics;
import org.mailsim.run.Severity;
import org.mailsim.stats.Estimate;
import org.mailsim.stats.MetricSummary;

/**
 * What one configuration of a sweep measured: every metric's summary over the replications, P(data loss within
 * the horizon), P(at least one incident of each severity) and MTTDL with their intervals, the number of
 * replications behind them and the run's extent (for figures per year and per usable TB, {@link DecisionMetric}).
 *
 * @param metrics                every {@link Metric}, each with its summary
 * @param probabilityOfDataLoss  Clopper–Pearson estimate (the upper bound when no loss was seen)
 * @param mttdlHours             mean time to data loss in hours (a lower bound when no loss was seen)
 * @param replications           replications merged into the figures
 * @param bySeverity             P(at least one incident of each severity), Clopper–Pearson
 * @param extent                 horizon, arrays and usable capacity of the configuration
 */
public record SweepPoint(Map<Metric, MetricSummary> metrics, Estimate probabilityOfDataLoss, Estimate mttdlHours,
                         long replications, Map<Severity, Estimate> bySeverity, RunExtent extent)
        implements DecisionMetric.Source {
    public SweepPoint {
        EnumMap<Severity, Estimate> severities = new EnumMap<>(Severity.class);
        severities.putAll(bySeverity);
        for (Severity s : Severity.values()) {
            if (severities.get(s) == null) {
                throw new IllegalArgumentException("sweep point lacks P(" + s.key() + ")");
            }
        }
        bySeverity = Collections.unmodifiableMap(severities);
        if (extent == null) {
            throw new IllegalArgumentException("sweep point needs its run's extent");
        }
        EnumMap<Metric, MetricSummary> copy = new EnumMap<>(Metric.class);
        copy.putAll(metrics);
        for (Metric metric : Metric.values()) {
            if (copy.get(metric) == null) {
                throw new IllegalArgumentException("sweep point lacks metric " + metric.key());
            }
        }
        metrics = Collections.unmodifiableMap(copy);
        if (probabilityOfDataLoss == null || mttdlHours == null) {
            throw new IllegalArgumentException("sweep point needs probabilityOfDataLoss and mttdlHours");
        }
        if (replications < 1) {
            throw new IllegalArgumentException("sweep point needs at least one replication, got " + replications);
        }
    }

    /** The figures of a finished run of the given extent. */
    public static SweepPoint of(RunStatistics statistics, RunExtent extent) {
        Map<Metric, MetricSummary> metrics = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            metrics.put(metric, statistics.summary(metric));
        }
        Map<Severity, Estimate> severities = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            severities.put(s, statistics.probability(s));
        }
        return new SweepPoint(metrics, statistics.probabilityOfDataLoss(), statistics.mttdlHours(),
                statistics.replications(), severities, extent);
    }

    public MetricSummary metric(Metric metric) {
        return metrics.get(metric);
    }

    @Override
    public MetricSummary summary(Metric metric) {
        return metrics.get(metric);
    }

    @Override
    public Estimate probability(Severity severity) {
        return bySeverity.get(severity);
    }

    /** Expected total cost over the horizon (the mean of the totalCost metric). */
    public double totalCost() {
        return metrics.get(Metric.TOTAL_COST).mean();
    }
}
