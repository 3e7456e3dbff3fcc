package org.mailsim.model.storage.repair;

import org.mailsim.random.Distribution;

/**
 * How long rebuilding one failed disk onto a spare takes: either {@code time}, a distribution, or derived from
 * {@code rateBytesPerSecond}: {@code dataFraction} of the disk's capacity at that rate, stretched by
 * {@code foregroundSlowdown} (1 = idle array; 2 = foreground mail load halves the rebuild's share of bandwidth).
 * HDD rebuilds run at 50-100 MB/s idle and far slower under load (MISSION.md section 7).
 */
public record RebuildSpec(double rateBytesPerSecond, double foregroundSlowdown, double dataFraction,
                          Distribution time) {
    public RebuildSpec {
        if (time == null && !(rateBytesPerSecond > 0)) {
            throw new IllegalArgumentException("a rebuild needs a positive rate or a time distribution, got rate "
                    + rateBytesPerSecond);
        }
        if (!(foregroundSlowdown >= 1) || Double.isInfinite(foregroundSlowdown)) {
            throw new IllegalArgumentException("foreground slowdown must be a finite factor >= 1, got "
                    + foregroundSlowdown);
        }
        if (!(dataFraction > 0 && dataFraction <= 1)) {
            throw new IllegalArgumentException("data fraction to rebuild must be in (0, 1], got " + dataFraction);
        }
    }

    /** Full-disk rebuild at {@code bytesPerSecond}, slowed by {@code foregroundSlowdown}. */
    public static RebuildSpec atRate(double bytesPerSecond, double foregroundSlowdown) {
        return new RebuildSpec(bytesPerSecond, foregroundSlowdown, 1, null);
    }

    /** Rebuild durations in hours drawn from {@code time}. */
    public static RebuildSpec taking(Distribution time) {
        return new RebuildSpec(0, 1, 1, time);
    }

    /** The duration in hours of a rate-based rebuild of a disk of {@code capacityBytes}. */
    public double hoursAtRate(double capacityBytes) {
        return dataFraction * capacityBytes / rateBytesPerSecond / 3600 * foregroundSlowdown;
    }
}
