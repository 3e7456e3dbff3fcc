package org.mailsim.fit;

/**
 * Fleet-level fit of the times between failures in an event trace: exponential (failures as a Poisson process)
 * against Weibull, on the same censored sample, with the burst statistics of the trace.
 *
 * @param gaps the n - 1 gaps; zero gaps (same clock tick) are left-censored at the clock resolution
 * @param zeroGaps how many gaps were recorded as zero
 */
public record EventFit(String source, int events, double spanHours, LifetimeSample gaps, int zeroGaps,
        ExponentialFit exponential, WeibullFit weibull, Bursts bursts) {

    /** AIC(exponential) - AIC(Weibull): positive when the Weibull fits better. */
    public double aicAdvantageOfWeibull() {
        return exponential.goodness().aic() - weibull.goodness().aic();
    }

    /** The likelihood-ratio test of a Weibull shape of 1 on the gaps, and the choice it makes. */
    public LifetimeChoice choice() {
        return LifetimeChoice.of(exponential, weibull);
    }

    /** "weibull" when the likelihood-ratio test rejects a shape of 1 at the 5% level, else "exponential". */
    public String preferred() {
        return choice().preferred();
    }
}
