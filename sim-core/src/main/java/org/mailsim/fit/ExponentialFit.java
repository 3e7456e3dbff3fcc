package org.mailsim.fit;

import org.mailsim.random.Distribution;
import org.mailsim.random.Distributions;
import org.mailsim.stats.Estimate;

/** An exponential (constant-hazard) fit: the mean in hours with its 95% interval. */
public record ExponentialFit(Estimate mean, GoodnessOfFit goodness) {
    /** Failures per hour. */
    public double rate() {
        return 1.0 / mean.estimate();
    }

    public Distribution distribution() {
        return Distributions.exponential(mean.estimate());
    }
}
