package org.mailsim.model.mail;

import static org.mailsim.model.mail.WeeklyProfile.HOURS_PER_WEEK;
import org.mailsim.Hours;

/**
 * A rate that repeats every week hour by hour and grows continuously: rate(t) = base * w(hour of week) * e^(k t),
 * with k = ln(1 + yearly growth) / 8760 h, so the rate is (1 + g) times higher a year later.
 *
 * <p>{@link #integral} and its inverse {@link #timeToAccumulate} are exact and take O(log 168) time whatever the
 * length of the interval: within an hour piece the integral of w e^(k t) is w (e^(k t2) - e^(k t1)) / k; the
 * cumulative integral over one week is precomputed at every hour boundary; whole weeks form a geometric series
 * with ratio e^(168 k). Immutable and thread-safe.
 */
public final class WeeklyRate {

    private final double base;
    private final double[] weight;
    private final double k;
    /** cumulative[i] = integral over [0, i] of w(s) e^(k s) ds within week 0, without the base factor. */
    private final double[] cumulative;
    private final double weekIntegral;
    /** e^(168 k): how much larger each week's integral is than the previous one's. */
    private final double weekRatio;

    /**
     * @param profile       shape over the week (mean 1)
     * @param basePerHour   mean rate per hour at time 0
     * @param yearlyGrowth  relative growth per year, e.g. 0.1 for +10 % a year; 0 for none; above -1
     */
    public WeeklyRate(WeeklyProfile profile, double basePerHour, double yearlyGrowth) {
        this(profile.relativeRate(), basePerHour, yearlyGrowth);
    }

    /** A rate over raw hourly weights (any non-negative values, not normalised). */
    public WeeklyRate(double[] hourlyWeights, double basePerHour, double yearlyGrowth) {
        if (hourlyWeights.length != HOURS_PER_WEEK) {
            throw new IllegalArgumentException("need 168 hourly weights, got " + hourlyWeights.length);
        }
        if (!(basePerHour >= 0) || Double.isInfinite(basePerHour)) {
            throw new IllegalArgumentException("base rate must be non-negative and finite, got " + basePerHour);
        }
        if (!(yearlyGrowth > -1) || Double.isInfinite(yearlyGrowth)) {
            throw new IllegalArgumentException("yearly growth must be above -1 (i.e. -100 %), got " + yearlyGrowth);
        }
        this.base = basePerHour;
        this.weight = hourlyWeights.clone();
        this.k = Math.log1p(yearlyGrowth) / Hours.PER_YEAR;
        this.cumulative = new double[HOURS_PER_WEEK + 1];
        for (int i = 0; i < HOURS_PER_WEEK; i++) {
            if (!(weight[i] >= 0) || Double.isInfinite(weight[i])) {
                throw new IllegalArgumentException("hourly weights must be non-negative and finite, got " + weight[i]);
            }
            cumulative[i + 1] = cumulative[i] + weight[i] * Math.exp(k * i) * growthIntegral(1);
        }
        this.weekIntegral = cumulative[HOURS_PER_WEEK];
        this.weekRatio = Math.exp(k * HOURS_PER_WEEK);
    }

    /** The same shape and growth with another base rate (e.g. received vs deleted mail). */
    public WeeklyRate scaled(double factor) {
        return new WeeklyRate(weight, base * factor, Math.expm1(k * Hours.PER_YEAR));
    }

    public double basePerHour() {
        return base;
    }

    /** Continuous growth rate per hour, ln(1 + g) / 8760. */
    public double growthPerHour() {
        return k;
    }

    /** The instantaneous rate at hour {@code t} (right-continuous). */
    public double rateAt(double t) {
        return base * weight[WeeklyProfile.hourOfWeek(t)] * Math.exp(k * t);
    }

    /** The exact integral of the rate over [a, b], 0 &lt;= a &lt;= b. */
    public double integral(double a, double b) {
        if (!(a >= 0) || !(b >= a)) {
            throw new IllegalArgumentException("need 0 <= a <= b, got [" + a + ", " + b + "]");
        }
        if (a == b || base == 0) {
            return 0;
        }
        long na = (long) Math.floor(a / HOURS_PER_WEEK);
        long nb = (long) Math.floor(b / HOURS_PER_WEEK);
        double xa = offset(a, na);
        double xb = offset(b, nb);
        if (na == nb) {
            return base * weekScale(na) * (withinWeek(xb) - withinWeek(xa));
        }
        double first = weekScale(na) * (weekIntegral - withinWeek(xa));
        double middle = weekIntegral * geometricSum(na + 1, nb - na - 1);
        double last = weekScale(nb) * withinWeek(xb);
        return base * (first + middle + last);
    }

    /**
     * The time T &gt;= start at which the integral over [start, T] reaches {@code amount}, exactly; +infinity when
     * it never does (no traffic, or a shrinking rate whose total is smaller).
     */
    public double timeToAccumulate(double start, double amount) {
        if (!(start >= 0) || !(amount >= 0)) {
            throw new IllegalArgumentException("need start >= 0 and amount >= 0, got " + start + ", " + amount);
        }
        if (amount == 0) {
            return start;
        }
        if (base == 0) {
            return Double.POSITIVE_INFINITY;
        }
        long n = (long) Math.floor(start / HOURS_PER_WEEK);
        double x = offset(start, n);
        double target = amount / base; // in units of the unscaled integral
        double fx = withinWeek(x);
        double restOfWeek = weekScale(n) * (weekIntegral - fx);
        if (target <= restOfWeek) {
            return n * (double) HOURS_PER_WEEK + solveWithinWeek(fx + target / weekScale(n));
        }
        target -= restOfWeek;
        n++;
        // Whole weeks: weekIntegral * r^n * S(m) <= target with S(m) = (r^m - 1) / (r - 1).
        double firstWeek = weekIntegral * weekScale(n);
        double weeks;
        if (k == 0) {
            weeks = target / firstWeek;
        } else {
            double arg = target * Math.expm1(k * HOURS_PER_WEEK) / firstWeek;
            if (arg <= -1) {
                return Double.POSITIVE_INFINITY; // a shrinking rate whose whole future carries less than asked
            }
            weeks = Math.log1p(arg) / (k * HOURS_PER_WEEK);
        }
        if (!(weeks < 1e12)) {
            return Double.POSITIVE_INFINITY;
        }
        long m = (long) Math.floor(weeks);
        // Guard against rounding of the closed form: the m weeks must fit and m + 1 must not (a step or two).
        for (int guard = 0; guard < 4 && m > 0 && weekIntegral * geometricSum(n, m) > target; guard++) {
            m--;
        }
        for (int guard = 0; guard < 4 && weekIntegral * geometricSum(n, m + 1) <= target; guard++) {
            m++;
        }
        target -= weekIntegral * geometricSum(n, m);
        n += m;
        double y = Math.min(target / weekScale(n), weekIntegral);
        return n * (double) HOURS_PER_WEEK + solveWithinWeek(y);
    }

    /** The integral over one whole week starting at hour 168 n. */
    public double weekIntegral(long n) {
        return base * weekIntegral * weekScale(n);
    }

    private static double offset(double t, long week) {
        return Math.min(Math.max(t - week * (double) HOURS_PER_WEEK, 0), HOURS_PER_WEEK);
    }

    private double weekScale(long n) {
        return Math.exp(k * HOURS_PER_WEEK * n);
    }

    /** Sum of r^j for j = from .. from + count - 1, r = e^(168 k). */
    private double geometricSum(long from, long count) {
        if (count <= 0) {
            return 0;
        }
        if (k == 0) {
            return count;
        }
        return weekScale(from) * Math.expm1(k * HOURS_PER_WEEK * count) / Math.expm1(k * HOURS_PER_WEEK);
    }

    /** integral over [0, d] of e^(k s) ds. */
    private double growthIntegral(double d) {
        return k == 0 ? d : Math.expm1(k * d) / k;
    }

    /** F(x) = integral over [0, x] of w(s) e^(k s) ds, x in [0, 168]. */
    private double withinWeek(double x) {
        int i = Math.min((int) x, HOURS_PER_WEEK - 1);
        return cumulative[i] + weight[i] * Math.exp(k * i) * growthIntegral(x - i);
    }

    /** The x in [0, 168] with F(x) = y, for 0 &lt;= y &lt;= F(168); the earliest such x. */
    private double solveWithinWeek(double y) {
        if (y >= weekIntegral) {
            // Last hour with traffic: the accumulation completes at its end.
            int last = HOURS_PER_WEEK - 1;
            while (last > 0 && weight[last] == 0) {
                last--;
            }
            return last + 1;
        }
        // First piece whose end exceeds y: cumulative[i] <= y < cumulative[i + 1].
        int lo = 0;
        int hi = HOURS_PER_WEEK - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid + 1] > y) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int i = lo;
        double remaining = Math.max(y - cumulative[i], 0);
        double scale = weight[i] * Math.exp(k * i);
        double d = k == 0 ? remaining / scale : Math.log1p(k * remaining / scale) / k;
        return i + Math.min(Math.max(d, 0), 1);
    }
}
