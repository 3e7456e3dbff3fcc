package org.mailsim.stats;

/** A metric over replications: the mean with its 95% confidence interval, quantiles and the maximum. */
public record MetricSummary(long count, double mean, double ci95Low, double ci95High,
                            double p50, double p95, double p99, double max) {
    public static final MetricSummary EMPTY = new MetricSummary(0, 0, 0, 0, 0, 0, 0, 0);
}
