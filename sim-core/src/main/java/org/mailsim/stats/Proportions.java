package org.mailsim.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.interval.ClopperPearsonInterval;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;

/** Interval estimates for probabilities and mean times to rare events. */
public final class Proportions {
    private static final double CONFIDENCE = 0.95;

    private Proportions() {
    }

    /**
     * P(event) from {@code successes} in {@code trials} with the exact Clopper–Pearson interval. With no
     * successes the estimate is reported as the interval's upper bound (about 3/n: the "rule of three").
     */
    public static Estimate probability(long successes, long trials) {
        if (trials <= 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials and trials > 0, got "
                    + successes + " of " + trials);
        }
        double low;
        double high;
        if (successes == 0) {
            // One-sided 95% bound: (1 - p)^n = 0.05.
            low = 0;
            high = 1 - Math.pow(1 - CONFIDENCE, 1.0 / trials);
            return new Estimate(high, low, high, true);
        }
        if (successes == trials) {
            low = Math.pow(1 - CONFIDENCE, 1.0 / trials);
            return new Estimate((double) successes / trials, low, 1, false);
        }
        ConfidenceInterval ci = new ClopperPearsonInterval().createInterval((int) Math.min(trials, Integer.MAX_VALUE),
                (int) successes, CONFIDENCE);
        return new Estimate((double) successes / trials, ci.getLowerBound(), ci.getUpperBound(), false);
    }

    /**
     * Mean time to an event from a total exposure time and the number of events seen in it (time-censored
     * observation, exponential assumption): the maximum-likelihood estimate exposure/events with the exact
     * chi-square interval [2T / chi2(0.975; 2k+2), 2T / chi2(0.025; 2k)]. With no events the lower bound
     * 2T / chi2(0.95; 2) is all that can be said; it is returned flagged as a bound.
     */
    public static Estimate meanTimeFromExposure(double exposure, long events) {
        if (!(exposure > 0)) {
            throw new IllegalArgumentException("exposure must be positive, got " + exposure);
        }
        if (events == 0) {
            double bound = 2 * exposure / new ChiSquaredDistribution(null, 2).inverseCumulativeProbability(CONFIDENCE);
            return new Estimate(bound, bound, Double.POSITIVE_INFINITY, true);
        }
        double low = 2 * exposure / new ChiSquaredDistribution(null, 2.0 * events + 2).inverseCumulativeProbability(0.975);
        double high = 2 * exposure / new ChiSquaredDistribution(null, 2.0 * events).inverseCumulativeProbability(0.025);
        return new Estimate(exposure / events, low, high, false);
    }

    /**
     * Mean time to an event when every replication ran until it happened (no censoring): the sample mean with
     * a Student-t interval, valid whatever the distribution of the times.
     */
    public static Estimate meanTimeFromSample(long n, double mean, double variance) {
        if (n < 2) {
            return new Estimate(mean, mean, mean, false);
        }
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
        double half = t * Math.sqrt(variance / n);
        // A time is never negative: clipping the interval at zero keeps its coverage and drops impossible values.
        return new Estimate(mean, Math.max(0, mean - half), mean + half, false);
    }
}
