package org.mailsim.fit;

import java.util.Locale;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.mailsim.random.Distribution;
import org.mailsim.stats.Estimate;

/**
 * Exponential or Weibull for one sample: the likelihood-ratio test of a Weibull shape of 1, which is the
 * exponential (Lawless 2003, section 4.2: G = 2 (ln L_Weibull - ln L_exponential), chi-square on 1 degree of
 * freedom, the exponential being the Weibull with its shape fixed at 1, inside the parameter space). The Weibull
 * is chosen only when the test rejects the exponential at the 5% level; then its AIC is lower too (AIC difference
 * = G - 2, and G &gt; 3.84). Between G = 2 and 3.84 the AIC leans to the Weibull but the test does not: the
 * exponential is kept, and the output shows both.
 *
 * @param gStatistic the likelihood-ratio statistic (0 if the optimiser left the Weibull a hair below the
 *     exponential it nests)
 */
public record LifetimeChoice(ExponentialFit exponential, WeibullFit weibull, double gStatistic, double pValue) {
    /** The level of the test. */
    public static final double ALPHA = 0.05;

    public static LifetimeChoice of(ExponentialFit exponential, WeibullFit weibull) {
        double g = Math.max(0, 2 * (weibull.goodness().logLikelihood() - exponential.goodness().logLikelihood()));
        double p = 1 - new ChiSquaredDistribution(null, 1).cumulativeProbability(g);
        return new LifetimeChoice(exponential, weibull, g, p);
    }

    /** Both fits of {@code sample}, and the choice between them. */
    public static LifetimeChoice fit(LifetimeSample sample) {
        return of(LifetimeFits.exponential(sample), LifetimeFits.weibull(sample));
    }

    /** Whether the test rejects a shape of 1. */
    public boolean weibullBetter() {
        return pValue < ALPHA;
    }

    /** AIC(exponential) - AIC(Weibull) = G - 2: positive when the AIC prefers the Weibull. */
    public double aicAdvantageOfWeibull() {
        return exponential.goodness().aic() - weibull.goodness().aic();
    }

    /** "weibull" or "exponential". */
    public String preferred() {
        return weibullBetter() ? "weibull" : "exponential";
    }

    /** The chosen distribution, as the scenario takes it. */
    public Distribution distribution() {
        return weibullBetter() ? weibull.distribution() : exponential.distribution();
    }

    /** {@code shape 1.52 [1.41, 1.64]; shape = 1? likelihood-ratio G = 62.1 on 1 df, p = 3.2e-15; AIC ...}. */
    public String test() {
        Estimate k = weibull.shape();
        double aic = aicAdvantageOfWeibull();
        return String.format(Locale.ROOT, "Weibull shape %.3g [%.3g, %.3g]; likelihood-ratio test of shape 1: "
                + "G = %,.1f on 1 df, p %s; AIC %s by %,.1f for the Weibull", k.estimate(), k.ci95Low(),
                k.ci95High(), gStatistic, CountSummary.pValue(pValue), aic >= 0 ? "lower" : "higher", Math.abs(aic));
    }

    /** What the choice means for one disk's lifetime, in a planner's words. */
    public String perDiskWords() {
        Estimate k = weibull.shape();
        if (!weibullBetter()) {
            return String.format(Locale.ROOT, "No evidence that the hazard changes with age: the Weibull shape, "
                    + "%.3g [%.3g, %.3g], is not distinguishable from 1 (G = %,.1f on 1 df, p %s). Plan with the "
                    + "constant hazard: MTTF %s.", k.estimate(), k.ci95Low(), k.ci95High(), gStatistic,
                    CountSummary.pValue(pValue), years(exponential.mean()));
        }
        String trend = k.estimate() > 1
                ? "The hazard rises with age (wear-out): a constant AFR would understate the failures of ageing disks, "
                        + "late in a long horizon, and overstate those of new ones."
                : "The hazard falls with age (infant mortality): a constant AFR would understate the failures of new "
                        + "disks and overstate those of old ones.";
        return String.format(Locale.ROOT, "%s Weibull shape %.3g [%.3g, %.3g], scale %s; the test of shape 1 "
                + "rejects the exponential (G = %,.1f on 1 df, p %s; AIC lower by %,.1f). Plan with the Weibull.",
                trend, k.estimate(), k.ci95Low(), k.ci95High(), years(weibull.scale()), gStatistic,
                CountSummary.pValue(pValue), aicAdvantageOfWeibull());
    }

    /** What the choice means for the times between a fleet's failures. */
    public String fleetGapWords() {
        Estimate k = weibull.shape();
        if (!weibullBetter()) {
            return String.format(Locale.ROOT, "The gaps between failures look like a Poisson process (independent "
                    + "failures at a steady rate): the Weibull shape, %.3g [%.3g, %.3g], is not distinguishable from "
                    + "1 (G = %,.1f on 1 df, p %s). Independent disk lifetimes reproduce this.", k.estimate(),
                    k.ci95Low(), k.ci95High(), gStatistic, CountSummary.pValue(pValue));
        }
        String what = k.estimate() < 1
                ? "they cluster, with many very short gaps and some very long ones, which independent disk "
                        + "lifetimes do not produce. A per-disk lifetime cannot carry this; put the clustering in the scenario "
                        + "as storage.correlated.aftershock (bursts within a window, docs/calibration.md) on top of "
                        + "the per-disk lifetime (--fleet-size gives it)."
                : "failures come more regularly than at random, as when disks are replaced on a schedule or "
                        + "failures are recorded in batches; check how the trace was recorded before modelling it.";
        return String.format(Locale.ROOT, "The failures are not a Poisson process: the Weibull shape of the gaps is "
                + "%.3g [%.3g, %.3g] (G = %,.1f on 1 df, p %s; AIC lower by %,.1f): %s", k.estimate(), k.ci95Low(),
                k.ci95High(), gStatistic, CountSummary.pValue(pValue), aicAdvantageOfWeibull(), what);
    }

    private static String years(Estimate hours) {
        double y = 8766;
        return String.format(Locale.ROOT, "%.3g years [%.3g, %.3g]", hours.estimate() / y, hours.ci95Low() / y,
                hours.ci95High() / y);
    }
}
