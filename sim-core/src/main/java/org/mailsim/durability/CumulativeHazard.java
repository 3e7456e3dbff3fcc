package org.mailsim.durability;

import org.mailsim.model.storage.disk.BathtubLifetime;
import org.mailsim.model.storage.disk.HazardTableLifetime;
import org.mailsim.random.Distribution;
import org.mailsim.random.Distributions;

/**
 * The cumulative hazard H(t) = -ln(1 - F(t)) of a lifetime and its inverse, which is all importance sampling by
 * hazard scaling needs: a clock whose hazard is multiplied by theta fires when theta x (H(t) - H(t0)) reaches an
 * Exp(1) budget, and the likelihood ratio of nominal to biased over a stretch is exp((theta - 1) x dH), times
 * 1/theta where the clock fires (Nicola, Shahabuddin and Heidelberger's hazard-rate view of failure biasing for
 * non-exponential lifetimes). Closed forms for the families that have them keep tiny increments exact; any other
 * continuous family goes through its CDF ({@code -log1p(-F)}), which is exact to rounding wherever F is not
 * within 1e-16 of 1.
 *
 * <p>A distribution with an atom (deterministic, or an empirical one of a single value) has no hazard rate at the
 * atom: {@link #biasable()} is false and the estimator leaves such clocks at their nominal law (theta = 1).
 */
final class CumulativeHazard {
    private final Distribution d;
    private final Kind kind;
    private final double a;
    private final double b;
    private final double c;

    private enum Kind { EXPONENTIAL, WEIBULL, BATHTUB, TABLE, GENERIC, ATOM }

    CumulativeHazard(Distribution distribution) {
        this.d = distribution;
        if (distribution instanceof Distributions.Exponential e) {
            kind = Kind.EXPONENTIAL;
            a = e.mean();
            b = 0;
            c = 0;
        } else if (distribution instanceof Distributions.Weibull w) {
            kind = Kind.WEIBULL;
            a = w.shape();
            b = w.scale();
            c = w.location();
        } else if (distribution instanceof BathtubLifetime) {
            kind = Kind.BATHTUB;
            a = b = c = 0;
        } else if (distribution instanceof HazardTableLifetime) {
            kind = Kind.TABLE;
            a = b = c = 0;
        } else if (distribution instanceof Distributions.Deterministic
                || (distribution instanceof Distributions.Empirical emp && emp.sorted()[0] == emp.sorted()[emp.sorted().length - 1])) {
            kind = Kind.ATOM;
            a = b = c = 0;
        } else {
            kind = Kind.GENERIC;
            a = b = c = 0;
        }
    }

    /** False for a law with an atom: its clock cannot be biased through a hazard rate. */
    boolean biasable() {
        return kind != Kind.ATOM;
    }

    /** H(t) for an age of t hours (0 for t &lt;= 0; infinite past the end of a bounded support). */
    double at(double t) {
        if (t <= 0) {
            return 0;
        }
        return switch (kind) {
            case EXPONENTIAL -> t / a;
            case WEIBULL -> t <= c ? 0 : Math.pow((t - c) / b, a);
            case BATHTUB -> ((BathtubLifetime) d).cumulativeHazard(t);
            case TABLE -> ((HazardTableLifetime) d).cumulativeHazard(t);
            case ATOM, GENERIC -> -Math.log1p(-d.cdf(t));
        };
    }

    /** The age t with H(t) = y (y &gt;= 0); infinite when y is infinite. */
    double inverse(double y) {
        if (y == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        return switch (kind) {
            case EXPONENTIAL -> y * a;
            case WEIBULL -> c + b * Math.pow(y, 1 / a);
            default -> d.inverseCdf(-Math.expm1(-y));
        };
    }
}
