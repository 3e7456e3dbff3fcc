package org.mailsim.stats;

import com.tdunning.math.stats.MergingDigest;
import com.tdunning.math.stats.TDigest;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Streams one metric's per-replication values into a fixed-size summary: count, mean and sum of squared
 * deviations (Welford's update; Chan et al.'s pairwise formula to merge), max, and quantiles from a t-digest.
 * A run of a million replications holds a few kilobytes, not a million values. Values are added in replication
 * order so output is byte-identical for any thread count; {@link #merge} combines partial runs (another
 * machine's share of a sweep, say).
 */
public final class MetricAccumulator {
    /** t-digest compression: up to about this many values, quantiles interpolate the sample itself. */
    private static final double COMPRESSION = 200;

    private long n;
    private double mean;
    private double sumSquaredDeviations;
    private double max = Double.NEGATIVE_INFINITY;
    private final TDigest digest = new MergingDigest(COMPRESSION);
    /**
     * While every value so far is the same (bit for bit), they are only counted here and the digest is not fed:
     * many metrics are 0 in every replication of a scenario (mail lost when it has no users, say), and feeding a
     * t-digest costs a sort now and then. When another value comes, the digest gets the run first, value by
     * value, so it ends exactly as if it had been fed all along; a metric that stays constant has every quantile
     * equal to that value, which is what the digest (clamped to the values' range) gives too.
     */
    private long constantRun;
    private long constantBits;

    public void add(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("metric value must be finite, got " + value);
        }
        n++;
        double delta = value - mean;
        mean += delta / n;
        sumSquaredDeviations += delta * (value - mean);
        max = Math.max(max, value);
        if (constantRun == n - 1) {
            long bits = Double.doubleToRawLongBits(value);
            if (constantRun == 0 || bits == constantBits) {
                constantBits = bits;
                constantRun++;
                return;
            }
            feedConstantRun();
        }
        digest.add(value);
    }

    /** Hands the leading run of equal values to the digest (see {@link #constantRun}); afterwards it is fed directly. */
    private void feedConstantRun() {
        double value = Double.longBitsToDouble(constantBits);
        for (long i = 0; i < constantRun; i++) {
            digest.add(value);
        }
        constantRun = -1; // never equal to n - 1 again
    }

    /** Adds everything {@code other} has seen, as though its values had been added here after ours. */
    public void merge(MetricAccumulator other) {
        if (other.n == 0) {
            return;
        }
        // The digests merge; from now on ours is fed directly (feeding an empty run just says so).
        if (constantRun >= 0) {
            feedConstantRun();
        }
        if (other.constantRun >= 0) {
            other.feedConstantRun();
        }
        long total = n + other.n;
        double delta = other.mean - mean;
        mean += delta * other.n / total;
        sumSquaredDeviations += other.sumSquaredDeviations + delta * delta * ((double) n * other.n / total);
        n = total;
        max = Math.max(max, other.max);
        digest.add(other.digest);
    }

    public long count() {
        return n;
    }

    public double mean() {
        return mean;
    }

    /** Sample variance (n - 1 in the denominator); zero for fewer than two values. */
    public double variance() {
        return n > 1 ? sumSquaredDeviations / (n - 1) : 0;
    }

    /** Mean, 95% Student-t interval of the mean, quantiles and max. */
    public MetricSummary summary() {
        if (n == 0) {
            return MetricSummary.EMPTY;
        }
        double halfWidth = 0;
        if (n > 1) {
            double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
            halfWidth = t * Math.sqrt(variance() / n);
        }
        return new MetricSummary(n, mean, mean - halfWidth, mean + halfWidth,
                quantile(0.50), quantile(0.95), quantile(0.99), max);
    }

    /**
     * The q-quantile (0 <= q <= 1) of the values seen, from the t-digest; NaN when nothing was added. Reports
     * draw distributions from a grid of these, since the values themselves are not kept.
     */
    public double quantile(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1], got " + q);
        }
        if (n == 0) {
            return Double.NaN;
        }
        if (constantRun == n) {
            return Double.longBitsToDouble(constantBits);
        }
        // Clamp: t-digest may interpolate a hair outside the observed range.
        return Math.min(max, Math.max(digest.getMin(), digest.quantile(q)));
    }
}
