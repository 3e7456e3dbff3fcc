package org.mailsim.fit;

import org.mailsim.stats.Estimate;
import org.mailsim.stats.Proportions;

/**
 * Clustering of failures in time: a burst is a run of failures each within {@code windowHours} of the one before.
 * The two shares answer different questions and both are quoted in the literature:
 * <ul>
 *   <li>{@code followerFraction}: failures within the window of the previous failure - the share of failures a
 *       shock model must add on top of independent ones (each burst of size s contributes s - 1);</li>
 *   <li>{@code inBurstFraction}: failures within the window of another failure, before or after - the share that
 *       is part of some burst (the OLCF papers' "19% of Alpine failures come in bursts").</li>
 * </ul>
 * The Clopper–Pearson intervals treat failures as independent trials, which clustered failures are not; read them
 * as a lower limit of the uncertainty.
 *
 * @param bursts runs of two or more failures
 * @param meanBurstSize failures per burst, over bursts (NaN when there is none)
 */
public record Bursts(double windowHours, int events, int followers, int inBursts, int bursts, int largestBurst,
        double meanBurstSize, Estimate followerFraction, Estimate inBurstFraction) {

    /** Bursts in sorted event times (hours). */
    public static Bursts of(double[] sortedTimesHours, double windowHours) {
        int n = sortedTimesHours.length;
        if (n < 1) {
            throw new IllegalArgumentException("no events");
        }
        if (!(windowHours >= 0)) {
            throw new IllegalArgumentException("the burst window must be non-negative, got " + windowHours);
        }
        int followers = 0;
        int inBursts = 0;
        int bursts = 0;
        int largest = 1;
        int run = 1;
        for (int i = 1; i <= n; i++) {
            boolean joins = i < n && sortedTimesHours[i] - sortedTimesHours[i - 1] <= windowHours;
            if (joins) {
                followers++;
                run++;
            } else {
                if (run >= 2) {
                    bursts++;
                    inBursts += run;
                    largest = Math.max(largest, run);
                }
                run = 1;
            }
        }
        return new Bursts(windowHours, n, followers, inBursts, bursts, largest,
                bursts == 0 ? Double.NaN : (double) inBursts / bursts,
                Proportions.probability(followers, n), Proportions.probability(inBursts, n));
    }
}
