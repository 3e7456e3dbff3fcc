package org.mailsim.run;

import org.mailsim.stats.Estimate;
import org.mailsim.stats.MetricSummary;

/**
 * The figures a planner compares configurations by, derived from a run's metrics: expected mail and users lost,
 * the chance of losing a whole array (the only loss that takes whole mailboxes), user-hours without access, cost
 * and cost per usable terabyte, over the horizon and per year. Each is an {@link Estimate}: the metric's mean with
 * its 95% interval, scaled (per year: divided by the horizon in years; per usable TB: by the fleet's usable
 * capacity), or a Clopper-Pearson probability.
 *
 * <p>Expected loss figures count only losses that happened in the replications: when none of a kind was seen,
 * they are 0 although the true expectation is not. {@link #boundOnly} then says so (a lower bound); rare-event
 * estimation, not more replications of a small sample, is the remedy.
 */
public enum DecisionMetric {
    EXPECTED_MAILS_LOST("expectedMailsLost", "expected mails lost", Metric.MAILS_LOST, false),
    EXPECTED_MAILS_LOST_PER_YEAR("expectedMailsLostPerYear", "expected mails lost per year", Metric.MAILS_LOST,
            true),
    EXPECTED_USERS_WITH_LOSS("expectedUsersWithLoss", "expected users losing mail", Metric.USERS_WITH_LOSS, false),
    EXPECTED_USERS_WITH_LOSS_PER_YEAR("expectedUsersWithLossPerYear", "expected users losing mail per year",
            Metric.USERS_WITH_LOSS, true),
    /** P(at least one whole-array loss within the horizon): the event that can take users' whole mailboxes. */
    PROBABILITY_OF_ARRAY_LOSS("probabilityOfArrayLoss", "P(losing a whole array)", null, false),
    USER_HOURS_UNAVAILABLE_PER_YEAR("userHoursUnavailablePerYear", "user-hours without access per year",
            Metric.USER_HOURS_UNAVAILABLE, true),
    TOTAL_COST_PER_YEAR("totalCostPerYear", "total cost per year", Metric.TOTAL_COST, true),
    COST_PER_USABLE_TERABYTE("costPerUsableTerabyte", "total cost per usable TB", Metric.TOTAL_COST, false),
    COST_PER_USABLE_TERABYTE_PER_YEAR("costPerUsableTerabytePerYear", "cost per usable TB per year",
            Metric.TOTAL_COST, true);

    /** What a run provides to derive the figures from. */
    public interface Source {
        MetricSummary summary(Metric metric);

        Estimate probability(Severity severity);

        RunExtent extent();

        /** A decision metric of this run. */
        default Estimate decision(DecisionMetric metric) {
            return metric.of(this);
        }
    }

    private final String key;
    private final String label;
    private final Metric metric;
    private final boolean perYear;

    DecisionMetric(String key, String label, Metric metric, boolean perYear) {
        this.key = key;
        this.label = label;
        this.metric = metric;
        this.perYear = perYear;
    }

    /** The name in JSON, CSV and sweep targets. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** The metric named {@code key}, or null. */
    public static DecisionMetric byKey(String key) {
        for (DecisionMetric m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        return null;
    }

    /** The figure with its 95% interval; NaN when undefined (per year in a run until first data loss). */
    public Estimate of(Source run) {
        if (metric == null) {
            return run.probability(Severity.ARRAY_LOSS);
        }
        double scale = 1;
        if (perYear) {
            scale /= run.extent().years();
        }
        if (this == COST_PER_USABLE_TERABYTE || this == COST_PER_USABLE_TERABYTE_PER_YEAR) {
            scale /= run.extent().usableTerabytes();
        }
        MetricSummary s = run.summary(metric);
        if (s.count() == 0 || !Double.isFinite(scale)) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN, false);
        }
        return new Estimate(s.mean() * scale, s.ci95Low() * scale, s.ci95High() * scale, boundOnly(run));
    }

    /**
     * True for an expected-loss figure when no whole-array loss was seen: the figure then leaves out the losses
     * rarer than the sample could show, and is a lower bound.
     */
    public boolean boundOnly(Source run) {
        return (metric == Metric.MAILS_LOST || metric == Metric.USERS_WITH_LOSS)
                && run.probability(Severity.ARRAY_LOSS).boundOnly();
    }
}
