package org.mailsim.model.storage;

/**
 * How long a replication runs: a fixed number of hours, or until its first data loss ({@code horizon:
 * first-data-loss}) but no longer than {@code hours} ({@code maxHorizon}).
 */
public record Horizon(double hours, boolean untilFirstDataLoss) {
    public Horizon {
        if (!(hours > 0)) {
            throw new IllegalArgumentException("horizon must be a positive number of hours, got " + hours);
        }
    }

    public static Horizon fixed(double hours) {
        return new Horizon(hours, false);
    }

    public static Horizon firstDataLoss(double maxHours) {
        return new Horizon(maxHours, true);
    }
}
