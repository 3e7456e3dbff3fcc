package org.mailsim.random;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousUniformSampler;
import org.apache.commons.rng.sampling.distribution.LogNormalSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** The distributions mailsim knows, as immutable records. */
public final class Distributions {
    private Distributions() {
    }

    public static Distribution deterministic(double value) {
        return new Deterministic(value);
    }

    public static Distribution exponential(double mean) {
        return new Exponential(mean);
    }

    public static Distribution weibull(double shape, double scale) {
        return new Weibull(shape, scale, 0);
    }

    public static Distribution weibull(double shape, double scale, double location) {
        return new Weibull(shape, scale, location);
    }

    public static Distribution logNormal(double mu, double sigma) {
        return new LogNormal(mu, sigma);
    }

    public static Distribution uniform(double low, double high) {
        return new Uniform(low, high);
    }

    public static Distribution empirical(double... observations) {
        return new Empirical(observations);
    }

    /**
     * A Poisson count with mean {@code mean} from one uniform {@code u} in [0, 1), by inverting the CDF: short for
     * the small means it is used with (read errors in a rebuild, latent errors in a few hundred hours).
     */
    public static int poissonCount(double mean, double u) {
        if (mean > 500) {
            // e^-mean would underflow; a mean this large is rare (a huge read at a high URE rate): exact, slower.
            return new PoissonDistribution(null, mean, PoissonDistribution.DEFAULT_EPSILON,
                    PoissonDistribution.DEFAULT_MAX_ITERATIONS).inverseCumulativeProbability(u);
        }
        double p = Math.exp(-mean);
        double cdf = p;
        int k = 0;
        while (u > cdf) {
            k++;
            p *= mean / k;
            if (cdf + p == cdf) {
                break; // the CDF has stopped growing just short of 1 (rounding): u lies in the far tail
            }
            cdf += p;
        }
        return k;
    }

    private static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive finite number, got " + value);
        }
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a non-negative finite number, got " + value);
        }
    }

    /** Always the same value: scrub intervals, fixed handling times. */
    public record Deterministic(double value) implements Distribution {
        public Deterministic {
            requireNonNegative("value", value);
        }

        @Override
        public ContinuousSampler sampler(UniformRandomProvider rng) {
            return () -> value;
        }

        @Override
        public double mean() {
            return value;
        }

        @Override
        public double cdf(double x) {
            return x >= value ? 1 : 0;
        }

        @Override
        public double inverseCdf(double p) {
            return value;
        }

        @Override
        public String describe() {
            return fmt("deterministic(%s)", value);
        }
    }

    /** Memoryless: the textbook Markov models' lifetimes and repairs. Sampled by the ziggurat method. */
    public record Exponential(double mean) implements Distribution {
        public Exponential {
            requirePositive("mean", mean);
        }

        @Override
        public ContinuousSampler sampler(UniformRandomProvider rng) {
            return ZigguratSampler.Exponential.of(rng, mean);
        }

        @Override
        public double cdf(double x) {
            return x <= 0 ? 0 : -Math.expm1(-x / mean);
        }

        @Override
        public double inverseCdf(double p) {
            return -mean * Math.log1p(-p);
        }

        @Override
        public String describe() {
            return fmt("exponential(mean=%s)", mean);
        }
    }

    /**
     * Weibull with optional location (the 3-parameter form): F(x) = 1 - exp(-((x - location)/scale)^shape).
     * Shape below 1 is infant mortality, above 1 wear-out. Sampled by inversion.
     */
    public record Weibull(double shape, double scale, double location) implements Distribution {
        public Weibull {
            requirePositive("shape", shape);
            requirePositive("scale", scale);
            requireNonNegative("location", location);
        }

        @Override
        public ContinuousSampler sampler(UniformRandomProvider rng) {
            double inverseShape = 1 / shape;
            return () -> location + scale * Math.pow(-Math.log(Distribution.openUniform(rng)), inverseShape);
        }

        @Override
        public double mean() {
            return location + scale * Gamma.gamma(1 + 1 / shape);
        }

        @Override
        public double cdf(double x) {
            return x <= location ? 0 : -Math.expm1(-Math.pow((x - location) / scale, shape));
        }

        @Override
        public double inverseCdf(double p) {
            return location + scale * Math.pow(-Math.log1p(-p), 1 / shape);
        }

        @Override
        public String describe() {
            return fmt("weibull(shape=%s, scale=%s, location=%s)", shape, scale, location);
        }
    }

    /** The largest lognormal sigma accepted: the mean is then e^50 times the median already. */
    public static final double MAX_LOGNORMAL_SIGMA = 10;

    /** ln X ~ Normal(mu, sigma): heavy-tailed sizes such as bytes per message. */
    public record LogNormal(double mu, double sigma) implements Distribution {
        public LogNormal {
            if (!Double.isFinite(mu)) {
                throw new IllegalArgumentException("mu must be finite, got " + mu);
            }
            requirePositive("sigma", sigma);
            if (sigma > MAX_LOGNORMAL_SIGMA) {
                // The mean is the median times e^(sigma^2/2): beyond this, sums of draws overflow a double.
                throw new IllegalArgumentException("sigma " + sigma + " is above " + MAX_LOGNORMAL_SIGMA
                        + " (the mean would be e^" + Math.round(sigma * sigma / 2) + " times the median);"
                        + " accepted: 0 < sigma <= " + MAX_LOGNORMAL_SIGMA);
            }
        }

        @Override
        public ContinuousSampler sampler(UniformRandomProvider rng) {
            return LogNormalSampler.of(ZigguratSampler.NormalizedGaussian.of(rng), mu, sigma);
        }

        @Override
        public double mean() {
            return Math.exp(mu + sigma * sigma / 2);
        }

        @Override
        public double cdf(double x) {
            return x <= 0 ? 0 : 0.5 * Erf.erfc(-(Math.log(x) - mu) / (sigma * Math.sqrt(2)));
        }

        @Override
        public double inverseCdf(double p) {
            return Math.exp(mu + sigma * Math.sqrt(2) * Erf.erfInv(2 * p - 1));
        }

        @Override
        public String describe() {
            return fmt("lognormal(mu=%s, sigma=%s)", mu, sigma);
        }
    }

    /** Uniform on [low, high). */
    public record Uniform(double low, double high) implements Distribution {
        public Uniform {
            requireNonNegative("low", low);
            if (!(high > low) || Double.isInfinite(high)) {
                throw new IllegalArgumentException("high must be a finite number above low (" + low + "), got " + high);
            }
        }

        @Override
        public ContinuousSampler sampler(UniformRandomProvider rng) {
            return ContinuousUniformSampler.of(rng, low, high);
        }

        @Override
        public double mean() {
            return (low + high) / 2;
        }

        @Override
        public double cdf(double x) {
            return x <= low ? 0 : x >= high ? 1 : (x - low) / (high - low);
        }

        @Override
        public double inverseCdf(double p) {
            return low + p * (high - low);
        }

        @Override
        public String describe() {
            return fmt("uniform(%s, %s)", low, high);
        }
    }

    /**
     * The empirical distribution of observed values, with the CDF interpolated linearly between order
     * statistics (so draws fill the gaps between observations instead of repeating them). Sampled by inversion.
     */
    public record Empirical(double[] sorted) implements Distribution {
        public Empirical {
            if (sorted.length == 0) {
                throw new IllegalArgumentException("an empirical distribution needs at least one observation");
            }
            sorted = sorted.clone();
            for (double v : sorted) {
                requireNonNegative("observation", v);
            }
            Arrays.sort(sorted);
        }

        @Override
        public ContinuousSampler sampler(UniformRandomProvider rng) {
            return () -> inverseCdf(rng.nextDouble());
        }

        @Override
        public double mean() {
            // Mean of the piecewise-linear interpolation: trapezoids between consecutive order statistics.
            if (sorted.length == 1) {
                return sorted[0];
            }
            double sum = 0;
            for (int i = 1; i < sorted.length; i++) {
                sum += (sorted[i - 1] + sorted[i]) / 2;
            }
            return sum / (sorted.length - 1);
        }

        @Override
        public double cdf(double x) {
            int n = sorted.length;
            if (x < sorted[0]) {
                return 0;
            }
            if (x >= sorted[n - 1]) {
                return 1;
            }
            int i = Arrays.binarySearch(sorted, x);
            if (i < 0) {
                i = -i - 2;
            } else {
                while (i + 1 < n && sorted[i + 1] == x) {
                    i++;
                }
                return (double) i / (n - 1);
            }
            return (i + (x - sorted[i]) / (sorted[i + 1] - sorted[i])) / (n - 1);
        }

        @Override
        public double inverseCdf(double p) {
            int n = sorted.length;
            if (n == 1) {
                return sorted[0];
            }
            double position = p * (n - 1);
            int i = (int) Math.floor(position);
            if (i >= n - 1) {
                return sorted[n - 1];
            }
            return sorted[i] + (position - i) * (sorted[i + 1] - sorted[i]);
        }

        @Override
        public String describe() {
            return fmt("empirical(%d observations, %s..%s)", sorted.length, sorted[0], sorted[sorted.length - 1]);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Empirical e && Arrays.equals(sorted, e.sorted);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(sorted);
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
