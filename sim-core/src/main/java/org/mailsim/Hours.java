package org.mailsim;

/**
 * mailsim's clock is in hours. The year is 365 days (no leap years), so a year of disk-hours is 8,760 h: the unit
 * {@code y} of scenarios, annualised failure rates, yearly traffic growth and the cost model's years all use it.
 */
public final class Hours {
    public static final double PER_DAY = 24;
    public static final double PER_WEEK = 7 * PER_DAY;
    public static final double PER_YEAR = 365 * PER_DAY;
    public static final double SECONDS = 3600;

    private Hours() {
    }
}
