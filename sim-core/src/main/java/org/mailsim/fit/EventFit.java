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

    /** "weibull" or "exponential": the lower AIC. */
    public String preferred() {
        return aicAdvantageOfWeibull() > 0 ? "weibull" : "exponential";
    }
}
