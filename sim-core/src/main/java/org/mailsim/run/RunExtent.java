package org.mailsim.run;

import org.mailsim.Hours;

/**
 * How much was simulated per replication, for figures per year, per array and per usable terabyte.
 *
 * @param horizonHours       the horizon (the cap, for runs until first data loss)
 * @param untilFirstDataLoss true when each replication stopped at its first loss (per-year figures then undefined)
 * @param arrays             arrays in the fleet
 * @param usableTerabytes    user data the fleet holds when full (data disks' capacity), in TB (10^12 bytes)
 */
public record RunExtent(double horizonHours, boolean untilFirstDataLoss, long arrays, double usableTerabytes) {
    /** The horizon in years; NaN for runs until first data loss, whose length varies. */
    public double years() {
        return untilFirstDataLoss ? Double.NaN : horizonHours / Hours.PER_YEAR;
    }
}
