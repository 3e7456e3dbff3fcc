package org.mailsim.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.mailsim.stats.Estimate;
import org.mailsim.stats.Proportions;

/**
 * Fits to per-model drive counts (drives, drive-days, failures).
 *
 * <p>What such counts can and cannot tell. Under a constant hazard the failures and the total time on test are
 * sufficient statistics, so the exponential fit from counts is the exact MLE with an exact interval. A Weibull
 * (or any age-dependent hazard) needs each drive's age at failure or at the end of observation: the same counts
 * arise from young fleets with a rising hazard and old fleets with a falling one, so the shape is not identifiable
 * from counts. The 5-year survival and {@code years_97pct} columns of the zachmayer/backblaze_analysis reduction
 * do not mend this: they come from a single Cox proportional-hazards model fitted to all models at once
 * (code/survival.R), whose baseline hazard - the age dependence - is shared by every model, and
 * {@code years_97pct} is the lower 95% confidence bound of the 3% quantile, not a point on the curve. They are used
 * here only to check the constant-hazard fit.
 */
public final class CountFits {
    static final double HOURS_PER_DAY = 24;
    /** Backblaze's AFR counts a drive-year as 365 days. */
    static final double DAYS_PER_AFR_YEAR = 365;
    /** The Cox survival column is at 5 x 365.25 days (code/survival.R). */
    static final double FIVE_YEARS_HOURS = 5 * 365.25 * 24;

    private CountFits() {
    }

    /** The exponential fit pooled over {@code models} (a single model is a pool of one). */
    public static CountFit exponential(String label, List<DriveModelCounts> models) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no models to fit");
        }
        long drives = 0;
        long failures = 0;
        double days = 0;
        for (DriveModelCounts m : models) {
            drives += m.drives();
            failures += m.failures();
            days += m.driveDays();
        }
        if (!(days > 0)) {
            throw new IllegalArgumentException(label + ": no drive-days observed");
        }
        Estimate mttf = Proportions.meanTimeFromExposure(days * HOURS_PER_DAY, failures);
        double hoursPerAfrYear = DAYS_PER_AFR_YEAR * HOURS_PER_DAY;
        Estimate afr;
        Estimate survival;
        if (failures == 0) {
            double bound = hoursPerAfrYear / mttf.estimate();
            afr = new Estimate(bound, 0, bound, true);
            double low = Math.exp(-FIVE_YEARS_HOURS / mttf.estimate());
            survival = new Estimate(low, low, 1, true);
        } else {
            afr = new Estimate(hoursPerAfrYear / mttf.estimate(), hoursPerAfrYear / mttf.ci95High(),
                    hoursPerAfrYear / mttf.ci95Low(), false);
            survival = new Estimate(Math.exp(-FIVE_YEARS_HOURS / mttf.estimate()),
                    Math.exp(-FIVE_YEARS_HOURS / mttf.ci95Low()), Math.exp(-FIVE_YEARS_HOURS / mttf.ci95High()),
                    false);
        }
        return new CountFit(label, models.size(), drives, days, failures, mttf, afr, survival,
                models.size() > 1 ? heterogeneity(models, failures / days) : null);
    }

    private static CountFit.Heterogeneity heterogeneity(List<DriveModelCounts> models, double pooledRatePerDay) {
        double g = 0;
        int groups = 0;
        for (DriveModelCounts m : models) {
            if (m.driveDays() <= 0) {
                continue;
            }
            groups++;
            double expected = pooledRatePerDay * m.driveDays();
            if (m.failures() > 0) {
                g += 2 * m.failures() * Math.log(m.failures() / expected);
            }
        }
        // sum O ln(O/E) alone omits -sum (O - E), which is zero because the pooled rate makes sum E = sum O.
        int df = groups - 1;
        double p = df > 0 ? 1 - new ChiSquaredDistribution(null, df).cumulativeProbability(g) : Double.NaN;
        return new CountFit.Heterogeneity(g, df, p);
    }

    /**
     * Whether the constant-hazard 5-year survival interval meets the Cox model's 95% band; false means the
     * constant hazard does not reproduce the survival curve fitted with ages (the hazard varies with age).
     */
    public static boolean agreesWithCox(CountFit fit, DriveModelCounts model) {
        if (!model.hasFiveYearSurvival()) {
            throw new IllegalArgumentException(model.model() + ": no 5-year survival in the data");
        }
        return fit.fiveYearSurvival().ci95Low() <= model.fiveYearSurvivalHigh()
                && model.fiveYearSurvivalLow() <= fit.fiveYearSurvival().ci95High();
    }

    /**
     * The models whose name matches any of {@code patterns} (case-insensitive; {@code *} and {@code ?} as in file
     * names; the field as written, the model number alone or vendor and number, so {@code WUH721816ALE6L4} and
     * {@code 'wdc wuh7218*'} both work) and whose capacity is any of {@code capacitiesTb}; an empty list does not
     * filter.
     */
    public static List<DriveModelCounts> select(List<DriveModelCounts> models, List<String> patterns,
            List<Double> capacitiesTb) {
        List<Pattern> regexes = new ArrayList<>();
        for (String p : patterns) {
            regexes.add(glob(p));
        }
        List<DriveModelCounts> selected = new ArrayList<>();
        for (DriveModelCounts m : models) {
            boolean nameOk = regexes.isEmpty() || regexes.stream().anyMatch(r -> m.name().matches(r));
            boolean capacityOk = capacitiesTb.isEmpty()
                    || capacitiesTb.stream().anyMatch(c -> Math.abs(c - m.capacityTb()) < 1e-9);
            if (nameOk && capacityOk) {
                selected.add(m);
            }
        }
        return selected;
    }

    /** Whether a model field is named by any of {@code patterns}, as {@link #select} matches them; true if none. */
    public static boolean selected(String modelField, List<String> patterns) {
        if (patterns.isEmpty()) {
            return true;
        }
        DriveModelName name = DriveModelName.parse(modelField);
        return patterns.stream().anyMatch(p -> name.matches(glob(p)));
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char ch : pattern.strip().toCharArray()) {
            switch (ch) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
