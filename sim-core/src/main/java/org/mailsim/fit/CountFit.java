package org.mailsim.fit;

import org.mailsim.random.Distribution;
import org.mailsim.random.Distributions;
import org.mailsim.stats.Estimate;

/**
 * The constant-hazard (exponential) fit of drive counts: one model or a pool of models.
 *
 * @param mttfHours mean time to failure, hours, with the exact chi-square interval (a lower bound when no drive
 *     failed)
 * @param afr annualised failure rate as Backblaze defines it: failures per drive-year of 365 days
 *     (failed / (drive_days / 365)); an upper bound when no drive failed
 * @param fiveYearSurvival exp(-5 years / MTTF), the 5-year survival a constant hazard implies (years of 365.25 days,
 *     as the Cox column of the source)
 * @param heterogeneity whether one rate fits all pooled models; null for a single model
 */
public record CountFit(String label, int models, long drives, double driveDays, long failures, Estimate mttfHours,
        Estimate afr, Estimate fiveYearSurvival, Heterogeneity heterogeneity) {

    /**
     * The likelihood-ratio test of one failure rate for all pooled models against one rate per model:
     * G = 2 sum O ln(O / E) with E = pooled rate x the model's drive-days, chi-square with (models - 1) degrees of
     * freedom (approximate when some E are small).
     */
    public record Heterogeneity(double gStatistic, int degreesOfFreedom, double pValue) {
    }

    public Distribution distribution() {
        return Distributions.exponential(mttfHours.estimate());
    }
}
