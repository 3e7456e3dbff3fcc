package org.mailsim.model.operations;

import static org.mailsim.model.operations.Throughput.requireFraction;

/**
 * Users backing up their own mail (the source post's closing advice): a fraction of users export their mailbox
 * every {@code intervalHours}; when their storage is lost they lose only what came since their last export.
 *
 * <p>Each self-backing user's export phase is uniformly random, so the time U since their last export is
 * Uniform(0, N) at any failure (N = interval). If the service itself would lose the mail of the last W hours (W the
 * gap since the last usable backup, infinite without one), such a user loses the mail of the last min(W, U) hours.
 * With a per-user rate k of lost mail per hour (constant over the last N hours):
 * <ul>
 *   <li>expected hours of mail lost E[min(W, U)] = N/2 when W &gt;= N, else W - W^2 / (2N);</li>
 *   <li>P(at least one lost message), Poisson arrivals: 1 - E[exp(-k min(W, U))] = 1 - (1 - e^(-kN)) / (kN) when
 *       W &gt;= N, else 1 - (1 - e^(-kW)) / (kN) - (1 - W/N) e^(-kW).</li>
 * </ul>
 * For a time-varying rate r(s) the exact expected loss is the integral over ages a in [0, min(W, N)] of
 * r(t - a) (1 - a/N): {@link #unexportedWeight(double)} gives the weight (1 - a/N).
 */
public record SelfBackup(double fractionOfUsers, double intervalHours) {
    public static final SelfBackup NONE = new SelfBackup(0, 24 * 7);

    public SelfBackup {
        requireFraction("fraction of users backing up their mail", fractionOfUsers);
        if (!(intervalHours > 0) || Double.isInfinite(intervalHours)) {
            throw new IllegalArgumentException("self-backup interval must be positive and finite, got "
                    + intervalHours);
        }
    }

    /** E[min(W, U)], U ~ Uniform(0, N): expected hours of a self-backing user's mail lost to a W-hour gap. */
    public double expectedUnexportedHours(double windowHours) {
        double n = intervalHours;
        if (windowHours >= n) {
            return n / 2;
        }
        return windowHours - windowHours * windowHours / (2 * n);
    }

    /** P(a self-backing user loses at least one message) with lost mail arriving at {@code ratePerHour}. */
    public double probabilityOfLoss(double ratePerHour, double windowHours) {
        if (ratePerHour <= 0 || windowHours <= 0) {
            return 0;
        }
        double n = intervalHours;
        double w = Math.min(windowHours, n);
        // E[exp(-k min(W,U))] = (1/N) integral_0^w e^(-ku) du + (1 - w/N) e^(-kw)
        double escape = -Math.expm1(-ratePerHour * w) / (ratePerHour * n) + (1 - w / n) * Math.exp(-ratePerHour * w);
        return 1 - escape;
    }

    /** Probability that a self-backing user's message of age {@code ageHours} was not yet exported: (1 - a/N)+. */
    public double unexportedWeight(double ageHours) {
        return Math.max(0, 1 - ageHours / intervalHours);
    }
}
