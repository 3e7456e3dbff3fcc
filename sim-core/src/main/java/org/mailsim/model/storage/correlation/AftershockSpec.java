package org.mailsim.model.storage.correlation;

/**
 * Raised hazard after a failure: for {@code windowHours} after a disk fails, each surviving disk of the same array
 * carries an extra constant hazard {@code extraHazardPerHour} on top of its own lifetime (the shared enclosure,
 * vibration, heat or the rebuild's load that killed one may kill another).
 *
 * <p>Calibration: in the OLCF Alpine trace (data/disks, 3,766 failures 2019-2023) 18.3% of failures come within 10
 * minutes of another anywhere in the file system, 3.9% within 10 minutes of another in the same scalable storage
 * unit and 2.0% in the same enclosure (counted in this package's calibration, see {@link #OLCF_ALPINE_SSU}). If each
 * failure brings a follow-on with probability p, the fraction of failures in such pairs is about 2p / (1 + p).
 */
public record AftershockSpec(double windowHours, double extraHazardPerHour) {
    /** Fraction of Alpine failures within 10 minutes of another in the same scalable storage unit. */
    public static final double OLCF_ALPINE_SSU_BURST_FRACTION = 0.039;
    /** Fraction of Alpine failures within 10 minutes of another anywhere (the ~19% of the data's README). */
    public static final double OLCF_ALPINE_ANY_BURST_FRACTION = 0.183;
    public static final double TEN_MINUTES = 1.0 / 6;

    /** The default for arrays of 10 disks (Alpine's 8+2 layout): the same-SSU burst fraction within 10 minutes. */
    public static final AftershockSpec OLCF_ALPINE_SSU = calibrated(OLCF_ALPINE_SSU_BURST_FRACTION, TEN_MINUTES, 9);

    public AftershockSpec {
        if (!(windowHours > 0) || Double.isInfinite(windowHours)) {
            throw new IllegalArgumentException("aftershock window must be positive and finite, got " + windowHours);
        }
        if (!(extraHazardPerHour >= 0) || Double.isInfinite(extraHazardPerHour)) {
            throw new IllegalArgumentException("extra hazard must be non-negative and finite, got " + extraHazardPerHour);
        }
    }

    /**
     * The extra hazard that makes a fraction {@code burstFraction} of failures arrive in pairs within
     * {@code windowHours} in an array with {@code survivors} other disks: p = b / (2 - b) and
     * 1 - exp(-survivors * x * window) = p.
     */
    public static AftershockSpec calibrated(double burstFraction, double windowHours, int survivors) {
        if (!(burstFraction > 0 && burstFraction < 1) || survivors < 1) {
            throw new IllegalArgumentException("need 0 < burst fraction < 1 and survivors >= 1");
        }
        double p = burstFraction / (2 - burstFraction);
        return new AftershockSpec(windowHours, -Math.log1p(-p) / (survivors * windowHours));
    }

    /** Probability that a failure brings at least one follow-on failure among {@code survivors} disks. */
    public double followOnProbability(int survivors) {
        return -Math.expm1(-survivors * extraHazardPerHour * windowHours);
    }
}
