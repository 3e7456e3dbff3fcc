package org.mailsim.model.storage;

import org.apache.commons.rng.UniformRandomProvider;
import org.mailsim.random.Distribution;
import org.mailsim.random.Distributions;

/**
 * The one place where each kind of random transition of the storage model is drawn. Plain Monte Carlo is
 * {@link #PLAIN}; a rare-event estimator (importance sampling with balanced failure biasing) can implement this
 * interface to draw from biased rates and multiply the likelihood ratio of each draw into its weight. The model
 * passes the array's current number of failed disks wherever a biasing scheme would depend on it.
 */
public interface TransitionSampler {
    /**
     * Hours until a new disk fails, its hazard scaled by {@code hazardMultiplier} (proportional hazards:
     * S_m(t) = S(t)^m, so t = F^-1(1 - u^(1/m))).
     */
    double timeToFailure(Distribution lifetime, double hazardMultiplier, int failedInArray, UniformRandomProvider rng);

    /**
     * As {@link #timeToFailure}, but when the draw's probability F(t) exceeds {@code cdfLimit} (so t lies beyond a
     * time the caller does not care about) it may return +infinity without inverting the lifetime. A sampler that
     * weights draws must not skip them; the default never does.
     */
    default double timeToFailureUnless(Distribution lifetime, double hazardMultiplier, int failedInArray,
                                       UniformRandomProvider rng, double cdfLimit) {
        return timeToFailure(lifetime, hazardMultiplier, failedInArray, rng);
    }

    /** Hours until the next arrival of a Poisson process of {@code ratePerHour} (latent errors, shocks, aftershocks). */
    double timeToArrival(double ratePerHour, int failedInArray, UniformRandomProvider rng);

    /** Hours a rebuild (or any repair step with the distribution {@code time}) takes. */
    double repairTime(Distribution time, int failedInArray, UniformRandomProvider rng);

    /** Unrecoverable read errors met reading bits with {@code expectedErrors} = URE rate x bits (Poisson count). */
    int readErrors(double expectedErrors, UniformRandomProvider rng);

    /** A uniform index in [0, n) (which disks a shock hits, which lot an array comes from). */
    default int pick(int n, UniformRandomProvider rng) {
        return rng.nextInt(n);
    }

    /** Plain Monte Carlo: every draw from its nominal distribution, likelihood ratio 1. */
    TransitionSampler PLAIN = new TransitionSampler() {
        @Override
        public double timeToFailure(Distribution lifetime, double hazardMultiplier, int failedInArray,
                                    UniformRandomProvider rng) {
            double u = Distribution.openUniform(rng);
            double p = hazardMultiplier == 1 ? 1 - u : -Math.expm1(Math.log(u) / hazardMultiplier);
            return lifetime.inverseCdf(p);
        }

        @Override
        public double timeToFailureUnless(Distribution lifetime, double hazardMultiplier, int failedInArray,
                                          UniformRandomProvider rng, double cdfLimit) {
            double u = Distribution.openUniform(rng);
            double p = hazardMultiplier == 1 ? 1 - u : -Math.expm1(Math.log(u) / hazardMultiplier);
            return p > cdfLimit ? Double.POSITIVE_INFINITY : lifetime.inverseCdf(p);
        }

        @Override
        public double timeToArrival(double ratePerHour, int failedInArray, UniformRandomProvider rng) {
            return -Math.log(Distribution.openUniform(rng)) / ratePerHour;
        }

        @Override
        public double repairTime(Distribution time, int failedInArray, UniformRandomProvider rng) {
            return time.inverseCdf(rng.nextDouble());
        }

        @Override
        public int readErrors(double expectedErrors, UniformRandomProvider rng) {
            return Distributions.poissonCount(expectedErrors, rng.nextDouble());
        }
    };
}
