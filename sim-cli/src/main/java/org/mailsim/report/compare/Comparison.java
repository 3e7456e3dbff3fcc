package org.mailsim.report.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;
import org.mailsim.report.Figures;
import org.mailsim.report.ReplicationsCsv;
import org.mailsim.report.Words;
import org.mailsim.report.html.Html;
import org.mailsim.run.Metric;
import org.mailsim.run.ReplicationTable;

/**
 * Runs side by side (from their report folders' summary.json and replications.csv): each metric's mean and 95%
 * interval per run, the difference of every run from the first, and whether that difference is significant at the
 * 5% level.
 *
 * <p>Which test, per later run B against A:
 * <ul>
 * <li><b>paired</b> when both used the same seed and number of replications and both folders hold replications.csv:
 * replication i of A and of B drew the same random streams (common random numbers), so their outcomes are
 * positively correlated and the test works on each replication's difference. A metric: the mean of the differences
 * with its Student-t 95% interval (paired t-test); a probability (P(data loss), of each severity class): McNemar's
 * exact test on the discordant replications (loss in one run only), a two-sided binomial test of those against
 * one half.
 * <li><b>unpaired</b> otherwise (and always for the two per-outage hours, which are means over outages, not values
 * per replication): the means' difference over the square root of the sum of their squared standard errors (each
 * from its 95% interval, half-width / 1.96), against 1.96; a probability: the two-proportion z-test on the
 * replications with one. The page and compare.json say which test each figure used, and why not the paired one.
 * </ul>
 */
public final class Comparison {
    static final ObjectMapper JSON = new ObjectMapper();
    static final double Z95 = 1.959963984540054;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    /** One run as read back: what it was, its summary document and its replications.csv (null when it has none). */
    public record Run(String label, String folder, JsonNode summary, ReplicationsCsv.Columns replicationValues) {
        public Run(String label, String folder, JsonNode summary) {
            this(label, folder, summary, null);
        }

        String scenario() {
            return summary.path("scenario").asText();
        }

        List<String> overrides() {
            List<String> out = new ArrayList<>();
            summary.path("overrides").forEach(n -> out.add(n.asText()));
            return out;
        }

        long seed() {
            return summary.path("seed").asLong();
        }

        long replications() {
            return summary.path("replications").asLong();
        }

        /** True when P(data loss) and the loss classes' probabilities are the rare-event estimator's. */
        boolean rareEstimate() {
            return summary.hasNonNull("estimator");
        }
    }

    private final List<Run> runs;
    private final List<Pairing> pairings = new ArrayList<>();

    public Comparison(List<Run> runs) {
        if (runs.size() < 2) {
            throw new IllegalArgumentException("compare needs at least two runs");
        }
        this.runs = List.copyOf(runs);
        for (int i = 1; i < runs.size(); i++) {
            pairings.add(pairing(runs.get(0), runs.get(i), letter(i)));
        }
    }

    /**
     * Reads the run report in {@code folder} (its summary.json, and replications.csv when there is one), or every
     * variant of a replay report (its variants/NAME/, in name order).
     *
     * @throws IOException when the folder holds neither, or a file cannot be read (naming the file and line)
     */
    public static List<Run> read(Path folder) throws IOException {
        Path summary = folder.resolve("summary.json");
        if (Files.isRegularFile(summary)) {
            return List.of(readRun(folder));
        }
        Path variants = folder.resolve("variants");
        if (Files.isRegularFile(folder.resolve("replay.json")) && Files.isDirectory(variants)) {
            List<Run> out = new ArrayList<>();
            try (var list = Files.list(variants)) {
                for (Path v : list.sorted().toList()) {
                    if (Files.isRegularFile(v.resolve("summary.json"))) {
                        out.add(readRun(v));
                    }
                }
            }
            return out;
        }
        throw new IOException(folder + " is not a run or replay report folder (no summary.json or replay.json)");
    }

    private static Run readRun(Path folder) throws IOException {
        JsonNode doc = JSON.readTree(folder.resolve("summary.json").toFile());
        Path values = folder.resolve(ReplicationsCsv.FILE);
        return new Run(label(doc), folder.toString(), doc,
                Files.isRegularFile(values) ? ReplicationsCsv.read(values) : null);
    }

    private static String label(JsonNode doc) {
        List<String> overrides = new ArrayList<>();
        doc.path("overrides").forEach(n -> overrides.add(n.asText()));
        String name = doc.path("scenario").asText();
        return overrides.isEmpty() ? name : name + " with " + String.join(", ", overrides);
    }

    // ------------------------------------------------------------------ which test

    /**
     * How run B is compared with A: {@code pairs} replications paired on common random numbers, or unpaired
     * ({@code pairs} 0), with a description that says which and why.
     */
    public record Pairing(boolean paired, int pairs, String description) {
    }

    static Pairing pairing(Run a, Run b, String letter) {
        String why = null;
        if (a.seed() != b.seed()) {
            why = "different seeds (A " + a.seed() + ", " + letter + " " + b.seed() + "): independent runs";
        } else if (a.replications() != b.replications()) {
            why = "different numbers of replications (A " + Figures.number(a.replications()) + ", " + letter + " "
                    + Figures.number(b.replications()) + ")";
        } else if (a.replicationValues() == null || b.replicationValues() == null) {
            why = (a.replicationValues() == null ? "A" : letter) + "'s folder has no " + ReplicationsCsv.FILE
                    + " (written for runs of at most " + Figures.number(ReplicationTable.MAX_REPLICATIONS)
                    + " replications)";
        } else if (a.replicationValues().rows() != a.replications()
                || b.replicationValues().rows() != b.replications()) {
            Run odd = a.replicationValues().rows() != a.replications() ? a : b;
            why = (odd == a ? "A" : letter) + "'s " + ReplicationsCsv.FILE + " holds "
                    + Figures.number(odd.replicationValues().rows()) + " rows for "
                    + Figures.number(odd.replications()) + " replications";
        } else if (a.replications() < 2) {
            why = "fewer than 2 replications";
        }
        if (why != null) {
            return new Pairing(false, 0, "unpaired: " + why);
        }
        int n = (int) a.replications();
        return new Pairing(true, n, "paired: common random numbers, " + Figures.number(n) + " pairs");
    }

    // ------------------------------------------------------------------ the tests

    /**
     * A difference of one run from the first: its value and 95% interval (NaN when the test gives none), the test
     * statistic (z or t) and two-sided p-value, the verdict, which test, and for McNemar's the discordant counts.
     */
    public record Difference(double value, double ci95Low, double ci95High, double statistic, double pValue,
                             boolean significant, String verdict, Test test, String why, long onlyA, long onlyB) {
        Difference(double value, double ci95Low, double ci95High, double statistic, double pValue,
                boolean significant, String verdict, Test test, String why) {
            this(value, ci95Low, ci95High, statistic, pValue, significant, verdict, test, why, -1, -1);
        }

        Difference because(String reason) {
            return new Difference(value, ci95Low, ci95High, statistic, pValue, significant, verdict, test, reason,
                    onlyA, onlyB);
        }

        static Difference notComparable(Test test, String why) {
            return new Difference(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, "not comparable",
                    test, why);
        }
    }

    /** The tests, with their names in compare.json. */
    public enum Test {
        PAIRED_T("paired t-test", true, "t"),
        MCNEMAR("McNemar exact test", true, null),
        UNPAIRED_Z("unpaired z-test", false, "z"),
        TWO_PROPORTION_Z("two-proportion z-test", false, "z");

        final String label;
        final boolean paired;
        final String statistic;

        Test(String label, boolean paired, String statistic) {
            this.label = label;
            this.paired = paired;
            this.statistic = statistic;
        }
    }

    /** {@code b - a} of one metric from the two summaries (unpaired): a z-test from the means and intervals. */
    static Difference difference(JsonNode a, JsonNode b) {
        return unpaired(a, b, "mean");
    }

    private static Difference unpaired(JsonNode a, JsonNode b, String field) {
        double ma = a.path(field).asDouble(Double.NaN);
        double mb = b.path(field).asDouble(Double.NaN);
        if (a.path(field).isNull() || b.path(field).isNull() || !Double.isFinite(ma) || !Double.isFinite(mb)) {
            return Difference.notComparable(Test.UNPAIRED_Z, null);
        }
        double sa = standardError(a);
        double sb = standardError(b);
        double d = mb - ma;
        double se = Math.sqrt(sa * sa + sb * sb);
        if (se == 0) {
            return d == 0 ? new Difference(0, 0, 0, 0, 1, false, "identical", Test.UNPAIRED_Z, null)
                    : new Difference(d, d, d, Double.POSITIVE_INFINITY, 0, true,
                            "significant (no spread in either run)", Test.UNPAIRED_Z, null);
        }
        double z = d / se;
        return zVerdict(d, se, z, Test.UNPAIRED_Z);
    }

    private static Difference zVerdict(double d, double se, double z, Test test) {
        boolean sig = Math.abs(z) > Z95;
        double p = 2 * NORMAL.cumulativeProbability(-Math.abs(z));
        return new Difference(d, d - Z95 * se, d + Z95 * se, z, p, sig, verdict(sig, p), test, null);
    }

    /** Half the 95% interval's width over 1.96. */
    static double standardError(JsonNode m) {
        double lo = m.path("ci95Low").asDouble(Double.NaN);
        double hi = m.path("ci95High").asDouble(Double.NaN);
        return Double.isFinite(lo) && Double.isFinite(hi) ? (hi - lo) / (2 * Z95) : 0;
    }

    /** P(data loss): the two-proportion z-test on replications with loss. */
    static Difference lossDifference(Run a, Run b) {
        return twoProportion(a.summary().path("replicationsWithLoss").asLong(), a.replications(),
                b.summary().path("replicationsWithLoss").asLong(), b.replications());
    }

    static Difference twoProportion(long xa, long na, long xb, long nb) {
        double pa = (double) xa / na;
        double pb = (double) xb / nb;
        double pooled = (double) (xa + xb) / (na + nb);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / na + 1.0 / nb));
        if (se == 0) {
            return new Difference(pb - pa, Double.NaN, Double.NaN, 0, 1, false,
                    pa == pb ? "identical" : "not comparable", Test.TWO_PROPORTION_Z, null);
        }
        double z = (pb - pa) / se;
        // The interval: unpooled standard error (the pooled one is for the test under no difference).
        double seDiff = Math.sqrt(pa * (1 - pa) / na + pb * (1 - pb) / nb);
        Difference d = zVerdict(pb - pa, seDiff, z, Test.TWO_PROPORTION_Z);
        // A difference of two probabilities lies in [-1, 1]; so does its interval.
        return new Difference(d.value(), Math.max(-1, d.ci95Low()), Math.min(1, d.ci95High()), d.statistic(),
                d.pValue(), d.significant(), d.verdict(), d.test(), null);
    }

    /**
     * The paired t-test of {@code b[i] - a[i]}: the mean difference, its Student-t 95% interval, t and its
     * two-sided p-value on n - 1 degrees of freedom. Every difference equal: "identical" when zero, else
     * significant with no interval to speak of.
     */
    static Difference pairedT(double[] a, double[] b) {
        int n = a.length;
        if (n != b.length || n < 2) {
            throw new IllegalArgumentException("paired test needs two equally long samples of 2 or more");
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += b[i] - a[i];
        }
        mean /= n;
        double ss = 0;
        boolean allEqual = true;
        double first = b[0] - a[0];
        for (int i = 0; i < n; i++) {
            double d = b[i] - a[i];
            ss += (d - mean) * (d - mean);
            allEqual &= d == first;
        }
        if (allEqual) {
            return first == 0 ? new Difference(0, 0, 0, 0, 1, false, "identical", Test.PAIRED_T, null)
                    : new Difference(first, first, first, Double.POSITIVE_INFINITY, 0, true,
                            "significant (the same difference in every replication)", Test.PAIRED_T, null);
        }
        double se = Math.sqrt(ss / (n - 1) / n);
        TDistribution t = new TDistribution(null, n - 1);
        double q = t.inverseCumulativeProbability(0.975);
        double stat = mean / se;
        double p = 2 * t.cumulativeProbability(-Math.abs(stat));
        boolean sig = Math.abs(stat) > q;
        return new Difference(mean, mean - q * se, mean + q * se, stat, p, sig, verdict(sig, p), Test.PAIRED_T, null);
    }

    /**
     * McNemar's exact test of two paired 0/1 samples: of the discordant replications (an event in one run only),
     * are those with it in B as likely as those with it in A? Two-sided binomial test against one half. The
     * difference is that of the two proportions, (onlyB - onlyA) / n; its interval is left out (a Wald interval of
     * few discordant pairs would disagree with the exact test).
     */
    static Difference mcnemar(double[] a, double[] b) {
        int n = a.length;
        if (n != b.length || n < 1) {
            throw new IllegalArgumentException("McNemar's test needs two equally long samples");
        }
        long onlyA = 0;
        long onlyB = 0;
        for (int i = 0; i < n; i++) {
            boolean x = a[i] != 0;
            boolean y = b[i] != 0;
            if (x && !y) {
                onlyA++;
            } else if (y && !x) {
                onlyB++;
            }
        }
        double d = (double) (onlyB - onlyA) / n;
        if (onlyA + onlyB == 0) {
            return new Difference(0, Double.NaN, Double.NaN, Double.NaN, 1, false, "identical", Test.MCNEMAR, null,
                    0, 0);
        }
        double p = new BinomialTest().binomialTest((int) (onlyA + onlyB), (int) onlyB, 0.5,
                AlternativeHypothesis.TWO_SIDED);
        boolean sig = p < 0.05;
        return new Difference(d, Double.NaN, Double.NaN, Double.NaN, p, sig, verdict(sig, p), Test.MCNEMAR, null,
                onlyA, onlyB);
    }

    private static String verdict(boolean significant, double p) {
        return (significant ? "significant" : "not significant") + " (p " + pValue(p) + ")";
    }

    static String pValue(double p) {
        return p < 0.001 ? "< 0.001" : "= " + String.format(Locale.ROOT, "%.3f", p);
    }

    /** {@code runs[i] - runs[0]} of one metric, by the paired test when the pairing allows it. */
    Difference difference(Metric metric, int i) {
        Run a = runs.get(0);
        Run b = runs.get(i);
        Pairing pairing = pairings.get(i - 1);
        JsonNode ma = a.summary().path("metrics").path(metric.key());
        JsonNode mb = b.summary().path("metrics").path(metric.key());
        if (!pairing.paired()) {
            return difference(ma, mb).because(pairing.description());
        }
        if (!ReplicationTable.METRICS.contains(metric)) {
            return difference(ma, mb).because("unpaired: a mean over outages, not a value per replication");
        }
        double[] va = a.replicationValues().column(metric.key());
        double[] vb = b.replicationValues().column(metric.key());
        if (va == null || vb == null) {
            return difference(ma, mb).because("unpaired: " + (va == null ? "A" : letter(i)) + "'s "
                    + ReplicationsCsv.FILE + " has no column " + metric.key());
        }
        return pairedT(va, vb);
    }

    /** A probability compared: P(data loss), or of one severity class. */
    private record Probability(String key, String label, String indicator, String severity) {
    }

    private static final List<Probability> PROBABILITIES = List.of(
            new Probability("probabilityOfDataLoss", "P(data loss within the horizon)", "lostData", null),
            new Probability("probabilityOfArrayLoss", "P(a whole-array loss within the horizon)", "arrayLoss",
                    "arrayLoss"),
            new Probability("probabilityOfSectorLoss", "P(a sector loss within the horizon)", "sectorLoss",
                    "sectorLoss"),
            new Probability("probabilityOfOutage", "P(a storage outage without loss within the horizon)", "outage",
                    "outage"));

    private static JsonNode estimate(Run r, Probability p) {
        return p.severity() == null ? r.summary().path("probabilityOfDataLoss")
                : r.summary().path("severity").path(p.severity()).path("probability");
    }

    /** Replications of {@code r} with at least one event of {@code p}, as its summary counts them. */
    private static long count(Run r, Probability p) {
        if (p.severity() == null) {
            return r.summary().path("replicationsWithLoss").asLong();
        }
        JsonNode e = estimate(r, p);
        return e.hasNonNull("bound") ? 0 : Math.round(e.path("estimate").asDouble() * r.replications());
    }

    Difference difference(Probability prob, int i) {
        Run a = runs.get(0);
        Run b = runs.get(i);
        Pairing pairing = pairings.get(i - 1);
        // The outage class is never estimated by the rare-event estimator; the loss classes are when it ran.
        boolean rare = !prob.indicator().equals("outage") && (a.rareEstimate() || b.rareEstimate());
        if (rare) {
            return unpaired(estimate(a, prob), estimate(b, prob), "estimate").because("unpaired: "
                    + (a.rareEstimate() ? "A" : letter(i)) + "'s probability is a rare-event estimate, not a share"
                    + " of its replications");
        }
        if (pairing.paired()) {
            double[] va = a.replicationValues().column(prob.indicator());
            double[] vb = b.replicationValues().column(prob.indicator());
            if (va != null && vb != null) {
                return mcnemar(va, vb);
            }
        }
        return twoProportion(count(a, prob), a.replications(), count(b, prob), b.replications())
                .because(pairing.paired() ? "unpaired: no column " + prob.indicator() + " in "
                        + ReplicationsCsv.FILE : pairing.description());
    }

    // ------------------------------------------------------------------ page and JSON

    /** A row of the page: a metric, each run's value and interval, each later run's difference from the first. */
    public record Row(String metric, List<Cell> values, List<Cell> differences) {
    }

    /** A cell: its text, a line below it, for differences whether significant, and a note (test, interval). */
    public record Cell(String text, String detail, boolean significant, String note) {
        public Cell(String text, String detail, boolean significant) {
            this(text, detail, significant, "");
        }
    }

    /** A run as the page lists it. */
    public record Listed(String letter, String label, String folder, String seed, String replications) {
    }

    /** A later run's column: its letter and how it was compared with A. */
    public record Column(String letter, String test, boolean paired) {
    }

    public String html() {
        Map<String, Object> page = new LinkedHashMap<>();
        Run first = runs.get(0);
        List<Listed> listed = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            listed.add(new Listed(letter(i), r.label(), r.folder(), Long.toString(r.seed()),
                    Figures.number(r.replications())));
        }
        List<Column> later = new ArrayList<>();
        for (int i = 1; i < runs.size(); i++) {
            Pairing p = pairings.get(i - 1);
            later.add(new Column(letter(i), p.description(), p.paired()));
        }
        page.put("title", "mailsim compare: " + String.join(" | ", runs.stream().map(Run::label).toList()));
        page.put("runs", listed);
        page.put("later", later);
        page.put("anyPaired", pairings.stream().anyMatch(Pairing::paired));
        page.put("anyUnpaired", pairings.stream().anyMatch(p -> !p.paired()));
        List<Row> rows = new ArrayList<>();
        for (Probability prob : PROBABILITIES) {
            List<Cell> values = new ArrayList<>();
            List<Cell> diffs = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                JsonNode p = estimate(runs.get(i), prob);
                boolean bound = p.hasNonNull("bound");
                values.add(new Cell(bound ? "< " + Figures.percent(p.path("ci95High").asDouble())
                        : Figures.percent(p.path("estimate").asDouble()), bound ? "none seen; 95% upper bound"
                        : Figures.percent(p.path("ci95Low").asDouble()) + " to "
                        + Figures.percent(p.path("ci95High").asDouble()), false));
                if (i > 0) {
                    Difference d = difference(prob, i);
                    String note = d.test() == Test.MCNEMAR ? (d.onlyA() + d.onlyB() == 0
                            ? "same replications in both" : "only in A: " + d.onlyA() + ", only in " + letter(i)
                            + ": " + d.onlyB()) : interval(d, v -> points(v));
                    diffs.add(new Cell(points(d.value()), unbroken(d.verdict()), d.significant(), join(note, d.why(),
                            later, i)));
                }
            }
            rows.add(new Row(prob.label(), values, diffs));
        }
        String currency = first.summary().path("currency").asText("");
        for (Metric metric : Metric.values()) {
            List<Cell> values = new ArrayList<>();
            List<Cell> diffs = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                JsonNode m = runs.get(i).summary().path("metrics").path(metric.key());
                values.add(new Cell(value(m, metric), interval(m, metric), false));
                if (i > 0) {
                    Difference d = difference(metric, i);
                    diffs.add(new Cell(Double.isFinite(d.value()) ? signed(d.value(), metric) : "",
                            unbroken(d.verdict()), d.significant(), join(interval(d, v -> signed(v, metric)), d.why(),
                            later, i)));
                }
            }
            rows.add(new Row(label(metric, currency), values, diffs));
        }
        page.put("rows", rows);
        return Html.render("compare", page);
    }

    /** No line break inside "p < 0.001" in a narrow cell. */
    private static String unbroken(String verdict) {
        return verdict.replace("p < ", "p\u00a0<\u00a0").replace("p = ", "p\u00a0=\u00a0");
    }

    /** The note under a difference: its interval, and the test when it is not the column's. */
    private static String join(String interval, String why, List<Column> later, int i) {
        String columnTest = later.get(i - 1).test();
        String test = why == null || why.equals(columnTest) ? "" : why;
        return interval.isEmpty() ? test : test.isEmpty() ? interval : interval + "; " + test;
    }

    private static String interval(Difference d, java.util.function.DoubleFunction<String> format) {
        if (!Double.isFinite(d.ci95Low()) || !Double.isFinite(d.ci95High()) || d.ci95Low() == d.ci95High()) {
            return "";
        }
        return "95% CI " + format.apply(d.ci95Low()) + " to " + format.apply(d.ci95High());
    }

    private static String points(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        return (v > 0 ? "+" : v < 0 ? "-" : "") + Figures.percent(Math.abs(v)).replace("%", " points");
    }

    /**
     * The same comparison as JSON: every run, how each later run was compared with the first (paired or not, and
     * why), and per metric and probability each later run's difference, its interval, statistic, p-value, test
     * and verdict.
     */
    public String json() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("runs");
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            ObjectNode n = list.addObject();
            n.put("label", r.label());
            n.put("folder", r.folder());
            n.put("scenario", r.scenario());
            ArrayNode o = n.putArray("overrides");
            r.overrides().forEach(o::add);
            n.put("seed", r.seed());
            n.put("replications", r.replications());
            n.put("replicationValues", r.replicationValues() != null);
            if (i > 0) {
                Pairing p = pairings.get(i - 1);
                ObjectNode c = n.putObject("comparedWithFirst");
                c.put("paired", p.paired());
                c.put("pairs", p.pairs());
                c.put("test", p.description());
            }
        }
        ObjectNode metrics = root.putObject("differencesFromFirst");
        for (Metric metric : Metric.values()) {
            ArrayNode arr = metrics.putArray(metric.key());
            for (int i = 1; i < runs.size(); i++) {
                put(arr.addObject(), difference(metric, i), pairings.get(i - 1));
            }
        }
        for (Probability prob : PROBABILITIES) {
            ArrayNode arr = metrics.putArray(prob.key());
            for (int i = 1; i < runs.size(); i++) {
                put(arr.addObject(), difference(prob, i), pairings.get(i - 1));
            }
        }
        root.put("test", "two-sided at 5%: paired where both runs used the same seed and replications and kept"
                + " replications.csv (paired t-test on each replication's difference; McNemar's exact test for"
                + " probabilities), else unpaired (z-test from each run's mean and 95% interval; two-proportion"
                + " z-test for probabilities); each difference names its test");
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static void put(ObjectNode n, Difference d, Pairing pairing) {
        number(n, "difference", d.value());
        number(n, "ci95Low", d.ci95Low());
        number(n, "ci95High", d.ci95High());
        number(n, "z", "z".equals(d.test().statistic) ? d.statistic() : Double.NaN);
        number(n, "t", "t".equals(d.test().statistic) ? d.statistic() : Double.NaN);
        number(n, "pValue", d.pValue());
        n.put("significant", d.significant());
        n.put("verdict", d.verdict());
        n.put("test", d.test().label);
        n.put("paired", d.test().paired);
        n.put("pairs", d.test().paired ? pairing.pairs() : 0);
        if (d.why() != null) {
            n.put("why", d.why());
        } else {
            n.putNull("why");
        }
        if (d.test() == Test.MCNEMAR) {
            n.put("onlyFirst", d.onlyA());
            n.put("onlyThis", d.onlyB());
        }
    }

    private static void number(ObjectNode n, String field, double v) {
        if (Double.isFinite(v)) {
            n.put(field, v);
        } else {
            n.putNull(field);
        }
    }

    static String letter(int i) {
        return String.valueOf((char) ('A' + i));
    }

    private static String label(Metric metric, String currency) {
        return switch (metric) {
            case TOTAL_COST -> "expected total cost" + (currency.isEmpty() ? "" : " (" + currency + ")");
            case HOURS_TO_RESTORE_SERVICE, HOURS_TO_FULL_RECOVERY -> "mean " + Words.metric(metric);
            // The Metric's label says "expected" where a value is an expectation over where losses fall.
            default -> (metric.label().startsWith("expected ") ? "" : "expected ") + metric.label()
                    + " per replication";
        };
    }

    private static String value(JsonNode m, Metric metric) {
        if (m.path("count").asLong() == 0 || m.path("mean").isNull()) {
            return metric == Metric.HOURS_TO_RESTORE_SERVICE || metric == Metric.HOURS_TO_FULL_RECOVERY
                    ? Words.NO_OUTAGE : "n/a";
        }
        return format(m.path("mean").asDouble(), metric);
    }

    private static String interval(JsonNode m, Metric metric) {
        if (m.path("count").asLong() == 0 || m.path("mean").isNull()) {
            return "";
        }
        return format(m.path("ci95Low").asDouble(), metric) + " to " + format(m.path("ci95High").asDouble(), metric);
    }

    private static String format(double v, Metric metric) {
        return Words.metricValue(metric, v);
    }

    private static String signed(double v, Metric metric) {
        return (v > 0 ? "+" : v < 0 ? "-" : "") + format(Math.abs(v), metric);
    }
}
