package org.mailsim.fit;

import org.mailsim.random.Distribution;
import org.mailsim.random.Distributions;
import org.mailsim.stats.Estimate;

/**
 * A two-parameter Weibull fit, F(t) = 1 - exp(-(t/scale)^shape), with 95% intervals for shape, scale (hours) and
 * the implied mean. {@code correlation} is the estimated correlation of ln(shape) and ln(scale).
 */
public record WeibullFit(Estimate shape, Estimate scale, Estimate mean, double correlation, GoodnessOfFit goodness) {
    public Distribution distribution() {
        return Distributions.weibull(shape.estimate(), scale.estimate());
    }
}
