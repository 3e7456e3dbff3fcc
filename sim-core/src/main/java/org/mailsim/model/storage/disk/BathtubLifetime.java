package org.mailsim.model.storage.disk;

import java.util.Locale;

/**
 * The bathtub curve as three competing risks: infant mortality (Weibull, shape &lt; 1), a constant hazard over
 * the useful life, and wear-out (Weibull, shape &gt; 1, optionally from a location age). The disk dies of whichever
 * comes first, so the cumulative hazard is the sum H(t) = (t/a)^p + c t + ((t-l)/b)^q and S(t) = e^(-H(t)).
 */
public record BathtubLifetime(double infantShape, double infantScale, double constantHazardPerHour,
                              double wearShape, double wearScale, double wearLocation) implements HazardLifetime {
    public BathtubLifetime {
        requirePositive("infant shape", infantShape);
        requirePositive("infant scale", infantScale);
        requirePositive("wear-out shape", wearShape);
        requirePositive("wear-out scale", wearScale);
        // The documented shapes: a falling infant hazard and a rising wear-out one, or the curve is no bathtub.
        if (!(infantShape < 1)) {
            throw new IllegalArgumentException("infantShape " + infantShape + " is not below 1 (infant mortality"
                    + " is a falling hazard); accepted: 0 < infantShape < 1");
        }
        if (!(wearShape > 1)) {
            throw new IllegalArgumentException("wearShape " + wearShape + " is not above 1 (wear-out is a rising"
                    + " hazard); accepted: wearShape > 1");
        }
        if (!(constantHazardPerHour >= 0) || !(wearLocation >= 0)) {
            throw new IllegalArgumentException("constant hazard and wear-out location must be non-negative");
        }
    }

    private static void requirePositive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + v);
        }
    }

    /** Cumulative hazard H(t). */
    public double cumulativeHazard(double t) {
        if (t <= 0) {
            return 0;
        }
        double h = Math.pow(t / infantScale, infantShape) + constantHazardPerHour * t;
        if (t > wearLocation) {
            h += Math.pow((t - wearLocation) / wearScale, wearShape);
        }
        return h;
    }

    /** Solves H(t) = -ln(1 - p); H is continuous and increasing, so bracketing bisection converges. */
    @Override
    public double inverseCdf(double p) {
        if (p <= 0) {
            return 0;
        }
        double target = -Math.log1p(-p);
        double lo = 0;
        double hi = Math.min(infantScale, wearLocation + wearScale);
        while (cumulativeHazard(hi) < target) {
            lo = hi;
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (cumulativeHazard(mid) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** E[T] = integral of S(t), by Simpson's rule on a grid out to where S is negligible. */
    @Override
    public double mean() {
        double end = inverseCdf(1 - 1e-12);
        int n = 20_000;
        double h = end / n;
        double sum = 1 + Math.exp(-cumulativeHazard(end));
        for (int i = 1; i < n; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * Math.exp(-cumulativeHazard(i * h));
        }
        return sum * h / 3;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "bathtub(infant weibull(%s, %s), constant %s/h, wear-out weibull(%s, %s, %s))",
                infantShape, infantScale, constantHazardPerHour, wearShape, wearScale, wearLocation);
    }
}
