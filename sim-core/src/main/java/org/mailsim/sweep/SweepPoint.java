package org.mailsim.sweep;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.mailsim.run.Metric;
import org.mailsim.run.RunStatistics;
import org.mailsim.stats.Estimate;
import org.mailsim.stats.MetricSummary;

/**
 * What one configuration of a sweep measured: every metric's summary over the replications, P(data loss within
 * the horizon) and MTTDL with their intervals, and the number of replications behind them.
 *
 * @param metrics                every {@link Metric}, each with its summary
 * @param probabilityOfDataLoss  Clopper–Pearson estimate (the upper bound when no loss was seen)
 * @param mttdlHours             mean time to data loss in hours (a lower bound when no loss was seen)
 * @param replications           replications merged into the figures
 */
public record SweepPoint(Map<Metric, MetricSummary> metrics, Estimate probabilityOfDataLoss, Estimate mttdlHours,
                         long replications) {
    public SweepPoint {
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

    /** The figures of a finished run. */
    public static SweepPoint of(RunStatistics statistics) {
        Map<Metric, MetricSummary> metrics = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            metrics.put(metric, statistics.summary(metric));
        }
        return new SweepPoint(metrics, statistics.probabilityOfDataLoss(), statistics.mttdlHours(),
                statistics.replications());
    }

    public MetricSummary metric(Metric metric) {
        return metrics.get(metric);
    }

    /** Expected total cost over the horizon (the mean of the totalCost metric). */
    public double totalCost() {
        return metrics.get(Metric.TOTAL_COST).mean();
    }
}
