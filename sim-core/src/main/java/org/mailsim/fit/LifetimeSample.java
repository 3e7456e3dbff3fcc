package org.mailsim.fit;

import java.util.Arrays;

/**
 * Observed lifetimes (or times between events), in hours, with the censoring the data has:
 * <ul>
 *   <li>{@code exact}: failed at this time (positive);</li>
 *   <li>{@code rightCensored}: still running at this time when observation stopped (non-negative);</li>
 *   <li>{@code leftCensored}: failed at some time at or below this bound (positive), e.g. two failures stamped in
 *       the same second: the gap is known only to be shorter than the clock's resolution.</li>
 * </ul>
 * and, for units that came under observation at some age rather than new ({@code entries}: left truncation, as drives
 * already in service when a survey begins), those entry ages. Only units that survived to their entry age can be
 * in the sample, so each entry divides the likelihood by S(entry) (Lawless 2003, section 2.4); the entries need not
 * be paired with the observations, since the term is a sum over units.
 */
public record LifetimeSample(double[] exact, double[] rightCensored, double[] leftCensored, double[] entries) {
    public LifetimeSample {
        exact = exact.clone();
        rightCensored = rightCensored.clone();
        leftCensored = leftCensored.clone();
        entries = java.util.Arrays.stream(entries).filter(a -> a != 0).toArray();
        for (double a : entries) {
            if (!(a > 0) || Double.isInfinite(a)) {
                throw new IllegalArgumentException("entry ages must be non-negative and finite, got " + a);
            }
        }
        if (entries.length > exact.length + rightCensored.length + leftCensored.length) {
            throw new IllegalArgumentException("more entry ages than observations");
        }
        for (double x : exact) {
            if (!(x > 0) || Double.isInfinite(x)) {
                throw new IllegalArgumentException("exact lifetimes must be positive and finite, got " + x
                        + " (record a zero as left-censored at the clock resolution)");
            }
        }
        for (double c : rightCensored) {
            if (!(c >= 0) || Double.isInfinite(c)) {
                throw new IllegalArgumentException("right-censoring times must be non-negative and finite, got " + c);
            }
        }
        for (double u : leftCensored) {
            if (!(u > 0) || Double.isInfinite(u)) {
                throw new IllegalArgumentException("left-censoring bounds must be positive and finite, got " + u);
            }
        }
    }

    /** A sample of units all watched from new. */
    public LifetimeSample(double[] exact, double[] rightCensored, double[] leftCensored) {
        this(exact, rightCensored, leftCensored, new double[0]);
    }

    /** The same observations, of units that came under observation at the ages {@code entries} (zeros: new). */
    public LifetimeSample withEntries(double[] entryAges) {
        return new LifetimeSample(exact, rightCensored, leftCensored, entryAges);
    }

    /** A sample in which every lifetime was seen to its end. */
    public static LifetimeSample complete(double... exact) {
        return new LifetimeSample(exact, new double[0], new double[0]);
    }

    public static LifetimeSample rightCensored(double[] exact, double[] censored) {
        return new LifetimeSample(exact, censored, new double[0]);
    }

    /**
     * Gaps between recorded events: zero gaps (events in the same clock tick) become left-censored at the
     * resolution, the others are exact.
     */
    public static LifetimeSample fromGaps(double[] gaps, double resolution) {
        int zeros = 0;
        for (double g : gaps) {
            if (g < 0) {
                throw new IllegalArgumentException("gaps must be non-negative, got " + g);
            }
            if (g == 0) {
                zeros++;
            }
        }
        double[] exact = new double[gaps.length - zeros];
        double[] left = new double[zeros];
        int e = 0;
        for (double g : gaps) {
            if (g > 0) {
                exact[e++] = g;
            }
        }
        Arrays.fill(left, resolution);
        return new LifetimeSample(exact, new double[0], left);
    }

    /** Observations that are failures (exact or left-censored). */
    public int failures() {
        return exact.length + leftCensored.length;
    }

    public int size() {
        return exact.length + rightCensored.length + leftCensored.length;
    }

    @Override
    public double[] exact() {
        return exact.clone();
    }

    @Override
    public double[] rightCensored() {
        return rightCensored.clone();
    }

    @Override
    public double[] leftCensored() {
        return leftCensored.clone();
    }

    @Override
    public double[] entries() {
        return entries.clone();
    }

    double[] entriesView() {
        return entries;
    }

    // Package-private views without copying, for the likelihoods.
    double[] exactView() {
        return exact;
    }

    double[] rightView() {
        return rightCensored;
    }

    double[] leftView() {
        return leftCensored;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LifetimeSample s && Arrays.equals(exact, s.exact)
                && Arrays.equals(rightCensored, s.rightCensored) && Arrays.equals(leftCensored, s.leftCensored)
                && Arrays.equals(entries, s.entries);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Arrays.hashCode(exact) + Arrays.hashCode(rightCensored))
                + Arrays.hashCode(leftCensored)) + Arrays.hashCode(entries);
    }

    @Override
    public String toString() {
        return "LifetimeSample[" + exact.length + " exact, " + rightCensored.length + " right-censored, "
                + leftCensored.length + " left-censored" + (entries.length > 0 ? ", " + entries.length
                + " entered late" : "") + "]";
    }
}
