package org.mailsim.model.mail;

/**
 * How mail traffic slows rebuilds: a rebuild gets the disk time the foreground mail load leaves over.
 *
 * <p>The foreground load at hour t is the traffic profile's relative rate (mean 1). With {@code meanUtilisation}
 * u, the share of a disk's time mail traffic takes on average, the rebuild runs at
 * max(minimumShare, 1 - u * load(t)) of its idle rate: close to full speed at night, much slower at the weekday
 * peak. The rate is piecewise constant over the 168 hours of the week, so the time to finish a rebuild is solved
 * exactly ({@link #rebuildFinishTime}) without stepping through time.
 *
 * <p>Defaults: u = 0.2 (a mail store is sized so that its disks are busy about a fifth of the time on average,
 * leaving headroom for the weekday peak of about 4x); minimum share 0.05 (rebuild priority keeps a floor, as
 * Linux md's speed_limit_min does). With the bundled profile a rebuild then runs at about 0.16x idle speed at the
 * weekday 9:00 peak, about 0.99x at night and 0.8x on average over the week.
 */
public final class ForegroundLoad {
    private final WeeklyProfile profile;
    private final double meanUtilisation;
    private final double minimumShare;
    private final double[] speed;
    private final WeeklyRate rebuildSpeed;

    public ForegroundLoad(WeeklyProfile profile, double meanUtilisation, double minimumShare) {
        if (!(meanUtilisation >= 0 && meanUtilisation < 1)) {
            throw new IllegalArgumentException("mean utilisation must be in [0, 1), got " + meanUtilisation);
        }
        if (!(minimumShare > 0 && minimumShare <= 1)) {
            throw new IllegalArgumentException("minimum rebuild share must be in (0, 1], got " + minimumShare);
        }
        this.profile = profile;
        this.meanUtilisation = meanUtilisation;
        this.minimumShare = minimumShare;
        this.speed = new double[WeeklyProfile.HOURS_PER_WEEK];
        for (int h = 0; h < speed.length; h++) {
            speed[h] = Math.min(1, Math.max(minimumShare, 1 - meanUtilisation * profile.rate(h)));
        }
        this.rebuildSpeed = new WeeklyRate(speed, 1, 0);
    }

    public static ForegroundLoad defaults() {
        return new ForegroundLoad(WeeklyProfile.emailEuCore(), 0.2, 0.05);
    }

    /** No foreground load: rebuilds always run at idle speed. */
    public static ForegroundLoad idle() {
        return new ForegroundLoad(WeeklyProfile.flat(), 0, 1);
    }

    /** Foreground mail load at hour {@code t}, relative to the weekly mean (1). */
    public double foregroundLoad(double hour) {
        return profile.rateAt(hour);
    }

    /** The fraction of its idle rate a rebuild achieves at hour {@code t}. */
    public double rebuildSpeedFactor(double hour) {
        return speed[WeeklyProfile.hourOfWeek(hour)];
    }

    /** Rebuild work done over [a, b], in hours of idle-speed rebuilding. */
    public double rebuildWork(double a, double b) {
        return rebuildSpeed.integral(a, b);
    }

    /**
     * When a rebuild started at {@code start} that would take {@code idleHours} on an idle disk finishes.
     * Exact over the piecewise-constant speed profile.
     */
    public double rebuildFinishTime(double start, double idleHours) {
        return rebuildSpeed.timeToAccumulate(start, idleHours);
    }

    /** The week-average speed factor: a long rebuild takes idleHours / this. */
    public double meanRebuildSpeedFactor() {
        return rebuildSpeed.weekIntegral(0) / WeeklyProfile.HOURS_PER_WEEK;
    }

    public double meanUtilisation() {
        return meanUtilisation;
    }

    public double minimumShare() {
        return minimumShare;
    }
}
