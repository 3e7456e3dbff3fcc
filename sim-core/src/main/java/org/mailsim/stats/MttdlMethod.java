package org.mailsim.stats;

import java.util.Locale;

/**
 * How a run's MTTDL was estimated, and whether its first losses contradict the estimator's assumption.
 *
 * <p>The rule: when every replication ran until its first data loss ({@code horizon: first-data-loss} without
 * hitting the cap), the MTTDL is the sample mean of those times, right whatever the lifetimes. Otherwise some
 * replications were cut off by the horizon, and the MTTDL is exposure / losses, the maximum-likelihood mean of an
 * exponential time to first loss: the <em>exponential approximation</em>. It is right only if the hazard of a first
 * loss is constant; with ageing disks (Weibull shape above 1) it rises and the approximation overstates the MTTDL.
 * {@code hazardTrendZ} tests that: given the losses seen, a constant hazard places the first losses of the
 * replications that had one as an exponential truncated at the horizon; z is how many standard errors their mean
 * time lies from that law's mean (positive: later, a rising hazard). |z| above {@link #TREND_LIMIT} is a visible
 * trend and earns a warning. NaN when not computable (sample mean, fewer than 10 losses, nothing censored).
 */
public record MttdlMethod(boolean exponentialApproximation, double hazardTrendZ) {
    /** |z| beyond which the first losses visibly contradict a constant hazard. */
    public static final double TREND_LIMIT = 3;
    /** Fewest losses for the trend test. */
    public static final long TREND_MIN_LOSSES = 10;

    public static final MttdlMethod SAMPLE_MEAN = new MttdlMethod(false, Double.NaN);

    /**
     * The method of a run in which {@code losses} replications lost data, their first losses having mean time
     * {@code meanFirstLoss}, the others censored at {@code horizon}, with {@code exposure} replication-hours in all.
     */
    public static MttdlMethod of(long replications, long losses, double meanFirstLoss, double exposure,
                                 double horizon) {
        if (replications > 0 && losses == replications) {
            return SAMPLE_MEAN;
        }
        if (losses < TREND_MIN_LOSSES || !(horizon > 0) || !(exposure > 0)) {
            return new MttdlMethod(true, Double.NaN);
        }
        double rate = losses / exposure;
        double a = rate * horizon;
        double mean;
        double variance;
        if (a < 1e-3) {
            // Series of the truncated exponential's moments for a small rate x horizon (the closed forms cancel).
            mean = horizon * (0.5 - a / 12);
            variance = horizon * horizon * (1.0 / 12 - a * a / 720);
        } else {
            double q = Math.exp(-a);
            double p = -Math.expm1(-a); // P(T < horizon)
            mean = 1 / rate - horizon * q / p;
            double second = (2 / (rate * rate) - q * (horizon * horizon + 2 * horizon / rate + 2 / (rate * rate))) / p;
            variance = second - mean * mean;
        }
        double z = (meanFirstLoss - mean) / Math.sqrt(variance / losses);
        return new MttdlMethod(true, z);
    }

    /** The name in the JSON report: {@code sampleMean} or {@code exponentialApproximation}. */
    public String key() {
        return exponentialApproximation ? "exponentialApproximation" : "sampleMean";
    }

    /** A short label for tables. */
    public String label() {
        return exponentialApproximation ? "exponential approximation: exposure / losses"
                : "sample mean of the times to first loss";
    }

    /** True when the first losses show a visible trend: the exponential approximation is biased. */
    public boolean trendVisible() {
        return exponentialApproximation && Math.abs(hazardTrendZ) > TREND_LIMIT;
    }

    /** The warning a report shows beside the MTTDL, or null. */
    public String warning() {
        if (!trendVisible()) {
            return null;
        }
        return String.format(Locale.ROOT, "the hazard of a first loss %s over the horizon (trend z = %.1f), so this"
                + " exponential approximation %s the MTTDL; run with horizon: first-data-loss for the mean time to"
                + " first loss, or read P(data loss within the horizon)", hazardTrendZ > 0 ? "rises" : "falls",
                hazardTrendZ, hazardTrendZ > 0 ? "overstates" : "understates");
    }
}
