package org.mailsim.durability;

import java.util.Locale;

/**
 * How a run estimates P(data loss): {@code plain} counts the replications that lost data (today's behaviour);
 * {@code rare} uses the rare-event estimator ({@link DurabilityEstimator}); {@code auto} uses the plain
 * replications as a pilot and switches to the rare-event estimator when they saw fewer than
 * {@link #AUTO_MIN_LOSSES} losses.
 */
public enum Estimator {
    PLAIN, RARE, AUTO;

    /** Below this many replications with a loss, a plain estimate's interval is too wide to rank by: auto goes rare. */
    public static final int AUTO_MIN_LOSSES = 30;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Estimator byKey(String key) {
        for (Estimator e : values()) {
            if (e.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw new IllegalArgumentException("estimator must be plain, rare or auto, got '" + key + "'");
    }

    /** Whether a run with {@code replicationsWithLoss} plain losses needs the rare-event estimator. */
    public boolean wantsRare(long replicationsWithLoss) {
        return this == RARE || (this == AUTO && replicationsWithLoss < AUTO_MIN_LOSSES);
    }
}
