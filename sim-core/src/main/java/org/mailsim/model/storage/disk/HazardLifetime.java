package org.mailsim.model.storage.disk;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.mailsim.random.Distribution;

/**
 * A lifetime defined by its cumulative hazard H(t): F(t) = 1 - exp(-H(t)), sampled by inverting F (one uniform
 * per draw, so a rare-event estimator can bias it in {@link #inverseCdf}).
 */
interface HazardLifetime extends Distribution {
    /** H(t), the integral of the hazard rate from 0 to t hours. */
    double cumulativeHazard(double t);

    @Override
    default ContinuousSampler sampler(UniformRandomProvider rng) {
        return () -> inverseCdf(rng.nextDouble());
    }

    @Override
    default double cdf(double x) {
        return -Math.expm1(-cumulativeHazard(x));
    }
}
