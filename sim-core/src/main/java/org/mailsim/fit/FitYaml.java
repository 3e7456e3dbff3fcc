package org.mailsim.fit;

import java.math.BigDecimal;
import java.math.MathContext;
import org.mailsim.random.Distribution;
import org.mailsim.random.Distributions;

/**
 * Scenario-ready text for fitted distributions, with durations in the scenario format's units (hours, the
 * internal unit: {@code 8.8e5h}). Three significant digits: more would claim a precision the intervals deny.
 */
public final class FitYaml {
    private static final MathContext THREE = new MathContext(3);

    private FitYaml() {
    }

    /** {@code key: {distribution: weibull, shape: 0.54, scale: 6.78h}}. */
    public static String block(String key, Distribution distribution) {
        return key + ": " + flow(distribution);
    }

    /** The flow mapping of a lifetime distribution, as the scenario's {@code storage.disk.lifetime} takes it. */
    public static String flow(Distribution distribution) {
        if (distribution instanceof Distributions.Exponential e) {
            return "{distribution: exponential, mean: " + hours(e.mean()) + "}";
        }
        if (distribution instanceof Distributions.Weibull w) {
            return "{distribution: weibull, shape: " + number(w.shape()) + ", scale: " + hours(w.scale())
                    + (w.location() > 0 ? ", location: " + hours(w.location()) : "") + "}";
        }
        throw new IllegalArgumentException("no scenario form for " + distribution.describe());
    }

    /** A duration in hours with the unit: {@code 8.8e5h}, {@code 6.78h}, {@code 1.2e-3h}. */
    public static String hours(double hours) {
        return number(hours) + "h";
    }

    /** Three significant digits, plain between 0.01 and 100,000, otherwise as {@code 1.23e6}. */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(THREE).stripTrailingZeros();
        double magnitude = Math.abs(rounded.doubleValue());
        if (magnitude >= 0.01 && magnitude < 1e5) {
            return rounded.toPlainString();
        }
        int exponent = rounded.precision() - rounded.scale() - 1;
        BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
        return mantissa.toPlainString() + "e" + exponent;
    }
}
