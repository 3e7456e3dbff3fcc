package org.mailsim.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * A probability distribution of a non-negative quantity (a lifetime, a repair time, a size).
 *
 * <p>A distribution is an immutable description; {@link #sampler} binds it to one random stream, once, so that
 * drawing in the event loop allocates nothing. {@link #inverseCdf} is the single place where a uniform becomes a
 * draw for distributions sampled by inversion, so that a rare-event estimator can bias it and carry the likelihood
 * ratio.
 */
public interface Distribution {
    /** A sampler drawing from this distribution with {@code rng}. */
    ContinuousSampler sampler(UniformRandomProvider rng);

    double mean();

    /** P(X &lt;= x). */
    double cdf(double x);

    /** The smallest x with P(X &lt;= x) &gt;= p, for p in [0, 1). */
    double inverseCdf(double p);

    /** Short human-readable form, e.g. {@code weibull(shape=1.2, scale=461386, location=0)}. */
    String describe();

    /** A uniform in (0, 1], safe for logarithms. */
    static double openUniform(UniformRandomProvider rng) {
        return 1.0 - rng.nextDouble();
    }
}
