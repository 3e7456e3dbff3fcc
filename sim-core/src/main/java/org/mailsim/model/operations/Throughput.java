package org.mailsim.model.operations;

/**
 * Copy times bounded by two rates at once. Mail is stored one file per message, so copying a mail store pays a
 * per-file cost (directory entries, inodes, index updates: a few random I/Os per file) as well as a per-byte cost;
 * the slower of the two bounds the copy. For mail the file count usually dominates (the source post's point:
 * "recovery time is governed by the number of files").
 */
public final class Throughput {
    private static final double SECONDS_PER_HOUR = 3600;

    private Throughput() {
    }

    /**
     * Hours to copy {@code files} files holding {@code bytes} bytes at no more than {@code filesPerSecond} and
     * {@code bytesPerSecond}: max(files / filesPerSecond, bytes / bytesPerSecond). An infinite rate means that
     * resource is no bound.
     */
    public static double hours(double files, double bytes, double filesPerSecond, double bytesPerSecond) {
        return Math.max(files / filesPerSecond, bytes / bytesPerSecond) / SECONDS_PER_HOUR;
    }

    /** Hours to handle {@code files} files at {@code filesPerSecond}. */
    public static double hoursForFiles(double files, double filesPerSecond) {
        return files / filesPerSecond / SECONDS_PER_HOUR;
    }

    /** Hours to move {@code bytes} bytes at {@code bytesPerSecond}. */
    public static double hoursForBytes(double bytes, double bytesPerSecond) {
        return bytes / bytesPerSecond / SECONDS_PER_HOUR;
    }

    static double requireRate(String name, double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException(name + " must be a positive rate (infinite allowed), got " + perSecond);
        }
        return perSecond;
    }

    static double requireFraction(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
        }
        return value;
    }

    static double requireNonNegative(String name, double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException(name + " must be non-negative, got " + value);
        }
        return value;
    }
}
