package org.mailsim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mailsim.fit.Bursts;
import org.mailsim.fit.CountFit;
import org.mailsim.fit.CountFits;
import org.mailsim.fit.CountSummary;
import org.mailsim.files.InputFiles;
import org.mailsim.files.Json;
import org.mailsim.fit.DriveCountsReader;
import org.mailsim.fit.DriveLifetimesReader;
import org.mailsim.fit.LifetimeChoice;
import org.mailsim.fit.LifetimeSummary;
import org.mailsim.fit.DriveModelCounts;
import org.mailsim.fit.EventFit;
import org.mailsim.fit.EventFits;
import org.mailsim.fit.EventTrace;
import org.mailsim.fit.EventTraceReader;
import org.mailsim.fit.FitYaml;
import org.mailsim.fit.GoodnessOfFit;
import org.mailsim.fit.InvalidDataException;
import org.mailsim.random.Distributions;
import org.mailsim.stats.Estimate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mailsim fit}: lifetimes from data, with intervals, goodness of fit and a ready scenario block. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Fits lifetime distributions to disk data by maximum likelihood and prints a ready "
                + "scenario block.",
                "counts: Backblaze-style per-model counts (columns model, drive_days, failed; optional capacity_tb, "
                        + "n_unique, surv_5yr...): the constant-hazard fit (AFR, MTTF, exact chi-square CI) per drive "
                        + "model, and one rate for all only where a likelihood-ratio test accepts it. A Weibull shape is not identifiable from counts; the output "
                        + "says so and checks the constant hazard against the file's 5-year survival.",
                "lifetimes: one row per drive, its age (columns hours, days or years) when it failed or when "
                        + "observation ended, failed (1/0), optional model: exponential vs Weibull per model "
                        + "(likelihood-ratio test of shape 1, AIC) and one lifetime for all models or one each.",
                "events: a trace with an ISO-8601 timestamp column, one row per failure: fleet-level times "
                        + "between failures, exponential vs Weibull (likelihood-ratio test, AIC, "
                        + "Kolmogorov-Smirnov), and bursts."})
final class FitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "CSV file of counts, per-drive lifetimes or events.")
    Path file;

    @Option(names = "--kind", description = "counts, lifetimes or events (default: from the header).")
    Kind kind;

    @Option(names = "--model", paramLabel = "PATTERN",
            description = "counts, lifetimes: fit models matching PATTERN (the model number, or vendor and number; "
                    + "case-insensitive; * and ? wildcards); repeatable.")
    List<String> models = new ArrayList<>();

    @Option(names = "--capacity", paramLabel = "TB", description = "counts: only models of this capacity; repeatable.")
    List<Double> capacities = new ArrayList<>();

    @Option(names = "--where", paramLabel = "COLUMN=VALUE",
            description = "events: only rows whose COLUMN equals VALUE (e.g. Action=replacement); repeatable.")
    Map<String, String> where = new LinkedHashMap<>();

    @Option(names = "--timestamp-column", defaultValue = EventTraceReader.DEFAULT_COLUMN,
            description = "events: the timestamp column (default: ${DEFAULT-VALUE}).")
    String timestampColumn;

    @Option(names = "--burst-window", defaultValue = "10m",
            description = "events: failures this close count as a burst (default: ${DEFAULT-VALUE}).")
    String burstWindow;

    @Option(names = "--fleet-size", paramLabel = "DISKS",
            description = "events: disks in the fleet; adds the per-disk mean lifetime (fleet-size x mean gap).")
    Long fleetSize;

    @Option(names = "--min-drives", paramLabel = "N",
            description = "counts, lifetimes: models with fewer drives get no row or lifetime of their own (default: "
                    + CountSummary.DEFAULT_MIN_DRIVES + ").")
    Integer minDrives;

    @Option(names = "--pooled", description = "counts: print the pooled lifetime even when the models' rates differ "
            + "(the fleet average of this exact mix of models).")
    boolean pooledAnyway;

    @Option(names = "--format", defaultValue = "table", description = "table, yaml or json (default: ${DEFAULT-VALUE}).")
    Format format;

    enum Kind { counts, events, lifetimes }

    enum Format { table, yaml, json }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try {
            InputFiles.checkRegular(file, MAX_BYTES, "a CSV file of drive counts or failure events");
        } catch (InputFiles.InputFileException e) {
            throw new InvalidInputException(file + ": " + e.getMessage());
        }
        try {
            Kind k = kind != null ? kind : detectKind();
            Map<String, Object> report = switch (k) {
                case counts -> counts(out);
                case lifetimes -> lifetimes(out);
                case events -> events(out);
            };
            if (format != Format.table) {
                out.print(render(format, report));
            }
            out.flush();
            return Main.EXIT_OK;
        } catch (InvalidDataException e) {
            return invalid(e.getMessage());
        } catch (NoSuchFileException e) {
            return invalid(e.getFile() + ": no such file");
        } catch (java.nio.charset.CharacterCodingException e) {
            return invalid(file + ": not UTF-8 text; expected a CSV file of drive counts or failure events");
        } catch (IllegalArgumentException e) {
            return invalid(file + ": " + e.getMessage());
        }
    }

    private static int invalid(String message) {
        throw new InvalidInputException(message);
    }

    /** Data files to fit: the largest published drive-stats extracts are a few hundred MB. */
    static final long MAX_BYTES = 1L << 30;

    private Kind detectKind() throws IOException {
        String header;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            header = in.readLine();
        }
        List<String> columns = new ArrayList<>();
        for (String c : (header == null ? "" : header).split(",", -1)) {
            columns.add(c.strip().toLowerCase(Locale.ROOT));
        }
        if (columns.contains("drive_days") && columns.contains("failed")) {
            return Kind.counts;
        }
        if (DriveLifetimesReader.looksLikeLifetimes(columns)) {
            return Kind.lifetimes;
        }
        if (columns.contains(timestampColumn.toLowerCase(Locale.ROOT))) {
            return Kind.events;
        }
        throw new InvalidDataException(file + ":1: cannot tell the kind of data: expected columns drive_days and "
                + "failed (counts), failed and hours, days or years (lifetimes) or " + timestampColumn
                + " (events), got " + columns + "; or give --kind");
    }

    // ---------------------------------------------------------------- counts

    private Map<String, Object> counts(PrintWriter out) throws IOException {
        if (!where.isEmpty() || fleetSize != null) {
            throw new ParameterException(spec.commandLine(), "--where and --fleet-size apply to events, not counts");
        }
        int min = minDrives == null ? CountSummary.DEFAULT_MIN_DRIVES : minDrives;
        if (min < 1) {
            throw new ParameterException(spec.commandLine(), "--min-drives must be at least 1, got " + min);
        }
        List<DriveModelCounts> all = DriveCountsReader.read(file);
        List<DriveModelCounts> selected = CountFits.select(all, models, capacities);
        String selection = describeSelection();
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("no model matches " + selection + " (" + all.size()
                    + " models in the file)");
        }
        CountSummary summary = CountSummary.of(selection, selected, min);
        CountFit pooled = summary.pooled();

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("kind", "counts");
        report.put("source", file.toString());
        report.put("selection", selection);
        report.put("fit", countFit(pooled));
        List<Object> rows = new ArrayList<>();
        for (CountSummary.ModelFit m : summary.models()) {
            Map<String, Object> row = modelRow(m);
            row.put("ownRow", summary.ownRows().contains(m));
            rows.add(row);
        }
        report.put("models", rows);
        if (summary.other() != null) {
            Map<String, Object> other = countFit(summary.other());
            other.remove("distribution");
            other.remove("heterogeneity");
            other.put("minDrives", min);
            other.put("modelNames", summary.grouped().stream().map(m -> m.name().display()).toList());
            report.put("other", other);
        }
        if (!summary.unidentified().isEmpty()) {
            List<Object> junk = new ArrayList<>();
            for (DriveModelCounts m : summary.unidentified()) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("field", m.model());
                j.put("line", m.line());
                j.put("problem", m.name().problem());
                j.put("drives", m.drives());
                j.put("driveDays", m.driveDays());
                j.put("failures", m.failures());
                junk.add(j);
            }
            report.put("unidentified", junk);
        }
        report.put("weibull", Map.of("identifiable", false, "reason", WEIBULL_FROM_COUNTS));
        Map<String, Object> recommendation = new LinkedHashMap<>();
        recommendation.put("verdict", summary.verdict().key());
        recommendation.put("text", summary.recommendation());
        report.put("recommendation", recommendation);
        CountFit chosen = summary.recommendedFit();
        if (chosen == null && pooledAnyway) {
            chosen = pooled;
        }
        if (chosen != null) {
            report.put("lifetime", lifetimeMap(chosen.mttfHours().estimate()));
        }
        if (!summary.lifetimes().isEmpty()) {
            List<Object> lifetimes = new ArrayList<>();
            for (CountSummary.ModelFit m : summary.lifetimes()) {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("model", m.name().display());
                l.put("lifetime", lifetimeMap(m.fit().mttfHours().estimate()));
                lifetimes.add(l);
            }
            report.put("lifetimes", lifetimes);
        }

        if (format == Format.table) {
            printCounts(out, summary, chosen);
        }
        return report;
    }

    private static final String WEIBULL_FROM_COUNTS = "A Weibull shape is not identifiable from (drives, drive-days, "
            + "failures): the likelihood of an age-dependent hazard needs each drive's age at failure or at the end of "
            + "observation, and the same counts arise from a young fleet with a rising hazard or an old one with a "
            + "falling hazard. The file's 5-year survival and years_97pct come from one Cox model over all drive "
            + "models (zachmayer/backblaze_analysis code/survival.R), so their age dependence is a shared baseline, "
            + "and years_97pct is a lower 95% confidence bound, not a point on the curve. Counts support a constant "
            + "hazard; use drive-level ages or an event trace for a shape.";

    private void printCounts(PrintWriter out, CountSummary summary, CountFit chosen) {
        CountFit pooled = summary.pooled();
        out.printf(Locale.ROOT, "%s: %s (%,d drive model%s%s)%n", file, pooled.label(), summary.models().size(),
                summary.models().size() == 1 ? "" : "s",
                summary.unidentified().isEmpty() ? ""
                        : "; " + summary.unidentified().size() + " rows name no model and are left out");
        out.printf(Locale.ROOT, "%-24s %4s %8s %13s %7s  %-26s %-9s %-22s %s%n", "model", "TB", "drives",
                "drive-days", "failed", "AFR %/y (95% CI)", "MTTF y", "S(5y) if constant", "S(5y) Cox");
        if (summary.models().size() > 1) {
            out.println(countLine("all selected", "", pooled, null));
        }
        for (CountSummary.ModelFit m : summary.ownRows()) {
            DriveModelCounts c = m.counts();
            out.println(countLine(m.name().display(), Double.isNaN(c.capacityTb()) ? "" : FitYaml.number(
                    c.capacityTb()), m.fit(), c));
        }
        if (summary.other() != null) {
            out.println(countLine(summary.other().label(), "", summary.other(), null));
        }
        out.println();
        if (pooled.heterogeneity() != null) {
            CountFit.Heterogeneity h = pooled.heterogeneity();
            out.printf(Locale.ROOT, "one rate for all %d models? %s%s%n", pooled.models(), CountSummary.test(h),
                    summary.verdict() == CountSummary.Verdict.PER_MODEL
                            ? ": no, the pooled AFR is a fleet average of different rates"
                            : ": yes, within chance");
        }
        List<CountSummary.ModelFit> withCox = summary.ownRows().stream()
                .filter(m -> m.counts().hasFiveYearSurvival()).toList();
        long disagree = withCox.stream().filter(m -> !CountFits.agreesWithCox(m.fit(), m.counts())).count();
        if (disagree > 0) {
            out.printf(Locale.ROOT, "constant-hazard S(5y) outside the Cox 95%% band for %d of %d models in the "
                    + "table (marked *): their hazard changes with age%n", disagree, withCox.size());
        } else if (!withCox.isEmpty()) {
            out.printf(Locale.ROOT, "constant-hazard S(5y) inside the Cox 95%% band for every model in the table%n");
        }
        if (summary.other() != null) {
            List<String> names = summary.grouped().stream().map(m -> m.name().display()).toList();
            out.println(wrap(String.format(Locale.ROOT, "other: %d models with fewer than %d drives each "
                    + "(--min-drives 1 lists them): %s%s", names.size(), summary.minDrives(),
                    String.join(", ", names.subList(0, Math.min(8, names.size()))),
                    names.size() > 8 ? " and " + (names.size() - 8) + " more" : ""), 110));
        }
        if (!summary.unidentified().isEmpty()) {
            List<String> junk = new ArrayList<>();
            long drives = 0;
            long failures = 0;
            for (DriveModelCounts m : summary.unidentified()) {
                junk.add(String.format(Locale.ROOT, "'%s' (line %d: %s)", m.model(), m.line(), m.name().problem()));
                drives += m.drives();
                failures += m.failures();
            }
            out.println(wrap(String.format(Locale.ROOT, "left out of every fit, no drive model named: %s; %,d "
                    + "drives, %,d failures", String.join(", ", junk), drives, failures), 110));
        }
        out.println(wrap("Weibull: " + WEIBULL_FROM_COUNTS, 110));
        out.println();
        out.println(wrap("Recommendation: " + summary.recommendation(), 110));
        out.println();
        String source = file.getFileName().toString();
        if (chosen != null && chosen == pooled && summary.verdict() == CountSummary.Verdict.PER_MODEL) {
            out.printf(Locale.ROOT, "# storage.disk.lifetime, fleet average of %s in %s (--pooled): the models "
                    + "differ (%s); right for failure counts of this exact mix only%n", pooled.label(), source,
                    CountSummary.test(pooled.heterogeneity()));
            out.println(FitYaml.block("lifetime", chosen.distribution()));
        } else if (chosen != null) {
            out.printf(Locale.ROOT, "# storage.disk.lifetime, constant hazard fitted to %s in %s%n",
                    summary.verdict() == CountSummary.Verdict.SINGLE_MODEL
                            ? summary.models().get(0).name().display() : pooled.label(), source);
            out.println(FitYaml.block("lifetime", chosen.distribution()));
        }
        if (!summary.lifetimes().isEmpty()) {
            out.printf(Locale.ROOT, "# storage.disk.lifetime per drive model, constant hazard fitted to %s: paste "
                    + "the line of the model your arrays use%n", source);
            for (CountSummary.ModelFit m : summary.lifetimes()) {
                String block = FitYaml.block("lifetime", m.fit().distribution());
                out.printf(Locale.ROOT, "%-55s # %s%s: AFR %s a year%n", block, m.name().display(),
                        Double.isNaN(m.counts().capacityTb()) ? ""
                                : ", " + FitYaml.number(m.counts().capacityTb()) + " TB", CountSummary.afr(m.fit()));
            }
        }
    }

    private static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int lineStart = 0;
        for (String word : text.split(" ")) {
            if (out.length() - lineStart + word.length() + 1 > width && out.length() > lineStart) {
                out.append(System.lineSeparator()).append("  ");
                lineStart = out.length() - 2;
            } else if (out.length() > 0) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.toString();
    }

    private static String countLine(String name, String capacity, CountFit fit, DriveModelCounts m) {
        Estimate afr = fit.afr();
        String afrText = afr.boundOnly()
                ? String.format(Locale.ROOT, "< %.3g (no failures)", 100 * afr.estimate())
                : String.format(Locale.ROOT, "%.3g [%.3g, %.3g]", 100 * afr.estimate(), 100 * afr.ci95Low(),
                        100 * afr.ci95High());
        String mttf = String.format(Locale.ROOT, "%s%.3g", fit.mttfHours().boundOnly() ? ">" : "",
                fit.mttfHours().estimate() / 8766);
        Estimate s = fit.fiveYearSurvival();
        String constant = s.boundOnly() ? String.format(Locale.ROOT, "> %.4f", s.estimate())
                : String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", s.estimate(), s.ci95Low(), s.ci95High());
        String cox = "";
        if (m != null && m.hasFiveYearSurvival()) {
            cox = String.format(Locale.ROOT, "%.4f [%.4f, %.4f]%s", m.fiveYearSurvival(), m.fiveYearSurvivalLow(),
                    m.fiveYearSurvivalHigh(), CountFits.agreesWithCox(fit, m) ? "" : " *");
        }
        return String.format(Locale.ROOT, "%-24s %4s %8d %13.0f %7d  %-26s %-9s %-22s %s", name, capacity,
                fit.drives(), fit.driveDays(), fit.failures(), afrText, mttf, constant, cox).stripTrailing();
    }

    private static Map<String, Object> countFit(CountFit fit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("distribution", "exponential");
        m.put("models", fit.models());
        m.put("drives", fit.drives());
        m.put("driveDays", fit.driveDays());
        m.put("failures", fit.failures());
        m.put("afrPerDriveYear", estimate(fit.afr()));
        m.put("mttfHours", estimate(fit.mttfHours()));
        m.put("fiveYearSurvival", estimate(fit.fiveYearSurvival()));
        if (fit.heterogeneity() != null) {
            m.put("heterogeneity", Map.of("gStatistic", fit.heterogeneity().gStatistic(),
                    "degreesOfFreedom", fit.heterogeneity().degreesOfFreedom(),
                    "pValue", fit.heterogeneity().pValue()));
        }
        return m;
    }

    private static Map<String, Object> modelRow(CountSummary.ModelFit model) {
        DriveModelCounts counts = model.counts();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model.name().display());
        m.put("vendor", model.name().vendor());
        m.put("modelNumber", model.name().number());
        m.put("field", counts.model());
        if (!Double.isNaN(counts.capacityTb())) {
            m.put("capacityTb", counts.capacityTb());
        }
        m.putAll(countFit(model.fit()));
        m.remove("models");
        m.remove("distribution");
        m.put("enoughFailuresForOwnLifetime", !model.sparse());
        if (counts.hasFiveYearSurvival()) {
            m.put("fiveYearSurvivalCox", Map.of("estimate", counts.fiveYearSurvival(),
                    "ci95Low", counts.fiveYearSurvivalLow(), "ci95High", counts.fiveYearSurvivalHigh()));
            m.put("constantHazardAgreesWithCox", CountFits.agreesWithCox(model.fit(), counts));
        }
        return m;
    }

    private String describeSelection() {
        List<String> parts = new ArrayList<>();
        if (!models.isEmpty()) {
            parts.add("model " + String.join(" or ", models));
        }
        if (!capacities.isEmpty()) {
            List<String> tb = new ArrayList<>();
            for (double c : capacities) {
                tb.add(FitYaml.number(c) + "TB");
            }
            parts.add("capacity " + String.join(" or ", tb));
        }
        return parts.isEmpty() ? "all models" : String.join(", ", parts);
    }

    // ---------------------------------------------------------------- lifetimes

    private Map<String, Object> lifetimes(PrintWriter out) throws IOException {
        if (!where.isEmpty() || fleetSize != null || !capacities.isEmpty() || pooledAnyway) {
            throw new ParameterException(spec.commandLine(),
                    "--where, --fleet-size, --capacity and --pooled do not apply to per-drive lifetimes");
        }
        int min = minDrives == null ? CountSummary.DEFAULT_MIN_DRIVES : minDrives;
        if (min < 1) {
            throw new ParameterException(spec.commandLine(), "--min-drives must be at least 1, got " + min);
        }
        List<DriveLifetimesReader.Drive> all = DriveLifetimesReader.read(file);
        List<DriveLifetimesReader.Drive> selected = all.stream()
                .filter(d -> CountFits.selected(d.model(), models)).toList();
        String selection = describeSelection();
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("no drive matches " + selection + " (" + all.size()
                    + " drives in the file)");
        }
        LifetimeSummary summary = LifetimeSummary.of(selection, selected, min);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("kind", "lifetimes");
        report.put("source", file.toString());
        report.put("selection", selection);
        report.put("drives", selected.size());
        List<Object> rows = new ArrayList<>();
        for (LifetimeSummary.ModelLifetimes m : summary.fitted()) {
            rows.add(lifetimeRow(m, "fitted"));
        }
        for (LifetimeSummary.ModelLifetimes m : summary.sparse()) {
            rows.add(lifetimeRow(m, "tooFewFailures"));
        }
        for (LifetimeSummary.ModelLifetimes m : summary.grouped()) {
            rows.add(lifetimeRow(m, "tooFewDrives"));
        }
        report.put("models", rows);
        if (!summary.unidentified().isEmpty()) {
            report.put("unidentifiedDrives", summary.unidentified().size());
        }
        if (summary.pooling() != null) {
            report.put("pooling", Map.of("gStatistic", summary.pooling().gStatistic(), "degreesOfFreedom",
                    summary.pooling().degreesOfFreedom(), "pValue", summary.pooling().pValue()));
            report.put("pooled", choiceMap(summary.pooled()));
        }
        Map<String, Object> recommendation = new LinkedHashMap<>();
        recommendation.put("verdict", summary.verdict().key());
        recommendation.put("text", summary.recommendation());
        report.put("recommendation", recommendation);
        LifetimeChoice chosen = summary.recommended();
        if (chosen != null) {
            report.put("lifetime", distributionMap(chosen));
        }
        if (summary.verdict() == LifetimeSummary.Verdict.PER_MODEL) {
            List<Object> lifetimes = new ArrayList<>();
            for (LifetimeSummary.ModelLifetimes m : summary.fitted()) {
                lifetimes.add(Map.of("model", m.name(), "lifetime", distributionMap(m.choice())));
            }
            report.put("lifetimes", lifetimes);
        }
        if (format == Format.table) {
            printLifetimes(out, summary, selected.size());
        }
        return report;
    }

    private void printLifetimes(PrintWriter out, LifetimeSummary summary, int drives) {
        long failures = summary.fitted().stream().mapToLong(LifetimeSummary.ModelLifetimes::failures).sum()
                + summary.sparse().stream().mapToLong(LifetimeSummary.ModelLifetimes::failures).sum()
                + summary.grouped().stream().mapToLong(LifetimeSummary.ModelLifetimes::failures).sum();
        out.printf(Locale.ROOT, "%s: %s, %,d drives, %,d failures%s%n", file, summary.label(), drives, failures,
                summary.unidentified().isEmpty() ? "" : String.format(Locale.ROOT,
                        " (%,d drives whose model field names no model are left out)", summary.unidentified().size()));
        out.printf(Locale.ROOT, "%-24s %7s %7s %11s  %-26s %-24s %9s  %-18s %s%n", "model", "drives", "failed",
                "drive-years", "exponential: MTTF y", "Weibull: shape (95% CI)", "scale y", "shape = 1? p",
                "better");
        for (LifetimeSummary.ModelLifetimes m : summary.fitted()) {
            LifetimeChoice c = m.choice();
            Estimate mean = c.exponential().mean();
            Estimate k = c.weibull().shape();
            out.println(String.format(Locale.ROOT, "%-24s %7d %7d %11.0f  %-26s %-24s %9.3g  %-18s %s", m.name(),
                    m.drives(), m.failures(), m.driveHours() / 8766,
                    String.format(Locale.ROOT, "%.3g [%.3g, %.3g]", mean.estimate() / 8766, mean.ci95Low() / 8766,
                            mean.ci95High() / 8766),
                    String.format(Locale.ROOT, "%.3g [%.3g, %.3g]", k.estimate(), k.ci95Low(), k.ci95High()),
                    c.weibull().scale().estimate() / 8766, CountSummary.pValue(c.pValue()), c.preferred()));
        }
        for (LifetimeSummary.ModelLifetimes m : summary.sparse()) {
            out.printf(Locale.ROOT, "%-24s %7d %7d %11.0f  (fewer than %d failures: no fit)%n", m.name(), m.drives(),
                    m.failures(), m.driveHours() / 8766, CountSummary.MIN_FAILURES);
        }
        for (LifetimeSummary.ModelLifetimes m : summary.grouped()) {
            out.printf(Locale.ROOT, "%-24s %7d %7d %11.0f  (fewer than %d drives: no fit)%n", m.name(), m.drives(),
                    m.failures(), m.driveHours() / 8766, summary.minDrives());
        }
        out.println();
        if (summary.pooling() != null) {
            out.printf(Locale.ROOT, "one lifetime for all %d fitted models? one Weibull against one each: %s: %s%n",
                    summary.fitted().size(), summary.pooling().text(),
                    summary.verdict() == LifetimeSummary.Verdict.PER_MODEL ? "no" : "yes, within chance");
        }
        out.println(wrap("Recommendation: " + summary.recommendation(), 110));
        out.println();
        String source = file.getFileName().toString();
        LifetimeChoice chosen = summary.recommended();
        if (chosen != null) {
            String target = summary.verdict() == LifetimeSummary.Verdict.SINGLE_MODEL
                    ? summary.fitted().get(0).name() : summary.label();
            out.printf(Locale.ROOT, "# storage.disk.lifetime, %s fitted to %s in %s%n",
                    chosen.weibullBetter() ? "Weibull" : "constant hazard", target, source);
            out.println(FitYaml.block("lifetime", chosen.distribution()));
        } else if (summary.verdict() == LifetimeSummary.Verdict.PER_MODEL) {
            out.printf(Locale.ROOT, "# storage.disk.lifetime per drive model, fitted to %s: paste the line of the "
                    + "model your arrays use%n", source);
            for (LifetimeSummary.ModelLifetimes m : summary.fitted()) {
                out.printf(Locale.ROOT, "%-72s # %s%n", FitYaml.block("lifetime", m.choice().distribution()),
                        m.name());
            }
        }
    }

    private static Map<String, Object> lifetimeRow(LifetimeSummary.ModelLifetimes m, String status) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("model", m.name());
        row.put("status", status);
        row.put("drives", m.drives());
        row.put("failures", m.failures());
        row.put("driveHours", m.driveHours());
        if (m.choice() != null) {
            row.putAll(choiceMap(m.choice()));
        }
        return row;
    }

    private static Map<String, Object> choiceMap(LifetimeChoice c) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> exp = new LinkedHashMap<>();
        exp.put("meanHours", estimate(c.exponential().mean()));
        exp.putAll(goodness(c.exponential().goodness()));
        m.put("exponential", exp);
        Map<String, Object> wei = new LinkedHashMap<>();
        wei.put("shape", estimate(c.weibull().shape()));
        wei.put("scaleHours", estimate(c.weibull().scale()));
        wei.put("meanHours", estimate(c.weibull().mean()));
        wei.putAll(goodness(c.weibull().goodness()));
        m.put("weibull", wei);
        m.put("shapeTest", Map.of("gStatistic", c.gStatistic(), "degreesOfFreedom", 1, "pValue", c.pValue()));
        m.put("aicAdvantageOfWeibull", c.aicAdvantageOfWeibull());
        m.put("preferred", c.preferred());
        return m;
    }

    private static Map<String, Object> distributionMap(LifetimeChoice c) {
        return c.weibullBetter() ? weibullMap(c.weibull().shape().estimate(), c.weibull().scale().estimate())
                : lifetimeMap(c.exponential().mean().estimate());
    }

    // ---------------------------------------------------------------- events

    private Map<String, Object> events(PrintWriter out) throws IOException {
        if (!models.isEmpty() || !capacities.isEmpty() || minDrives != null || pooledAnyway) {
            throw new ParameterException(spec.commandLine(),
                    "--model, --capacity, --min-drives and --pooled apply to counts, not events");
        }
        if (fleetSize != null && fleetSize < 1) {
            throw new ParameterException(spec.commandLine(), "--fleet-size must be at least 1");
        }
        double window = durationHours(burstWindow);
        EventTrace trace = EventTraceReader.read(file, timestampColumn, where);
        EventFit fit = EventFits.fit(trace, window);
        String between = FitYaml.block("timeBetweenFailures", fit.choice().distribution());
        Estimate perDisk = null;
        if (fleetSize != null) {
            // Elementary renewal theorem: N disks replaced on failure fail at N / MTTF per hour in the long run,
            // whatever their lifetime law, so MTTF = N x mean gap. The interval assumes Poisson failures, which
            // bursts are not: read it as a lower limit of the uncertainty.
            Estimate gap = fit.exponential().mean();
            perDisk = new Estimate(fleetSize * gap.estimate(), fleetSize * gap.ci95Low(), fleetSize * gap.ci95High(),
                    false);
        }

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("kind", "events");
        report.put("source", file.toString());
        if (!where.isEmpty()) {
            report.put("where", where);
        }
        report.put("events", fit.events());
        report.put("first", trace.first().toString());
        report.put("last", trace.last().toString());
        report.put("spanHours", fit.spanHours());
        report.put("gaps", fit.events() - 1);
        report.put("zeroGaps", fit.zeroGaps());
        report.put("resolutionHours", trace.resolutionHours());
        Map<String, Object> exp = new LinkedHashMap<>();
        exp.put("meanHours", estimate(fit.exponential().mean()));
        exp.putAll(goodness(fit.exponential().goodness()));
        report.put("exponential", exp);
        Map<String, Object> wei = new LinkedHashMap<>();
        wei.put("shape", estimate(fit.weibull().shape()));
        wei.put("scaleHours", estimate(fit.weibull().scale()));
        wei.put("meanHours", estimate(fit.weibull().mean()));
        wei.put("correlationLnShapeLnScale", fit.weibull().correlation());
        wei.putAll(goodness(fit.weibull().goodness()));
        report.put("weibull", wei);
        report.put("shapeTest", Map.of("gStatistic", fit.choice().gStatistic(), "degreesOfFreedom", 1,
                "pValue", fit.choice().pValue()));
        report.put("preferred", fit.preferred());
        report.put("aicAdvantageOfWeibull", fit.aicAdvantageOfWeibull());
        report.put("recommendation", Map.of("text", fit.choice().fleetGapWords()));
        report.put("bursts", bursts(fit.bursts()));
        report.put("timeBetweenFailures", fit.preferred().equals("weibull")
                ? weibullMap(fit.weibull().shape().estimate(), fit.weibull().scale().estimate())
                : lifetimeMap(fit.exponential().mean().estimate()));
        if (perDisk != null) {
            report.put("fleetSize", fleetSize);
            report.put("perDiskMeanLifetimeHours", estimate(perDisk));
            report.put("lifetime", lifetimeMap(perDisk.estimate()));
        }
        if (format == Format.table) {
            printEvents(out, trace, fit, between, perDisk);
        }
        return report;
    }

    private void printEvents(PrintWriter out, EventTrace trace, EventFit fit, String between, Estimate perDisk) {
        out.printf(Locale.ROOT, "%s%s: %,d events, %s .. %s (%.1f days)%n", file,
                where.isEmpty() ? "" : " where " + where, fit.events(), trace.first(), trace.last(),
                fit.spanHours() / 24);
        out.printf(Locale.ROOT, "times between failures (fleet level): %,d gaps, %d stamped in the same %s "
                + "(left-censored there)%n", fit.events() - 1, fit.zeroGaps(),
                trace.resolutionHours() * 3600 >= 1 ? "second" : "clock tick");
        out.printf(Locale.ROOT, "  %-12s %-60s %11s %10s %7s%n", "", "maximum likelihood, 95% CI", "ln L", "AIC",
                "KS D");
        Estimate mean = fit.exponential().mean();
        GoodnessOfFit ge = fit.exponential().goodness();
        out.printf(Locale.ROOT, "  %-12s %-60s %11.1f %10.1f %7.4f%n", "exponential",
                String.format(Locale.ROOT, "mean %.4g h [%.4g, %.4g]", mean.estimate(), mean.ci95Low(),
                        mean.ci95High()), ge.logLikelihood(), ge.aic(), ge.ksStatistic());
        Estimate shape = fit.weibull().shape();
        Estimate scale = fit.weibull().scale();
        GoodnessOfFit gw = fit.weibull().goodness();
        out.printf(Locale.ROOT, "  %-12s %-60s %11.1f %10.1f %7.4f%n", "weibull",
                String.format(Locale.ROOT, "shape %.3f [%.3f, %.3f], scale %.4g h [%.4g, %.4g]", shape.estimate(),
                        shape.ci95Low(), shape.ci95High(), scale.estimate(), scale.ci95Low(), scale.ci95High()),
                gw.logLikelihood(), gw.aic(), gw.ksStatistic());
        out.printf(Locale.ROOT, "  better: %s (%s)%n", fit.preferred(), fit.choice().test());
        Bursts b = fit.bursts();
        String w = burstWindow;
        out.printf(Locale.ROOT, "bursts (window %s): %,d of %,d failures follow the previous one within %s = %.1f%% "
                        + "[%.1f%%, %.1f%%]%n", w, b.followers(), b.events(), w,
                100 * b.followerFraction().estimate(), 100 * b.followerFraction().ci95Low(),
                100 * b.followerFraction().ci95High());
        out.printf(Locale.ROOT, "  %,d (%.1f%% [%.1f%%, %.1f%%]) are within %s of another failure; %,d bursts, "
                        + "mean size %.2f, largest %d%n", b.inBursts(), 100 * b.inBurstFraction().estimate(),
                100 * b.inBurstFraction().ci95Low(), 100 * b.inBurstFraction().ci95High(), w, b.bursts(),
                b.meanBurstSize(), b.largestBurst());
        out.println();
        out.println(wrap("Recommendation: " + fit.choice().fleetGapWords(), 110));
        out.println();
        out.println("# fleet-level time between failures (not a per-disk lifetime, no scenario key)");
        out.println("# " + between);
        out.println("# bursts counted over the whole trace; storage.correlated.aftershock takes them counted per "
                + "unit of disks (burstFraction, burstUnitDisks: docs/calibration.md)");
        out.printf(Locale.ROOT, "# bursts: {window: %s, followerFraction: %s, inBurstFraction: %s, meanSize: %s}%n",
                w, FitYaml.number(b.followerFraction().estimate()), FitYaml.number(b.inBurstFraction().estimate()),
                Double.isNaN(b.meanBurstSize()) ? "0" : FitYaml.number(b.meanBurstSize()));
        if (perDisk != null) {
            out.printf(Locale.ROOT, "# storage.disk.lifetime: %d disks x mean gap (renewal theorem), "
                    + "95%% CI [%s, %s] if failures were Poisson%n", fleetSize, FitYaml.hours(perDisk.ci95Low()),
                    FitYaml.hours(perDisk.ci95High()));
            out.println(FitYaml.block("lifetime", Distributions.exponential(perDisk.estimate())));
        }
    }

    private static Map<String, Object> bursts(Bursts b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("windowHours", b.windowHours());
        m.put("followers", b.followers());
        m.put("followerFraction", estimate(b.followerFraction()));
        m.put("inBursts", b.inBursts());
        m.put("inBurstFraction", estimate(b.inBurstFraction()));
        m.put("bursts", b.bursts());
        m.put("meanBurstSize", Json.finiteOrNull(b.meanBurstSize()));
        m.put("largestBurst", b.largestBurst());
        return m;
    }

    /** The --burst-window duration in hours, read as the scenario reads durations. */
    private double durationHours(String text) {
        try {
            return new Converters.Hours().convert(text);
        } catch (picocli.CommandLine.TypeConversionException e) {
            throw new ParameterException(spec.commandLine(), "--burst-window: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- output

    private static Map<String, Object> lifetimeMap(double meanHours) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("distribution", "exponential");
        m.put("mean", FitYaml.hours(meanHours));
        return m;
    }

    private static Map<String, Object> weibullMap(double shape, double scaleHours) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("distribution", "weibull");
        m.put("shape", Double.parseDouble(FitYaml.number(shape)));
        m.put("scale", FitYaml.hours(scaleHours));
        return m;
    }

    private static Map<String, Object> goodness(GoodnessOfFit g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("logLikelihood", g.logLikelihood());
        m.put("aic", g.aic());
        m.put("ksStatistic", Json.finiteOrNull(g.ksStatistic()));
        return m;
    }

    private static Map<String, Object> estimate(Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("estimate", e.estimate());
        m.put("ci95Low", e.ci95Low());
        m.put("ci95High", Json.finiteOrNull(e.ci95High()));
        if (e.boundOnly()) {
            m.put("boundOnly", true);
        }
        return m;
    }

    /** The report in YAML (the block a scenario takes), or as a JSON document through mailsim's one JSON setup. */
    private static String render(Format format, Map<String, Object> report) throws JsonProcessingException {
        if (format == Format.json) {
            return Json.document(report).stripTrailing();
        }
        return new ObjectMapper(YAMLFactory.builder().enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build())
                .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
    }
}
