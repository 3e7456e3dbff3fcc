package org.mailsim.stats;

import java.util.Arrays;

/**
 * Exact counts of small non-negative integer values (data-loss events per replication, say): one bin per value
 * below {@code bins - 1}, and a last bin for that value and everything above. Fixed size, mergeable, so a run of
 * any length holds a few hundred bytes; rare values (one loss in a thousand replications) stay visible, which a
 * quantile sketch would blur.
 */
public final class CountHistogram {
    private final long[] counts;

    public CountHistogram(int bins) {
        if (bins < 2) {
            throw new IllegalArgumentException("need at least 2 bins, got " + bins);
        }
        counts = new long[bins];
    }

    /** Counts {@code value}, rounded down to an integer; negative values are refused. */
    public void add(double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException("counted value must be non-negative, got " + value);
        }
        counts[(int) Math.min(counts.length - 1, Math.floor(value))]++;
    }

    public void merge(CountHistogram other) {
        if (other.counts.length != counts.length) {
            throw new IllegalArgumentException("cannot merge " + other.counts.length + " bins into " + counts.length);
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    /** Bin i counts value i; the last bin counts its value and all larger ones. A copy. */
    public long[] counts() {
        return counts.clone();
    }

    @Override
    public String toString() {
        return "CountHistogram" + Arrays.toString(counts);
    }
}
