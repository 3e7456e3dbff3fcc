package org.mailsim.stats;

import com.tdunning.math.stats.MergingDigest;
import com.tdunning.math.stats.TDigest;
import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Streams one metric's per-replication values into a fixed-size summary: count, mean and sum of squared
 * deviations (Welford's update; Chan et al.'s pairwise formula to merge), max, and quantiles. A run of a million
 * replications holds a few kilobytes, not a million values. Values are added in replication order so output is
 * byte-identical for any thread count; {@link #merge} combines partial runs (another machine's share of a sweep,
 * say).
 *
 * <p>Quantiles: while a metric has taken at most {@value #EXACT_LIMIT} distinct values (counts, sizes in whole
 * sectors, anything that is 0 in most replications) each value's count is kept, and the q-quantile is exact: the
 * value of rank {@code floor(q n)} (from 0) among the n values sorted. With more distinct values the counts go into a
 * t-digest (compression 200), value by value in increasing order, and later values follow them there. Up to 150
 * values the t-digest's quantiles are that same order statistic, and up to 2,049 the digest has merged nothing when
 * it is filled in whatever order, so a metric whose distinct values pass the limit early is summarised exactly as
 * if it had gone to the t-digest from the start.
 */
public final class MetricAccumulator {
    /** t-digest compression: up to about this many values, quantiles interpolate the sample itself. */
    private static final double COMPRESSION = 200;
    /** Distinct values counted exactly; one more and the metric goes to a t-digest. */
    public static final int EXACT_LIMIT = 128;

    private long n;
    private double mean;
    private double sumSquaredDeviations;
    private double max = Double.NEGATIVE_INFINITY;

    // Exact counts: an open-addressing table from a value's bits to its count (count 0: free slot); null once the
    // t-digest has taken over.
    private long[] keys = new long[8];
    private long[] counts = new long[8];
    private int distinct;
    // The previous value and its slot: most values repeat the one before (0, mostly), and then only its count is
    // touched. NaN's bits (never a value's, values are finite) when no slot is known.
    private static final long NO_VALUE = Double.doubleToRawLongBits(Double.NaN);
    private long lastBits = NO_VALUE;
    private int lastSlot;
    private TDigest digest;

    public void add(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("metric value must be finite, got " + value);
        }
        n++;
        double delta = value - mean;
        mean += delta / n;
        sumSquaredDeviations += delta * (value - mean);
        max = Math.max(max, value);
        if (digest != null) {
            digest.add(value);
            return;
        }
        long bits = Double.doubleToRawLongBits(value);
        if (bits == lastBits) {
            counts[lastSlot]++;
            return;
        }
        count(bits, 1);
    }

    /** Adds {@code c} values with these bits to the exact counts, or to the digest if they overflow. */
    private void count(long bits, long c) {
        int mask = keys.length - 1;
        int i = slot(bits, mask);
        while (counts[i] != 0) {
            if (keys[i] == bits) {
                counts[i] += c;
                lastBits = bits;
                lastSlot = i;
                return;
            }
            i = (i + 1) & mask;
        }
        if (distinct == EXACT_LIMIT) {
            toDigest();
            feed(digest, Double.longBitsToDouble(bits), c);
            return;
        }
        keys[i] = bits;
        counts[i] = c;
        lastBits = bits;
        lastSlot = i;
        if (2 * ++distinct > keys.length) {
            rehash(2 * keys.length);
        }
    }

    private static int slot(long bits, int mask) {
        long h = bits * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void rehash(int size) {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        keys = new long[size];
        counts = new long[size];
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldCounts[j] != 0) {
                int i = slot(oldKeys[j], size - 1);
                while (counts[i] != 0) {
                    i = (i + 1) & (size - 1);
                }
                keys[i] = oldKeys[j];
                counts[i] = oldCounts[j];
            }
        }
        lastBits = NO_VALUE; // its slot moved
    }

    /** The distinct values in increasing order and, in the same places, their counts. */
    private double[][] sortedCounts() {
        long[][] pairs = new long[distinct][];
        int k = 0;
        for (int j = 0; j < keys.length; j++) {
            if (counts[j] != 0) {
                pairs[k++] = new long[] {keys[j], counts[j]};
            }
        }
        Arrays.sort(pairs, (x, y) -> Double.compare(Double.longBitsToDouble(x[0]), Double.longBitsToDouble(y[0])));
        double[] values = new double[distinct];
        double[] c = new double[distinct];
        for (int j = 0; j < distinct; j++) {
            values[j] = Double.longBitsToDouble(pairs[j][0]);
            c[j] = pairs[j][1];
        }
        return new double[][] {values, c};
    }

    /** Hands the exact counts to a new t-digest, value by value in increasing order (see the class comment). */
    private void toDigest() {
        digest = newDigest();
        double[][] sorted = sortedCounts();
        for (int j = 0; j < distinct; j++) {
            feed(digest, sorted[0][j], (long) sorted[1][j]);
        }
        keys = null;
        counts = null;
    }

    private static TDigest newDigest() {
        return new MergingDigest(COMPRESSION);
    }

    private static void feed(TDigest digest, double value, long count) {
        for (long i = 0; i < count; i++) {
            digest.add(value);
        }
    }

    /** Adds everything {@code other} has seen, as though its values had been added here after ours. */
    public void merge(MetricAccumulator other) {
        if (other.n == 0) {
            return;
        }
        long total = n + other.n;
        double delta = other.mean - mean;
        mean += delta * other.n / total;
        sumSquaredDeviations += other.sumSquaredDeviations + delta * delta * ((double) n * other.n / total);
        n = total;
        max = Math.max(max, other.max);
        if (other.digest == null) {
            double[][] sorted = other.sortedCounts();
            for (int j = 0; j < sorted[0].length; j++) {
                long c = (long) sorted[1][j];
                if (digest != null) {
                    feed(digest, sorted[0][j], c);
                } else {
                    count(Double.doubleToRawLongBits(sorted[0][j]), c);
                }
            }
            return;
        }
        if (digest == null) {
            toDigest();
        }
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
     * The q-quantile (0 <= q <= 1) of the values seen (exact or from the t-digest, see the class comment); NaN
     * when nothing was added. Reports draw distributions from a grid of these, since the values themselves are not
     * kept.
     */
    public double quantile(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1], got " + q);
        }
        if (n == 0) {
            return Double.NaN;
        }
        if (digest == null) {
            long rank = Math.min(n - 1, (long) Math.floor(q * n));
            double[][] sorted = sortedCounts();
            long below = 0;
            for (int j = 0; j < sorted[0].length; j++) {
                below += (long) sorted[1][j];
                if (rank < below) {
                    return sorted[0][j];
                }
            }
            throw new IllegalStateException("counts do not add up to " + n);
        }
        // Clamp: t-digest may interpolate a hair outside the observed range.
        return Math.min(max, Math.max(digest.getMin(), digest.quantile(q)));
    }
}
