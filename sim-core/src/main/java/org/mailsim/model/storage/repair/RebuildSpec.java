package org.mailsim.model.storage.repair;

import org.mailsim.random.Distribution;

/**
 * How long rebuilding one failed disk onto a spare takes: either {@code time}, a distribution, or derived from
 * {@code rateBytesPerSecond}: {@code dataFraction} of the disk's capacity at that rate times {@code loadFactor}, the
 * scenario's {@code storage.rebuild.loadFactor} (1 = idle array; 0.5 = foreground mail load leaves the rebuild half
 * its idle speed, so it takes twice as long). HDD rebuilds run at 50-100 MB/s idle and far slower under load.
 */
public record RebuildSpec(double rateBytesPerSecond, double loadFactor, double dataFraction, Distribution time) {
    public RebuildSpec {
        if (time == null && !(rateBytesPerSecond > 0)) {
            throw new IllegalArgumentException("a rebuild needs a positive rate or a time distribution, got rate "
                    + rateBytesPerSecond);
        }
        if (!(loadFactor > 0 && loadFactor <= 1) || Double.isInfinite(1 / loadFactor)) {
            throw new IllegalArgumentException("load factor must be a fraction of the idle speed in (0, 1], got "
                    + loadFactor);
        }
        if (!(dataFraction > 0 && dataFraction <= 1)) {
            throw new IllegalArgumentException("data fraction to rebuild must be in (0, 1], got " + dataFraction);
        }
    }

    /** Full-disk rebuild at {@code bytesPerSecond} times {@code loadFactor}. */
    public static RebuildSpec atRate(double bytesPerSecond, double loadFactor) {
        return new RebuildSpec(bytesPerSecond, loadFactor, 1, null);
    }

    /** Rebuild durations in hours drawn from {@code time}. */
    public static RebuildSpec taking(Distribution time) {
        return new RebuildSpec(0, 1, 1, time);
    }

    /** The duration in hours of a rate-based rebuild of a disk of {@code capacityBytes}. */
    public double hoursAtRate(double capacityBytes) {
        // Multiplying by the slowdown 1 / loadFactor (rather than dividing by loadFactor) keeps results identical,
        // to the last bit, to those of releases that stored the slowdown.
        return dataFraction * capacityBytes / rateBytesPerSecond / 3600 * (1 / loadFactor);
    }
}
