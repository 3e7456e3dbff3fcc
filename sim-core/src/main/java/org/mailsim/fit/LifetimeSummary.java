package org.mailsim.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Per-drive lifetimes (age at failure or at the end of observation) by drive model: for each model with enough
 * failures, exponential against Weibull ({@link LifetimeChoice}); across models, whether one lifetime fits them
 * all; and a recommendation that follows both tests.
 *
 * <p>One lifetime for all models is tested as one Weibull for all against one Weibull per model, the
 * likelihood-ratio G = 2 (sum ln L_model - ln L_pooled) on 2 (k - 1) degrees of freedom: it compares both the
 * scale and the shape, so models that fail as often but age differently are told apart. Models with fewer than
 * {@link CountSummary#MIN_FAILURES} failures get no fit of their own and stay out of the test; models with fewer
 * than {@code minDrives} drives, and fields that name no drive model, are set apart as for counts.
 */
public final class LifetimeSummary {
    /** What to put in a scenario. */
    public enum Verdict {
        SINGLE_MODEL("singleModel"), POOLED("pooled"), PER_MODEL("perModel"), TOO_FEW_FAILURES("tooFewFailures");

        private final String key;

        Verdict(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /**
     * One drive model's drives.
     *
     * @param choice exponential against Weibull; null when the model has too few failures for a fit of its own
     */
    public record ModelLifetimes(String name, LifetimeSample sample, double driveHours, LifetimeChoice choice) {
        // driveHours: hours under observation, summed over the drives (from entry to failure or end)
        public int drives() {
            return sample.size();
        }

        public int failures() {
            return sample.failures();
        }
    }

    /** The test of one Weibull for all fitted models. */
    public record Pooling(double gStatistic, int degreesOfFreedom, double pValue) {
        public String text() {
            return String.format(Locale.ROOT, "likelihood-ratio G = %,.1f on %d df, p %s", gStatistic,
                    degreesOfFreedom, CountSummary.pValue(pValue));
        }
    }

    private final String label;
    private final List<ModelLifetimes> fitted;
    private final List<ModelLifetimes> sparse;
    private final List<ModelLifetimes> grouped;
    private final List<DriveLifetimesReader.Drive> unidentified;
    private final int minDrives;
    private final LifetimeChoice pooled;
    private final Pooling pooling;
    private final Verdict verdict;

    private LifetimeSummary(String label, List<ModelLifetimes> fitted, List<ModelLifetimes> sparse,
            List<ModelLifetimes> grouped, List<DriveLifetimesReader.Drive> unidentified, int minDrives) {
        this.label = label;
        this.fitted = List.copyOf(fitted);
        this.sparse = List.copyOf(sparse);
        this.grouped = List.copyOf(grouped);
        this.unidentified = List.copyOf(unidentified);
        this.minDrives = minDrives;
        if (fitted.size() >= 2) {
            pooled = LifetimeChoice.fit(union(fitted));
            double separate = 0;
            for (ModelLifetimes m : fitted) {
                separate += m.choice().weibull().goodness().logLikelihood();
            }
            double g = Math.max(0, 2 * (separate - pooled.weibull().goodness().logLikelihood()));
            int df = 2 * (fitted.size() - 1);
            pooling = new Pooling(g, df, 1 - new ChiSquaredDistribution(null, df).cumulativeProbability(g));
            verdict = pooling.pValue() < LifetimeChoice.ALPHA ? Verdict.PER_MODEL : Verdict.POOLED;
        } else {
            pooled = null;
            pooling = null;
            verdict = fitted.isEmpty() ? Verdict.TOO_FEW_FAILURES : Verdict.SINGLE_MODEL;
        }
    }

    /** The summary of a per-drive file; without a model column every drive is of one model. */
    public static LifetimeSummary of(String label, List<DriveLifetimesReader.Drive> drives, int minDrives) {
        if (minDrives < 1) {
            throw new IllegalArgumentException("the minimum drive count must be at least 1, got " + minDrives);
        }
        Map<String, List<DriveLifetimesReader.Drive>> byModel = new LinkedHashMap<>();
        Map<String, String> display = new LinkedHashMap<>();
        List<DriveLifetimesReader.Drive> unidentified = new ArrayList<>();
        boolean noModelColumn = drives.stream().allMatch(d -> d.model().isEmpty());
        for (DriveLifetimesReader.Drive d : drives) {
            if (noModelColumn) {
                byModel.computeIfAbsent("", k -> new ArrayList<>()).add(d);
                display.put("", "all drives");
                continue;
            }
            DriveModelName name = DriveModelName.parse(d.model());
            if (name.identified()) {
                byModel.computeIfAbsent(name.number(), k -> new ArrayList<>()).add(d);
                display.putIfAbsent(name.number(), name.display());
            } else {
                unidentified.add(d);
            }
        }
        if (byModel.isEmpty()) {
            throw new IllegalArgumentException("no drive's model field names a drive model (" + unidentified.size()
                    + " drives whose field is empty, a placeholder or not a model number)");
        }
        boolean single = byModel.size() == 1;
        List<ModelLifetimes> fitted = new ArrayList<>();
        List<ModelLifetimes> sparse = new ArrayList<>();
        List<ModelLifetimes> grouped = new ArrayList<>();
        for (Map.Entry<String, List<DriveLifetimesReader.Drive>> e : byModel.entrySet()) {
            LifetimeSample sample = sample(e.getValue());
            double hours = 0;
            for (DriveLifetimesReader.Drive d : e.getValue()) {
                hours += d.hours() - d.entryHours();   // time under observation
            }
            String name = display.get(e.getKey());
            if (!single && sample.size() < minDrives) {
                grouped.add(new ModelLifetimes(name, sample, hours, null));
            } else if (sample.failures() < CountSummary.MIN_FAILURES) {
                sparse.add(new ModelLifetimes(name, sample, hours, null));
            } else {
                LifetimeChoice choice;
                try {
                    choice = LifetimeChoice.fit(sample);
                } catch (IllegalStateException notIdentified) {
                    throw new IllegalArgumentException(name + ": " + notIdentified.getMessage(), notIdentified);
                }
                fitted.add(new ModelLifetimes(name, sample, hours, choice));
            }
        }
        return new LifetimeSummary(label, fitted, sparse, grouped, unidentified, minDrives);
    }

    private static LifetimeSample sample(List<DriveLifetimesReader.Drive> drives) {
        double[] exact = drives.stream().filter(DriveLifetimesReader.Drive::failed)
                .mapToDouble(DriveLifetimesReader.Drive::hours).toArray();
        double[] censored = drives.stream().filter(d -> !d.failed())
                .mapToDouble(DriveLifetimesReader.Drive::hours).toArray();
        return LifetimeSample.rightCensored(exact, censored)
                .withEntries(drives.stream().mapToDouble(DriveLifetimesReader.Drive::entryHours).toArray());
    }

    private static LifetimeSample union(List<ModelLifetimes> models) {
        List<Double> exact = new ArrayList<>();
        List<Double> censored = new ArrayList<>();
        List<Double> entries = new ArrayList<>();
        for (ModelLifetimes m : models) {
            for (double a : m.sample().entriesView()) {
                entries.add(a);
            }
            for (double x : m.sample().exactView()) {
                exact.add(x);
            }
            for (double c : m.sample().rightView()) {
                censored.add(c);
            }
        }
        return LifetimeSample.rightCensored(exact.stream().mapToDouble(Double::doubleValue).toArray(),
                censored.stream().mapToDouble(Double::doubleValue).toArray())
                .withEntries(entries.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public String label() {
        return label;
    }

    /** Models with a fit of their own (enough drives and failures), in file order. */
    public List<ModelLifetimes> fitted() {
        return fitted;
    }

    /** Models with enough drives but fewer than {@link CountSummary#MIN_FAILURES} failures. */
    public List<ModelLifetimes> sparse() {
        return sparse;
    }

    /** Models with fewer than {@code minDrives} drives. */
    public List<ModelLifetimes> grouped() {
        return grouped;
    }

    public List<DriveLifetimesReader.Drive> unidentified() {
        return unidentified;
    }

    public int minDrives() {
        return minDrives;
    }

    /** Exponential against Weibull for the fitted models together; null with fewer than two fitted models. */
    public LifetimeChoice pooled() {
        return pooled;
    }

    /** The test of one Weibull for all fitted models; null with fewer than two. */
    public Pooling pooling() {
        return pooling;
    }

    public Verdict verdict() {
        return verdict;
    }

    /** The lifetime to paste for a single-model or pooled recommendation; null otherwise. */
    public LifetimeChoice recommended() {
        return switch (verdict) {
            case SINGLE_MODEL -> fitted.get(0).choice();
            case POOLED -> pooled;
            case PER_MODEL, TOO_FEW_FAILURES -> null;
        };
    }

    /** The recommendation in a capacity planner's words. */
    public String recommendation() {
        StringBuilder s = new StringBuilder();
        switch (verdict) {
            case SINGLE_MODEL -> {
                ModelLifetimes m = fitted.get(0);
                s.append(m.name()).append(", ").append(plural(m.failures(), "failure")).append(" among ")
                        .append(plural(m.drives(), "drive")).append(": ").append(m.choice().perDiskWords());
            }
            case POOLED -> s.append("One lifetime fits these ").append(fitted.size()).append(" models: one Weibull for "
                    + "all is not rejected against one for each (").append(pooling.text()).append("). ")
                    .append(pooled.perDiskWords());
            case PER_MODEL -> {
                s.append("Do not plan with one lifetime for these ").append(fitted.size()).append(" models: one "
                        + "Weibull for all is rejected against one for each (").append(pooling.text())
                        .append("). Use the line of the model your arrays are built from:");
                for (ModelLifetimes m : fitted) {
                    LifetimeChoice c = m.choice();
                    s.append(' ').append(m.name()).append(", ");
                    if (c.weibullBetter()) {
                        s.append(String.format(Locale.ROOT, "Weibull shape %.3g [%.3g, %.3g] (hazard %s with age; "
                                + "p %s for shape 1);", c.weibull().shape().estimate(), c.weibull().shape().ci95Low(),
                                c.weibull().shape().ci95High(), c.weibull().shape().estimate() > 1 ? "rising"
                                        : "falling", CountSummary.pValue(c.pValue())));
                    } else {
                        s.append(String.format(Locale.ROOT, "constant hazard, MTTF %.3g years (shape %.3g [%.3g, "
                                + "%.3g] not distinguishable from 1);", c.exponential().mean().estimate() / 8766,
                                c.weibull().shape().estimate(), c.weibull().shape().ci95Low(),
                                c.weibull().shape().ci95High()));
                    }
                }
                s.setLength(s.length() - 1);
                s.append('.');
            }
            case TOO_FEW_FAILURES -> s.append("No model has the ").append(CountSummary.MIN_FAILURES)
                    .append(" failures a lifetime of its own needs: collect more, or fit these drives together "
                            + "with their family.");
        }
        if (!sparse.isEmpty() && verdict != Verdict.TOO_FEW_FAILURES) {
            s.append(' ').append(plural(sparse.size(), "model")).append(" with fewer than ")
                    .append(CountSummary.MIN_FAILURES).append(" failures got no lifetime: ");
            List<String> names = new ArrayList<>();
            sparse.forEach(m -> names.add(m.name() + " (" + m.failures() + ")"));
            s.append(String.join(", ", names)).append('.');
        }
        if (!grouped.isEmpty()) {
            s.append(' ').append(plural(grouped.size(), "model")).append(" with fewer than ").append(minDrives)
                    .append(" drives got no lifetime (--min-drives lowers the bar).");
        }
        return s.toString();
    }

    private static String plural(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
