package org.mailsim.durability;

import java.util.List;
import org.mailsim.Hours;
import org.mailsim.stats.Estimate;

/**
 * What the rare-event estimator found for one scenario: per unit (an array, or a storage group when its arrays are
 * coupled, see {@link DurabilityUnit}) P(any data loss by the horizon), split into whole-array loss and sector
 * (partial) loss, the expected loss events, and how far the estimate can be trusted. Fleet figures follow exactly
 * from independence of the units: P(any loss among N) = 1 - (1 - p)^N.
 *
 * @param method           what produced the figures, in words
 * @param unit             the unit simulated and how many the fleet has
 * @param horizonHours     the horizon the probabilities are for
 * @param samples          replications of the unit simulated
 * @param lossSamples      of which ended with a data loss (under the sampling law)
 * @param perUnit          P(any data loss by the horizon) of one unit, 95% interval
 * @param wholeArrayLoss   P(a whole-array loss by the horizon) of one unit
 * @param sectorLoss       P(a sector loss, from UREs or latent errors, by the horizon) of one unit
 * @param lossEvents       expected loss events of one unit by the horizon (counted up to its first whole-array loss)
 * @param relativeError    95% half-width of perUnit over its estimate
 * @param effectiveSamples effective sample size of the loss samples' weights, (sum w)^2 / sum w^2
 * @param largestWeightShare the largest single weight over the sum of weights
 * @param precision        the relative half-width asked for
 * @param stoppedBy        what ended the estimation
 * @param wallSeconds      wall-clock time of the estimation
 * @param exponential      whether lifetimes are exponential (MTTDL is meaningful then)
 * @param warnings         what a reader must know before trusting the figures
 */
public record DurabilityEstimate(String method, DurabilityUnit unit, double horizonHours, long samples,
                                 long lossSamples, Estimate perUnit, Estimate wholeArrayLoss, Estimate sectorLoss,
                                 Estimate lossEvents, double relativeError, double effectiveSamples,
                                 double largestWeightShare, double precision, StopReason stoppedBy,
                                 double wallSeconds, boolean exponential, List<String> warnings) {
    public DurabilityEstimate {
        warnings = List.copyOf(warnings);
    }

    /** Why the estimation stopped; only {@link #MAX_TIME} depends on the machine, and is flagged as such. */
    public enum StopReason {
        PRECISION("precision"), SAMPLE_CAP("sample-cap"), MAX_TIME("max-time");

        private final String key;

        StopReason(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** Same command, same answer: false only when --max-time ended the estimation. */
    public boolean reproducible() {
        return stoppedBy != StopReason.MAX_TIME;
    }

    /** P(any data loss in the fleet by the horizon). */
    public Estimate fleet() {
        return toFleet(perUnit);
    }

    public Estimate fleetWholeArrayLoss() {
        return toFleet(wholeArrayLoss);
    }

    public Estimate fleetSectorLoss() {
        return toFleet(sectorLoss);
    }

    /** 1 - (1 - p)^N applied to the estimate and both ends (monotone, so the interval carries over). */
    public Estimate toFleet(Estimate p) {
        return new Estimate(scale(p.estimate(), unit.units()), scale(p.ci95Low(), unit.units()),
                scale(p.ci95High(), unit.units()), p.boundOnly());
    }

    private static double scale(double p, double n) {
        if (!(p >= 0) || p >= 1) {
            return Double.isNaN(p) ? p : Math.min(1, p);
        }
        return -Math.expm1(n * Math.log1p(-p));
    }

    /**
     * The probability over one year, assuming the horizon's risk is spread evenly over its years:
     * 1 - (1 - p)^(1 year / horizon). Exact for a one-year horizon.
     */
    public double perYear(double p) {
        return scale(p, Hours.PER_YEAR / horizonHours);
    }

    /** Nines of durability per year, -log10 P(loss in a year), for a probability of this estimate. */
    public double nines(double p) {
        double y = perYear(p);
        return y > 0 ? -Math.log10(y) : Double.POSITIVE_INFINITY;
    }

    /** Expected loss events per unit and year. */
    public Estimate lossEventsPerYear() {
        double f = Hours.PER_YEAR / horizonHours;
        return new Estimate(lossEvents.estimate() * f, lossEvents.ci95Low() * f, lossEvents.ci95High() * f, false);
    }

    /**
     * Mean time to data loss of the fleet, -horizon / ln(1 - P): meaningful only with exponential lifetimes, where
     * the loss process is (after the first repair cycle) close to a Poisson process; NaN otherwise.
     */
    public Estimate fleetMttdlHours() {
        if (!exponential) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN, false);
        }
        Estimate f = fleet();
        return new Estimate(mttdl(f.estimate()), mttdl(f.ci95High()), mttdl(f.ci95Low()), false);
    }

    private double mttdl(double p) {
        return p > 0 ? -horizonHours / Math.log1p(-p) : Double.POSITIVE_INFINITY;
    }
}
