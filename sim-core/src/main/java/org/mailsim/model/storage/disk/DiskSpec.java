package org.mailsim.model.storage.disk;

import java.util.Objects;
import org.mailsim.random.Distribution;

/**
 * One disk model. Sizes in bytes (decimal as written in the scenario), throughputs per second, lifetime in hours.
 *
 * @param capacityBytes            usable capacity
 * @param bandwidthBytesPerSecond  sequential bandwidth (restores and copies; rebuilds use the repair spec's rate)
 * @param smallFilesPerSecond      small-file operations per second (mail restores are bounded by it)
 * @param lifetime                 time to failure of a new disk
 * @param urePerBit                unrecoverable read errors per bit read (1e-14 desktop, 1e-15 enterprise); 0 = none
 * @param latentErrors             latent sector errors and scrubbing
 * @param sectorBytes              bytes lost per unreadable sector
 */
public record DiskSpec(double capacityBytes, double bandwidthBytesPerSecond, double smallFilesPerSecond,
                       Distribution lifetime, double urePerBit, LatentErrorSpec latentErrors, int sectorBytes) {
    public static final int DEFAULT_SECTOR_BYTES = 4096;
    /** HDD sequential bandwidth used when a scenario gives none (docs/model.md: 50-100 MB/s idle rebuilds). */
    public static final double DEFAULT_BANDWIDTH = 150e6;
    public static final double DEFAULT_SMALL_FILES_PER_SECOND = 200;

    public DiskSpec {
        Objects.requireNonNull(lifetime, "disk lifetime");
        Objects.requireNonNull(latentErrors, "latent errors (use LatentErrorSpec.NONE)");
        if (!(capacityBytes > 0) || Double.isInfinite(capacityBytes)) {
            throw new IllegalArgumentException("disk capacity must be a positive number of bytes, got " + capacityBytes);
        }
        if (!(bandwidthBytesPerSecond > 0)) {
            throw new IllegalArgumentException("disk bandwidth must be positive, got " + bandwidthBytesPerSecond);
        }
        if (!(smallFilesPerSecond > 0)) {
            throw new IllegalArgumentException("small-file rate must be positive, got " + smallFilesPerSecond);
        }
        if (!(urePerBit >= 0 && urePerBit < 1)) {
            throw new IllegalArgumentException("URE rate must be in [0, 1) per bit, got " + urePerBit);
        }
        if (sectorBytes < 1) {
            throw new IllegalArgumentException("sector size must be positive, got " + sectorBytes);
        }
    }

    /** A disk with default throughputs, no UREs and no latent errors. */
    public static DiskSpec of(double capacityBytes, Distribution lifetime) {
        return new DiskSpec(capacityBytes, DEFAULT_BANDWIDTH, DEFAULT_SMALL_FILES_PER_SECOND, lifetime, 0,
                LatentErrorSpec.NONE, DEFAULT_SECTOR_BYTES);
    }

    public DiskSpec withUre(double perBit) {
        return new DiskSpec(capacityBytes, bandwidthBytesPerSecond, smallFilesPerSecond, lifetime, perBit,
                latentErrors, sectorBytes);
    }

    public DiskSpec withLatentErrors(LatentErrorSpec errors) {
        return new DiskSpec(capacityBytes, bandwidthBytesPerSecond, smallFilesPerSecond, lifetime, urePerBit,
                errors, sectorBytes);
    }

    public DiskSpec withLifetime(Distribution newLifetime) {
        return new DiskSpec(capacityBytes, bandwidthBytesPerSecond, smallFilesPerSecond, newLifetime, urePerBit,
                latentErrors, sectorBytes);
    }

    public DiskSpec withThroughput(double bytesPerSecond, double filesPerSecond) {
        return new DiskSpec(capacityBytes, bytesPerSecond, filesPerSecond, lifetime, urePerBit, latentErrors,
                sectorBytes);
    }

    public double capacityBits() {
        return capacityBytes * 8;
    }
}
