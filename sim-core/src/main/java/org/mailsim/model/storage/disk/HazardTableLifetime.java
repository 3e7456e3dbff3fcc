package org.mailsim.model.storage.disk;

import java.util.Arrays;
import java.util.Locale;
import org.mailsim.Hours;

/**
 * A lifetime given by an empirical hazard table: hazard {@code hazardPerHour[i]} from age {@code startHours[i]} to
 * the next start (the last rate holds for ever), e.g. annualised failure rates by age bucket from field data.
 * Piecewise-constant hazard gives S(t) = exp(-H(t)) with H piecewise linear, so the CDF, its inverse and the mean
 * are exact.
 */
public record HazardTableLifetime(double[] startHours, double[] hazardPerHour) implements HazardLifetime {
    public HazardTableLifetime {
        if (startHours.length == 0 || startHours.length != hazardPerHour.length) {
            throw new IllegalArgumentException("a hazard table needs as many rates as age starts, at least one");
        }
        startHours = startHours.clone();
        hazardPerHour = hazardPerHour.clone();
        if (startHours[0] != 0) {
            throw new IllegalArgumentException("the first age bucket must start at 0, got " + startHours[0]);
        }
        for (int i = 0; i < startHours.length; i++) {
            if (i > 0 && !(startHours[i] > startHours[i - 1])) {
                throw new IllegalArgumentException("age starts must increase, got " + Arrays.toString(startHours));
            }
            if (!(hazardPerHour[i] >= 0) || Double.isInfinite(hazardPerHour[i])) {
                throw new IllegalArgumentException("hazards must be non-negative and finite, got "
                        + Arrays.toString(hazardPerHour));
            }
        }
        if (!(hazardPerHour[hazardPerHour.length - 1] > 0)) {
            throw new IllegalArgumentException("the last hazard must be positive, or disks would live for ever");
        }
    }

    /** From annualised failure rates (fraction per year of 8,760 h) by age in years. */
    public static HazardTableLifetime fromAnnualRates(double[] startYears, double[] afr) {
        double[] start = new double[startYears.length];
        double[] hazard = new double[afr.length];
        for (int i = 0; i < start.length; i++) {
            start[i] = startYears[i] * Hours.PER_YEAR;
            // AFR is a probability over a year; the constant hazard giving it is -ln(1 - AFR) per year.
            hazard[i] = -Math.log1p(-afr[i]) / Hours.PER_YEAR;
        }
        return new HazardTableLifetime(start, hazard);
    }

    public double cumulativeHazard(double t) {
        double h = 0;
        for (int i = 0; i < startHours.length; i++) {
            double end = i + 1 < startHours.length ? startHours[i + 1] : Double.POSITIVE_INFINITY;
            if (t <= startHours[i]) {
                break;
            }
            h += hazardPerHour[i] * (Math.min(t, end) - startHours[i]);
        }
        return h;
    }

    @Override
    public double inverseCdf(double p) {
        double target = -Math.log1p(-p);
        double h = 0;
        for (int i = 0; i < startHours.length; i++) {
            double end = i + 1 < startHours.length ? startHours[i + 1] : Double.POSITIVE_INFINITY;
            double piece = hazardPerHour[i] * (end - startHours[i]);
            if (h + piece >= target) {
                return startHours[i] + (target - h) / hazardPerHour[i];
            }
            h += piece;
        }
        throw new AssertionError("the last bucket's hazard is positive, so the target is always reached");
    }

    @Override
    public double mean() {
        double mean = 0;
        double h = 0;
        for (int i = 0; i < startHours.length; i++) {
            double end = i + 1 < startHours.length ? startHours[i + 1] : Double.POSITIVE_INFINITY;
            double rate = hazardPerHour[i];
            double length = end - startHours[i];
            mean += rate == 0 ? Math.exp(-h) * length : Math.exp(-h) * -Math.expm1(-rate * length) / rate;
            h += rate * length;
        }
        return mean;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "hazardTable(%d buckets, %s..%s /h)", startHours.length,
                Arrays.stream(hazardPerHour).min().orElse(0), Arrays.stream(hazardPerHour).max().orElse(0));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HazardTableLifetime t && Arrays.equals(startHours, t.startHours)
                && Arrays.equals(hazardPerHour, t.hazardPerHour);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(startHours) * 31 + Arrays.hashCode(hazardPerHour);
    }

    @Override
    public String toString() {
        return describe();
    }
}
