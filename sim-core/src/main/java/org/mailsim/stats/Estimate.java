package org.mailsim.stats;

/**
 * A point estimate with a 95% confidence interval. {@code boundOnly} marks an estimate for which nothing was
 * observed (no data loss in any replication): the estimate is then the interval's one-sided bound, never a bare
 * zero; an upper bound for a probability, a lower bound for a mean time to the event.
 */
public record Estimate(double estimate, double ci95Low, double ci95High, boolean boundOnly) {
    public Estimate {
        if (ci95Low > ci95High) {
            throw new IllegalArgumentException("interval low " + ci95Low + " above high " + ci95High);
        }
    }
}
