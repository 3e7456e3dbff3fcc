package org.mailsim.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a counts file says about the selected drive models: one row per drive model a planner would recognise, the
 * pooled fit with its test of one rate for all, and a recommendation that follows that test.
 *
 * <p>Rows. Fields that name no drive model ({@link DriveModelName}) are left out of every fit and listed apart.
 * Rows of the same model number (the vendor written two ways, files concatenated) are merged. Models with fewer
 * than {@code minDrives} drives are pooled into one "other" row of the table: a few dozen drives speak for a batch
 * and its enclosure more than for a model. They stay in the pooled fit and in the test.
 *
 * <p>Recommendation. With one model, its own constant hazard. With several, the likelihood-ratio test of one rate
 * for all ({@link CountFit.Heterogeneity}) decides at the 5% level: accepted, the pooled lifetime; rejected, a
 * lifetime per model, never the pooled one. A model needs {@value #MIN_FAILURES} failures for a lifetime of its
 * own: with fewer, the exact 95% interval of its rate spans more than a factor of {@code 3.8} (Poisson, 10 events:
 * 0.48 to 1.84 times the estimate), which would decide a RAID level by chance.
 */
public final class CountSummary {
    /** A model with fewer drives is pooled into the table's "other" row. */
    public static final int DEFAULT_MIN_DRIVES = 100;
    /** Failures a model needs for a lifetime of its own. */
    public static final int MIN_FAILURES = 10;
    /** The level of the test of one rate for all models. */
    public static final double ALPHA = 0.05;

    /** One drive model (rows of the same model number merged) and its constant-hazard fit. */
    public record ModelFit(DriveModelName name, DriveModelCounts counts, CountFit fit) {
        /** Too few failures for a lifetime of its own. */
        public boolean sparse() {
            return counts.failures() < MIN_FAILURES;
        }
    }

    /** What to put in a scenario. */
    public enum Verdict {
        /** One model was selected: its own lifetime. */
        SINGLE_MODEL("singleModel"),
        /** The test accepts one rate for all models: the pooled lifetime. */
        POOLED("pooled"),
        /** The test rejects one rate: a lifetime per model, never the pooled one. */
        PER_MODEL("perModel");

        private final String key;

        Verdict(String key) {
            this.key = key;
        }

        /** The name in JSON and YAML output. */
        public String key() {
            return key;
        }
    }

    private final String label;
    private final int minDrives;
    private final List<ModelFit> models;
    private final List<ModelFit> ownRows;
    private final List<ModelFit> grouped;
    private final CountFit other;
    private final List<DriveModelCounts> unidentified;
    private final CountFit pooled;
    private final Verdict verdict;

    private CountSummary(String label, int minDrives, List<ModelFit> models, List<DriveModelCounts> unidentified) {
        this.label = label;
        this.minDrives = minDrives;
        this.models = List.copyOf(models);
        this.unidentified = List.copyOf(unidentified);
        List<ModelFit> own = new ArrayList<>();
        List<ModelFit> few = new ArrayList<>();
        for (ModelFit m : models) {
            (models.size() == 1 || enoughDrives(m.counts(), minDrives) ? own : few).add(m);
        }
        this.ownRows = List.copyOf(own);
        this.grouped = List.copyOf(few);
        this.other = few.isEmpty() ? null : CountFits.exponential("other (" + plural(few.size(), "model") + ")",
                few.stream().map(ModelFit::counts).toList());
        this.pooled = CountFits.exponential(label, models.stream().map(ModelFit::counts).toList());
        if (models.size() == 1) {
            verdict = Verdict.SINGLE_MODEL;
        } else if (pooled.heterogeneity().degreesOfFreedom() == 0 || pooled.heterogeneity().pValue() >= ALPHA) {
            verdict = Verdict.POOLED;
        } else {
            verdict = Verdict.PER_MODEL;
        }
    }

    /**
     * The summary of {@code selected} (rows of a counts file, already filtered by the user's selection).
     *
     * @throws IllegalArgumentException when no selected row names a drive model or no drive-days were observed
     */
    public static CountSummary of(String label, List<DriveModelCounts> selected, int minDrives) {
        if (minDrives < 1) {
            throw new IllegalArgumentException("the minimum drive count must be at least 1, got " + minDrives);
        }
        Map<String, List<DriveModelCounts>> byNumber = new LinkedHashMap<>();
        List<DriveModelCounts> unidentified = new ArrayList<>();
        for (DriveModelCounts m : selected) {
            DriveModelName name = m.name();
            if (name.identified()) {
                byNumber.computeIfAbsent(name.number(), k -> new ArrayList<>()).add(m);
            } else {
                unidentified.add(m);
            }
        }
        if (byNumber.isEmpty()) {
            throw new IllegalArgumentException("no selected row names a drive model (" + unidentified.size()
                    + " rows whose model field is empty, a placeholder or not a model number)");
        }
        List<ModelFit> models = new ArrayList<>();
        for (List<DriveModelCounts> rows : byNumber.values()) {
            DriveModelCounts merged = merge(rows);
            models.add(new ModelFit(merged.name(), merged, CountFits.exponential(merged.name().display(),
                    List.of(merged))));
        }
        return new CountSummary(label, minDrives, models, unidentified);
    }

    private static DriveModelCounts merge(List<DriveModelCounts> rows) {
        if (rows.size() == 1) {
            return rows.get(0);
        }
        DriveModelCounts first = rows.get(0);
        long drives = 0;
        long failures = 0;
        double days = 0;
        double capacity = Double.NaN;
        for (DriveModelCounts m : rows) {
            drives += m.drives();
            failures += m.failures();
            days += m.driveDays();
            if (Double.isNaN(capacity)) {
                capacity = m.capacityTb();
            }
        }
        // Survival curves fitted to each row cannot be combined: the merged model has none.
        return new DriveModelCounts(first.model(), capacity, drives, days, failures, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, first.line());
    }

    private static boolean enoughDrives(DriveModelCounts m, int minDrives) {
        if (m.drives() > 0) {
            return m.drives() >= minDrives;
        }
        // No drive count in the file: a drive-year per drive stands in for it.
        return m.driveDays() >= 365.0 * minDrives;
    }

    public String label() {
        return label;
    }

    public int minDrives() {
        return minDrives;
    }

    /** Every selected drive model, rows of one model number merged, in file order. */
    public List<ModelFit> models() {
        return models;
    }

    /** The models with a row of their own in the table. */
    public List<ModelFit> ownRows() {
        return ownRows;
    }

    /** The models with fewer than {@code minDrives} drives, pooled into the table's "other" row. */
    public List<ModelFit> grouped() {
        return grouped;
    }

    /** The pooled fit of {@link #grouped()}, or null when every model has its own row. */
    public CountFit other() {
        return other;
    }

    /** Selected rows whose model field names no drive model; left out of every fit. */
    public List<DriveModelCounts> unidentified() {
        return unidentified;
    }

    /** One rate for every selected model, with the test of that hypothesis when there are several. */
    public CountFit pooled() {
        return pooled;
    }

    public Verdict verdict() {
        return verdict;
    }

    /** The models a per-model recommendation gives a lifetime: own row and at least {@value #MIN_FAILURES} failures. */
    public List<ModelFit> lifetimes() {
        if (verdict != Verdict.PER_MODEL) {
            return List.of();
        }
        return ownRows.stream().filter(m -> !m.sparse()).toList();
    }

    /** The models with a row of their own but too few failures for a lifetime of their own. */
    public List<ModelFit> sparse() {
        return ownRows.stream().filter(ModelFit::sparse).toList();
    }

    /** The fit a single-model or pooled recommendation puts in the scenario; null for a per-model one. */
    public CountFit recommendedFit() {
        return switch (verdict) {
            case SINGLE_MODEL -> models.get(0).fit();
            case POOLED -> pooled;
            case PER_MODEL -> null;
        };
    }

    /** The recommendation in a capacity planner's words: what to put in the scenario and why. */
    public String recommendation() {
        StringBuilder s = new StringBuilder();
        switch (verdict) {
            case SINGLE_MODEL -> {
                ModelFit m = models.get(0);
                s.append("Plan with ").append(m.name().display()).append("'s own rate: AFR ")
                        .append(afr(m.fit())).append(" a drive-year, MTTF ").append(years(m.fit()))
                        .append(", a constant hazard.");
                if (m.sparse()) {
                    s.append(' ').append(sparseWarning(m.fit()));
                }
            }
            case POOLED -> {
                CountFit.Heterogeneity h = pooled.heterogeneity();
                s.append("One lifetime fits these ").append(models.size())
                        .append(" models: their failure rates do not differ beyond chance (").append(test(h))
                        .append("). Plan with the pooled AFR of ").append(afr(pooled)).append(" a drive-year, MTTF ")
                        .append(years(pooled)).append(", a constant hazard.");
                if (pooled.failures() < MIN_FAILURES) {
                    s.append(' ').append(sparseWarning(pooled));
                } else if (h.degreesOfFreedom() > 0) {
                    s.append(" (With few failures a test has little power: the models may still differ by less "
                            + "than their intervals show.)");
                }
            }
            case PER_MODEL -> perModel(s);
        }
        return s.toString();
    }

    private void perModel(StringBuilder s) {
        CountFit.Heterogeneity h = pooled.heterogeneity();
        List<ModelFit> fitted = lifetimes();
        s.append("Do not plan with one lifetime for these ").append(models.size())
                .append(" models: their failure rates differ far beyond chance (").append(test(h)).append(')');
        if (fitted.size() >= 2) {
            ModelFit best = fitted.get(0);
            ModelFit worst = fitted.get(0);
            for (ModelFit m : fitted) {
                best = m.fit().afr().estimate() < best.fit().afr().estimate() ? m : best;
                worst = m.fit().afr().estimate() > worst.fit().afr().estimate() ? m : worst;
            }
            s.append(String.format(Locale.ROOT, ", from an AFR of %s%% a year (%s) to %s%% (%s)",
                    pct(best.fit().afr().estimate()), best.name().display(), pct(worst.fit().afr().estimate()),
                    worst.name().display()));
        }
        s.append(". The pooled AFR (").append(pct(pooled.afr().estimate()))
                .append("%) is only the average of this mix: arrays built from the worse models lose data far more "
                        + "often than it predicts, since an array loss grows with the square of the rate in RAID 5 "
                        + "and its cube in RAID 6.");
        if (!fitted.isEmpty()) {
            s.append(" Use the lifetime of the model your arrays are built from (").append(plural(fitted.size(),
                    "model")).append(" below); to compare candidates, run the scenario once per model.");
        } else {
            s.append(" No model has the ").append(MIN_FAILURES).append(" failures a lifetime of its own needs.");
        }
        List<ModelFit> sparse = sparse();
        if (!sparse.isEmpty()) {
            s.append(' ').append(plural(sparse.size(), "model")).append(sparse.size() == 1 ? " has" : " have")
                    .append(" fewer than ").append(MIN_FAILURES).append(" failures, too few for a lifetime of ")
                    .append(sparse.size() == 1 ? "its" : "their").append(" own (the AFR interval spans a factor of "
                            + "3.8 or more): ").append(names(sparse, 6))
                    .append(". Fit each together with sibling models of its family where the test accepts one rate "
                            + "for them (e.g. --model '").append(sparse.get(0).name().family())
                    .append("'), or plan with the upper end of its interval.");
        }
        if (!grouped.isEmpty()) {
            s.append(' ').append(plural(grouped.size(), "model")).append(" with fewer than ").append(minDrives)
                    .append(" drives ").append(grouped.size() == 1 ? "is" : "are")
                    .append(" pooled as \"other\" in the table (--min-drives 1 lists them); none gets a lifetime.");
        }
        s.append(" For a fleet that keeps exactly this mix of models, --pooled prints the fleet average.");
    }

    private static String sparseWarning(CountFit fit) {
        if (fit.failures() == 0) {
            return "No drive failed: the AFR is only bounded above; plan with the bound, a cautious lifetime.";
        }
        return String.format(Locale.ROOT, "With %s, the rate is known only within a factor of %.1f: for a cautious "
                + "plan, use the upper end, an AFR of %s%%.", plural(fit.failures(), "failure"),
                fit.afr().ci95High() / fit.afr().ci95Low(), pct(fit.afr().ci95High()));
    }

    private static String names(List<ModelFit> models, int max) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(max, models.size()); i++) {
            ModelFit m = models.get(i);
            parts.add(m.name().display() + " (" + m.counts().failures() + ")");
        }
        String text = String.join(", ", parts);
        return models.size() > max ? text + " and " + (models.size() - max) + " more" : text;
    }

    /** {@code G = 11,863 on 78 df, p < 1e-15}. */
    public static String test(CountFit.Heterogeneity h) {
        return String.format(Locale.ROOT, "likelihood-ratio G = %,.1f on %d df, p %s", h.gStatistic(),
                h.degreesOfFreedom(), pValue(h.pValue()));
    }

    /** {@code < 1e-15}, {@code = 0.0312}. */
    public static String pValue(double p) {
        return p < 1e-15 ? "< 1e-15" : String.format(Locale.ROOT, "= %.3g", p);
    }

    /** {@code 0.320% [0.261, 0.389]}, or {@code < 2.73%} when no drive failed. */
    public static String afr(CountFit fit) {
        if (fit.afr().boundOnly()) {
            return "< " + pct(fit.afr().estimate()) + "%";
        }
        return pct(fit.afr().estimate()) + "% [" + pct(fit.afr().ci95Low()) + ", " + pct(fit.afr().ci95High()) + "]";
    }

    private static String years(CountFit fit) {
        return (fit.mttfHours().boundOnly() ? "above " : "") + String.format(Locale.ROOT, "%.3g years",
                fit.mttfHours().estimate() / 8766);
    }

    /** A fraction as a percentage with three significant digits. */
    public static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.3g", 100 * fraction);
    }

    private static String plural(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
