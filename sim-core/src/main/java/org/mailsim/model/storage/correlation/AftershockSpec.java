package org.mailsim.model.storage.correlation;

/**
 * Raised hazard after a failure: for {@code windowHours} after a disk fails, each surviving disk of the same array
 * carries an extra constant hazard {@code extraHazardPerHour} on top of its own lifetime (the shared enclosure,
 * vibration, heat or the rebuild's load that killed one may kill another).
 *
 * <p>Calibration (docs/calibration.md has the method and counts): in the OLCF Alpine log (3,766 failures
 * 2019-2023, DOI 10.13139/OLCF/2441482) the share of failures within 10 minutes of another depends on the unit it
 * is counted in: 18.3% anywhere in the file system, 3.9% in the same scalable storage unit (424 disks), 1.96% in the
 * same enclosure (106 disks), 0.21% in the same band of 10 slots. A share counted in a unit of U disks is spread
 * evenly over the unit's U - 1 other disks, and an array's survivors get the same per-disk hazard
 * ({@link #calibrated}). The per-array default {@link #OLCF_ALPINE} comes from the enclosure count.
 */
public record AftershockSpec(double windowHours, double extraHazardPerHour) {
    public static final double TEN_MINUTES = 1.0 / 6;
    /** Failures in the OLCF Alpine log. */
    public static final int OLCF_ALPINE_FAILURES = 3766;
    /** Alpine failures within 10 minutes of another in the same enclosure, and the enclosure's disk slots. */
    public static final int OLCF_ALPINE_ENCLOSURE_PAIRED = 74;
    public static final int OLCF_ALPINE_ENCLOSURE_DISKS = 106;
    /** The same in one scalable storage unit (4 enclosures). */
    public static final int OLCF_ALPINE_SSU_PAIRED = 146;
    public static final int OLCF_ALPINE_SSU_DISKS = 424;
    /** The same in one band of 10 adjacent slots of an enclosure (a proxy for one array). */
    public static final int OLCF_ALPINE_SLOT_BAND_PAIRED = 8;
    public static final int OLCF_ALPINE_SLOT_BAND_DISKS = 10;

    /**
     * The per-array default: the Alpine enclosure's 1.96% within 10 minutes, spread over its 106 disks: 5.7e-4 per
     * hour on each survivor for 10 minutes, a 0.085% chance of a follow-on per failure in an array of 10.
     */
    public static final AftershockSpec OLCF_ALPINE = calibrated(
            (double) OLCF_ALPINE_ENCLOSURE_PAIRED / OLCF_ALPINE_FAILURES, TEN_MINUTES, OLCF_ALPINE_ENCLOSURE_DISKS);

    public AftershockSpec {
        if (!(windowHours > 0) || Double.isInfinite(windowHours)) {
            throw new IllegalArgumentException("aftershock window must be positive and finite, got " + windowHours);
        }
        if (!(extraHazardPerHour >= 0) || Double.isInfinite(extraHazardPerHour)) {
            throw new IllegalArgumentException("extra hazard must be non-negative and finite, got " + extraHazardPerHour);
        }
    }

    /**
     * The extra hazard per surviving disk that makes a fraction {@code burstFraction} of failures come in pairs
     * within {@code windowHours} inside a unit of {@code unitDisks} disks (an array, an enclosure, a storage unit):
     * a failure brings a follow-on with probability p = b / (2 - b), and 1 - exp(-(unitDisks - 1) x window) = p.
     */
    public static AftershockSpec calibrated(double burstFraction, double windowHours, int unitDisks) {
        if (!(burstFraction > 0 && burstFraction < 1) || unitDisks < 2) {
            throw new IllegalArgumentException("need 0 < burst fraction < 1 and a unit of at least 2 disks");
        }
        double p = burstFraction / (2 - burstFraction);
        return new AftershockSpec(windowHours, -Math.log1p(-p) / ((unitDisks - 1) * windowHours));
    }

    /** Probability that a failure brings at least one follow-on failure among {@code survivors} disks. */
    public double followOnProbability(int survivors) {
        return -Math.expm1(-survivors * extraHazardPerHour * windowHours);
    }
}
